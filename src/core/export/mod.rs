//! Files made from a report: `.xlsx` in the official layout, `.csv`, and
//! the lossless `.json` (the draft envelope itself, see `core::draft`).
//!
//! Pure functions from a report to bytes, tested natively (the `.xlsx` is
//! read back with calamine). Text that a spreadsheet could take for a
//! formula is neutralised in both formats.

pub mod csv;
pub mod xlsx;
mod zip;

use super::eval::Evaluation;
use super::report::Report;
use super::template::{Line, Template};
use super::value::{FieldState, ValueKind};

/// Whether a text cell would be read as a formula (or a DDE payload) by a
/// spreadsheet program if left as it is.
pub fn looks_like_formula(text: &str) -> bool {
    matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// What one table line holds, for every export format alike.
pub enum RowValue {
    Empty,
    Number { value: f64, kind: ValueKind },
    Text(String),
}

/// One line of the annex table, in page order.
pub struct ExportRow {
    pub stt: String,
    pub code: String,
    pub label: String,
    pub unit: String,
    pub value: RowValue,
    pub note: String,
    pub heading: bool,
    pub computed: bool,
    pub depth: usize,
}

/// The annex table's lines with their values, as every export writes them.
pub fn rows(template: &Template, report: &Report, evaluation: &Evaluation) -> Vec<ExportRow> {
    let mut out = Vec::new();
    for line in template.sections.iter().flat_map(|s| s.lines.iter()) {
        match *line {
            Line::Indicator(i) => {
                let Some(ind) = template.indicators.get(i) else { continue };
                let value = match (&ind.kind, evaluation.states.get(&ind.code)) {
                    (Some(kind), Some(FieldState::Number(n))) => RowValue::Number { value: *n, kind: kind.clone() },
                    (_, Some(FieldState::Text(t))) => RowValue::Text(t.clone()),
                    // An invalid entry is exported as typed, so nothing is lost.
                    (_, Some(FieldState::Invalid(_))) => RowValue::Text(report.value(&ind.code).to_string()),
                    _ => RowValue::Empty,
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
                let Some(c) = template.computed.get(i) else { continue };
                let value = match evaluation.computed.get(i).copied().flatten() {
                    Some(v) if c.unit.trim() == "%" => {
                        RowValue::Number { value: v, kind: ValueKind::Percentage { decimals: c.decimals } }
                    }
                    Some(v) if c.decimals > 0 => RowValue::Number { value: v, kind: ValueKind::Decimal { decimals: c.decimals } },
                    Some(v) => RowValue::Number { value: v, kind: ValueKind::Count },
                    None => RowValue::Empty,
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
