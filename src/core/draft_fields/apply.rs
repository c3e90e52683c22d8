//! Fields of a draft set by key: one at a time, or many at once (what a
//! merge brings).

use super::keys::{AUTHOR, COMPARE, NAME, PREFIXES, PREVIOUS, ROW, SUMMARY};
use crate::core::header::HeaderField;
use crate::core::report::Report;

/// Sets many fields at once: values and notes in one sort and merge each
/// (a merge brings a thousand cells), the others one by one.
pub fn set_all(
    report: &mut Report,
    name: &mut String,
    author: &mut String,
    fields: Vec<(&str, &str)>,
) {
    let (mut values, mut notes) = (Vec::new(), Vec::new());
    for (key, value) in fields {
        if key.starts_with(ROW) || key == SUMMARY {
            continue;
        }
        match key.strip_prefix("note:") {
            Some(code) => notes.push((code.to_string(), value.to_string())),
            None if !is_other(key) => values.push((key.to_string(), value.to_string())),
            None => set(report, name, author, key, value),
        }
    }
    report.set_values(values);
    report.set_notes(notes);
}

/// Whether `key` is a field other than a value: a name, a prefix of its own.
fn is_other(key: &str) -> bool {
    [NAME, AUTHOR, PREVIOUS, COMPARE, SUMMARY].contains(&key)
        || PREFIXES.iter().any(|p| key.starts_with(p))
}

/// Sets one field of a draft (not a row's place).
pub fn set(report: &mut Report, name: &mut String, author: &mut String, key: &str, value: &str) {
    match key {
        NAME => *name = value.to_string(),
        AUTHOR => *author = value.to_string(),
        PREVIOUS => report.predecessor = value.strip_prefix('=').map(str::to_string),
        COMPARE => report.compare_with = value.strip_prefix('=').map(str::to_string),
        // A roll-up's summary is never typed: a merge takes the other copy's
        // whole (`copies::merge`), and nothing else sets it.
        SUMMARY => {}
        _ => {
            let Some((prefix, rest)) = PREFIXES
                .iter()
                .find_map(|p| key.strip_prefix(p).map(|rest| (*p, rest)))
            else {
                report.set_value(key, value);
                return;
            };
            let text = || {
                vec![(
                    rest.to_string(),
                    Some(value.to_string()).filter(|v| !v.is_empty()),
                )]
            };
            match prefix {
                "note:" => report.notes.set_many(text()),
                "outline:" => report.narrative.set_many(text()),
                "unconfirmed:" | "dismissed:" | "left-out:" => {
                    let marks = match prefix {
                        "unconfirmed:" => &mut report.unconfirmed,
                        "dismissed:" => &mut report.dismissed,
                        _ => &mut report.left_out,
                    };
                    if value.is_empty() {
                        marks.retain(|k| k != rest);
                    } else if !marks.contains(rest) {
                        marks.insert(rest.to_string());
                    }
                }
                _ => {
                    if let Some(field) = HeaderField::from_key(rest) {
                        report.header.set(field, value.to_string());
                    }
                }
            }
        }
    }
}
