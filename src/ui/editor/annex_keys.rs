//! The annex's keys, said on screen: a hint from the first figure typed
//! (Enter goes down the Số liệu column, Tab across to Ghi chú), closed
//! once for good; and a gentle hint on a note that holds only a number
//! typed right after Tab from its row's figure («Có phải số liệu?»), with
//! a way to move it into the figure. Neither is a message of the report:
//! they are never counted, listed or exported.

use leptos::prelude::*;

use crate::browser::focus::focus_field;
use crate::core::number::parse_number;
use crate::ui::context::AppContext;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::shown;

/// The stored name of the keys' hint (`core::draft_store::HINT_PREFIX`).
pub const KEYS_HINT: &str = "keys";

/// What the annex's rows share about keys; made by the editor. (Signals of
/// types the app has anyway: each new type costs the bundle its code.)
#[derive(Clone, Copy)]
pub struct AnnexKeys {
    /// The keys' hint is on screen.
    hint: RwSignal<bool>,
    /// The clerk closed it once (kept in the browser's storage).
    closed: RwSignal<bool>,
    /// The row whose note was last entered by Tab from its own figure.
    tabbed: RwSignal<String>,
    /// The row whose note holds only a number typed right after that Tab
    /// (empty: none).
    number_in_note: RwSignal<String>,
}

impl AnnexKeys {
    pub fn new(closed: bool) -> AnnexKeys {
        AnnexKeys {
            hint: RwSignal::new(false),
            closed: RwSignal::new(closed),
            tabbed: RwSignal::new(String::new()),
            number_in_note: RwSignal::new(String::new()),
        }
    }

    /// A figure was typed: the keys' hint shows, unless it was closed.
    pub fn figure_typed(&self) {
        if !self.closed.get_untracked() && !self.hint.get_untracked() {
            self.hint.set(true);
        }
    }

    /// Tab went from the figure of `code` to its note.
    pub fn tabbed_to_note(&self, code: &str) {
        self.tabbed.set(code.to_string());
    }

    /// The note of `code` now reads `text`.
    pub fn note_typed(&self, code: &str, text: &str) {
        let number = is_number(text);
        let tabbed = self.tabbed.with_untracked(|t| t == code);
        let shown = self.number_in_note.with_untracked(|n| n == code);
        if tabbed && number && !shown {
            self.number_in_note.set(code.to_string());
        } else if shown && !number {
            self.forget_note();
        }
    }

    /// Whether the note of `code` shows «Có phải số liệu?».
    pub fn number_in_note(&self, code: &str) -> bool {
        self.number_in_note.with(|n| n == code)
    }

    fn forget_note(&self) {
        self.number_in_note.set(String::new());
    }
}

/// A note that is a number and nothing else: «0», «1.603», «99,06».
fn is_number(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && parse_number(text.strip_suffix('%').unwrap_or(text).trim()).is_ok()
}

/// The keys' hint, at the foot of the window while the clerk types figures.
pub fn keys_hint_bar(keys: AnnexKeys) -> AnyView {
    let ctx = expect_context::<AppContext>();
    let close = move |_| {
        keys.hint.set(false);
        keys.closed.set(true);
        ctx.session(|s| s.close_hint(KEYS_HINT));
    };
    shown(
        move || keys.hint.get(),
        move || {
            view! {
                <div class="keys-hint screen-only" role="status" data-keys-hint="">
                    "Enter: xuống số liệu dòng dưới · Tab: sang Ghi chú, rồi số liệu dòng sau · Không có số liệu trong kỳ: «Không phát sinh» (khác số 0)"
                    <button type="button" class="link" data-action="close-keys-hint" on:click=close>"Đã hiểu"</button>
                </div>
            }
        },
        || (),
    )
}

/// «Có phải số liệu?» under the note of `code` while it holds only a
/// number typed right after Tab; `next` is the next row's figure.
pub fn number_in_note_hint(keys: AnnexKeys, code: String, next: Option<String>) -> AnyView {
    let form = expect_context::<FormContext>();
    let (when, hook) = (code.clone(), code.clone());
    let move_it = move |_| {
        let empty = |c: &str| {
            form.field(c)
                .filter(|f| f.raw.with_untracked(|r| r.trim().is_empty()))
        };
        let Some(note) = form.field(&code) else {
            return;
        };
        // The figure it was meant for: this row's if still empty, else the
        // next row's if that is (Tab was pressed for Enter); never over a
        // figure typed.
        let to = match empty(&code) {
            Some(own) => Some((own, code.as_str())),
            None => next.as_deref().and_then(|n| empty(n).map(|f| (f, n))),
        };
        match to {
            Some((figure, to)) => {
                figure.set_raw(note.note.get_untracked().trim().to_string());
                form.confirm(to);
                note.set_note(String::new());
                keys.forget_note();
                focus_field(to);
            }
            None => {
                focus_field(next.as_deref().unwrap_or(&code));
            }
        }
    };
    shown(
        move || keys.number_in_note(&when),
        move || {
            view! {
                <p class="note-hint screen-only" data-note-hint=hook.clone()>
                    "Có phải số liệu?"
                    <button type="button" class="link" data-action="note-to-value" on:click=move_it.clone()>"Chuyển vào ô Số liệu"</button>
                    <button type="button" class="link" data-action="keep-note" on:click=move |_| keys.forget_note()>"Giữ làm ghi chú"</button>
                </p>
            }
        },
        || (),
    )
}
