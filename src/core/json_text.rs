//! JSON text laid out for a person: the compact text serde_json writes,
//! indented as `serde_json::to_string_pretty` would indent it. One small
//! non-generic pass instead of a second, pretty, copy of every type's
//! serialisation code in the wasm.

/// Indents compact JSON by two spaces per level, with `": "` after keys;
/// `{}` and `[]` stay as they are. Text inside strings is untouched.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        (0..depth).for_each(|_| out.push_str("  "));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::indent;
    use proptest::prelude::*;

    fn json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "\\PC{0,12}".prop_map(serde_json::Value::from),
            "[\"\\\\{}\\[\\],: a]{0,8}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z:,{}\"]{0,6}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn indents_as_serde_json_pretty_does(value in json()) {
            let compact = serde_json::to_string(&value).unwrap();
            prop_assert_eq!(indent(&compact), serde_json::to_string_pretty(&value).unwrap());
        }
    }

    #[test]
    fn empty_containers_and_strings_stay() {
        assert_eq!(
            indent(r#"{"a":[],"b":{},"c":"x,{y}:\"z\""}"#),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"x,{y}:\\\"z\\\"\"\n}"
        );
    }
}
