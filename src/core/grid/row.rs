//! One row of a grid evaluated from its typed cells: its sum columns, its
//! cells' own errors, the identities it breaks and its count of filled
//! cells.

use super::names::{cell_code, is_group_key};
use super::schema::{ColumnRole, Grid};
use crate::core::issue::{sum_present, Issue};
use crate::core::number::format_vn;
use crate::core::value::{FieldState, ValueKind};

/// What a cell of a row holds once evaluated.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// STT and label columns, and cells of group rows.
    None,
    Typed(FieldState),
    Sum(Option<f64>),
}

impl CellValue {
    pub fn number(&self) -> Option<f64> {
        match self {
            CellValue::Typed(state) => state.number(),
            CellValue::Sum(value) => *value,
            CellValue::None => None,
        }
    }
}

/// One row evaluated from its typed cells: what both the batch evaluation
/// of a report and the editor's memo of the row compute, with one function.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowValues {
    /// Per column: the typed cell's state, or the sum column's value.
    pub cells: Vec<CellValue>,
    /// The cells' own errors in column order, then the broken identities.
    pub issues: Vec<Issue>,
    /// How many value cells hold a valid value.
    pub filled: usize,
}

impl Grid {
    /// The typed cells of a row, by column: `state(i, kind)` for each value
    /// column of an ordinary row, nothing for the rest.
    pub fn typed_cells(
        &self,
        group: bool,
        mut state: impl FnMut(usize, &ValueKind) -> FieldState,
    ) -> Vec<CellValue> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, c)| match &c.role {
                ColumnRole::Value(kind) if !group => CellValue::Typed(state(i, kind)),
                _ => CellValue::None,
            })
            .collect()
    }

    /// Evaluates a row from its typed cells (from [`Grid::typed_cells`]):
    /// sum columns, the cells' own errors, the identities the row breaks
    /// and its count of filled cells. `name` is called only when an
    /// identity fails.
    pub fn evaluate_row(
        &self,
        section: &str,
        key: &str,
        typed: Vec<CellValue>,
        name: &dyn Fn() -> String,
    ) -> RowValues {
        if is_group_key(key) {
            return RowValues {
                cells: typed,
                ..RowValues::default()
            };
        }
        let number_at = |i: usize| typed.get(i).and_then(CellValue::number);
        let sums: Vec<Option<CellValue>> = self
            .columns
            .iter()
            .map(|c| match &c.role {
                ColumnRole::Sum(parts) => Some(CellValue::Sum(sum_present(
                    parts.iter().map(|&p| number_at(p)),
                ))),
                _ => None,
            })
            .collect();
        let mut issues = Vec::new();
        let mut filled = 0;
        for (i, cell) in typed.iter().enumerate() {
            if let CellValue::Typed(state) = cell {
                filled += usize::from(state.is_filled());
                issues.extend(state.issue(&cell_code(section, key, self.columns[i].number)));
            }
        }
        let cells: Vec<CellValue> = typed
            .iter()
            .zip(sums)
            .map(|(t, s)| s.unwrap_or_else(|| t.clone()))
            .collect();
        let invalid =
            |i: usize| matches!(typed.get(i), Some(CellValue::Typed(FieldState::Invalid(_))));
        issues.extend(self.identity_issues(section, key, &cells, &invalid, name));
        RowValues {
            cells,
            issues,
            filled,
        }
    }

    /// The identities that a row breaks, each as a message naming the row,
    /// the columns and the figures. An empty cell counts as zero (the
    /// official tables leave zeros blank); an identity waits until each
    /// side has at least one figure, and while a cell it reads holds
    /// something that is not a valid value (that cell has its own error).
    fn identity_issues(
        &self,
        section: &str,
        key: &str,
        cells: &[CellValue],
        invalid: &dyn Fn(usize) -> bool,
        row_name: &dyn Fn() -> String,
    ) -> Vec<Issue> {
        let mut issues = Vec::new();
        // Worked out once, and only when an identity fails.
        let mut name: Option<String> = None;
        let blocked = |i: usize| match self.columns.get(i).map(|c| &c.role) {
            Some(ColumnRole::Sum(parts)) => parts.iter().any(|&p| invalid(p)),
            _ => invalid(i),
        };
        let side = |columns: &[usize]| {
            sum_present(
                columns
                    .iter()
                    .map(|&i| cells.get(i).and_then(CellValue::number)),
            )
        };
        for identity in &self.identities {
            if identity
                .left
                .iter()
                .chain(&identity.right)
                .any(|&i| blocked(i))
            {
                continue;
            }
            let (Some(left), Some(right)) = (side(&identity.left), side(&identity.right)) else {
                continue;
            };
            if identity.op.holds(left, right) {
                continue;
            }
            let decimals = identity
                .left
                .iter()
                .chain(&identity.right)
                .map(|&i| self.columns[i].decimals())
                .max()
                .unwrap_or(0);
            let names = |columns: &[usize]| {
                columns
                    .iter()
                    .map(|&i| self.column_name(i))
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            let (verb, gap) = identity.op.failure_words();
            let at = identity.left.first().map_or(0, |&i| self.columns[i].number);
            let row_name = name.get_or_insert_with(row_name);
            issues.push(Issue {
                code: cell_code(section, key, at),
                severity: identity.severity,
                message: format!(
                    "{row_name}: {} = {}, {verb} {} = {} ({gap} {})",
                    names(&identity.left),
                    format_vn(left, decimals),
                    names(&identity.right),
                    format_vn(right, decimals),
                    format_vn((left - right).abs(), decimals)
                ),
            });
        }
        issues
    }
}
