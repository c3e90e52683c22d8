//! A grid's rows as the editor builds them: each row's cells, memos of its
//! values, sums and messages; the blocks of rows the totals are summed over;
//! and the rows' numbering.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::grid::{is_group_key, row_name, CellValue, ColumnRole, Grid};
use crate::core::issue::Issue;
use crate::core::report::Report;
use crate::core::value::{FieldState, ValueKind};
use crate::ui::editor::state::grid_before::{row_issues, Before};
use crate::ui::editor::state::grid_cells::{Cell, GridRow};
use crate::ui::shared::erased::memo;

/// A block of consecutive rows: its column sums (one per summed column, in
/// order), its messages and its count of filled cells. Blocks are built
/// again when rows are added, removed or moved; a keystroke reruns only its
/// own block.
#[derive(Clone, PartialEq)]
pub(super) struct Block {
    pub(super) sums: Vec<Memo<f64>>,
    pub(super) issues: Memo<Vec<Issue>>,
    pub(super) filled: Memo<usize>,
}

impl Block {
    pub(super) fn new(rows: Arc<[GridRow]>, summed: &[usize]) -> Block {
        let sums = summed
            .iter()
            .map(|&i| {
                let rows = rows.clone();
                memo(move || rows.iter().filter_map(|r| r.number(i)).sum::<f64>())
            })
            .collect();
        let issues = {
            let rows = rows.clone();
            memo(move || {
                let mut all = Vec::new();
                rows.iter()
                    .for_each(|r| r.issues.with(|list| all.extend(list.iter().cloned())));
                all
            })
        };
        let filled = memo(move || rows.iter().map(|r| r.filled.get()).sum::<usize>());
        Block {
            sums,
            issues,
            filled,
        }
    }
}

/// Numbers the rows (1, 2, … and I, II, … for groups) in one pass over the
/// list: O(rows) per added, removed or moved row, and only the rows whose
/// number changed are told.
pub(super) fn renumber(grid: &Grid, rows: RwSignal<Vec<GridRow>>) {
    rows.with_untracked(|rows| {
        let keys: Vec<String> = rows.iter().map(|r| r.key.to_string()).collect();
        for (row, stt) in rows.iter().zip(grid.stt_of(&keys)) {
            if row.stt.with_untracked(|now| *now != stt) {
                row.stt.set(stt);
            }
        }
    });
}

pub(super) fn build_row(
    section: &str,
    grid: &Arc<Grid>,
    annex: &str,
    key: &str,
    report: &Report,
    (edits, kinds): (RwSignal<u64>, StoredValue<Arc<[ValueKind]>>),
    before: Before,
) -> GridRow {
    let group = is_group_key(key);
    let editable = grid.is_editable();
    let texts = report.row_texts(section, key);
    let cells: Arc<[Option<Cell>]> = grid
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let typed = match &c.role {
                ColumnRole::Label => editable,
                ColumnRole::Value(_) => !group,
                _ => false,
            };
            typed.then(|| Cell::new(texts.get(c.number).to_string(), kinds, i, edits))
        })
        .collect();
    let row_key: Arc<str> = Arc::from(key);
    // Numbered by `GridState::renumber` whenever the list changes.
    let stt = RwSignal::new(String::new());
    let values = {
        let (grid, cells, key, section, annex) = (
            grid.clone(),
            cells.clone(),
            row_key.clone(),
            section.to_string(),
            annex.to_string(),
        );
        let label_column = grid.label_column();
        memo(move || {
            // The column's kind is at hand: the cell's text is read as it,
            // without looking the kind up again on every keystroke.
            let typed = grid.typed_cells(group, |i, kind| {
                cells
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|c| c.raw.try_with(|t| kind.read(t)))
                    .unwrap_or(FieldState::Empty)
            });
            // Only a failing identity reads the row's place and label.
            let name = || {
                let label = match cells.get(label_column).copied().flatten() {
                    Some(cell) => cell.raw.get(),
                    None => grid.fixed_label(&key).unwrap_or_default().to_string(),
                };
                row_name(&annex, &stt.get(), &label)
            };
            grid.evaluate_row(&section, &key, typed, &name)
        })
    };
    let sums: Arc<[Option<Memo<Option<f64>>>]> = grid
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| match &c.role {
            ColumnRole::Sum(_) if !group => Some(memo(move || {
                values.with(|v| v.cells.get(i).and_then(CellValue::number))
            })),
            _ => None,
        })
        .collect();
    let issues = row_issues(
        values, before, grid, section, &row_key, annex, &cells, stt, group,
    );
    let filled = memo(move || values.with(|v| v.filled));
    GridRow {
        key: row_key,
        group,
        cells,
        stt,
        values,
        sums,
        issues,
        filled,
    }
}
