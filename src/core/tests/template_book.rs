//! Template → workbook → template, for every shipped template.

use super::*;
use crate::core::catalog::builtin_templates;

/// `template` with `source` taken from `like`: two templates read from
/// different texts are otherwise never equal.
fn with_source(mut template: Template, like: &Template) -> Template {
    template.source = like.source.clone();
    template
}

#[test]
fn every_shipped_template_reads_back_from_its_sheets() {
    for (id, template) in builtin_templates() {
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        let template = template.unwrap();
        let book = as_workbook(&template_sheets(&template));
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        let back = template_from_workbook(&book).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(with_source(back, &template), template, "{id}");
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        let file: serde_json::Value = serde_json::from_str(&template.source).unwrap();
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        let again: serde_json::Value =
            serde_json::from_str(&workbook_json(&book).unwrap()).unwrap();
        assert_eq!(
            difference(&again, &file, id),
            None,
            "{id}: the same file, field for field"
        );
    }
}

/// The first place two files differ, as the loader reads them: numbers by
/// value (`95` and `95.0` are one number); a field left out, `null`, `""`,
/// `false` and `[]` alike (each is its field's default).
fn difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if is_default(a) && is_default(b) => None,
        (Value::Object(x), Value::Object(y)) => {
            let keys = x.keys().chain(y.keys());
            for key in keys {
                let (p, q) = (
                    x.get(key).unwrap_or(&Value::Null),
                    y.get(key).unwrap_or(&Value::Null),
                );
                if let Some(d) = difference(p, q, &format!("{at}.{key}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(n, (p, q))| difference(p, q, &format!("{at}[{n}]"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} ≠ {b}")),
    }
}

fn is_default(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

#[test]
fn what_a_clerk_types_in_a_code_or_a_name_stays_as_typed() {
    use crate::core::template_book::tables::ROW_TABLE;
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    let template = crate::core::catalog::builtin_template("xa-01b").unwrap();
    let sheets = template_sheets(&template);
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    let rows = sheets.iter().find(|s| s.name == ROW_TABLE.name).unwrap();
    let text = |path: &str| {
        let column = ROW_TABLE.columns.iter().position(|c| c.path == path);
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        rows.text_columns.contains(&column.unwrap())
    };
    // «Mã» 2.10 must not become 2,1, nor «Nội dung» 1/7 a date.
    for path in ["@section", "code", "label", "unit", "kind"] {
        assert!(text(path), "«{path}» keeps what is typed as text");
    }
    // «Số lẻ» is a figure.
    assert!(!text("decimals"));
}
