//! A grid section on the page: its annex heading, the table with nested
//! column headers and the (1) (2) … row, a row per field or commune with
//! its messages beneath it, the computed total row, and the buttons that
//! add, move and remove rows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::focus::focus_field;
use crate::core::grid::{cell_code, total_text, ColumnRole, GridRows, TOTAL_ROW};
use crate::core::issue::Severity;
use crate::core::value::ValueKind;
use crate::ui::editor::carry_bar::{CarryBar, FocusedPrevious};
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::grid_cells::{ChoiceCell, NumberCell, TextCell};
use crate::ui::editor::issue_summary::IssueMessages;
use crate::ui::editor::stale::{Codes, StaleBar};
use crate::ui::editor::state::form::FormContext;
use crate::ui::editor::state::grid::{GridRow, GridState};
use crate::ui::shared::deferred::Deferral;
use crate::ui::shared::erased::{key_of, keyed_list, memo, CollectAny, Keyed};
use crate::ui::shared::settled::Settled;

/// The `data-code` of the element that took focus.
fn focused_code(ev: &web_sys::FocusEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute("data-code")
}

/// Rows per `<table>`: a long grid is drawn as consecutive tables with the
/// same columns, each skipped by the browser while off screen, so a
/// keystroke re-lays out and repaints the few tables on screen, not the
/// whole grid. Real keys in a 10,000-cell grid, headed Chromium: tables of
/// 50 rows gave p50 / p95 40 / 64 ms, of 16 rows 24 / 48, of 8 rows 24 / 40.
const ROWS_PER_TABLE: usize = 8;
/// A row's usual height on screen, for the placeholder of rows not drawn yet.
const ROW_PX: u32 = 30;

#[component]
pub fn GridSection(grid: Arc<GridState>) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let conflicts = form.conflicts;
    // The cell with focus, for its figure in the report before.
    let focused = RwSignal::new(None::<String>);
    let section = grid.section.clone();
    let id = section.id.clone();
    let columns = grid.grid.columns.clone();
    let width_total: f64 = columns.iter().map(|c| c.width).sum::<f64>() + 6.0;
    let editable_rows = grid.grid.is_editable();
    let head_rows = grid.grid.head.len().max(1);
    // Built afresh for each table of the grid (views are not shared).
    let colgroup = {
        let columns = columns.clone();
        move || {
            let cols = columns
                .iter()
                .map(|c| {
                    let per_mille = (c.width / width_total * 1000.0).round() as u32;
                    view! { <col style:width=format!("{}.{}%", per_mille / 10, per_mille % 10) /> }
                })
                .collect_any();
            let action_col =
                editable_rows.then(|| view! { <col class="col-actions screen-only" /> }.into_any());
            view! { <colgroup>{cols}{action_col}</colgroup> }
        }
    };
    let thead = {
        let (head, columns) = (grid.grid.head.clone(), columns.clone());
        move || {
            let rows = head
                .iter()
                .enumerate()
                .map(|(level, cells)| {
                    let cells = cells
                        .iter()
                        .map(|c| view! { <th colspan=c.colspan rowspan=c.rowspan>{c.text.clone()}</th> })
                        .collect_any();
                    let actions = (level == 0 && editable_rows)
                        .then(|| view! { <th class="row-actions screen-only" rowspan=head_rows + 1>"Dòng"</th> }.into_any());
                    view! { <tr>{cells}{actions}</tr> }
                })
                .collect_any();
            let numbers = columns
                .iter()
                .map(|c| view! { <td>{format!("({})", c.number)}</td> })
                .collect_any();
            view! { <thead>{rows}<tr class="column-numbers">{numbers}</tr></thead> }
        }
    };
    let (annex, title) = section.heading(&form.template);
    let own_heading = section.annex.is_some();
    let heading = own_heading.then(|| {
        let header = form.clone();
        view! {
            <div class="annex-heading">
                <p class="annex-name bold">{annex.to_string()}</p>
                <h2 class="annex-title">{title.to_string()}</h2>
                <p class="attached italic">{move || header.header_value().attachment_line()}</p>
            </div>
        }
        .into_any()
    });
    let unit_note = section
        .unit_note
        .clone()
        .map(|note| view! { <p class="unit-note italic">"Đơn vị tính: " {note}</p> }.into_any());
    let rows = grid.rows;
    let body_grid = grid.clone();
    let deferral = expect_context::<Deferral>();
    let chunk_count = memo(move || rows.with(|r| r.len().div_ceil(ROWS_PER_TABLE).max(1)));
    let chunks = move || (0..chunk_count.get()).collect::<Vec<usize>>();
    let chunk_view = {
        let (colgroup, thead) = (colgroup.clone(), thead.clone());
        move |n: usize| {
            let grid = body_grid.clone();
            let slice = move || {
                rows.with(|rows| {
                    rows.iter()
                        .skip(n * ROWS_PER_TABLE)
                        .take(ROWS_PER_TABLE)
                        .cloned()
                        .collect::<Vec<_>>()
                })
            };
            let head = (n == 0).then_some(thead.clone());
            let colgroup = colgroup.clone();
            let table = move || {
                let grid = grid.clone();
                view! {
                    <table class="annex grid">
                        {colgroup()}
                        {head.clone().map(|head| head())}
                        <tbody>
                            {keyed_list(move || slice().into_iter().map(|row| {
                                let grid = grid.clone();
                                // A row whose cells are in conflict is keyed by them too: it is
                                // drawn again, with its choices, when they change (no signal per cell).
                                let conflicted = conflicts.with_prefix(&format!("{}/{}/", grid.section.id, row.key));
                                let key = if conflicted.is_empty() { row.key.to_string() } else { key_of(&[&*row.key, &conflicted.join("|")]) };
                                Keyed::new(key, move || view! { <GridRowView grid row conflicted /> })
                            }).collect())}
                        </tbody>
                    </table>
                }
            };
            let count = rows.with_untracked(|r| {
                r.len()
                    .saturating_sub(n * ROWS_PER_TABLE)
                    .min(ROWS_PER_TABLE)
            });
            // Its height until first drawn (content-visibility: auto). The
            // first chunk, with the header, is always drawn (main.css): a
            // guessed header (rows that wrap, or short ones) made the page
            // shift as a grid came on screen, moving «+ Thêm …» from under
            // the pointer between press and release.
            let guess = format!("auto {}px", count as u32 * ROW_PX);
            view! {
                <div class="grid-chunk" class:first=n == 0 style:contain-intrinsic-size=guess>
                    {deferral.rows(count, ROW_PX, Arc::new(move || table().into_any()))}
                </div>
            }
        }
    };
    let total_row = grid
        .grid
        .total_label
        .clone()
        .map(|label| view! { <TotalRow grid=grid.clone() label /> });
    let editable = match &grid.grid.rows {
        GridRows::Editable { noun, groups } => Some((noun.clone(), *groups)),
        GridRows::Fixed(_) => None,
    };
    let controls = editable.map(|(noun, groups)| {
        let (add, add_group, undo) = (grid.clone(), grid.clone(), grid.clone());
        let label_column = grid.grid.columns.get(grid.grid.label_column()).map_or(2, |c| c.number);
        let section_id = id.clone();
        let focus_new = move |key: String| {
            let code = cell_code(&section_id, &key, label_column);
            // The row is drawn on the next frame.
            request_animation_frame(move || {
                focus_field(&code);
            });
        };
        let focus_group = focus_new.clone();
        let removed = grid.removed;
        view! {
            <div class="grid-controls screen-only">
                <button type="button" class="add-row" data-action="add-row" data-section=id.clone() on:click=move |_| focus_new(add.add_row(false))>
                    "+ Thêm " {noun.clone()}
                </button>
                {groups.then(|| view! {
                    <button type="button" class="add-row" data-action="add-group" data-section=id.clone() on:click=move |_| focus_group(add_group.add_row(true))>
                        "+ Thêm nhóm (I, II, …)"
                    </button>
                }.into_any())}
                {move || removed.get().map(|r| {
                    let undo = undo.clone();
                    let name = if r.name.trim().is_empty() { "một dòng".to_string() } else { format!("dòng «{}»", r.name.trim()) };
                    view! {
                        <p class="banner" role="status">
                            "Đã xóa " {name} ". "
                            <button type="button" data-action="undo-remove-row" on:click=move |_| undo.undo_remove()>"Hoàn tác"</button>
                        </p>
                    }.into_any()
                })}
            </div>
        }.into_any()
    });
    let empty_hint = grid.grid.is_editable().then(|| {
        let hint = match &grid.grid.rows {
            GridRows::Editable { noun, .. } => format!("Chưa có dòng nào. Bấm «+ Thêm {noun}» để bắt đầu. Có sẵn bảng trong Excel: thêm một dòng rồi dán cả bảng vào ô tên dòng đầu tiên."),
            GridRows::Fixed(_) => String::new(),
        };
        view! { <p class="empty-grid screen-only" hidden=move || rows.with(|r| !r.is_empty())>{hint}</p> }.into_any()
    });
    // Messages about the table's totals (a province's target), under it.
    let on_totals = form.template.targets.iter().any(|t| {
        form.template
            .grid_total(&t.at)
            .is_some_and(|(g, _)| form.grids.get(g).is_some_and(|s| s.section.id == id))
    });
    let total_messages = on_totals.then(|| {
        let (issues, prefix) = (form.issues, format!("{id}/total/"));
        let mine = memo(move || {
            issues.with(|all| {
                all.iter()
                    .filter(|i| i.code.starts_with(&prefix))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let mine = expect_context::<Settled>().follow_frame(mine);
        view! { <div class="grid-total-messages screen-only"><IssueMessages issues=mine /></div> }
            .into_any()
    });
    view! {
        <section
            class="grid-section"
            class:landscape=section.landscape
            class:own-page=own_heading
            data-section=id.clone()
            aria-label=format!("{annex} {title}")
        >
            {heading}
            {unit_note}
            <StaleBar codes=Codes::Grid(id.clone()) />
            <CarryBar grid=grid.clone() />
            <div class="grid-scroll" on:focusin=move |ev| focused.set(focused_code(&ev))>
                {keyed_list(move || chunks().into_iter().map(|n| {
                    let chunk_view = chunk_view.clone();
                    Keyed::new(n.to_string(), move || chunk_view(n))
                }).collect())}
                {total_row.map(|total_row| view! {
                    <div class="grid-chunk last">
                        <table class="annex grid">{colgroup()}<tfoot>{total_row}</tfoot></table>
                    </div>
                }.into_any())}
                <FocusedPrevious grid=grid.clone() focused />
            </div>
            {empty_hint}
            {total_messages}
            {controls}
        </section>
    }
}

#[component]
fn GridRowView(grid: Arc<GridState>, row: GridRow, conflicted: Vec<String>) -> impl IntoView {
    let section = grid.section.id.clone();
    let key = row.key.to_string();
    let columns = grid.grid.columns.clone();
    let stt = row.stt;
    // Shown on the frame after the key's (ui/shared/settled.rs).
    let issues = expect_context::<Settled>().follow_frame(row.issues);
    let label_index = grid.grid.label_column();
    let fixed_label = grid.grid.fixed_label(&key).unwrap_or_default().to_string();
    let editable = grid.grid.is_editable();
    let actions = editable.then(|| {
        let (up, down, remove) = (grid.clone(), grid.clone(), grid.clone());
        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
        view! {
            <td class="row-actions screen-only">
                <button type="button" title="Chuyển lên" aria-label="Chuyển dòng lên" data-action="move-up" on:click=move |_| { up.move_row(&k1, -1); }>"↑"</button>
                <button type="button" title="Chuyển xuống" aria-label="Chuyển dòng xuống" data-action="move-down" on:click=move |_| { down.move_row(&k2, 1); }>"↓"</button>
                <button type="button" title="Xóa dòng" aria-label="Xóa dòng" data-action="remove-row" on:click=move |_| remove.remove_row(&k3)>"✕"</button>
            </td>
        }.into_any()
    });
    let span = columns.len() + usize::from(editable);
    let cells = if row.group {
        let cell = row.cell(label_index);
        let number = columns.get(label_index).map_or(2, |c| c.number);
        view! {
            <td class="stt">{stt}</td>
            <td class="group-label" colspan=columns.len() - 1>
                {cell.map(|cell| {
                    let paste = Callback::new(|_: String| false);
                    view! { <TextCell cell code=cell_code(&section, &key, number) wide=false paste /> }
                })}
            </td>
        }
        .into_any()
    } else {
        columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let code = cell_code(&section, &key, column.number);
                let conflict = conflicted.contains(&code).then(|| code.clone());
                let choice = conflict.clone().zip(row.cell(i)).map(|(key, cell)| view! { <ConflictChoice key current=cell.raw.into() /> });
                let paste = {
                    let (grid, key) = (grid.clone(), key.clone());
                    Callback::new(move |text: String| grid.paste(&key, i, &text).is_some())
                };
                match (&column.role, row.cell(i), row.sums.get(i).copied().flatten()) {
                    (ColumnRole::Stt, _, _) => view! { <td class="stt">{stt}</td> }.into_any(),
                    (ColumnRole::Label, Some(cell), _) => {
                        view! { <td class="label" data-conflict=conflict><TextCell cell code wide=true paste />{choice}</td> }.into_any()
                    }
                    (ColumnRole::Label, None, _) => view! { <td class="label">{fixed_label.clone()}</td> }.into_any(),
                    (ColumnRole::Value(ValueKind::Choice { options }), Some(cell), _) => {
                        view! { <td class="choice" data-conflict=conflict><ChoiceCell cell code options=options.clone() />{choice}</td> }.into_any()
                    }
                    (ColumnRole::Value(ValueKind::Text), Some(cell), _) => {
                        view! { <td class="text" data-conflict=conflict><TextCell cell code wide=true paste />{choice}</td> }.into_any()
                    }
                    (ColumnRole::Value(kind), Some(cell), _) => {
                        view! { <td class="number" data-conflict=conflict><NumberCell cell code kind=kind.clone() paste />{choice}</td> }.into_any()
                    }
                    (ColumnRole::Sum(_), _, Some(sum)) => {
                        let decimals = column.decimals();
                        view! {
                            <td class="number computed">
                                <output data-computed=code>{move || sum.get().map(|v| crate::core::number::format_vn(v, decimals)).unwrap_or_default()}</output>
                            </td>
                        }
                        .into_any()
                    }
                    _ => view! { <td></td> }.into_any(),
                }
            })
            .collect_any()
            .into_any()
    };
    view! {
        <tr
            class="grid-row"
            class:group=row.group
            data-row=key.clone()
            class:has-error=move || issues.with(|l| l.iter().any(|i| i.severity == Severity::Error))
            class:has-warning=move || issues.with(|l| l.iter().any(|i| i.severity == Severity::Warning))
        >
            {cells}
            {actions}
        </tr>
        <tr class="row-issues screen-only" hidden=move || issues.with(Vec::is_empty)>
            <td colspan=span>
                <IssueMessages issues />
            </td>
        </tr>
    }
}

/// A block pasted from a spreadsheet fills the grid; a single value is
/// pasted by the browser as usual.
#[component]
fn TotalRow(grid: Arc<GridState>, label: String) -> impl IntoView {
    let section = grid.section.id.clone();
    let cells = grid
        .grid
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| match (&column.role, grid.totals.get(i).copied().flatten()) {
            (ColumnRole::Label, _) => view! { <td class="label bold">{label.clone()}</td> }.into_any(),
            (_, Some(total)) => {
                let decimals = column.decimals();
                view! {
                    <td class="number computed bold">
                        <output data-computed=cell_code(&section, TOTAL_ROW, column.number)>{move || total_text(Some(total.get()), decimals)}</output>
                    </td>
                }
                .into_any()
            }
            _ => view! { <td></td> }.into_any(),
        })
        .collect_any();
    let actions = grid
        .grid
        .is_editable()
        .then(|| view! { <td class="row-actions screen-only"></td> }.into_any());
    view! { <tr class="grid-row total" data-row=TOTAL_ROW>{cells}{actions}</tr> }
}
