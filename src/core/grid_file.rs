//! Reads the grid section of a template file: the column tree, fixed rows
//! or an editable list, and the identities between columns, each checked
//! with a precise message.

use rustc_hash::FxHashSet;

use super::json_read::json_struct;

use super::grid::{
    ColumnRole, FixedRow, Grid, GridColumn, GridRows, HeaderCell, Identity, TOTAL_ROW,
};
use super::issue::{Comparison, Severity};
use super::loading::{fail, shared_value_kind, TemplateError};
use super::value::{ChoiceOption, ValueKind};

// ---------------------------------------------------------------------------
// The file as written.

json_struct! { strict;
    pub(crate) struct GridFile {
        columns: Vec<ColumnFile>,
        rows: Vec<FixedRowFile> = default,
        add_rows: Option<String> = default,
        groups: bool = default,
        total_row: Option<String> = default,
        identities: Vec<IdentityFile> = default,
        /// `{"column": 4, "from": 14}`: column (4) carries over the report
        /// before's column (14), row by row.
        carried_over: Option<CarriedOverFile> = default,
    }
}

json_struct! { strict;
    pub(crate) struct CarriedOverFile {
        column: u32,
        from: u32,
    }
}

json_struct! { strict;
    pub(crate) struct ColumnFile {
        label: String,
        kind: Option<String> = default,
        columns: Vec<ColumnFile> = default,
        options: Vec<ChoiceOption> = default,
        sum: Vec<u32> = default,
        decimals: Option<u8> = default,
        width: Option<f64> = default,
    }
}

json_struct! { strict;
    pub(crate) struct FixedRowFile {
        key: String,
        label: String,
    }
}

json_struct! { strict;
    pub(crate) struct IdentityFile {
        left: Vec<u32>,
        op: String,
        right: Vec<u32>,
        severity: Option<String> = default,
    }
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
                GridColumn {
                    number,
                    label: file.label.trim().to_string(),
                    groups: groups.clone(),
                    role,
                    width,
                },
                file.sum.clone(),
            ));
            cells.push((
                level,
                HeaderCell {
                    text: file.label.trim().to_string(),
                    colspan: 1,
                    rowspan: 0,
                    first_column,
                },
            ));
            depth = depth.max(1);
        } else {
            if file.kind.is_some() {
                return fail(format!(
                    "Phần \"{section}\": nhóm cột \"{}\" không được có \"kind\"",
                    file.label
                ));
            }
            let at = cells.len();
            cells.push((
                level,
                HeaderCell {
                    text: file.label.trim().to_string(),
                    colspan: 0,
                    rowspan: 1,
                    first_column,
                },
            ));
            groups.push(file.label.trim().to_string());
            let below = flatten(&file.columns, section, groups, level + 1, leaves, cells)?;
            groups.pop();
            cells[at].1.colspan = leaves.len() - first_column;
            depth = depth.max(below + 1);
        }
    }
    Ok(depth)
}

impl Grid {
    pub(crate) fn from_file(file: &GridFile, section: &str) -> Result<Grid, TemplateError> {
        let mut leaves = Vec::new();
        let mut cells = Vec::new();
        let depth = flatten(
            &file.columns,
            section,
            &mut Vec::new(),
            0,
            &mut leaves,
            &mut cells,
        )?;
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
                    return fail(format!(
                        "Phần \"{section}\": cột ({}) là tổng nhưng không có \"sum\"",
                        column.number
                    ));
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
        let labels = columns
            .iter()
            .filter(|c| matches!(c.role, ColumnRole::Label))
            .count();
        if labels != 1 {
            return fail(format!(
                "Phần \"{section}\" cần đúng một cột tên dòng (kind \"label\"), đang có {labels}"
            ));
        }
        let rows = match (file.rows.is_empty(), file.add_rows.clone()) {
            (false, None) => {
                let mut keys = FxHashSet::default();
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
            let op = Comparison::from_symbol(&identity.op).ok_or_else(|| {
                TemplateError(format!(
                    "Phần \"{section}\", {who}: phép so sánh \"{}\" không hợp lệ",
                    identity.op
                ))
            })?;
            let severity = match identity.severity.as_deref() {
                None | Some("warning") => Severity::Warning,
                Some("error") => Severity::Error,
                Some(other) => {
                    return fail(format!(
                        "Phần \"{section}\", {who}: mức \"{other}\" không hợp lệ"
                    ))
                }
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
            identities.push(Identity {
                left: side(&identity.left)?,
                op,
                right: side(&identity.right)?,
                severity,
            });
        }
        let carried_over = match &file.carried_over {
            None => None,
            Some(c) => {
                let who = "\"carried_over\"";
                let (column, from) = (index_of(c.column, who)?, index_of(c.from, who)?);
                for i in [column, from] {
                    if !matches!(&columns[i].role, ColumnRole::Value(kind) if kind.is_quantity())
                        && !columns[i].is_summed()
                    {
                        return fail(format!(
                            "Phần \"{section}\", {who} nhắc đến cột ({}), là cột không có số",
                            i + 1
                        ));
                    }
                }
                Some((column, from))
            }
        };
        let mut grid = Grid::new(columns, head, rows, identities, file.total_row.clone());
        grid.carried_over = carried_over;
        Ok(grid)
    }
}
