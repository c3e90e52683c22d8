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

/// What the annex's rows share about keys; provided by the editor.
#[derive(Clone, Copy)]
pub struct AnnexKeys {
    /// The keys' hint is on screen.
    hint: RwSignal<bool>,
    /// The clerk closed it once (kept in the browser's storage).
    closed: StoredValue<bool>,
    /// The row whose note was last entered by Tab from its own figure.
    tabbed: StoredValue<Option<String>>,
    /// The row whose note holds only a number typed right after that Tab.
    number_in_note: RwSignal<Option<String>>,
}

impl AnnexKeys {
    pub fn new(closed: bool) -> AnnexKeys {
        AnnexKeys {
            hint: RwSignal::new(false),
            closed: StoredValue::new(closed),
            tabbed: StoredValue::new(None),
            number_in_note: RwSignal::new(None),
        }
    }

    /// A figure was typed: the keys' hint shows, unless it was closed.
    pub fn figure_typed(&self) {
        if !self.closed.get_value() && !self.hint.get_untracked() {
            self.hint.set(true);
        }
    }

    /// Tab went from the figure of `code` to its note.
    pub fn tabbed_to_note(&self, code: &str) {
        self.tabbed.set_value(Some(code.to_string()));
    }

    /// The note of `code` now reads `text`.
    pub fn note_typed(&self, code: &str, text: &str) {
        let number = is_number(text);
        let tabbed = self.tabbed.with_value(|t| t.as_deref() == Some(code));
        let shown = self
            .number_in_note
            .with_untracked(|n| n.as_deref() == Some(code));
        if tabbed && number && !shown {
            self.number_in_note.set(Some(code.to_string()));
        } else if shown && !number {
            self.number_in_note.set(None);
        }
    }

    /// Whether the note of `code` shows «Có phải số liệu?».
    pub fn number_in_note(&self, code: &str) -> bool {
        self.number_in_note.with(|n| n.as_deref() == Some(code))
    }

    fn forget_note(&self) {
        self.number_in_note.set(None);
    }
}

/// A note that is a number and nothing else: «0», «1.603», «99,06».
fn is_number(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && parse_number(text.strip_suffix('%').unwrap_or(text).trim()).is_ok()
}

/// The keys' hint, at the foot of the window while the clerk types figures.
#[component]
pub fn KeysHintBar() -> impl IntoView {
    let Some(keys) = use_context::<AnnexKeys>() else {
        return ().into_any();
    };
    let ctx = use_context::<AppContext>();
    let close = move |_| {
        keys.hint.set(false);
        keys.closed.set_value(true);
        if let Some(ctx) = ctx {
            ctx.session(|s| s.close_hint(KEYS_HINT));
        }
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
    let when = code.clone();
    shown(
        move || keys.number_in_note(&when),
        move || {
            let empty = |c: &str| {
                form.field(c)
                    .is_some_and(|f| f.raw.with_untracked(|r| r.trim().is_empty()))
            };
            // The figure it was meant for: this row's if still empty, else
            // the next row's if that is (Tab was pressed for Enter).
            let to = if empty(&code) {
                Some(code.clone())
            } else {
                next.clone().filter(|n| empty(n))
            };
            let (form, from) = (form.clone(), code.clone());
            let move_it = to.map(|to| {
                let label = format!("Chuyển sang Số liệu {to}");
                let click = move |_| {
                    let (Some(note), Some(figure)) = (form.field(&from), form.field(&to)) else {
                        return;
                    };
                    // Never over a figure typed since.
                    if figure.raw.with_untracked(|r| r.trim().is_empty()) {
                        figure.set_raw(note.note.get_untracked().trim().to_string());
                        form.confirm(&to);
                        note.set_note(String::new());
                        keys.forget_note();
                    }
                    focus_field(&to);
                };
                view! { <button type="button" class="link" data-action="note-to-value" on:click=click>{label}</button> " · " }
            });
            view! {
                <p class="note-hint screen-only" role="status" data-note-hint=code.clone()>
                    "Có phải số liệu? "
                    {move_it}
                    <button type="button" class="link" data-action="keep-note" on:click=move |_| keys.forget_note()>"Giữ làm ghi chú"</button>
                </p>
            }
        },
        || (),
    )
}
