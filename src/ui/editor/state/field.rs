//! One indicator row's editable state: its typed text and note, the state
//! read from the text, and its messages.

use leptos::prelude::*;

use crate::core::issue::Issue;
use crate::core::value::{FieldState, ValueKind};

/// One row's editable state.
#[derive(Clone, Copy)]
pub struct Field {
    /// The text as typed: the source of truth.
    pub raw: RwSignal<String>,
    pub note: RwSignal<String>,
    pub state: Memo<FieldState>,
    /// The messages shown beside this row.
    pub issues: Memo<Vec<Issue>>,
    pub(super) edits: RwSignal<u64>,
}

impl Field {
    /// Sets the typed text, as an edit of the report.
    pub fn set_raw(&self, text: String) {
        self.raw.set(text);
        self.edits.update(|n| *n += 1);
    }
    pub fn set_note(&self, text: String) {
        self.note.set(text);
        self.edits.update(|n| *n += 1);
    }
}

/// What a number field shows once it is left: the Vietnamese form of a
/// valid number ("1603" becomes "1.603"), when that differs from the typed
/// text. `None` too once the field's state is gone: blur is also sent when
/// a focused field is taken off the page (back while typing).
pub fn shown_on_leaving(
    kind: &ValueKind,
    raw: RwSignal<String>,
    state: Option<FieldState>,
) -> Option<String> {
    let text = kind.display(&state?)?;
    raw.try_with_untracked(|r| *r != text)?.then_some(text)
}
