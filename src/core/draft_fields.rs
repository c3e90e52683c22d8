//! A draft as fields with keys, for its history (`core::history`): what
//! one save changed, what a merge sets, what the clerk chooses between.
//!
//! The keys are the page hooks of a conflict (`data-conflict`):
//! an indicator's or a grid cell's code for its value, `note:<code>`,
//! `header:<field>`, `outline:<item>`, `name` and `author`; and, merged
//! without asking, `unconfirmed:<code>` and `dismissed:<key>` (marks),
//! `previous` (the report compared with), `summary` (a roll-up's summary)
//! and `row:<section>/<row key>` (a grid row's place, `core::position`; a
//! removed row's is `-<place>`). Template codes never hold `:`.

use std::borrow::Cow;
use std::cell::Cell;

use super::header::HeaderField;
use super::history::{Entries, History};
use super::json_write;
use super::key_map::KeyMap;
use super::key_set::KeySet;
use super::position;
use super::report::Report;
use super::template::RESERVED_CODES;

pub const NAME: &str = RESERVED_CODES[0];
pub const AUTHOR: &str = RESERVED_CODES[1];
pub const PREVIOUS: &str = RESERVED_CODES[2];
pub const COMPARE: &str = RESERVED_CODES[3];
pub const SUMMARY: &str = RESERVED_CODES[4];
pub const ROW: &str = "row:";
const PREFIXES: [&str; 5] = ["note:", "header:", "outline:", "unconfirmed:", "dismissed:"];

/// The parts of a draft that are fields.
pub struct Parts<'a> {
    pub report: &'a Report,
    pub name: &'a str,
    pub author: &'a str,
}

/// Whether a conflict on `key` is the clerk's to settle: figures, notes,
/// texts and the name are; marks, the choice of report before, a roll-up's
/// summary, who a copy is for and rows' places settle themselves (the
/// newest wins; a row kept by either side stays).
pub fn asks(key: &str) -> bool {
    !(key.starts_with("unconfirmed:")
        || key.starts_with("dismissed:")
        || key.starts_with(ROW)
        || [PREVIOUS, COMPARE, SUMMARY, AUTHOR].contains(&key))
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
            _ => Some(
                HeaderField::ALL
                    .into_iter()
                    .find(|f| f.key() == rest)
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
                "unconfirmed:" | "dismissed:" => {
                    let marks = if prefix == "unconfirmed:" {
                        &mut report.unconfirmed
                    } else {
                        &mut report.dismissed
                    };
                    if value.is_empty() {
                        marks.retain(|k| k != rest);
                    } else if !marks.contains(rest) {
                        marks.insert(rest.to_string());
                    }
                }
                _ => {
                    if let Some(field) = HeaderField::ALL.into_iter().find(|f| f.key() == rest) {
                        report.header.set(field, value.to_string());
                    }
                }
            }
        }
    }
}

/// A row's place from its entries: the newest place where it is kept
/// (`true`), else the newest place it was removed from (`false`).
pub fn place(entries: &Entries) -> Option<(&str, bool)> {
    let newest = |alive: bool| {
        entries
            .iter()
            .rev()
            .map(|(_, v)| v.as_str())
            .find(|v| !v.is_empty() && v.starts_with('-') != alive)
    };
    match newest(true) {
        Some(at) => Some((at, true)),
        None => newest(false).map(|at| (at.trim_start_matches('-'), false)),
    }
}

/// `(section, row key)` of a row field's key.
fn row_of(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix(ROW)?.split_once('/')
}

/// The row lists the history holds: in each section, the rows kept, and a
/// removed row whose cells another copy filled since (its cells hold a
/// value that is not empty), in the order of their places.
pub fn rows(history: &History) -> KeyMap<Vec<String>> {
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (key, entries) in history.with_prefix(ROW) {
        let (Some((section, row)), Some((at, alive))) = (row_of(key), place(entries)) else {
            continue;
        };
        let kept = alive || {
            let prefix = format!("{section}/{row}/");
            let filled = history
                .with_prefix(&prefix)
                .any(|(_, e)| e.iter().any(|(_, v)| !v.is_empty()));
            filled
        };
        if sections.last().is_none_or(|(s, _)| s != section) {
            sections.push((section.to_string(), Vec::new()));
        }
        if let (true, Some((_, list))) = (kept, sections.last_mut()) {
            list.push((at.to_string(), row.to_string()));
        }
    }
    sections
        .into_iter()
        .map(|(section, mut list)| {
            list.sort_unstable();
            (section, list.into_iter().map(|(_, row)| row).collect())
        })
        .collect()
}

/// The places to write when the row lists change from `old` to `new`:
/// rows that keep their order keep their places; a row added or moved
/// gets a place between its neighbours; a removed row keeps its place
/// marked removed.
pub fn row_changes(
    history: &History,
    old: &KeyMap<Vec<String>>,
    new: &KeyMap<Vec<String>>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let sections: KeySet = old.keys().chain(new.keys()).cloned().collect();
    for section in sections.iter() {
        let (before, after) = (
            old.get(section).map_or(&[][..], Vec::as_slice),
            new.get(section).map_or(&[][..], Vec::as_slice),
        );
        let current = |row: &str| {
            history
                .fields()
                .get(&format!("{ROW}{section}/{row}"))
                .and_then(place)
                .filter(|(_, alive)| *alive)
        };
        if before == after && after.iter().all(|r| current(r).is_some()) {
            continue;
        }
        let places: Vec<Option<String>> = after
            .iter()
            .map(|r| current(r).map(|(at, _)| at.to_string()))
            .collect();
        let kept = increasing(&places);
        let mut new_places: Vec<Option<String>> = places
            .iter()
            .zip(&kept)
            .map(|(p, k)| p.clone().filter(|_| *k))
            .collect();
        if !fill_between(&mut new_places) {
            let all = position::between(None, None, after.len()).unwrap_or_default();
            new_places = all.into_iter().map(Some).collect();
        }
        for (row, at) in after.iter().zip(new_places) {
            let at = at.unwrap_or_default();
            if current(row).map(|(p, _)| p) != Some(at.as_str()) {
                out.push((format!("{ROW}{section}/{row}"), at));
            }
        }
        for row in before.iter().filter(|r| !after.contains(r)) {
            let at = current(row).map(|(p, _)| p.to_string()).unwrap_or_default();
            out.push((format!("{ROW}{section}/{row}"), format!("-{at}")));
        }
    }
    out
}

/// Which places to keep: a longest strictly increasing run of them.
fn increasing(places: &[Option<String>]) -> Vec<bool> {
    // Patience sorting: `tails[k]` is the index ending the best run of k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; places.len()];
    for (i, place) in places.iter().enumerate() {
        let Some(place) = place else { continue };
        let at =
            tails.partition_point(|&t| places[t].as_deref().is_some_and(|p| p < place.as_str()));
        before[i] = at.checked_sub(1).map(|k| tails[k]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut kept = vec![false; places.len()];
    let mut next = tails.last().copied();
    while let Some(i) = next {
        kept[i] = true;
        next = before[i];
    }
    kept
}

/// Gives every `None` a place between its kept neighbours; false when some
/// gap has no room.
fn fill_between(places: &mut [Option<String>]) -> bool {
    let mut i = 0;
    while i < places.len() {
        if places[i].is_some() {
            i += 1;
            continue;
        }
        let end = (i..places.len())
            .find(|&j| places[j].is_some())
            .unwrap_or(places.len());
        let low = i.checked_sub(1).and_then(|k| places[k].clone());
        let high = places.get(end).cloned().flatten();
        let Some(new) = position::between(low.as_deref(), high.as_deref(), end - i) else {
            return false;
        };
        for (slot, at) in places[i..end].iter_mut().zip(new) {
            *slot = Some(at);
        }
        i = end;
    }
    true
}
