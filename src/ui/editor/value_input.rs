//! An indicator's figure: the field, its keys (Enter down the Số liệu
//! column, Tab across to Ghi chú, as in a spreadsheet), and «Không phát
//! sinh», a row with nothing to report, which differs from 0.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::browser::focus::{focus_next_value, tab_in_annex};
use crate::core::value::{FieldState, ValueKind, NONE_TO_REPORT};
use crate::ui::editor::annex_keys::AnnexKeys;
use crate::ui::editor::state::field::{shown_on_leaving, Field};
use crate::ui::editor::state::form::FormContext;

/// Tab or Shift+Tab, without a modifier that means something else.
pub fn is_tab(ev: &KeyboardEvent) -> bool {
    ev.key() == "Tab" && !ev.ctrl_key() && !ev.alt_key() && !ev.meta_key() && !ev.is_composing()
}

fn target(ev: &KeyboardEvent) -> Option<HtmlElement> {
    ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok())
}

/// Tab in the annex from a figure or a note: moves as in a spreadsheet.
pub fn tab_key(ev: &KeyboardEvent) -> bool {
    let moved = target(ev).is_some_and(|here| tab_in_annex(&here, ev.shift_key()));
    if moved {
        ev.prevent_default();
    }
    moved
}

#[component]
pub fn ValueInput(code: String, kind: ValueKind, field: Field, keys: AnnexKeys) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let confirm_code = code.clone();
    let tab_code = code.clone();
    let raw = field.raw;
    let state = field.state;
    let numeric = kind.is_numeric();
    let placeholder = match &kind {
        ValueKind::YesNo { .. } => "1 hoặc 0".to_string(),
        ValueKind::Choice { options } => options
            .iter()
            .map(|o| o.code.to_string())
            .collect::<Vec<_>>()
            .join(" / "),
        _ => String::new(),
    };
    let shown_kind = kind.clone();
    let on_blur = move |_| {
        // Once the field is left, a valid number is shown the Vietnamese
        // way, and «khong phat sinh» as «Không phát sinh».
        if let Some(text) = shown_on_leaving(&kind, raw, state.try_get_untracked()).filter(|_| {
            numeric || state.try_with_untracked(|s| *s == FieldState::NoneToReport) == Some(true)
        }) {
            field.set_raw(text);
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !ev.is_composing() {
            ev.prevent_default();
            if let Some(here) = target(&ev) {
                focus_next_value(&here, ev.shift_key());
            }
        } else if is_tab(&ev) && tab_key(&ev) && !ev.shift_key() {
            keys.tabbed_to_note(&tab_code);
        }
    };
    view! {
        <input
            type="text"
            class="value-input"
            data-code=code.clone()
            id=format!("v-{code}")
            inputmode=if numeric { "decimal" } else { "text" }
            autocomplete="off"
            spellcheck="false"
            placeholder=placeholder
            aria-label=format!("Số liệu {code}")
            aria-invalid=move || state.with(|s| s.error().is_some()).to_string()
            prop:value=move || raw.get()
            on:input=move |ev| {
                field.set_raw(event_target_value(&ev));
                form.confirm(&confirm_code);
                keys.figure_typed();
            }
            on:blur=on_blur
            on:keydown=on_keydown
        />
        // A coded answer's label; for a row with nothing to report, «—",
        // which paper prints in place of the field (and the screen uses to
        // set the field apart).
        {move || {
            if state.with(|s| *s == FieldState::NoneToReport) {
                return Some(view! { <span class="none-mark-print">"—"</span> }.into_any());
            }
            state.with(|s| shown_kind.choice_label(s)).map(|label| view! { <span class="choice-label">{label}</span> }.into_any())
        }}
    }
}

/// The button that marks the row `code` «Không phát sinh» (hidden on a
/// row so marked); clearing the field or typing a figure undoes it.
pub fn none_to_report_button(code: String, field: Field) -> impl IntoView + 'static {
    let form = expect_context::<FormContext>();
    let marked = code.clone();
    let click = move |_| {
        field.set_raw(NONE_TO_REPORT.to_string());
        form.confirm(&marked);
    };
    view! {
        <button
            type="button"
            class="none-mark link"
            tabindex="-1"
            data-action="none-to-report"
            data-code=code
            on:click=click
        >
            "Không phát sinh"
        </button>
    }
}
