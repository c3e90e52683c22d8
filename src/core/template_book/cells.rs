//! A field's JSON value as a cell, and a cell's text back as the value;
//! the cell forms are [`Kind`]'s. Reading tolerates what spreadsheet
//! programs do: numbers stored as text or written `2.0`, a decimal comma,
//! spaces around codes, lists separated by `,`, `;` or new lines.

use serde_json::{Map, Value};

use super::tables::Kind;
use crate::core::export::xlsx::book::BookCell;

const YES: &str = "có";
const ARROW: &str = " → ";

/// The field at `path` ("change.ratio") in `item`.
pub(super) fn get<'a>(item: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(item, |value, key| value.get(key))
}

/// The field at `path` in an object.
pub(super) fn get_in<'a>(item: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let value = item.get(head)?;
    if rest.is_empty() {
        Some(value)
    } else {
        get(value, rest)
    }
}

/// Sets the field at `path` in `item`, making the objects on the way.
pub(super) fn set(item: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            item.insert(path.to_string(), value);
        }
        Some((head, rest)) => {
            let inner = item
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !inner.is_object() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(map) = inner {
                set(map, rest, value);
            }
        }
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn joined(value: &Value) -> String {
    match value {
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
        other => text(other),
    }
}

/// The cell that shows `value` as `kind`.
pub(super) fn to_cell(value: Option<&Value>, kind: Kind) -> BookCell {
    let Some(value) = value else {
        return BookCell::Text(String::new());
    };
    let shown = match kind {
        Kind::Int | Kind::Num => match value.as_f64() {
            Some(n) => return BookCell::Number(n),
            None => text(value),
        },
        Kind::Bool => match value {
            Value::Bool(true) => YES.to_string(),
            _ => String::new(),
        },
        Kind::Codes | Kind::Numbers | Kind::Picks(_) => joined(value),
        Kind::Options => match value {
            Value::Array(items) => items
                .iter()
                .map(|o| {
                    let code = o.get("code").map(text).unwrap_or_default();
                    let label = o.get("label").map(text).unwrap_or_default();
                    format!("{code} = {label}")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            other => text(other),
        },
        Kind::Renames => match value {
            Value::Object(map) => map
                .iter()
                .map(|(old, new)| format!("{old}{ARROW}{}", text(new)))
                .collect::<Vec<_>>()
                .join(", "),
            other => text(other),
        },
        Kind::Text | Kind::Code | Kind::Pick(_) => text(value),
    };
    BookCell::Text(shown)
}

/// A number as typed: `2`, `2.0`, `0,5`, ` 1 603 `.
fn number(cell: &str) -> Option<f64> {
    let cleaned: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let cleaned = if cleaned.contains('.') {
        cleaned
    } else {
        cleaned.replace(',', ".")
    };
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn whole(cell: &str) -> Result<Value, String> {
    match number(cell) {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => {
            Ok(Value::from(n as u64))
        }
        _ => Err(format!("«{cell}» phải là một số nguyên không âm, vd. 2")),
    }
}

fn list(cell: &str) -> Vec<&str> {
    cell.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn pick(word: &str, choices: &[&str]) -> Result<Value, String> {
    choices
        .iter()
        .find(|c| c.eq_ignore_ascii_case(word) || c.to_lowercase() == word.to_lowercase())
        .map(|c| Value::from(*c))
        .ok_or_else(|| {
            format!(
                "«{word}» không hợp lệ; chọn một trong: {}",
                choices.join(", ")
            )
        })
}

/// A yes/no cell: «có», «x», «1», «true» or «không», «0», «false».
pub(super) fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "có" | "co" | "x" | "1" | "true" | "yes" => Some(true),
        "không" | "khong" | "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// The value of a cell read as `kind`; `None` when the cell is empty.
pub(super) fn from_cell(cell: &str, kind: Kind) -> Result<Option<Value>, String> {
    let trimmed = cell.trim();
    // Text keeps its spaces: a message of one space is a message.
    if cell.is_empty() || (trimmed.is_empty() && kind != Kind::Text) {
        return Ok(None);
    }
    let value = match kind {
        Kind::Text => Value::from(cell),
        Kind::Code => Value::from(trimmed),
        Kind::Int => whole(trimmed)?,
        Kind::Num => match number(trimmed) {
            Some(n) => Value::from(n),
            None => return Err(format!("«{trimmed}» phải là một số, vd. 0,5")),
        },
        Kind::Bool => match yes_no(trimmed) {
            Some(b) => Value::from(b),
            None => return Err(format!("«{trimmed}» phải là «có» hoặc «không»")),
        },
        Kind::Codes => Value::from(list(trimmed)),
        Kind::Numbers => Value::Array(
            list(trimmed)
                .into_iter()
                .map(whole)
                .collect::<Result<_, _>>()?,
        ),
        Kind::Picks(choices) => Value::Array(
            list(trimmed)
                .into_iter()
                .map(|w| pick(w, choices))
                .collect::<Result<_, _>>()?,
        ),
        Kind::Pick(choices) => pick(trimmed, choices)?,
        Kind::Options => Value::Array(
            trimmed
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .map(option)
                .collect::<Result<_, _>>()?,
        ),
        Kind::Renames => {
            let mut map = Map::new();
            for pair in list(trimmed) {
                let (old, new) = ["→", "->", ">"]
                    .iter()
                    .find_map(|arrow| pair.split_once(arrow))
                    .ok_or_else(|| format!("«{pair}» phải có dạng \"mã cũ → mã mới\""))?;
                map.insert(old.trim().to_string(), Value::from(new.trim()));
            }
            Value::Object(map)
        }
    };
    Ok(Some(value))
}

fn option(line: &str) -> Result<Value, String> {
    let bad = || {
        format!(
            "lựa chọn «{}» phải có dạng \"mã = tên\", vd. 1 = Trực tiếp",
            line.trim()
        )
    };
    let (code, label) = line.split_once('=').ok_or_else(bad)?;
    let code = number(code)
        .filter(|n| n.fract() == 0.0 && n.abs() < 1e15)
        .ok_or_else(bad)?;
    let mut map = Map::new();
    map.insert("code".into(), Value::from(code as i64));
    map.insert("label".into(), Value::from(label.trim()));
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::template_book::tables::Kind;

    #[test]
    fn numbers_are_read_as_spreadsheets_leave_them() {
        assert_eq!(from_cell("2.0", Kind::Int), Ok(Some(Value::from(2u64))));
        assert_eq!(from_cell(" 3 ", Kind::Int), Ok(Some(Value::from(3u64))));
        assert_eq!(from_cell("0,5", Kind::Num), Ok(Some(Value::from(0.5))));
        assert!(from_cell("hai", Kind::Int).is_err());
        assert_eq!(
            from_cell("4; 5,6", Kind::Numbers),
            Ok(Some(Value::from(vec![4u64, 5, 6])))
        );
        assert_eq!(from_cell("", Kind::Text), Ok(None));
    }

    #[test]
    fn choices_and_renames_read_back() {
        let cell = to_cell(
            Some(
                &serde_json::json!([{"code": 0, "label": "Trực tuyến"}, {"code": 1, "label": "Trực tiếp"}]),
            ),
            Kind::Options,
        );
        let BookCell::Text(text) = cell else { panic!() };
        assert_eq!(text, "0 = Trực tuyến\n1 = Trực tiếp");
        assert_eq!(
            from_cell(&text, Kind::Options).unwrap().unwrap(),
            serde_json::json!([{"code": 0, "label": "Trực tuyến"}, {"code": 1, "label": "Trực tiếp"}])
        );
        assert_eq!(
            from_cell("1.2 -> 1.2a, 3 → 4", Kind::Renames)
                .unwrap()
                .unwrap(),
            serde_json::json!({"1.2": "1.2a", "3": "4"})
        );
    }
}
