//! A grid section being edited, as fine-grained signals.
//!
//! One signal per typed cell, and one memo per row's values, per sum cell,
//! per row's messages and per column total, all from the core's `Grid`
//! functions. A keystroke in a cell wakes that cell, its row's sums and
//! messages, and the totals of the columns it feeds; other rows stay still.
//! Rows of an editable list can be added, removed (with undo) and moved.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::eval::grid_fillable;
use crate::core::grid::{cell_code, Grid, GridRows};
use crate::core::issue::Issue;
use crate::core::key_set::KeySet;
use crate::core::paste::parse_tsv;
use crate::core::report::Report;
use crate::core::template::Section;
use crate::core::value::ValueKind;
use crate::ui::editor::state::before::Befores;
use crate::ui::editor::state::grid_before::{before_of, compare_of, Before};
use crate::ui::editor::state::grid_cells::cell_kinds;
pub use crate::ui::editor::state::grid_cells::GridRow;
use crate::ui::editor::state::grid_rows::{build_row, renumber, Block};
use crate::ui::shared::erased::memo;
use crate::ui::shared::memo_tree::chunked;

/// A row taken out of the list, kept for undo.
#[derive(Clone)]
pub struct RemovedRow {
    pub at: usize,
    pub row: GridRow,
    pub name: String,
}

pub struct GridState {
    pub section: Section,
    pub grid: Arc<Grid>,
    pub annex: String,
    pub rows: RwSignal<Vec<GridRow>>,
    /// Per column: the total of a summed column.
    pub totals: Vec<Option<Memo<f64>>>,
    pub issues: Memo<Vec<Issue>>,
    pub filled: Memo<usize>,
    pub fillable: Memo<usize>,
    pub removed: RwSignal<Option<RemovedRow>>,
    edits: RwSignal<u64>,
    kinds: StoredValue<Arc<[ValueKind]>>,
    /// The form's values not yet updated since a copy; a paste updates them.
    unconfirmed: RwSignal<KeySet>,
    owner: Owner,
    /// The report dossiers are carried over from, with this grid's rows indexed.
    pub before: Before,
    /// The report figures are compared with, indexed the same way.
    pub compare: Before,
}

impl GridState {
    pub fn new(
        section: Section,
        grid: Arc<Grid>,
        annex: String,
        report: &Report,
        (edits, unconfirmed): (RwSignal<u64>, RwSignal<KeySet>),
        befores: &Befores,
    ) -> GridState {
        let owner = Owner::current().unwrap_or_default();
        let before = before_of(befores.carry, &section.id, &grid);
        let compare = compare_of(befores.change, &section.id, &grid);
        let kinds = StoredValue::new(cell_kinds(&grid));
        let rows: RwSignal<Vec<GridRow>> = RwSignal::new(Vec::new());
        let built: Vec<GridRow> = report
            .row_keys(&section.id, &grid)
            .iter()
            .map(|key| {
                build_row(
                    &section.id,
                    &grid,
                    &annex,
                    key,
                    report,
                    (edits, kinds),
                    before,
                )
            })
            .collect();
        rows.set(built);
        renumber(&grid, rows);
        // Totals over the rows are the two-level tree of `memo_tree`: a memo
        // per block of rows, and one over the blocks. A keystroke re-reads its block and the
        // blocks' results, not every row (each read of a memo is re-tracked
        // on every run, which over 625 rows cost more than the sums).
        let summed: Arc<[usize]> = grid
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_summed())
            .map(|(i, _)| i)
            .collect();
        let blocks = {
            let summed = summed.clone();
            memo(move || rows.with(|rows| chunked(rows, |part| Block::new(part, &summed))))
        };
        let totals = grid
            .columns
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let at = summed.iter().position(|&s| s == i)?;
                Some(memo(move || {
                    blocks.with(|b| {
                        b.iter()
                            .filter_map(|b| b.sums.get(at).map(|m| m.get()))
                            .sum::<f64>()
                    })
                }))
            })
            .collect();
        let issues = memo(move || {
            let mut all = Vec::new();
            blocks.with(|b| {
                b.iter()
                    .for_each(|b| b.issues.with(|list| all.extend(list.iter().cloned())))
            });
            all
        });
        let filled = memo(move || blocks.with(|b| b.iter().map(|b| b.filled.get()).sum::<usize>()));
        let fillable = {
            let grid = grid.clone();
            memo(move || {
                rows.with(|rows| grid_fillable(&grid, rows.iter().filter(|r| !r.group).count()))
            })
        };
        GridState {
            section,
            grid,
            annex,
            rows,
            totals,
            issues,
            filled,
            fillable,
            removed: RwSignal::new(None),
            edits,
            kinds,
            unconfirmed,
            owner,
            before,
            compare,
        }
    }

    /// Shows `report`'s rows and cells (another copy merged in): rows that
    /// stay keep their signals, and only cells whose text changed are set.
    pub fn show_merged(&self, report: &Report) {
        let (section, grid) = (&self.section.id, &self.grid);
        let keys = report.row_keys(section, grid);
        if self.rows.with_untracked(|rows| {
            rows.len() != keys.len() || rows.iter().zip(&keys).any(|(r, k)| *r.key != **k)
        }) {
            let current = self.rows.get_untracked();
            let row = |key: &String| match current.iter().find(|r| *r.key == **key) {
                Some(row) => row.clone(),
                None => self.owner.with(|| {
                    build_row(
                        section,
                        grid,
                        &self.annex,
                        key,
                        report,
                        (self.edits, self.kinds),
                        self.before,
                    )
                }),
            };
            self.rows.set(keys.iter().map(row).collect());
            renumber(grid, self.rows);
        }
        self.rows.with_untracked(|rows| {
            for row in rows {
                let texts = report.row_texts(section, &row.key);
                for (cell, column) in row.cells.iter().zip(grid.columns.iter()) {
                    let text = texts.get(column.number);
                    if let Some(cell) = cell.filter(|c| c.raw.with_untracked(|r| r != text)) {
                        cell.raw.set(text.to_string());
                    }
                }
            }
        });
    }

    /// The list changed: its rows are numbered again and the report edited.
    fn edited(&self) {
        renumber(&self.grid, self.rows);
        self.edits.update(|n| *n += 1);
    }

    /// Adds an empty row (or group heading) at the end; returns its key.
    pub fn add_row(&self, group: bool) -> String {
        let mut keys: Vec<String> = self
            .rows
            .with_untracked(|rows| rows.iter().map(|r| r.key.to_string()).collect());
        // The row kept for undo still owns its key: reusing it would put
        // two rows with one key (and the same cells) in the list on undo.
        if let Some(removed) = self.removed.get_untracked() {
            keys.push(removed.row.key.to_string());
        }
        let key = Grid::next_key(&keys, group);
        let empty = Report::default();
        let row = self.owner.with(|| {
            build_row(
                &self.section.id,
                &self.grid,
                &self.annex,
                &key,
                &empty,
                (self.edits, self.kinds),
                self.before,
            )
        });
        self.rows.update(|rows| rows.push(row));
        self.edited();
        key
    }

    /// Takes a row out, keeping it for undo.
    pub fn remove_row(&self, key: &str) {
        let Some(at) = self
            .rows
            .with_untracked(|rows| rows.iter().position(|r| &*r.key == key))
        else {
            return;
        };
        let mut taken = None;
        self.rows.update(|rows| taken = Some(rows.remove(at)));
        if let Some(row) = taken {
            let label = self.grid.label_column();
            let name = row
                .cell(label)
                .map(|c| c.raw.get_untracked())
                .unwrap_or_default();
            // An empty row needs no undo.
            let keep = row.has_text();
            self.removed
                .set(keep.then_some(RemovedRow { at, row, name }));
        }
        self.edited();
    }

    pub fn undo_remove(&self) {
        if let Some(removed) = self.removed.get_untracked() {
            self.rows.update(|rows| {
                let at = removed.at.min(rows.len());
                rows.insert(at, removed.row);
            });
            self.removed.set(None);
            self.edited();
        }
    }

    /// Moves a row one place up (`-1`) or down (`1`).
    pub fn move_row(&self, key: &str, by: isize) -> bool {
        let mut moved = false;
        self.rows.update(|rows| {
            if let Some(at) = rows.iter().position(|r| &*r.key == key) {
                let to = at as isize + by;
                if to >= 0 && (to as usize) < rows.len() {
                    rows.swap(at, to as usize);
                    moved = true;
                }
            }
        });
        if moved {
            self.edited();
        }
        moved
    }

    /// Pastes a block copied from a spreadsheet, starting at column `column`
    /// of the row `key`: pasted columns line up with the table's, and rows
    /// are added to an editable list as needed. A single value is left to
    /// the browser's own paste (`None`); otherwise returns the rows filled.
    /// Pastes a block copied from a spreadsheet at row `key`, column
    /// `column`, adding rows as needed. The cells written are edited, so no
    /// longer "chưa cập nhật". Returns the rows written; `None` for one
    /// value, which the field takes as typing.
    pub fn paste(&self, key: &str, column: usize, text: &str) -> Option<usize> {
        let pasted = parse_tsv(text);
        if pasted.len() <= 1 && pasted.first().is_none_or(|row| row.len() <= 1) {
            return None;
        }
        let start = self
            .rows
            .with_untracked(|rows| rows.iter().position(|r| &*r.key == key))?;
        let plan = self.grid.paste_plan(column, &pasted);
        if self.grid.is_editable() {
            while self.rows.with_untracked(Vec::len) < start + plan.len() {
                self.add_row(false);
            }
        }
        let rows = self.rows.get_untracked();
        let mut written = Vec::new();
        for (row, cells) in rows.iter().skip(start).zip(&plan) {
            for (i, text) in cells {
                if let Some(cell) = row.cell(*i) {
                    cell.raw.set(text.clone());
                    written.push(cell_code(
                        &self.section.id,
                        &row.key,
                        self.grid.columns[*i].number,
                    ));
                }
            }
        }
        if self
            .unconfirmed
            .with_untracked(|s| written.iter().any(|c| s.contains(c)))
        {
            self.unconfirmed
                .update(|s| s.retain(|c| !written.contains(c)));
        }
        self.edited();
        Some(rows.len().saturating_sub(start).min(plan.len()))
    }

    /// Writes the grid's rows and cells into `report`; `None` once disposed.
    pub fn try_write(&self, report: &mut Report) -> Option<()> {
        let rows = self.rows.try_get_untracked()?;
        if matches!(self.grid.rows, GridRows::Editable { .. }) {
            report.rows.insert(
                self.section.id.clone(),
                rows.iter().map(|r| r.key.to_string()).collect(),
            );
        }
        let mut texts = Vec::new();
        for row in &rows {
            for (i, cell) in row.cells.iter().enumerate() {
                if let Some(cell) = cell {
                    let code = cell_code(&self.section.id, &row.key, self.grid.columns[i].number);
                    texts.push((code, cell.raw.try_get_untracked()?));
                }
            }
        }
        report.set_values(texts);
        Some(())
    }
}
