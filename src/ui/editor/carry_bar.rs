//! Above a grid with a carried-over column: what it must equal and
//! filling it from the report before; at its foot, the report before's
//! figure of the focused cell.

use crate::ui::editor::state::grid_before::previous_text;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::grid::cell_code;
use crate::core::previous::change_text;
use crate::core::report::grid_cell;
use crate::ui::editor::state::form::FormContext;
use crate::ui::editor::state::grid::{GridRow, GridState};
use crate::ui::shared::erased::shown;

/// The label a row is known by: its label cell, or a fixed row's label.
pub fn label_of(state: &GridState, row: &GridRow) -> String {
    match row.cell(state.grid.label_column()) {
        Some(cell) => cell.raw.get_untracked(),
        None => state
            .grid
            .fixed_label(&row.key)
            .unwrap_or_default()
            .to_string(),
    }
}

/// Fills the carried-over column of every row from the report before's
/// figures (rows matched by key or name); the codes filled, and the rows
/// the report before does not have.
pub fn fill_carried_over(state: &GridState) -> (Vec<String>, Vec<String>) {
    let (mut filled, mut missing) = (Vec::new(), Vec::new());
    let Some((column, from)) = state.grid.carried_over else {
        return (filled, missing);
    };
    let number = state.grid.columns[column].number;
    for row in state.rows.get_untracked().iter().filter(|r| !r.group) {
        let label = label_of(state, row);
        let Some(cell) = row.cell(column) else {
            continue;
        };
        match previous_text(state.before, &state.grid, &row.key, &label, from) {
            Some(text) => {
                if cell.raw.with_untracked(|t| *t != text) {
                    cell.set_raw(text);
                }
                filled.push(cell_code(&state.section.id, &row.key, number));
            }
            None => missing.push(if label.trim().is_empty() {
                format!("dòng {}", row.stt.get_untracked())
            } else {
                label
            }),
        }
    }
    (filled, missing)
}

/// Above a grid with a carried-over column, once there is a report before:
/// what the column must equal, and filling it from there.
#[component]
pub fn CarryBar(grid: Arc<GridState>) -> impl IntoView {
    let Some((column, from)) = grid.grid.carried_over else {
        return ().into_any();
    };
    let form = expect_context::<FormContext>();
    let before = grid.before;
    let message = RwSignal::new(None::<String>);
    let (this, that) = (grid.grid.column_name(column), grid.grid.column_name(from));
    let section = grid.section.id.clone();
    let fill = move |_| {
        let (filled, missing) = fill_carried_over(&grid);
        form.confirm_where(|c| filled.iter().any(|f| f == c));
        let mut text = format!("Đã điền {} dòng từ kỳ trước.", filled.len());
        if !missing.is_empty() {
            text.push_str(&format!(
                " Không có trong báo cáo kỳ trước (hãy nhập tay): {}.",
                missing.join(", ")
            ));
        }
        message.set(Some(text));
    };
    shown(
        move || before.with(Option::is_some),
        move || {
            view! {
                <p class="carry-bar screen-only">
                    {let (this, that) = (this.clone(), that.clone());
                     move || before.with(|b| b.as_ref().map(|b| format!("Cột {this} phải bằng cột {that} của «{}». ", b.2)))}
                    <button type="button" class="link" data-action="fill-carried-over" data-section=section.clone() on:click=fill.clone()>
                        "Điền từ kỳ trước"
                    </button>
                    {move || message.get().map(|m| view! { <span class="carry-message" data-carry-message="">" " {m}</span> }.into_any())}
                </p>
            }
        },
        || (),
    )
}

/// The report before's figure of the focused cell, at the foot of the
/// grid while it is on screen (one element per grid, not one per cell).
#[component]
pub fn FocusedPrevious(grid: Arc<GridState>, focused: RwSignal<Option<String>>) -> impl IntoView {
    let shown = move || {
        let code = focused.get()?;
        let (key, number) = grid_cell(&grid.section.id, &code)?;
        let i = grid.grid.column_by_number(number)?;
        let row = grid
            .rows
            .with(|rows| rows.iter().find(|r| &*r.key == key).cloned())?;
        let label = match row.cell(grid.grid.label_column()) {
            Some(cell) => cell.raw.get(),
            None => grid.grid.fixed_label(key).unwrap_or_default().to_string(),
        };
        let text = previous_text(grid.compare, &grid.grid, key, &label, i)?;
        let before = grid.compare.with(|b| {
            b.as_ref()
                .and_then(|b| b.1.number(&b.0.report, &grid.grid, key, &label, i))
        });
        let name = grid
            .compare
            .with(|b| b.as_ref().map(|b| b.2.clone()))
            .unwrap_or_default();
        let now = row.cell(i).and_then(|c| c.state().number());
        let change = match (now, before) {
            (Some(now), Some(before)) => change_text(now, before).map(|c| format!(" ({c})")),
            _ => None,
        };
        let place = format!("{name}, dòng {} cột ({number}): ", row.stt.get());
        Some((code.clone(), place, text, change))
    };
    view! {
        {move || shown().map(|(code, place, text, change)| view! {
            <p class="cell-previous screen-only">{place} <span data-previous=code>{text}</span> {change}</p>
        }.into_any())}
    }
}
