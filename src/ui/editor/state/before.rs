//! The editor's reports before: the clerk's two choices, the other stored
//! drafts, and the reports the choices (or the period rules of
//! `core::predecessor`) name for the header as typed.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::draft::Draft;
use crate::core::predecessor::{self, compared_label, Role, Subject};
use crate::core::report::{HeaderField, Report, ReportHeader};
use crate::core::vn_text::capitalise;
use crate::ui::editor::state::header::HeaderSignals;

/// The report changes are judged against, and how its figures are named
/// ("cùng kỳ 2023").
#[derive(Debug, Clone)]
pub struct Compared {
    pub draft: Arc<Draft>,
    pub label: String,
}

impl PartialEq for Compared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.draft, &other.draft) && self.label == other.label
    }
}

impl Compared {
    /// The label as a line begins: "Cùng kỳ 2023".
    pub fn title(&self) -> String {
        let first = self.label.chars().next().map_or(0, char::len_utf8);
        capitalise(&self.label[..first]) + &self.label[first..]
    }
}

#[derive(Clone, Copy)]
pub struct Befores {
    /// The clerk's choice for changes (`Report::compare_with`).
    pub compare_with: RwSignal<Option<String>>,
    /// The clerk's choice for carried-over dossiers (`Report::predecessor`).
    pub carry_from: RwSignal<Option<String>>,
    /// The other stored drafts, read once the editor is on screen.
    pub stored: RwSignal<Vec<Arc<Draft>>>,
    /// The report changes are judged against.
    pub change: Memo<Option<Compared>>,
    /// The report whose dossiers in progress are carried over.
    pub carry: Memo<Option<Arc<Draft>>>,
}

impl Befores {
    pub fn new(own_id: &str, report: &Report, header: HeaderSignals) -> Befores {
        let compare_with = RwSignal::new(report.compare_with.clone());
        let carry_from = RwSignal::new(report.predecessor.clone());
        let stored = RwSignal::new(Vec::<Arc<Draft>>::new());
        let typed = move || {
            let mut typed = ReportHeader::default();
            for field in [HeaderField::Unit, HeaderField::Period, HeaderField::Year] {
                typed.set(field, header.get(field).get());
            }
            typed
        };
        let (own, template_id) = (own_id.to_string(), report.template_id.clone());
        let find = move |role: Role, choice: RwSignal<Option<String>>| {
            let (own, template_id) = (own.clone(), template_id.clone());
            move || {
                let header = typed();
                let choice = choice.get();
                let subject = Subject {
                    id: &own,
                    template_id: &template_id,
                    header: &header,
                    role,
                    choice: choice.as_deref(),
                };
                let found = stored.with(|all| {
                    predecessor::resolve(&subject, all.iter().map(|d| &**d))
                        .and_then(|d| all.iter().find(|a| a.id == d.id).cloned())
                });
                (header, found)
            }
        };
        let change = {
            let find = find(Role::Change, compare_with);
            Memo::new(move |_| {
                let (header, found) = find();
                found.map(|draft| Compared {
                    label: compared_label(&header, &draft.report.header),
                    draft,
                })
            })
        };
        let carry = {
            let find = find(Role::Carry, carry_from);
            Memo::new_with_compare(move |_| find().1, crate::ui::shared::erased::arc_changed)
        };
        Befores {
            compare_with,
            carry_from,
            stored,
            change,
            carry,
        }
    }

    /// Writes the two choices into `report`; `None` once the editor is gone.
    pub fn try_write(&self, report: &mut Report) -> Option<()> {
        report.compare_with = self.compare_with.try_get_untracked()?;
        report.predecessor = self.carry_from.try_get_untracked()?;
        Some(())
    }
}
