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

/// The stored name of the keys' hint (`core::draft_store::HINT_PREFIX`).
pub const KEYS_HINT: &str = "keys";

/// What the annex's rows share about keys; provided by the editor.
#[derive(Clone, Copy)]
pub struct AnnexKeys {
    /// The keys' hint is on screen.
    hint: RwSignal<bool>,
    /// The clerk closed it once (kept in the browser's storage).
    closed: StoredValue<bool>,
    /// The row whose note was entered by Tab from its own figure.
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

    /// The note of `code` was left: what is typed there next is not
    /// "right after Tab" any more.
    pub fn note_left(&self, code: &str) {
        if self.tabbed.with_value(|t| t.as_deref() == Some(code)) {
            self.tabbed.set_value(None);
        }
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
    (move || {
        keys.hint.get().then(|| {
            view! {
                <div class="keys-hint screen-only" role="status" data-keys-hint="">
                    <span>
                        <kbd>"Enter"</kbd>
                        " xuống số liệu dòng dưới · "
                        <kbd>"Tab"</kbd>
                        " sang Ghi chú, rồi số liệu dòng sau · không có số liệu trong kỳ: gõ «không phát sinh» (khác số 0)"
                    </span>
                    <button type="button" class="link" data-action="close-keys-hint" on:click=close>
                        "Đã hiểu"
                    </button>
                </div>
            }
            .into_any()
        })
    })
    .into_any()
}

/// «Có phải số liệu?» under the note of `code` while it holds only a
/// number typed right after Tab; `next` is the next row's figure.
pub fn number_in_note_hint(
    keys: AnnexKeys,
    code: String,
    next: Option<String>,
) -> impl IntoView + 'static {
    let form = expect_context::<FormContext>();
    move || {
        if !keys.number_in_note(&code) {
            return None;
        }
        let empty = |c: &str| {
            form.field(c)
                .is_some_and(|f| f.raw.with(|r| r.trim().is_empty()))
        };
        // The figure it was meant for: this row's if still empty, else the
        // next row's if that is (Tab was pressed for Enter).
        let target = if empty(&code) {
            Some(code.clone())
        } else {
            next.clone().filter(|n| empty(n))
        };
        let (form, from) = (form.clone(), code.clone());
        let move_it = target.clone().map(|to| {
            let label = format!("Chuyển sang Số liệu {to}");
            let click = move |_| {
                let (Some(note), Some(figure)) = (form.field(&from), form.field(&to)) else {
                    return;
                };
                let text = note.note.get_untracked().trim().to_string();
                figure.set_raw(text);
                form.confirm(&to);
                note.set_note(String::new());
                keys.forget_note();
                focus_field(&to);
            };
            view! {
                <button type="button" class="link" data-action="note-to-value" on:click=click>{label}</button>
                " · "
            }
            .into_any()
        });
        Some(
            view! {
                <p class="note-hint screen-only" role="status" data-note-hint=code.clone()>
                    "Có phải số liệu? Ghi chú chỉ có một số. "
                    {move_it}
                    <button type="button" class="link" data-action="keep-note" on:click=move |_| keys.forget_note()>
                        "Giữ làm ghi chú"
                    </button>
                </p>
            }
            .into_any(),
        )
    }
}
