//! A draft's fields read by key: one field's value, every field that holds
//! something, and the fields one save changed.

use std::borrow::Cow;
use std::cell::Cell;

use super::keys::{AUTHOR, COMPARE, NAME, PREFIXES, PREVIOUS, ROW, SUMMARY};
use crate::core::header::HeaderField;
use crate::core::json_write;
use crate::core::key_map::KeyMap;
use crate::core::key_set::KeySet;
use crate::core::report::Report;

/// The parts of a draft that are fields.
pub struct Parts<'a> {
    pub report: &'a Report,
    pub name: &'a str,
    pub author: &'a str,
}

fn previous_text(choice: &Option<String>) -> String {
    choice
        .as_ref()
        .map(|id| format!("={id}"))
        .unwrap_or_default()
}

fn mark(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        ""
    }
}

impl<'a> Parts<'a> {
    /// The value of a field in this draft; `None` for a row's place, which
    /// only the history holds.
    pub fn get(&self, key: &str) -> Option<Cow<'a, str>> {
        let report = self.report;
        let text = |t: Option<&'a String>| Some(Cow::Borrowed(t.map_or("", String::as_str)));
        match key {
            NAME => return Some(self.name.into()),
            AUTHOR => return Some(self.author.into()),
            PREVIOUS => return Some(previous_text(&report.predecessor).into()),
            COMPARE => return Some(previous_text(&report.compare_with).into()),
            SUMMARY => {
                return Some(
                    report
                        .commune_summary
                        .as_ref()
                        .map(json_write::to_string)
                        .unwrap_or_default()
                        .into(),
                )
            }
            _ => {}
        }
        if key.starts_with(ROW) {
            return None;
        }
        let Some((prefix, rest)) = PREFIXES
            .iter()
            .find_map(|p| key.strip_prefix(p).map(|rest| (*p, rest)))
        else {
            return text(report.values.get(key));
        };
        match prefix {
            "note:" => text(report.notes.get(rest)),
            "outline:" => text(report.narrative.get(rest)),
            "unconfirmed:" => Some(mark(report.unconfirmed.contains(rest)).into()),
            "dismissed:" => Some(mark(report.dismissed.contains(rest)).into()),
            "left-out:" => Some(mark(report.left_out.contains(rest)).into()),
            _ => Some(
                HeaderField::from_key(rest)
                    .map(|f| report.header.get(f))
                    .unwrap_or_default()
                    .into(),
            ),
        }
    }

    /// As [`Parts::get`], for keys asked in sorted order (a history's): a
    /// value is found by walking the values on from where `at` stopped,
    /// not by searching them all for each key.
    pub fn get_in_order(&self, key: &str, at: &Cell<usize>) -> Option<Cow<'a, str>> {
        if key.contains(':') || [NAME, AUTHOR, PREVIOUS, COMPARE, SUMMARY].contains(&key) {
            return self.get(key);
        }
        let list = self.report.values.as_slice();
        let mut i = at.get();
        while list.get(i).is_some_and(|(k, _)| k.as_str() < key) {
            i += 1;
        }
        at.set(i);
        Some(
            list.get(i)
                .filter(|(k, _)| k == key)
                .map_or("", |(_, v)| v.as_str())
                .into(),
        )
    }

    /// Every field that holds something, rows' places left out.
    pub fn all(&self) -> Vec<(String, String)> {
        let report = self.report;
        let mut out: Vec<(String, String)> = Vec::new();
        let mut add = |key: String, value: String| {
            if !value.is_empty() {
                out.push((key, value));
            }
        };
        add(NAME.into(), self.name.into());
        add(AUTHOR.into(), self.author.into());
        add(PREVIOUS.into(), previous_text(&report.predecessor));
        add(COMPARE.into(), previous_text(&report.compare_with));
        add(
            SUMMARY.into(),
            report
                .commune_summary
                .as_ref()
                .map(json_write::to_string)
                .unwrap_or_default(),
        );
        for field in HeaderField::ALL {
            add(format!("header:{}", field.key()), report.header.get(field));
        }
        for (code, text) in &report.values {
            add(code.clone(), text.clone());
        }
        for (code, text) in &report.notes {
            add(format!("note:{code}"), text.clone());
        }
        for (id, text) in &report.narrative {
            add(format!("outline:{id}"), text.clone());
        }
        for code in report.unconfirmed.iter() {
            add(format!("unconfirmed:{code}"), "1".into());
        }
        for key in report.dismissed.iter() {
            add(format!("dismissed:{key}"), "1".into());
        }
        for id in report.left_out.iter() {
            add(format!("left-out:{id}"), "1".into());
        }
        out
    }

    /// The fields that differ from `self` in `new`, with their new values
    /// (rows' places left out): what one save writes.
    pub fn changes(&self, new: &Parts<'_>) -> Vec<(String, String)> {
        let (old, next) = (self.report, new.report);
        let mut out = Vec::new();
        for key in [NAME, AUTHOR, PREVIOUS, COMPARE, SUMMARY] {
            let value = new.get(key).unwrap_or_default();
            if self.get(key).unwrap_or_default() != value {
                out.push((key.to_string(), value.into_owned()));
            }
        }
        if old.header != next.header {
            for field in HeaderField::ALL {
                let value = next.header.get(field);
                if old.header.get(field) != value {
                    out.push((format!("header:{}", field.key()), value));
                }
            }
        }
        diff(&old.values, &next.values, "", &mut out);
        diff(&old.notes, &next.notes, "note:", &mut out);
        diff(&old.narrative, &next.narrative, "outline:", &mut out);
        diff_marks(
            &old.unconfirmed,
            &next.unconfirmed,
            "unconfirmed:",
            &mut out,
        );
        diff_marks(&old.dismissed, &next.dismissed, "dismissed:", &mut out);
        diff_marks(&old.left_out, &next.left_out, "left-out:", &mut out);
        out
    }
}

/// The keys whose texts differ between two sorted maps, walked together.
fn diff(old: &KeyMap<String>, new: &KeyMap<String>, prefix: &str, out: &mut Vec<(String, String)>) {
    if old == new {
        return;
    }
    let (mut a, mut b) = (old.iter().peekable(), new.iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some((ka, _)), Some((kb, vb))) if ka == kb => {
                if a.next().map(|(_, va)| va) != Some(vb) {
                    out.push((format!("{prefix}{kb}"), vb.clone()));
                }
                b.next();
            }
            (Some((ka, _)), Some((kb, _))) if ka > kb => {
                out.extend(b.next().map(|(k, v)| (format!("{prefix}{k}"), v.clone())));
            }
            (Some(_), _) => {
                out.extend(
                    a.next()
                        .map(|(k, _)| (format!("{prefix}{k}"), String::new())),
                );
            }
            (None, Some(_)) => {
                out.extend(b.next().map(|(k, v)| (format!("{prefix}{k}"), v.clone())));
            }
        }
    }
}

fn diff_marks(old: &KeySet, new: &KeySet, prefix: &str, out: &mut Vec<(String, String)>) {
    for key in old.iter().filter(|k| !new.contains(k)) {
        out.push((format!("{prefix}{key}"), String::new()));
    }
    for key in new.iter().filter(|k| !old.contains(k)) {
        out.push((format!("{prefix}{key}"), "1".into()));
    }
}
