//! Grids against the report before: each row's previous figures (fixed
//! rows by key; rows the clerk adds, such as fields and communes, by name,
//! compared as people read them), and the carried-over identity: dossiers
//! "Kỳ trước chuyển sang" equal the report before's dossiers in progress.

use std::collections::HashMap;

use super::grid::{cell_code, ColumnRole, Grid, GridRows};
use super::issue::{Issue, Severity};
use super::number::format_vn;
use super::report::Report;
use super::vn_text::name_key;

/// The report before's rows of one grid, found by key or by name.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousGrid {
    section: String,
    /// Name key → row key, for a grid whose rows the clerk adds.
    by_name: Option<HashMap<String, String>>,
}

impl PreviousGrid {
    pub fn new(before: &Report, section: &str, grid: &Grid) -> PreviousGrid {
        let by_name = matches!(grid.rows, GridRows::Editable { .. }).then(|| {
            before
                .row_keys(section, grid)
                .into_iter()
                .map(|key| (name_key(&before.row_label(section, grid, &key)), key))
                .filter(|(name, _)| !name.is_empty())
                .collect()
        });
        PreviousGrid { section: section.to_string(), by_name }
    }

    /// The report before's row that row `key`, labelled `label`, continues.
    pub fn row<'k>(&'k self, key: &'k str, label: &str) -> Option<&'k str> {
        match &self.by_name {
            Some(names) => names.get(&name_key(label)).map(String::as_str),
            None => Some(key),
        }
    }

    /// The figure of column `i` in that row of `before`: typed, or the sum
    /// of its parts for a computed column.
    pub fn number(&self, before: &Report, grid: &Grid, key: &str, label: &str, i: usize) -> Option<f64> {
        let row = self.row(key, label)?;
        let typed = |i: usize| match &grid.columns.get(i)?.role {
            ColumnRole::Value(kind) => kind.read(before.value(&cell_code(&self.section, row, grid.columns[i].number))).number(),
            _ => None,
        };
        match &grid.columns.get(i)?.role {
            ColumnRole::Sum(parts) => parts.iter().map(|&p| typed(p)).fold(None, |acc, n| match (acc, n) {
                (acc, None) => acc,
                (None, Some(n)) => Some(n),
                (Some(a), Some(n)) => Some(a + n),
            }),
            _ => typed(i),
        }
    }
}

/// The warning when a row's carried-over figure differs from the report
/// before's figure still in progress: «Phụ lục V, dòng 2 (Tư pháp): (4)
/// «Kỳ trước chuyển sang» = 12, khác (14) «Hồ sơ đang giải quyết – Tổng
/// số» = 10 của «…»».
pub fn carried_issue(grid: &Grid, section: &str, key: &str, name: &dyn Fn() -> String, now: Option<f64>, before: Option<f64>, before_title: &str) -> Option<Issue> {
    let (column, from) = grid.carried_over?;
    let (now, before) = (now?, before?);
    if (now - before).abs() < 1e-9 {
        return None;
    }
    Some(Issue {
        code: cell_code(section, key, grid.columns.get(column).map_or(0, |c| c.number)),
        severity: Severity::Warning,
        message: format!(
            "{}: {} = {}, khác {} của «{before_title}» = {}",
            name(),
            grid.column_name(column),
            format_vn(now, 2),
            grid.column_name(from),
            format_vn(before, 2)
        ),
    })
}
