//! The one row model of every export: the annex's lines and each grid's
//! rows, with each cell's content decided once. The `.xlsx` and `.csv`
//! writers (and the screen's total row, through [`total_text`]) only lay
//! out what this gives them: a choice's label, an invalid entry kept as
//! typed so nothing is lost, a computed figure, "-" for a zero total.

use crate::core::eval::{Evaluation, GridEvaluation};
use crate::core::grid::{cell_code, total_text, CellValue, ColumnRole, Grid, GridColumn};
use crate::core::report::Report;
use crate::core::template::{Line, Template};
use crate::core::value::{FieldState, ValueKind};

/// What one cell of an exported table holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    /// A figure the clerk typed (a choice's code on an annex line), with
    /// the kind that formats it.
    Number {
        value: f64,
        kind: ValueKind,
    },
    /// A figure the app worked out: a computed line, a sum column.
    Computed {
        value: f64,
        kind: ValueKind,
    },
    /// The figure of a total row.
    Total {
        value: f64,
        decimals: u8,
    },
    /// Typed text, a choice's label in a grid, or an invalid entry as typed.
    Text(String),
    /// «Không phát sinh»: «—» in the documents, an empty cell in the
    /// `.csv`, never 0.
    NoneToReport,
}

/// What the documents print for a row with nothing to report.
pub const NONE_TO_REPORT_MARK: &str = "—";

impl Value {
    /// The cell as text, the way the form and the official tables print it:
    /// `1.603`, `99,06`, `-` for a zero total.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Number { value, kind } | Value::Computed { value, kind } => kind.format(*value),
            Value::Total { value, decimals } => total_text(Some(*value), *decimals),
            Value::Text(text) => text.clone(),
            Value::NoneToReport => NONE_TO_REPORT_MARK.to_string(),
        }
    }
}

/// One line of the annex table, in page order.
pub struct ExportRow {
    pub stt: String,
    pub code: String,
    pub label: String,
    pub unit: String,
    pub value: Value,
    pub note: String,
    pub heading: bool,
    pub computed: bool,
    pub depth: usize,
}

/// What a typed state exports as; `raw` is the text as typed.
fn typed_value(kind: &ValueKind, state: &FieldState, raw: impl FnOnce() -> String) -> Value {
    match state {
        FieldState::Number(n) => Value::Number {
            value: *n,
            kind: kind.clone(),
        },
        FieldState::Text(t) => Value::Text(t.clone()),
        // An invalid entry is exported as typed, so nothing is lost.
        FieldState::Invalid(_) => Value::Text(raw()),
        FieldState::Empty => Value::Empty,
        FieldState::NoneToReport => Value::NoneToReport,
    }
}

/// The kind that formats a computed figure with `decimals` decimals.
fn computed_kind(unit: &str, decimals: u8) -> ValueKind {
    match (unit.trim() == "%", decimals) {
        (true, _) => ValueKind::Percentage { decimals },
        (false, 0) => ValueKind::Count,
        (false, _) => ValueKind::Decimal { decimals },
    }
}

/// The annex table's lines with their values.
pub fn rows(template: &Template, report: &Report, evaluation: &Evaluation) -> Vec<ExportRow> {
    let mut out = Vec::new();
    for line in template.sections.iter().flat_map(|s| s.lines.iter()) {
        match *line {
            Line::Indicator(i) => {
                let Some(ind) = template.indicators.get(i) else {
                    continue;
                };
                let value = match (&ind.kind, evaluation.states.get(&ind.code)) {
                    (Some(kind), Some(state)) => {
                        typed_value(kind, state, || report.value(&ind.code).to_string())
                    }
                    _ => Value::Empty,
                };
                let stt = match (&ind.part_of, ind.first_part) {
                    (Some(_), true) => "Trong đó".to_string(),
                    (Some(_), false) => String::new(),
                    (None, _) => ind.code.clone(),
                };
                out.push(ExportRow {
                    stt,
                    code: ind.code.clone(),
                    label: ind.label.clone(),
                    unit: ind.unit.clone(),
                    value,
                    note: report.notes.get(&ind.code).cloned().unwrap_or_default(),
                    heading: ind.is_heading(),
                    computed: false,
                    depth: ind.depth(),
                });
            }
            Line::Computed(i) => {
                let Some(c) = template.computed.get(i) else {
                    continue;
                };
                let value = match evaluation.computed.get(i).copied().flatten() {
                    Some(value) => Value::Computed {
                        value,
                        kind: computed_kind(&c.unit, c.decimals),
                    },
                    None => Value::Empty,
                };
                out.push(ExportRow {
                    stt: String::new(),
                    code: c.code.clone(),
                    label: c.label.clone(),
                    unit: c.unit.clone(),
                    value,
                    note: String::new(),
                    heading: false,
                    computed: true,
                    depth: 0,
                });
            }
        }
    }
    out
}

/// One row of a grid annex.
pub struct GridLine {
    pub key: String,
    pub stt: String,
    pub label: String,
    /// A group heading (I, II, …): no cells.
    pub group: bool,
    /// Per column; the STT and label columns are `Empty` (see `stt`, `label`).
    pub cells: Vec<Value>,
}

/// The value of one grid cell.
fn grid_value(column: &GridColumn, cell: &CellValue, raw: impl FnOnce() -> String) -> Value {
    match (&column.role, cell) {
        // In a grid a choice shows its label; the code alone means nothing there.
        (ColumnRole::Value(kind), CellValue::Typed(state)) => match kind.choice_label(state) {
            Some(label) => Value::Text(label),
            None => typed_value(kind, state, raw),
        },
        (_, CellValue::Sum(Some(value))) => Value::Computed {
            value: *value,
            kind: computed_kind("", column.decimals()),
        },
        _ => Value::Empty,
    }
}

/// The rows of a grid annex, in order.
pub fn grid_lines(
    section: &str,
    grid: &Grid,
    evaluation: &GridEvaluation,
    report: &Report,
) -> Vec<GridLine> {
    evaluation
        .rows
        .iter()
        .map(|row| GridLine {
            key: row.key.clone(),
            stt: row.stt.clone(),
            label: row.label.clone(),
            group: row.group,
            cells: grid
                .columns
                .iter()
                .zip(&row.cells)
                .map(|(column, cell)| {
                    grid_value(column, cell, || {
                        report
                            .value(&cell_code(section, &row.key, column.number))
                            .to_string()
                    })
                })
                .collect(),
        })
        .collect()
}

/// The total row of a grid, per column, when the table has one.
pub fn total_line(grid: &Grid, evaluation: &GridEvaluation) -> Option<Vec<Value>> {
    grid.total_label.as_ref()?;
    Some(
        grid.columns
            .iter()
            .zip(&evaluation.totals)
            .map(|(column, total)| match total {
                Some(value) => Value::Total {
                    value: *value,
                    decimals: column.decimals(),
                },
                None => Value::Empty,
            })
            .collect(),
    )
}
