//! A grid as its template defines it: the columns and their roles, the
//! header, the rows (fixed, or a list the clerk edits) and the identities
//! between columns.

use rustc_hash::FxHashSet;

use super::names::{is_group_key, numbering, GROUP_PREFIX};
use crate::core::issue::{Comparison, Severity};
use crate::core::value::ValueKind;

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnRole {
    /// The row's number (STT), written by the app.
    Stt,
    /// The row's name: typed in a list the clerk edits, fixed otherwise.
    Label,
    /// A value the clerk types.
    Value(ValueKind),
    /// The sum of other columns of the row (indexes into `columns`).
    Sum(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridColumn {
    /// The printed column number: (1), (2), …
    pub number: u32,
    pub label: String,
    /// The header groups above the column, outermost first.
    pub groups: Vec<String>,
    pub role: ColumnRole,
    /// Width in characters, for the sheet and the screen.
    pub width: f64,
}

impl GridColumn {
    /// Whether the column holds numbers that add up (a total row sums it).
    pub fn is_summed(&self) -> bool {
        match &self.role {
            ColumnRole::Value(kind) => matches!(kind, ValueKind::Count | ValueKind::Decimal { .. }),
            ColumnRole::Sum(_) => true,
            _ => false,
        }
    }

    pub fn decimals(&self) -> u8 {
        match &self.role {
            ColumnRole::Value(
                ValueKind::Decimal { decimals } | ValueKind::Percentage { decimals },
            ) => *decimals,
            _ => 0,
        }
    }

    /// "(3) Tổng số", qualified by its group when the label alone is ambiguous.
    pub fn name(&self, ambiguous: bool) -> String {
        match (ambiguous, self.groups.last()) {
            (true, Some(group)) => format!("({}) «{} – {}»", self.number, group, self.label),
            _ => format!("({}) «{}»", self.number, self.label),
        }
    }
}

/// One cell of the table header, for drawing it with spans.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    /// The first column under this cell, as an index.
    pub first_column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FixedRow {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GridRows {
    /// Criteria fixed by the template.
    Fixed(Vec<FixedRow>),
    /// A list the clerk edits; `noun` names one row ("lĩnh vực"), and
    /// `groups` allows heading rows (I, II, …) between them.
    Editable { noun: String, groups: bool },
}

/// Left side (op) right side, each the sum of some columns of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub left: Vec<usize>,
    pub op: Comparison,
    pub right: Vec<usize>,
    pub severity: Severity,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub columns: Vec<GridColumn>,
    pub head: Vec<Vec<HeaderCell>>,
    pub rows: GridRows,
    pub identities: Vec<Identity>,
    /// The label of the computed total row, if the table has one.
    pub total_label: Option<String>,
    /// Column labels that occur more than once ("Tổng số"), for messages.
    ambiguous: FxHashSet<String>,
    /// Carried-over dossiers: (this column, the report before's column it
    /// must equal), by index (`core::carry`).
    pub carried_over: Option<(usize, usize)>,
}

impl Grid {
    pub(crate) fn new(
        columns: Vec<GridColumn>,
        head: Vec<Vec<HeaderCell>>,
        rows: GridRows,
        identities: Vec<Identity>,
        total_label: Option<String>,
    ) -> Grid {
        let mut seen = FxHashSet::default();
        let ambiguous = columns
            .iter()
            .filter(|c| !seen.insert(c.label.clone()))
            .map(|c| c.label.clone())
            .collect();
        Grid {
            columns,
            head,
            rows,
            identities,
            total_label,
            ambiguous,
            carried_over: None,
        }
    }

    pub fn label_column(&self) -> usize {
        self.columns
            .iter()
            .position(|c| matches!(c.role, ColumnRole::Label))
            .unwrap_or(0)
    }

    pub fn column_by_number(&self, number: u32) -> Option<usize> {
        self.columns.iter().position(|c| c.number == number)
    }

    pub fn is_editable(&self) -> bool {
        matches!(self.rows, GridRows::Editable { .. })
    }

    /// Whether the cell of column `i` is typed by the clerk in a row.
    pub fn is_typed(&self, i: usize) -> bool {
        match self.columns.get(i).map(|c| &c.role) {
            Some(ColumnRole::Value(_)) => true,
            Some(ColumnRole::Label) => self.is_editable(),
            _ => false,
        }
    }

    /// The column's name in messages.
    pub fn column_name(&self, i: usize) -> String {
        self.columns
            .get(i)
            .map(|c| c.name(self.ambiguous.contains(&c.label)))
            .unwrap_or_default()
    }

    /// The key for a new row (or group, with `group`): one more than the
    /// largest of its kind in `keys`, so keys are never reused and a fresh
    /// list is numbered 1, 2, 3 …
    pub fn next_key(keys: &[String], group: bool) -> String {
        let next = Self::largest_key(keys, group) + 1;
        if group {
            format!("{GROUP_PREFIX}{next}")
        } else {
            next.to_string()
        }
    }

    /// The largest number among the row (or, with `group`, group) keys.
    pub fn largest_key(keys: &[String], group: bool) -> u64 {
        keys.iter()
            .filter(|k| is_group_key(k) == group)
            .filter_map(|k| k.trim_start_matches(GROUP_PREFIX).parse::<u64>().ok())
            .max()
            .unwrap_or(0)
    }

    /// The STT shown for each row: the fixed key, or the running number.
    pub fn stt_of(&self, keys: &[String]) -> Vec<String> {
        match &self.rows {
            GridRows::Fixed(_) => keys.to_vec(),
            GridRows::Editable { .. } => numbering(keys),
        }
    }

    /// The label the template gives a fixed row (`None` in an editable list).
    pub fn fixed_label(&self, key: &str) -> Option<&str> {
        match &self.rows {
            GridRows::Fixed(rows) => rows.iter().find(|r| r.key == key).map(|r| r.label.as_str()),
            GridRows::Editable { .. } => None,
        }
    }

    /// How many value cells an ordinary row has.
    pub fn value_columns(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c.role, ColumnRole::Value(_)))
            .count()
    }
}
