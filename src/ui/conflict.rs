//! Fields both copies changed (`core::copies`): the two values at the
//! field, with the clerk's choice, and the list of them all.
//!
//! The page hooks: `data-conflict="<key>"` on the field's wrapper (its
//! table cell or block), and inside it `data-action="keep-this"` and
//! `data-action="take-other"`.

use leptos::prelude::*;

use crate::core::copies::field_label;
use crate::core::key_map::KeyMap;
use crate::core::report::Report;
use crate::ui::autosave::Autosave;
use crate::ui::erased::{memo, CollectAny};
use crate::ui::form_state::Form;
use crate::ui::FormContext;

/// The open conflicts of the draft being edited: field key → the other
/// copies' values. Fields read `any` first, so that a report without
/// conflicts (nearly always) wakes nothing when the set is written.
#[derive(Clone, Copy)]
pub struct Conflicts {
    pub map: RwSignal<KeyMap<Vec<String>>>,
    pub any: Memo<bool>,
}

impl Conflicts {
    pub fn new() -> Conflicts {
        let map = RwSignal::new(KeyMap::new());
        Conflicts {
            map,
            any: memo(move || map.with(|m| !m.is_empty())),
        }
    }

    /// The open conflicts of `draft`, each field with the other values.
    pub fn show(&self, draft: &crate::core::draft::Draft) {
        self.set(
            draft
                .conflicts()
                .into_iter()
                .map(|c| (c.key, c.others))
                .collect(),
        );
    }

    pub fn set(&self, conflicts: KeyMap<Vec<String>>) {
        if self.map.with_untracked(|m| *m != conflicts) {
            self.map.set(conflicts);
        }
    }

    /// The other values of `key`, tracking the set.
    pub fn of(&self, key: &str) -> Option<Vec<String>> {
        if !self.any.get() {
            return None;
        }
        self.map.with(|m| m.get(key).cloned())
    }

    /// The keys in conflict that start with `prefix` (a grid row's cells),
    /// tracking the set.
    pub fn with_prefix(&self, prefix: &str) -> Vec<String> {
        if !self.any.get() {
            return Vec::new();
        }
        self.map.with(|m| {
            m.from_key(prefix)
                .take_while(|(k, _)| k.starts_with(prefix))
                .map(|(k, _)| k.clone())
                .collect()
        })
    }

    /// The `data-conflict` hook of a field's wrapper, while it is in conflict.
    pub fn hook(&self, key: String) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let this = *self;
        move || this.of(&key).map(|_| key.clone())
    }
}

impl Default for Conflicts {
    fn default() -> Self {
        Conflicts::new()
    }
}

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
}

/// How a value reads in the choice: an empty one says so.
fn shown(value: &str) -> String {
    if value.trim().is_empty() {
        "(để trống)".to_string()
    } else {
        value.to_string()
    }
}

/// The choice at a field in conflict; nothing otherwise.
#[component]
pub fn ConflictChoice(key: String, current: Signal<String>) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let autosave = expect_context::<Autosave>();
    let conflicts = form.conflicts;
    move || {
        let others = conflicts.of(&key)?;
        let (keep, mine) = (key.clone(), current.get_untracked());
        let takes = others
            .into_iter()
            .map(|other| {
                let (key, value) = (key.clone(), other.clone());
                view! {
                    <button type="button" data-action="take-other" on:click=move |_| autosave.choose(&key, &value)>
                        {format!("Lấy bản kia: {}", shown(&other))}
                    </button>
                }
            })
            .collect_any();
        Some(view! {
            <span class="conflict-choice screen-only" role="group" aria-label="Hai bản khác nhau">
                <span class="conflict-title">"Hai bản khác nhau"</span>
                <button type="button" data-action="keep-this" on:click=move |_| autosave.choose(&keep, &mine)>
                    {format!("Giữ bản này: {}", shown(&current.get_untracked()))}
                </button>
                {takes}
            </span>
        })
    }
}

/// Every open conflict, named as the clerk knows the field, each with
/// its choice: fields far down the page, and those with no place of their
/// own (the draft's name).
#[component]
pub fn ConflictList() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let autosave = expect_context::<Autosave>();
    let conflicts = form.conflicts;
    move || {
        if !conflicts.any.get() {
            return None;
        }
        let draft = autosave.current()?;
        let report = &draft.report;
        let items = conflicts.map.with(|m| {
            m.iter()
                .map(|(key, others)| {
                    let label = field_label(&form.template, report, key);
                    let mine = draft
                        .parts()
                        .get(key)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    let (keep, take, key_hook, mine_text) = (key.clone(), key.clone(), key.clone(), mine.clone());
                    let other = others.first().cloned().unwrap_or_default();
                    let other_text = others.iter().map(|o| shown(o)).collect::<Vec<_>>().join(" / ");
                    view! {
                        <li data-conflict-item=key_hook>
                            <strong>{label}</strong>
                            {format!(": bản này «{}», bản kia «{}». ", shown(&mine_text), other_text)}
                            <button type="button" class="link" data-action="keep-this" on:click=move |_| autosave.choose(&keep, &mine)>"Giữ bản này"</button>
                            " · "
                            <button type="button" class="link" data-action="take-other" on:click=move |_| autosave.choose(&take, &other)>"Lấy bản kia"</button>
                        </li>
                    }
                })
                .collect_any()
        });
        let count = conflicts.map.with(|m| m.len());
        Some(view! {
            <div class="banner warning conflicts" role="alert" data-conflicts=count>
                <p>{format!(
                    "{count} mục đã được sửa khác nhau ở hai nơi (thẻ khác, máy khác hoặc tệp của đồng nghiệp). Trang và các tệp tải về đang dùng bản ở đây; hãy chọn bản giữ lại cho từng mục:"
                )}</p>
                <ul>{items}</ul>
            </div>
        })
    }
}
