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

use std::collections::HashSet;

use serde::Deserialize;

use super::number::format_vn;
use super::report::Report;
use super::rules::{Comparison, Issue, Severity};
use super::template::{shared_value_kind, TemplateError};
use super::value::{ChoiceOption, FieldState, ValueKind};

fn fail<T>(message: impl Into<String>) -> Result<T, TemplateError> {
    Err(TemplateError(message.into()))
}

// ---------------------------------------------------------------------------
// The file as written.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GridFile {
    columns: Vec<ColumnFile>,
    #[serde(default)]
    rows: Vec<FixedRowFile>,
    #[serde(default)]
    add_rows: Option<String>,
    #[serde(default)]
    groups: bool,
    #[serde(default)]
    total_row: Option<String>,
    #[serde(default)]
    identities: Vec<IdentityFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnFile {
    label: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    columns: Vec<ColumnFile>,
    #[serde(default)]
    options: Vec<ChoiceOption>,
    #[serde(default)]
    sum: Vec<u32>,
    #[serde(default)]
    decimals: Option<u8>,
    #[serde(default)]
    width: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixedRowFile {
    key: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityFile {
    left: Vec<u32>,
    op: String,
    right: Vec<u32>,
    #[serde(default)]
    severity: Option<String>,
}

// ---------------------------------------------------------------------------
// The checked model.

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
            ColumnRole::Value(ValueKind::Decimal { decimals } | ValueKind::Percentage { decimals }) => *decimals,
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
    ambiguous: HashSet<String>,
}

/// Key of a group heading row in an editable list starts with this.
pub const GROUP_PREFIX: char = 'g';
/// The key of the computed total row (a page hook).
pub const TOTAL_ROW: &str = "total";

pub fn cell_code(section: &str, row: &str, number: u32) -> String {
    format!("{section}/{row}/c{number}")
}

pub fn is_group_key(key: &str) -> bool {
    key.starts_with(GROUP_PREFIX)
}

/// "I", "II", … for group rows.
pub fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
        (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
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

fn column_kind(file: &ColumnFile, number: u32, section: &str) -> Result<ColumnRole, TemplateError> {
    let who = format!("Phần \"{section}\", cột ({number})");
    let kind = file.kind.as_deref().unwrap_or("");
    if !file.sum.is_empty() && kind != "sum" {
        return fail(format!("{who} có \"sum\" nhưng không phải kiểu sum"));
    }
    if !file.options.is_empty() && kind != "choice" {
        return fail(format!("{who} có \"options\" nhưng không phải kiểu choice"));
    }
    if let Some(kind) = shared_value_kind(kind, file.decimals, &file.options, &who)? {
        return Ok(ColumnRole::Value(kind));
    }
    Ok(match kind {
        "stt" => ColumnRole::Stt,
        "label" => ColumnRole::Label,
        // Resolved to indexes once every column is numbered.
        "sum" => ColumnRole::Sum(Vec::new()),
        other => {
            return fail(format!(
                "{who} có kiểu \"{other}\" không được hỗ trợ; các kiểu hợp lệ: stt, label, count, decimal, percentage, text, choice, sum"
            ))
        }
    })
}

fn default_width(role: &ColumnRole) -> f64 {
    match role {
        ColumnRole::Stt => 5.0,
        ColumnRole::Label => 28.0,
        ColumnRole::Value(ValueKind::Text) => 24.0,
        ColumnRole::Value(ValueKind::Choice { .. }) => 16.0,
        _ => 9.0,
    }
}

/// Flattens the column tree into leaves (numbered left to right) and the
/// header rows with their spans.
fn flatten(
    files: &[ColumnFile],
    section: &str,
    groups: &mut Vec<String>,
    level: usize,
    leaves: &mut Vec<(GridColumn, Vec<u32>)>,
    cells: &mut Vec<(usize, HeaderCell)>,
) -> Result<usize, TemplateError> {
    let mut depth = 0;
    for file in files {
        let first_column = leaves.len();
        if file.columns.is_empty() {
            let number = leaves.len() as u32 + 1;
            let role = column_kind(file, number, section)?;
            let width = file.width.unwrap_or_else(|| default_width(&role));
            leaves.push((
                GridColumn { number, label: file.label.trim().to_string(), groups: groups.clone(), role, width },
                file.sum.clone(),
            ));
            cells.push((level, HeaderCell { text: file.label.trim().to_string(), colspan: 1, rowspan: 0, first_column }));
            depth = depth.max(1);
        } else {
            if file.kind.is_some() {
                return fail(format!("Phần \"{section}\": nhóm cột \"{}\" không được có \"kind\"", file.label));
            }
            let at = cells.len();
            cells.push((level, HeaderCell { text: file.label.trim().to_string(), colspan: 0, rowspan: 1, first_column }));
            groups.push(file.label.trim().to_string());
            let below = flatten(&file.columns, section, groups, level + 1, leaves, cells)?;
            groups.pop();
            cells[at].1.colspan = leaves.len() - first_column;
            depth = depth.max(below + 1);
        }
    }
    Ok(depth)
}

fn comparison(op: &str) -> Option<Comparison> {
    match op {
        "=" | "==" => Some(Comparison::Equal),
        "<=" | "≤" => Some(Comparison::AtMost),
        ">=" | "≥" => Some(Comparison::AtLeast),
        _ => None,
    }
}

impl Grid {
    pub(crate) fn from_file(file: &GridFile, section: &str) -> Result<Grid, TemplateError> {
        let mut leaves = Vec::new();
        let mut cells = Vec::new();
        let depth = flatten(&file.columns, section, &mut Vec::new(), 0, &mut leaves, &mut cells)?;
        let mut head: Vec<Vec<HeaderCell>> = vec![Vec::new(); depth];
        for (level, mut cell) in cells {
            if cell.rowspan == 0 {
                cell.rowspan = depth - level;
            }
            head[level].push(cell);
        }
        let count = leaves.len();
        let index_of = |number: u32, who: &str| -> Result<usize, TemplateError> {
            if number == 0 || number as usize > count {
                return fail(format!("Phần \"{section}\": {who} nhắc đến cột ({number}), nhưng bảng chỉ có {count} cột"));
            }
            Ok(number as usize - 1)
        };
        let mut columns = Vec::with_capacity(count);
        for (column, sum) in &leaves {
            let mut column = column.clone();
            if let ColumnRole::Sum(parts) = &mut column.role {
                if sum.is_empty() {
                    return fail(format!("Phần \"{section}\": cột ({}) là tổng nhưng không có \"sum\"", column.number));
                }
                for n in sum {
                    let i = index_of(*n, &format!("cột tổng ({})", column.number))?;
                    match &leaves[i].0.role {
                        ColumnRole::Value(kind) if kind.is_quantity() => parts.push(i),
                        _ => {
                            return fail(format!(
                                "Phần \"{section}\": cột tổng ({}) cộng cột ({n}), là cột không có số để cộng",
                                column.number
                            ))
                        }
                    }
                }
            }
            columns.push(column);
        }
        if count < 2 {
            return fail(format!("Phần \"{section}\": một bảng cần ít nhất hai cột"));
        }
        let labels = columns.iter().filter(|c| matches!(c.role, ColumnRole::Label)).count();
        if labels != 1 {
            return fail(format!("Phần \"{section}\" cần đúng một cột tên dòng (kind \"label\"), đang có {labels}"));
        }
        let rows = match (file.rows.is_empty(), file.add_rows.clone()) {
            (false, None) => {
                let mut keys = HashSet::new();
                for row in &file.rows {
                    let key_ok = !row.key.is_empty()
                        && row.key != TOTAL_ROW
                        && row.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
                    if !key_ok || !keys.insert(row.key.clone()) {
                        return fail(format!(
                            "Phần \"{section}\": dòng \"{}\" có khóa \"{}\" trùng hoặc không hợp lệ",
                            row.label, row.key
                        ));
                    }
                }
                GridRows::Fixed(file.rows.iter().map(|r| FixedRow { key: r.key.clone(), label: r.label.trim().to_string() }).collect())
            }
            (true, Some(noun)) => GridRows::Editable { noun, groups: file.groups },
            _ => {
                return fail(format!(
                    "Phần \"{section}\" cần đúng một trong hai: \"rows\" (các dòng cố định) hoặc \"add_rows\" (danh sách người dùng thêm dòng)"
                ))
            }
        };
        let mut identities = Vec::new();
        for (n, identity) in file.identities.iter().enumerate() {
            let who = format!("đẳng thức thứ {}", n + 1);
            let op = comparison(&identity.op)
                .ok_or_else(|| TemplateError(format!("Phần \"{section}\", {who}: phép so sánh \"{}\" không hợp lệ", identity.op)))?;
            let severity = match identity.severity.as_deref() {
                None | Some("warning") => Severity::Warning,
                Some("error") => Severity::Error,
                Some(other) => return fail(format!("Phần \"{section}\", {who}: mức \"{other}\" không hợp lệ")),
            };
            let side = |numbers: &[u32]| -> Result<Vec<usize>, TemplateError> {
                if numbers.is_empty() {
                    return fail(format!("Phần \"{section}\", {who} có một vế rỗng"));
                }
                numbers
                    .iter()
                    .map(|&number| {
                        let i = index_of(number, &who)?;
                        if columns[i].is_summed() || matches!(&columns[i].role, ColumnRole::Value(ValueKind::Percentage { .. })) {
                            Ok(i)
                        } else {
                            fail(format!("Phần \"{section}\", {who} nhắc đến cột ({number}), là cột không có số"))
                        }
                    })
                    .collect()
            };
            identities.push(Identity { left: side(&identity.left)?, op, right: side(&identity.right)?, severity });
        }
        let mut seen = HashSet::new();
        let ambiguous = columns.iter().filter(|c| !seen.insert(c.label.clone())).map(|c| c.label.clone()).collect();
        Ok(Grid { columns, head, rows, identities, total_label: file.total_row.clone(), ambiguous })
    }

    pub fn label_column(&self) -> usize {
        self.columns.iter().position(|c| matches!(c.role, ColumnRole::Label)).unwrap_or(0)
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
        self.columns.get(i).map(|c| c.name(self.ambiguous.contains(&c.label))).unwrap_or_default()
    }

    /// The row keys of this grid in a report, in order.
    pub fn row_keys(&self, section: &str, report: &Report) -> Vec<String> {
        match &self.rows {
            GridRows::Fixed(rows) => rows.iter().map(|r| r.key.clone()).collect(),
            GridRows::Editable { .. } => report.rows.get(section).cloned().unwrap_or_default(),
        }
    }

    /// A new key for an editable list: one more than the largest in use,
    /// so keys are never reused and a fresh list is numbered 1, 2, 3 …
    pub fn next_key(keys: &[String], group: bool) -> String {
        let largest = keys
            .iter()
            .filter(|k| is_group_key(k) == group)
            .filter_map(|k| k.trim_start_matches(GROUP_PREFIX).parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        if group {
            format!("{GROUP_PREFIX}{}", largest + 1)
        } else {
            (largest + 1).to_string()
        }
    }

    /// The value of a sum column in a row, from the row's numbers.
    pub fn sum_of(&self, parts: &[usize], number_at: &dyn Fn(usize) -> Option<f64>) -> Option<f64> {
        let values: Vec<f64> = parts.iter().filter_map(|&i| number_at(i)).collect();
        (!values.is_empty()).then(|| values.iter().sum())
    }

    /// The number a row holds in column `i`: typed, or summed for a sum column.
    pub fn number_in_row(&self, i: usize, typed: &dyn Fn(usize) -> Option<f64>) -> Option<f64> {
        match self.columns.get(i).map(|c| &c.role) {
            Some(ColumnRole::Sum(parts)) => self.sum_of(parts, typed),
            Some(ColumnRole::Value(_)) => typed(i),
            _ => None,
        }
    }

    /// The identities that a row breaks, each as a message naming the row,
    /// the columns and the figures. An empty cell counts as zero (the
    /// official tables leave zeros blank); an identity waits until each
    /// side has at least one figure.
    /// An identity also waits while a cell it reads (`invalid`) holds
    /// something that is not a valid value: that cell has its own error.
    pub fn row_issues(
        &self,
        section: &str,
        key: &str,
        row_name: &dyn Fn() -> String,
        number_at: &dyn Fn(usize) -> Option<f64>,
        invalid: &dyn Fn(usize) -> bool,
    ) -> Vec<Issue> {
        let mut issues = Vec::new();
        // Worked out once, and only when an identity fails.
        let mut name: Option<String> = None;
        let blocked = |i: usize| match self.columns.get(i).map(|c| &c.role) {
            Some(ColumnRole::Sum(parts)) => parts.iter().any(|&p| invalid(p)),
            _ => invalid(i),
        };
        for identity in &self.identities {
            if identity.left.iter().chain(&identity.right).any(|&i| blocked(i)) {
                continue;
            }
            let side = |columns: &[usize]| -> Option<f64> {
                let values: Vec<f64> = columns.iter().filter_map(|&i| self.number_in_row(i, number_at)).collect();
                (!values.is_empty()).then(|| values.iter().sum())
            };
            let (Some(left), Some(right)) = (side(&identity.left), side(&identity.right)) else { continue };
            let eps = 1e-9 * left.abs().max(right.abs()).max(1.0);
            let holds = match identity.op {
                Comparison::Equal => (left - right).abs() <= eps,
                Comparison::AtMost => left <= right + eps,
                Comparison::AtLeast => left + eps >= right,
            };
            if holds {
                continue;
            }
            let decimals = identity.left.iter().chain(&identity.right).map(|&i| self.columns[i].decimals()).max().unwrap_or(0);
            let names = |columns: &[usize]| columns.iter().map(|&i| self.column_name(i)).collect::<Vec<_>>().join(" + ");
            let verb = match identity.op {
                Comparison::Equal => "khác",
                Comparison::AtMost => "lớn hơn",
                Comparison::AtLeast => "nhỏ hơn",
            };
            let gap = match identity.op {
                Comparison::Equal => "lệch",
                Comparison::AtMost => "vượt",
                Comparison::AtLeast => "thiếu",
            };
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

/// Text copied from a spreadsheet: rows split by line breaks, cells by
/// tabs. A cell Excel quoted (it holds a tab, a line break or a quote) is
/// unquoted. A trailing line break does not make an empty last row.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            '\t' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

impl Grid {
    /// Where pasted cells go, starting at column `first` of a row: the
    /// pasted columns line up with the table's columns one for one, and a
    /// value that lands on a column the clerk does not type (STT, a sum) is
    /// passed over. Returns, per pasted row, `(column index, text)`.
    pub fn paste_plan(&self, first: usize, pasted: &[Vec<String>]) -> Vec<Vec<(usize, String)>> {
        pasted
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(offset, text)| (first + offset, text.trim().to_string()))
                    .filter(|(i, _)| self.is_typed(*i))
                    .collect()
            })
            .collect()
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
        name.push_str(&format!(" ({short}{})", if short.len() < label.len() { "…" } else { "" }));
    }
    name
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

    /// The label of a row: typed in a list, fixed by the template otherwise.
    pub fn label_of(&self, section: &str, key: &str, report: &Report) -> String {
        match &self.rows {
            GridRows::Fixed(_) => self.fixed_label(key).unwrap_or_default().to_string(),
            GridRows::Editable { .. } => {
                let number = self.columns.get(self.label_column()).map_or(2, |c| c.number);
                report.value(&cell_code(section, key, number)).trim().to_string()
            }
        }
    }

    pub fn evaluate(&self, section: &str, annex: &str, report: &Report) -> GridEvaluation {
        let keys = self.row_keys(section, report);
        let stts = self.stt_of(&keys);
        let mut rows = Vec::with_capacity(keys.len());
        let mut issues = Vec::new();
        let (mut filled, mut fillable) = (0, 0);
        let mut totals: Vec<Option<f64>> = self.columns.iter().map(|c| c.is_summed().then_some(0.0)).collect();
        for (key, stt) in keys.iter().zip(stts) {
            let group = is_group_key(key);
            let label = self.label_of(section, key, report);
            let typed: Vec<CellValue> = self
                .columns
                .iter()
                .map(|c| match &c.role {
                    ColumnRole::Value(kind) if !group => {
                        CellValue::Typed(kind.read(report.value(&cell_code(section, key, c.number))))
                    }
                    _ => CellValue::None,
                })
                .collect();
            let number_at = |i: usize| typed.get(i).and_then(CellValue::number);
            let cells: Vec<CellValue> = self
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| match &c.role {
                    ColumnRole::Sum(parts) if !group => CellValue::Sum(self.sum_of(parts, &number_at)),
                    _ => typed[i].clone(),
                })
                .collect();
            let mut row_issues = Vec::new();
            if !group {
                for (i, cell) in cells.iter().enumerate() {
                    if let CellValue::Typed(state) = cell {
                        fillable += 1;
                        filled += usize::from(state.is_filled());
                        row_issues.extend(state.issue(&cell_code(section, key, self.columns[i].number)));
                    }
                }
                let invalid = |i: usize| matches!(typed.get(i), Some(CellValue::Typed(FieldState::Invalid(_))));
                row_issues.extend(self.row_issues(section, key, &|| row_name(annex, &stt, &label), &number_at, &invalid));
                for (total, cell) in totals.iter_mut().zip(&cells) {
                    if let (Some(total), Some(n)) = (total.as_mut(), cell.number()) {
                        *total += n;
                    }
                }
            }
            issues.extend(row_issues.iter().cloned());
            rows.push(RowEvaluation { key: key.clone(), group, stt, label, cells, issues: row_issues });
        }
        GridEvaluation { rows, totals, issues, filled, fillable }
    }

    /// Whether `code` names a cell of this grid that a report may hold.
    pub fn holds(&self, section: &str, code: &str, report: &Report) -> bool {
        let Some(rest) = code.strip_prefix(section).and_then(|r| r.strip_prefix('/')) else { return false };
        let Some((key, column)) = rest.rsplit_once('/') else { return false };
        let Some(number) = column.strip_prefix('c').and_then(|n| n.parse::<u32>().ok()) else { return false };
        let Some(i) = self.column_by_number(number) else { return false };
        let known_row = match &self.rows {
            GridRows::Fixed(rows) => rows.iter().any(|r| r.key == key),
            GridRows::Editable { .. } => report.rows.get(section).is_some_and(|keys| keys.iter().any(|k| k == key)),
        };
        known_row && self.is_typed(i)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(json: &str) -> Result<Grid, TemplateError> {
        let file: GridFile = serde_json::from_str(json).map_err(|e| TemplateError(e.to_string()))?;
        Grid::from_file(&file, "pl")
    }

    const DOSSIERS: &str = r#"{"add_rows":"lĩnh vực","total_row":"Tổng cộng","columns":[
        {"label":"STT","kind":"stt"},{"label":"Lĩnh vực","kind":"label"},
        {"label":"Hồ sơ","columns":[{"label":"Tổng số","kind":"count"},{"label":"Kỳ trước","kind":"count"},{"label":"Trong kỳ","kind":"count"}]},
        {"label":"Đã giải quyết","columns":[{"label":"Tổng số","kind":"sum","sum":[7,8]},{"label":"Đúng hạn","kind":"count"},{"label":"Trễ hạn","kind":"count"}]}],
        "identities":[{"left":[3],"op":"=","right":[4,5]},{"left":[6],"op":"<=","right":[3]}]}"#;

    #[test]
    fn numbers_columns_and_builds_the_header() {
        let g = grid(DOSSIERS).unwrap();
        assert_eq!(g.columns.len(), 8);
        assert_eq!(g.columns[5].number, 6);
        assert_eq!(g.columns[5].role, ColumnRole::Sum(vec![6, 7]));
        assert_eq!(g.head.len(), 2);
        let top: Vec<(&str, usize, usize)> = g.head[0].iter().map(|c| (c.text.as_str(), c.colspan, c.rowspan)).collect();
        assert_eq!(top, [("STT", 1, 2), ("Lĩnh vực", 1, 2), ("Hồ sơ", 3, 1), ("Đã giải quyết", 3, 1)]);
        assert_eq!(g.head[1].len(), 6);
        assert_eq!(g.column_name(2), "(3) «Hồ sơ – Tổng số»");
        assert_eq!(g.column_name(3), "(4) «Kỳ trước»");
    }

    fn report_with(rows: &[(&str, &[(u32, &str)])]) -> Report {
        let mut report = Report::default();
        report.rows.insert("pl".into(), rows.iter().map(|(k, _)| k.to_string()).collect());
        for (key, cells) in rows {
            for (n, text) in *cells {
                report.set_value(&cell_code("pl", key, *n), text);
            }
        }
        report
    }

    #[test]
    fn rows_sums_totals_and_identities() {
        let g = grid(DOSSIERS).unwrap();
        let report = report_with(&[
            ("1", &[(2, "Tư pháp"), (3, "681"), (5, "681"), (7, "681")]),
            ("2", &[(2, "UBND xã Sơn Bình"), (3, "1.594"), (4, "7"), (5, "1551"), (7, "1.525"), (8, "1")]),
            ("3", &[(2, "Y tế"), (3, "-2")]),
        ]);
        let e = g.evaluate("pl", "Phụ lục VI", &report);
        assert_eq!(e.rows[1].cells[5], CellValue::Sum(Some(1526.0)));
        assert_eq!(e.totals[2], Some(2275.0), "the invalid -2 is not added");
        assert_eq!(e.totals[3], Some(7.0));
        assert_eq!(e.totals[4], Some(2232.0));
        assert_eq!(e.totals[5], Some(2207.0));
        assert_eq!(e.totals[1], None, "labels are not summed");
        let messages: Vec<&str> = e.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(
            messages[0],
            "Phụ lục VI, dòng 2 (UBND xã Sơn Bình): (3) «Hồ sơ – Tổng số» = 1.594, khác (4) «Kỳ trước» + (5) «Trong kỳ» = 1.558 (lệch 36)"
        );
        assert_eq!(e.issues[0].code, "pl/2/c3");
        assert_eq!(e.issues[1].severity, Severity::Error);
        assert_eq!(e.issues[1].code, "pl/3/c3");
        assert_eq!((e.filled, e.fillable), (8, 15));
    }

    #[test]
    fn identities_wait_for_both_sides() {
        let g = grid(DOSSIERS).unwrap();
        let e = g.evaluate("pl", "", &report_with(&[("1", &[(3, "5")])]));
        assert!(e.issues.is_empty());
        let e = g.evaluate("pl", "", &report_with(&[("1", &[(3, "5"), (5, "4")])]));
        assert_eq!(e.issues.len(), 1);
        assert!(e.issues[0].message.starts_with("dòng 1: (3)"), "{}", e.issues[0].message);
    }

    #[test]
    fn editable_keys_and_numbering() {
        let keys: Vec<String> = ["g1", "1", "2", "g2", "3"].iter().map(|s| s.to_string()).collect();
        assert_eq!(numbering(&keys), ["I", "1", "2", "II", "3"]);
        assert_eq!(Grid::next_key(&keys, false), "4");
        assert_eq!(Grid::next_key(&keys, true), "g3");
        assert_eq!(Grid::next_key(&[], false), "1");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn knows_its_cells() {
        let g = grid(DOSSIERS).unwrap();
        let report = report_with(&[("1", &[])]);
        assert!(g.holds("pl", "pl/1/c2", &report));
        assert!(g.holds("pl", "pl/1/c8", &report));
        assert!(!g.holds("pl", "pl/1/c6", &report), "a sum column is computed");
        assert!(!g.holds("pl", "pl/1/c1", &report));
        assert!(!g.holds("pl", "pl/2/c3", &report), "no such row");
        assert!(!g.holds("pl", "pl/1/c99", &report));
        assert!(!g.holds("pl", "px/1/c3", &report));
    }

    #[test]
    fn refuses_broken_grids() {
        let cases = [
            (DOSSIERS.replace("[7,8]", "[7,2]"), "là cột không có số để cộng"),
            (DOSSIERS.replace("[4,5]", "[4,50]"), "nhắc đến cột (50), nhưng bảng chỉ có 8 cột"),
            (DOSSIERS.replace("\"kind\":\"label\"", "\"kind\":\"text\""), "đúng một cột tên dòng"),
            (DOSSIERS.replace("\"add_rows\":\"lĩnh vực\",", ""), "\"rows\" (các dòng cố định) hoặc \"add_rows\""),
            (DOSSIERS.replace("\"op\":\"=\"", "\"op\":\"<\""), "phép so sánh \"<\""),
            (DOSSIERS.replace("\"kind\":\"stt\"", "\"kind\":\"số\""), "kiểu \"số\" không được hỗ trợ"),
        ];
        for (json, expected) in cases {
            let err = grid(&json).unwrap_err();
            assert!(err.0.contains(expected), "expected «{expected}» in «{err}»");
        }
    }

    #[test]
    fn pastes_line_up_with_the_printed_columns() {
        let rows = parse_tsv("Tư pháp\t681\t\t681\r\n\"Y tế\ttuyến \"\"xã\"\"\"\t3\n");
        assert_eq!(rows, vec![vec!["Tư pháp", "681", "", "681"], vec!["Y tế\ttuyến \"xã\"", "3"]]);
        let g = grid(DOSSIERS).unwrap();
        // From the label column: (2) (3) (4) (5); from (5): (5), then (6) is a sum and is passed over.
        let plan = g.paste_plan(1, &rows);
        assert_eq!(plan[0], vec![(1, "Tư pháp".into()), (2, "681".into()), (3, "".into()), (4, "681".into())]);
        let plan = g.paste_plan(4, &[vec!["1".into(), "2".into(), "3".into()]]);
        assert_eq!(plan[0], vec![(4, "1".into()), (6, "3".into())]);
        assert!(g.paste_plan(7, &[vec!["1".into(), "2".into()]])[0].len() == 1, "nothing past the last column");
    }

    #[test]
    fn total_text_prints_zero_as_a_dash() {
        assert_eq!(total_text(Some(8990.0), 0), "8.990");
        assert_eq!(total_text(Some(0.0), 0), "-");
        assert_eq!(total_text(None, 0), "");
    }
}
