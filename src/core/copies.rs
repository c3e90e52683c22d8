//! Copies of one draft meeting: the clerk's edits recorded field by field
//! in the draft's history (`core::history`), and the one merge that every
//! meeting uses (another tab's save, a backup restored, a `.json` opened
//! again, a colleague's file).
//!
//! Where both copies changed a field since they last agreed, the merged
//! draft keeps both values: this copy's stays on screen and in every
//! document until the clerk chooses ([`Draft::conflicts`]).

use std::cell::Cell;

use super::draft::Draft;
use super::draft_fields::{self, asks, Parts, ROW};
use super::grid::cell_code;
use super::header::HeaderField;
use super::history::History;
use super::key_map::KeyMap;
use super::report::{grid_cell, Report};
use super::template::Template;

/// A field both copies changed since they last agreed.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The field's key, the page hook `data-conflict`.
    pub key: String,
    /// The value shown, this copy's.
    pub shown: String,
    /// The other copies' values.
    pub others: Vec<String>,
}

/// What merging another copy into a draft did.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub draft: Draft,
    /// Whether the other copy brought anything this one did not have.
    pub changed: bool,
    /// The fields whose value came from the other copy.
    pub taken: Vec<String>,
    /// The fields where this copy's value stayed over the other's.
    pub kept: Vec<String>,
    /// The fields both changed, waiting for the clerk's choice.
    pub conflicts: Vec<String>,
}

impl Draft {
    /// The draft's fields, by key (`core::draft_fields`).
    pub fn parts(&self) -> Parts<'_> {
        Parts {
            report: &self.report,
            name: &self.name,
            author: &self.author,
        }
    }

    /// After reading a draft: the fields listed under a dot take the
    /// report's values, and the fields the history lacks (a draft stored
    /// before drafts had a history) are written at the dot of their
    /// content (`History::legacy`), the same in every browser.
    pub(crate) fn settle_history(&mut self) {
        let parts = Parts {
            report: &self.report,
            name: &self.name,
            author: &self.author,
        };
        let at = Cell::new(0);
        self.history.fill(|key| parts.get_in_order(key, &at));
        let mut missing = parts.all();
        if !self.history.is_empty() {
            missing.retain(|(key, _)| self.history.entries(key).is_empty());
        }
        missing.extend(draft_fields::row_changes(
            &self.history,
            &KeyMap::new(),
            &self.report.rows,
        ));
        if self.history.is_empty() {
            self.history = History::legacy(missing);
        } else if !missing.is_empty() {
            self.history = self.history.merge(&History::legacy(missing));
        }
    }

    /// Records the clerk's edits: `report` as the editor has it now. The
    /// fields it changed are written at one new dot of `replica`. Whether
    /// anything changed.
    pub fn commit(&mut self, report: Report, replica: &str, now: f64) -> bool {
        let new = Parts {
            report: &report,
            name: &self.name,
            author: &self.author,
        };
        // A new draft's first save writes every field it holds, defaults included.
        let (mut changes, old_rows) = match self.history.is_empty() {
            true => (new.all(), KeyMap::new()),
            false => (self.parts().changes(&new), self.report.rows.clone()),
        };
        changes.extend(draft_fields::row_changes(
            &self.history,
            &old_rows,
            &report.rows,
        ));
        self.report = report;
        self.write(changes, replica, now)
    }

    /// Sets one field (the name, the author, the clerk's choice in a
    /// conflict) as an edit of `replica`: written even when the value
    /// shown is already the one chosen, which settles the conflict.
    pub fn set_field(&mut self, key: &str, value: &str, replica: &str, now: f64) {
        draft_fields::set(
            &mut self.report,
            &mut self.name,
            &mut self.author,
            key,
            value,
        );
        self.write(vec![(key.to_string(), value.to_string())], replica, now);
    }

    fn write(&mut self, changes: Vec<(String, String)>, replica: &str, now: f64) -> bool {
        if changes.is_empty() {
            return false;
        }
        let dot = self.history.next_dot(replica, now);
        self.history.write(changes, &dot);
        self.updated_at = now;
        true
    }

    /// A copy for a colleague: the same draft (it merges back), marked with
    /// who it is for, written as a change of `replica`, the copy's own.
    pub fn for_colleague(&self, author: &str, replica: &str, now: f64) -> Draft {
        let mut copy = self.clone();
        copy.set_field(draft_fields::AUTHOR, author, replica, now);
        copy
    }

    /// Checks the history as strictly as the report: every value any copy
    /// wrote, and every row, must belong to `template`, so that no merge
    /// brings in a field the report itself would be refused for.
    pub fn check_history(&self, template: &Template) -> Result<(), String> {
        // The report was checked already: only what it does not show is
        // checked here, on a report of those fields and every row.
        let mut probe = Report {
            template_id: self.report.template_id.clone(),
            template_version: self.report.template_version,
            rows: self.report.rows.clone(),
            ..Report::default()
        };
        let (parts, at) = (self.parts(), Cell::new(0));
        let mut fields = Vec::new();
        for (key, entries) in self.history.fields().iter() {
            if let Some((section, row)) = key.strip_prefix(ROW).and_then(|r| r.split_once('/')) {
                let rows = probe.rows.get_or_default(section.to_string());
                if !rows.iter().any(|k| k == row) {
                    rows.push(row.to_string());
                }
                continue;
            }
            let shown = parts.get_in_order(key, &at).unwrap_or_default();
            let extra = entries.iter().filter(|(_, v)| !v.is_empty() && *v != shown);
            fields.extend(extra.map(|(_, v)| (key.as_str(), v.as_str())));
        }
        let (mut name, mut author) = (String::new(), String::new());
        draft_fields::set_all(&mut probe, &mut name, &mut author, fields);
        probe.check_against(template)
    }

    /// This draft with `edits` (code, text) typed by `replica` at `at`, as
    /// the editor commits them: for the core's tests.
    #[cfg(test)]
    pub(crate) fn typed(&self, edits: &[(&str, &str)], replica: &str, at: f64) -> Draft {
        let mut copy = self.clone();
        let mut report = copy.report.clone();
        for (code, text) in edits {
            report.set_value(code, text);
        }
        copy.commit(report, replica, at);
        copy
    }

    /// The fields waiting for the clerk's choice, in key order.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let parts = self.parts();
        self.history
            .conflicted()
            .filter(|key| asks(key))
            .map(|key| {
                let shown = parts.get(key).unwrap_or_default().into_owned();
                let others = self
                    .history
                    .values(key)
                    .into_iter()
                    .filter(|v| *v != shown)
                    .map(str::to_string)
                    .collect();
                Conflict {
                    key: key.clone(),
                    shown,
                    others,
                }
            })
            .collect()
    }
}

/// Merges `theirs`, another copy of the same draft, into `ours`. Every
/// field takes the join of the two histories; a field both changed keeps
/// our value on screen and waits for the clerk. Commutative as histories
/// go: `merge(a, b)` and `merge(b, a)` hold the same history and the same
/// conflicts, each showing its own side's value in them.
pub fn merge(ours: &Draft, theirs: &Draft) -> Merged {
    let history = ours.history.merge(&theirs.history);
    let changed = history != ours.history;
    let mut draft = ours.clone();
    draft.created_at = ours.created_at.min(theirs.created_at);
    draft.updated_at = ours.updated_at.max(theirs.updated_at);
    // The revision counts this browser's saves: ours stays.
    let (mut taken, mut kept, mut conflicts) = (Vec::new(), Vec::new(), Vec::new());
    {
        let (mine, other) = (ours.parts(), theirs.parts());
        let (mine_at, other_at) = (Cell::new(0), Cell::new(0));
        let mut sets: Vec<(&str, &str)> = Vec::new();
        for (key, entries) in history
            .fields()
            .iter()
            .filter(|(key, _)| !key.starts_with(ROW))
        {
            let Some((_, newest)) = entries.last() else {
                continue;
            };
            let current = mine.get_in_order(key, &mine_at).unwrap_or_default();
            let one = entries.iter().all(|(_, v)| v == newest);
            let chosen = if one || !asks(key) || !entries.iter().any(|(_, v)| *v == current) {
                newest.as_str()
            } else {
                current.as_ref()
            };
            if !one && asks(key) {
                conflicts.push(key.clone());
            }
            if chosen != current {
                taken.push(key.clone());
                sets.push((key, newest));
            } else if other
                .get_in_order(key, &other_at)
                .is_some_and(|theirs| !entries.iter().any(|(_, v)| *v == theirs))
            {
                // The other copy's value was replaced here, by a later edit.
                kept.push(key.clone());
            }
        }
        if sets.iter().any(|(key, value)| {
            *key == draft_fields::SUMMARY && other.get(key).as_deref() == Some(*value)
        }) {
            // A roll-up's summary comes whole from the copy that shows it.
            draft.report.commune_summary = theirs.report.commune_summary.clone();
        }
        draft_fields::set_all(&mut draft.report, &mut draft.name, &mut draft.author, sets);
    }
    if changed {
        for (section, rows) in draft_fields::rows(&history) {
            draft.report.rows.insert(section, rows);
        }
    }
    draft.history = history;
    Merged {
        draft,
        changed,
        taken,
        kept,
        conflicts,
    }
}

/// A field as the clerk knows it: «3.3.1 Tổng số hồ sơ …», «Ghi chú
/// 3.3.1», «Phụ lục VI, dòng 6, cột (3)», «Mục I.2», «Người ký».
pub fn field_label(template: &Template, report: &Report, key: &str) -> String {
    if key == draft_fields::NAME {
        return "Tên bản nháp".into();
    }
    if key == draft_fields::AUTHOR {
        return "Bản cho ai".into();
    }
    if let Some(code) = key.strip_prefix("note:") {
        return format!("Ghi chú {code}");
    }
    if let Some(field) = key.strip_prefix("header:").and_then(HeaderField::from_key) {
        return field.label().to_string();
    }
    if let Some(id) = key.strip_prefix("outline:") {
        if id == super::outline::CLOSING {
            return "Đoạn kết («Trên đây là báo cáo …»)".into();
        }
        return format!("Mục {id}");
    }
    if let Some(ind) = template.indicator(key) {
        return format!("{} {}", ind.code, ind.label);
    }
    for (section, grid) in template.grids() {
        if let Some((row, number)) = grid_cell(&section.id, key) {
            let keys = report.row_keys(&section.id, grid);
            let line = keys
                .iter()
                .position(|k| k == row)
                .map_or(String::new(), |n| format!(", dòng {}", n + 1));
            let title = if section.title.is_empty() {
                section.id.as_str()
            } else {
                section.title.as_str()
            };
            debug_assert_eq!(cell_code(&section.id, row, number), key);
            return format!("{title}{line}, cột ({number})");
        }
    }
    key.to_string()
}

#[cfg(test)]
#[path = "tests/copies.rs"]
mod tests;
