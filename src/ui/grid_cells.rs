//! The cells of a grid row, their state and their views: numbers, text,
//! choices; Enter moves down a column, and a table pasted into a cell
//! fills the rows below it.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::browser::focus::focus_cell_below;
use crate::core::grid::{ColumnRole, Grid, RowValues};
use crate::core::issue::Issue;
use crate::core::value::{FieldState, ValueKind};
use crate::ui::erased::CollectAny;
use crate::ui::form_state::shown_on_leaving;
use crate::ui::FormContext;

/// One row: its typed cells and what is derived from them, by column index.
#[derive(Clone)]
pub struct GridRow {
    pub key: Arc<str>,
    pub group: bool,
    /// Typed cells: value columns, and the label in an editable list.
    pub cells: Arc<[Option<Cell>]>,
    /// The row's place: 1, 2, … or I, II, … for a group heading.
    pub stt: RwSignal<String>,
    /// The row as the core evaluates it; the memos below pick from it, so
    /// a keystroke re-renders only the sums and messages that changed.
    pub values: Memo<RowValues>,
    pub sums: Arc<[Option<Memo<Option<f64>>>]>,
    pub issues: Memo<Vec<Issue>>,
    /// How many value cells hold a valid value.
    pub filled: Memo<usize>,
}

impl GridRow {
    pub fn cell(&self, i: usize) -> Option<Cell> {
        self.cells.get(i).copied().flatten()
    }

    /// The number in column `i`: typed, or summed.
    pub fn number(&self, i: usize) -> Option<f64> {
        number_in(&self.cells, &self.sums, i)
    }

    pub(crate) fn has_text(&self) -> bool {
        self.cells
            .iter()
            .flatten()
            .any(|c| c.raw.with_untracked(|t| !t.trim().is_empty()))
    }
}

/// The number a row holds in column `i`: its typed cell's, or its sum's.
pub(crate) fn number_in(
    cells: &[Option<Cell>],
    sums: &[Option<Memo<Option<f64>>>],
    i: usize,
) -> Option<f64> {
    match (
        cells.get(i).copied().flatten(),
        sums.get(i).copied().flatten(),
    ) {
        (Some(cell), _) => cell.state().number(),
        (None, Some(sum)) => sum.get(),
        _ => None,
    }
}

/// One typed cell: its text, read as its column's kind when asked. No memo
/// per cell: a 10.000-cell grid would open with 10.000 more reactive nodes
/// (about 40 ms), while a read costs one parse of a few characters, done by
/// the row's memo and the cell's own view when that cell changes.
#[derive(Clone, Copy)]
pub struct Cell {
    pub raw: RwSignal<String>,
    /// The grid's kinds by column (one store for all its cells).
    kinds: StoredValue<Arc<[ValueKind]>>,
    column: usize,
    edits: RwSignal<u64>,
}

impl Cell {
    pub(super) fn new(
        text: String,
        kinds: StoredValue<Arc<[ValueKind]>>,
        column: usize,
        edits: RwSignal<u64>,
    ) -> Cell {
        Cell {
            raw: RwSignal::new(text),
            kinds,
            column,
            edits,
        }
    }

    /// The value as read, tracking the text; empty once the grid is gone.
    pub fn state(&self) -> FieldState {
        let read = |kinds: &Arc<[ValueKind]>| {
            self.raw
                .try_with(|text| kinds.get(self.column).map(|k| k.read(text)))
        };
        self.kinds
            .try_with_value(read)
            .flatten()
            .flatten()
            .unwrap_or(FieldState::Empty)
    }

    /// The same without tracking; `None` once the grid is gone.
    pub fn state_untracked(&self) -> Option<FieldState> {
        let read = |kinds: &Arc<[ValueKind]>| {
            self.raw
                .try_with_untracked(|text| kinds.get(self.column).map(|k| k.read(text)))
        };
        self.kinds.try_with_value(read).flatten().flatten()
    }

    pub fn set_raw(&self, text: String) {
        self.raw.set(text);
        self.edits.update(|n| *n += 1);
    }
}

/// The kind of each column's typed cells: its value kind, or text for an
/// editable list's labels; `Text` where a column has no typed cell.
pub(super) fn cell_kinds(grid: &Grid) -> Arc<[ValueKind]> {
    grid.columns
        .iter()
        .map(|c| match &c.role {
            ColumnRole::Value(kind) => kind.clone(),
            _ => ValueKind::Text,
        })
        .collect()
}

fn on_paste(paste: Callback<String, bool>) -> impl Fn(web_sys::ClipboardEvent) {
    move |ev| {
        if let Some(text) = ev
            .clipboard_data()
            .and_then(|data| data.get_data("text/plain").ok())
        {
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

#[component]
pub(super) fn NumberCell(
    cell: Cell,
    code: String,
    kind: ValueKind,
    paste: Callback<String, bool>,
) -> impl IntoView {
    let raw = cell.raw;
    let (typed, stale) = (edit(cell, &code), stale(&code));
    let on_blur = move |_| {
        if let Some(text) = shown_on_leaving(&kind, raw, cell.state_untracked()) {
            cell.set_raw(text);
        }
    };
    view! {
        <input
            type="text"
            class="cell-input"
            data-code=code.clone()
            data-stale=stale
            inputmode="decimal"
            autocomplete="off"
            spellcheck="false"
            aria-label=code
            aria-invalid=move || cell.state().error().is_some().to_string()
            prop:value=move || raw.get()
            on:input=move |ev| typed(event_target_value(&ev))
            on:blur=on_blur
            on:keydown=on_enter_move_down
            on:paste=on_paste(paste)
        />
    }
}

/// Enter moves down the column here too; Alt+Enter breaks the line, as
/// in a spreadsheet cell.
fn on_text_cell_key(cell: Cell) -> impl Fn(KeyboardEvent) {
    move |ev| {
        if ev.key() != "Enter" || ev.is_composing() || !ev.alt_key() {
            return on_enter_move_down(ev);
        }
        ev.prevent_default();
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let (start, end) = (
                area.selection_start().ok().flatten(),
                area.selection_end().ok().flatten(),
            );
            if let (Some(start), Some(end)) = (start, end) {
                let _ = area.set_range_text_with_start_and_end_and_mode("\n", start, end, "end");
                cell.set_raw(area.value());
            }
        }
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
