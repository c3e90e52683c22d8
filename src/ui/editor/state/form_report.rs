//! The form to and from a report: the report as it stands, for saving, and
//! another copy merged in, shown without counting as the clerk's edit.

use leptos::prelude::*;

use crate::core::report::Report;
use crate::ui::editor::state::form::Form;

impl Form {
    /// Shows `report` (another copy merged in): each signal whose text
    /// differs is set, and nothing counts as the clerk's edit. False when
    /// the report differs where the editor has no signal (a roll-up's
    /// summary, values kept from an older template): the editor opens it
    /// anew.
    pub fn show_merged(&self, report: &Report) -> bool {
        fn set<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
            if signal.with_untracked(|v| *v != value) {
                signal.set(value);
            }
        }
        if report.commune_summary.as_ref() != self.commune_summary.as_deref()
            || report.orphans(&self.template) != self.orphans
        {
            return false;
        }
        for (code, field) in &self.fields {
            set(field.raw, report.value(code).to_string());
            set(
                field.note,
                report.notes.get(code).cloned().unwrap_or_default(),
            );
        }
        for (field, signal) in self.header.iter() {
            set(signal, report.header.get(field));
        }
        for grid in &self.grids {
            grid.show_merged(report);
        }
        set(self.before.carry_from, report.predecessor.clone());
        set(self.before.compare_with, report.compare_with.clone());
        set(self.unconfirmed, report.unconfirmed.clone());
        self.narrative.show_merged(report);
        true
    }

    /// The report as it stands, without subscribing to anything; `None` once
    /// the editor is gone (a late timer must never save an empty report).
    pub fn try_snapshot(&self) -> Option<Report> {
        let mut report = self.orphans.clone();
        report.template_id = self.template.id.clone();
        report.template_version = self.template.version;
        let (mut values, mut notes) = (Vec::with_capacity(self.fields.len()), Vec::new());
        for (code, field) in &self.fields {
            values.push((code.clone(), field.raw.try_get_untracked()?));
            notes.push((code.clone(), field.note.try_get_untracked()?));
        }
        report.set_values(values);
        report.set_notes(notes);
        for (field, signal) in self.header.iter() {
            report.header.set(field, signal.try_get_untracked()?);
        }
        for grid in &self.grids {
            grid.try_write(&mut report)?;
        }
        report.commune_summary = self.commune_summary.as_deref().cloned();
        self.before.try_write(&mut report)?;
        report.unconfirmed = self.unconfirmed.try_get_untracked()?;
        self.narrative.try_write(&mut report)?;
        Some(report)
    }
}
