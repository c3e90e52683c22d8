//! Grids against the report before: each row's previous figures (fixed
//! rows by key; rows the clerk adds, such as fields and communes, by name,
//! compared as people read them), and the carried-over identity: dossiers
//! "Kỳ trước chuyển sang" equal the report before's dossiers in progress.

use rustc_hash::FxHashMap;

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
    by_name: Option<FxHashMap<String, String>>,
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
        PreviousGrid {
            section: section.to_string(),
            by_name,
        }
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
    pub fn number(
        &self,
        before: &Report,
        grid: &Grid,
        key: &str,
        label: &str,
        i: usize,
    ) -> Option<f64> {
        let row = self.row(key, label)?;
        let typed = |i: usize| match &grid.columns.get(i)?.role {
            ColumnRole::Value(kind) => kind
                .read(before.value(&cell_code(&self.section, row, grid.columns[i].number)))
                .number(),
            _ => None,
        };
        match &grid.columns.get(i)?.role {
            ColumnRole::Sum(parts) => {
                parts
                    .iter()
                    .map(|&p| typed(p))
                    .fold(None, |acc, n| match (acc, n) {
                        (acc, None) => acc,
                        (None, Some(n)) => Some(n),
                        (Some(a), Some(n)) => Some(a + n),
                    })
            }
            _ => typed(i),
        }
    }
}

/// The warning when a row's carried-over figure differs from the report
/// before's figure still in progress: «Phụ lục V, dòng 2 (Tư pháp): (4)
/// «Kỳ trước chuyển sang» = 12, khác (14) «Hồ sơ đang giải quyết – Tổng
/// số» = 10 của «…»».
pub fn carried_issue(
    grid: &Grid,
    section: &str,
    key: &str,
    name: &dyn Fn() -> String,
    now: Option<f64>,
    before: Option<f64>,
    before_title: &str,
) -> Option<Issue> {
    let (column, from) = grid.carried_over?;
    let (now, before) = (now?, before?);
    if (now - before).abs() < 1e-9 {
        return None;
    }
    Some(Issue {
        code: cell_code(
            section,
            key,
            grid.columns.get(column).map_or(0, |c| c.number),
        ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_template;

    /// A row: its key, its label, and its cells by column number.
    type Row<'a> = (&'a str, &'a str, &'a [(u32, &'a str)]);

    fn district(rows: &[Row]) -> Report {
        let template = builtin_template("huyen-cchc").unwrap();
        let mut report = Report::new(&template);
        report.rows.insert(
            "pl5".into(),
            rows.iter().map(|(k, _, _)| k.to_string()).collect(),
        );
        for (key, label, cells) in rows {
            report.set_value(&format!("pl5/{key}/c2"), label);
            for (n, v) in *cells {
                report.set_value(&format!("pl5/{key}/c{n}"), v);
            }
        }
        report
    }

    #[test]
    fn rows_are_matched_by_name_and_a_different_carry_over_is_warned() {
        let template = builtin_template("huyen-cchc").unwrap();
        let grid = template.grid("pl5").unwrap();
        assert_eq!(grid.carried_over, Some((3, 13)), "(4) carries (14) over");
        let before = district(&[
            ("1", "Tư pháp", &[(14, "10")]),
            ("2", "Đất đai", &[(14, "5")]),
        ]);
        let rows = PreviousGrid::new(&before, "pl5", grid);
        assert_eq!(
            rows.number(&before, grid, "7", "TƯ PHÁP", 13),
            Some(10.0),
            "by name, not by key"
        );
        assert_eq!(rows.number(&before, grid, "1", "Đất Đai", 13), Some(5.0));
        assert_eq!(rows.number(&before, grid, "1", "Xây dựng", 13), None);
        let name = || "Phụ lục V, dòng 1 (Tư pháp)".to_string();
        assert_eq!(
            carried_issue(grid, "pl5", "1", &name, Some(10.0), Some(10.0), "Năm 2023"),
            None
        );
        let issue = carried_issue(
            grid,
            "pl5",
            "1",
            &name,
            Some(12.0),
            Some(10.0),
            "UBND huyện Khánh Sơn — Năm 2023",
        )
        .unwrap();
        assert_eq!(issue.code, "pl5/1/c4");
        assert_eq!(
            issue.message,
            "Phụ lục V, dòng 1 (Tư pháp): (4) «Kỳ trước chuyển sang» = 12, khác (14) «Hồ sơ đang giải quyết – Tổng số» của «UBND huyện Khánh Sơn — Năm 2023» = 10"
        );
        // The batch evaluation gives the same message for the row.
        let now = district(&[("1", "Tư pháp", &[(4, "12")])]);
        let evaluation = now.evaluate_against(
            &template,
            crate::core::eval::Before {
                change: None,
                carry: Some((&before, "UBND huyện Khánh Sơn — Năm 2023")),
            },
        );
        assert!(
            evaluation
                .issues
                .iter()
                .any(|i| i.code == "pl5/1/c4" && i.message.ends_with("= 10")),
            "{:?}",
            evaluation.issues
        );
    }
}
