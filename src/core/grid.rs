//! Grid sections: tables whose rows are fields, communes or criteria and
//! whose columns are a hierarchy of counts, as in Phụ lục V/VI of a
//! district report or Biểu 06 of Circular 01/2020.
//!
//! A cell's code is `<section>/<row key>/c<column number>`, the column
//! number being the printed (1) (2) … of the official table; the typed text
//! of a cell is stored under that code like any indicator's value. Rows are
//! either fixed by the template (criteria) or a list the clerk edits, whose
//! keys are kept in the report. Sum columns and the total row are computed;
//! identities between columns are checked on every row and name the row,
//! the columns and the figures. Nothing here touches the browser.

use rustc_hash::FxHashSet;

use super::issue::{sum_present, Comparison, Issue, Severity};
use super::number::format_vn;
use super::value::{FieldState, ValueKind};

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

/// Key of a group heading row in an editable list starts with this.
pub const GROUP_PREFIX: char = 'g';
/// The key of the computed total row (a page hook).
pub const TOTAL_ROW: &str = "total";

pub fn cell_code(section: &str, row: &str, number: u32) -> String {
    // Built by hand: a 10.000-cell grid makes this code for every cell it
    // reads, and `format!` was a fifth of a whole evaluation.
    let number = number.to_string();
    let mut code = String::with_capacity(section.len() + row.len() + number.len() + 3);
    for part in [section, "/", row, "/c", &number] {
        code.push_str(part);
    }
    code
}

pub fn is_group_key(key: &str) -> bool {
    key.starts_with(GROUP_PREFIX)
}

/// "I", "II", … for group rows.
pub fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, text) in NUMERALS {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
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
}

/// How a row is named in messages: "Phụ lục VI, dòng 6 (UBND xã Sơn Bình)".
pub fn row_name(annex: &str, stt: &str, label: &str) -> String {
    let label = label.trim();
    let mut name = String::new();
    if !annex.is_empty() {
        name.push_str(annex);
        name.push_str(", ");
    }
    name.push_str("dòng ");
    name.push_str(stt);
    if !label.is_empty() {
        let short: String = label.chars().take(60).collect();
        name.push_str(&format!(
            " ({short}{})",
            if short.len() < label.len() { "…" } else { "" }
        ));
    }
    name
}

/// The STT of each row: 1, 2, … for rows and I, II, … for group rows.
pub fn numbering(keys: &[String]) -> Vec<String> {
    let (mut items, mut groups) = (0, 0);
    keys.iter()
        .map(|key| {
            if is_group_key(key) {
                groups += 1;
                roman(groups)
            } else {
                items += 1;
                items.to_string()
            }
        })
        .collect()
}

impl Grid {
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
}

/// The figure shown in a total row: a zero total is printed "-", as the
/// official tables do.
pub fn total_text(value: Option<f64>, decimals: u8) -> String {
    match value {
        Some(v) if v != 0.0 => format_vn(v, decimals),
        Some(_) => "-".to_string(),
        None => String::new(),
    }
}

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

impl Grid {
    /// How many value cells an ordinary row has.
    pub fn value_columns(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c.role, ColumnRole::Value(_)))
            .count()
    }
}
