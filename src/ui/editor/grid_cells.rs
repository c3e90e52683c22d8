//! The cells of a grid row as the clerk types in them: numbers, text,
//! choices; Enter moves down a column, and a table pasted into a cell
//! fills the rows below it.

use crate::ui::editor::state::grid_cells::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::browser::focus::focus_cell_below;
use crate::browser::text_box;
use crate::browser::text_field::{break_line_on_alt_enter, pasted_text};
use crate::core::value::ValueKind;
use crate::ui::editor::state::field::shown_on_leaving;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::CollectAny;

fn on_paste(paste: Callback<String, bool>) -> impl Fn(web_sys::ClipboardEvent) {
    move |ev| {
        if let Some(text) = pasted_text(&ev) {
            if paste.run(text) {
                ev.prevent_default();
            }
        }
    }
}

/// A cell's typed text, which also confirms a value copied from the
/// period before.
fn edit(cell: Cell, code: &str) -> impl Fn(String) + Clone {
    let form = expect_context::<FormContext>();
    let code = code.to_string();
    move |text| {
        cell.set_raw(text);
        form.confirm(&code);
    }
}

/// `data-stale` while the cell still holds a value copied from the period
/// before (the cell is marked by CSS; "Giữ nguyên" is per section).
fn stale(code: &str) -> impl Fn() -> Option<String> {
    let mark = expect_context::<FormContext>().stale_mark(code);
    let code = code.to_string();
    move || mark.is_some_and(|m| m.get()).then(|| code.clone())
}

fn on_enter_move_down(ev: KeyboardEvent) {
    if ev.key() == "Enter" && !ev.is_composing() {
        ev.prevent_default();
        if let Some(here) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            focus_cell_below(&here, ev.shift_key());
        }
    }
}

/// A grid's number: a one-line text box (see [`crate::browser::text_box`]
/// for why not an `<input>`), with an input's keys and look. The browser
/// writes the clerk's keys into it; the model's text is written only
/// where it differs, so the caret stays where the clerk is typing.
#[component]
pub(super) fn NumberCell(
    cell: Cell,
    code: String,
    kind: ValueKind,
    paste: Callback<String, bool>,
) -> impl IntoView {
    let raw = cell.raw;
    let (typed, stale) = (edit(cell, &code), stale(&code));
    let node = NodeRef::<leptos::html::Div>::new();
    let drawn = raw.get_untracked();
    let long = text_box::is_long(&drawn);
    let drawn_text = drawn.clone();
    // Each later text of the model, once: the box is drawn with `drawn`,
    // so opening a big grid reads no box back.
    Effect::new(move |shown: Option<String>| {
        let text = raw.get();
        if text != shown.as_deref().unwrap_or(&drawn) {
            if let Some(element) = node.get() {
                text_box::show(&element, &text);
            }
        }
        text
    });
    let on_blur = move |_| {
        if let Some(text) = shown_on_leaving(&kind, raw, cell.state_untracked()) {
            cell.set_raw(text);
        }
    };
    let on_focus = move |_| {
        if let Some(element) = node.get_untracked() {
            text_box::select_all(&element);
        }
    };
    // A block fills the rows below; a single value goes in as plain text
    // on one line, as an `<input>` takes it.
    let paste_here = move |ev: web_sys::ClipboardEvent| {
        if let Some(text) = pasted_text(&ev) {
            if paste.run(text.clone()) || text_box::paste_plain(&text) {
                ev.prevent_default();
            }
        }
    };
    view! {
        <div
            class="cell-input"
            node_ref=node
            contenteditable=text_box::plain_text_editable()
            role="textbox"
            tabindex="0"
            data-code=code.clone()
            data-stale=stale
            data-long=long.then_some("")
            inputmode="decimal"
            spellcheck="false"
            aria-label=code
            aria-invalid=move || cell.state().error().is_some().to_string()
            on:input=move |ev| typed(text_box::typed_text(&ev))
            on:focus=on_focus
            on:blur=on_blur
            on:keydown=on_enter_move_down
            on:paste=paste_here
        >
            {drawn_text}
        </div>
    }
}

/// Enter moves down the column here too; Alt+Enter breaks the line, as
/// in a spreadsheet cell.
fn on_text_cell_key(cell: Cell) -> impl Fn(KeyboardEvent) {
    move |ev| match break_line_on_alt_enter(&ev) {
        Some(text) => cell.set_raw(text),
        None => on_enter_move_down(ev),
    }
}

#[component]
pub(super) fn TextCell(
    cell: Cell,
    code: String,
    wide: bool,
    paste: Callback<String, bool>,
) -> impl IntoView {
    let raw = cell.raw;
    let (typed, stale) = (edit(cell, &code), stale(&code));
    view! {
        <textarea
            class="cell-text"
            class:wide=wide
            rows="1"
            data-code=code.clone()
            data-stale=stale
            aria-label=code
            prop:value=move || raw.get()
            on:input=move |ev| typed(event_target_value(&ev))
            on:keydown=on_text_cell_key(cell)
            on:paste=on_paste(paste)
        ></textarea>
    }
}

#[component]
pub(super) fn ChoiceCell(
    cell: Cell,
    code: String,
    options: Vec<crate::core::value::ChoiceOption>,
) -> impl IntoView {
    let (typed, stale) = (edit(cell, &code), stale(&code));
    let current = move || {
        cell.state()
            .number()
            .map(|n| (n as i64).to_string())
            .unwrap_or_default()
    };
    let options = options
        .into_iter()
        .map(|o| {
            let value = o.code.to_string();
            let selected = {
                let value = value.clone();
                move || current() == value
            };
            view! { <option value=value selected=selected>{o.label}</option> }
        })
        .collect_any();
    view! {
        <select
            class="cell-choice"
            data-code=code.clone()
            data-stale=stale
            aria-label=code
            aria-invalid=move || cell.state().error().is_some().to_string()
            prop:value=current
            on:change=move |ev| typed(event_target_value(&ev))
        >
            <option value="">"—"</option>
            {options}
        </select>
    }
}
