//! What an evaluation holds: the batch's plain values.

use rustc_hash::FxHashMap;

use crate::core::grid::CellValue;
use crate::core::issue::{Issue, Severity};
use crate::core::target::TargetResult;
use crate::core::value::FieldState;

/// Everything derived from a report's typed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub states: FxHashMap<String, FieldState>,
    /// In the order of the rows they are about; errors before warnings on a row.
    pub issues: Vec<Issue>,
    /// The value of each of the template's computed values, by position.
    pub computed: Vec<Option<f64>>,
    /// Each grid section, by position among the grids.
    pub grids: Vec<GridEvaluation>,
    /// Each of the template's targets, by position; a target not met is a
    /// message beside its row, after the rules'.
    pub targets: Vec<TargetResult>,
    pub filled: usize,
    pub fillable: usize,
}

impl Evaluation {
    pub fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == severity)
            .count()
    }
}

/// One row of a grid as evaluated from a report.
#[derive(Debug, Clone, PartialEq)]
pub struct RowEvaluation {
    pub key: String,
    pub group: bool,
    pub stt: String,
    pub label: String,
    /// Per column: the typed cell's state, or the sum column's value.
    pub cells: Vec<CellValue>,
    pub issues: Vec<Issue>,
}

/// A whole grid as evaluated from a report.
#[derive(Debug, Clone, PartialEq)]
pub struct GridEvaluation {
    pub rows: Vec<RowEvaluation>,
    /// Per column: the total of a summed column (zero when nothing is filled).
    pub totals: Vec<Option<f64>>,
    pub issues: Vec<Issue>,
    pub filled: usize,
    pub fillable: usize,
}
