//! The cells of a grid row, their state and their views: numbers, text,
//! choices; Enter moves down a column, and a table pasted into a cell
//! fills the rows below it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::grid::{ColumnRole, Grid, RowValues};
use crate::core::issue::Issue;
use crate::core::value::{FieldState, ValueKind};

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
