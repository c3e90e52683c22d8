//! A grid section evaluated from a report: each row's cells, sums and
//! messages, the carried-over identity against the report before, the
//! column totals and how much is filled.

use crate::core::carry::{carried_issue, PreviousGrid};
use crate::core::eval::evaluation::{GridEvaluation, RowEvaluation};
use crate::core::eval::wiring::grid_fillable;
use crate::core::grid::{is_group_key, row_name, CellValue, Grid, RowValues};
use crate::core::report::Report;

impl Report {
    /// The typed cells of the row `key` of a grid, read from this report.
    pub fn typed_cells(&self, section: &str, grid: &Grid, key: &str) -> Vec<CellValue> {
        let texts = self.row_texts(section, key);
        grid.typed_cells(is_group_key(key), |i, kind| {
            kind.read(texts.get(grid.columns[i].number))
        })
    }

    pub fn evaluate_grid(&self, section: &str, annex: &str, grid: &Grid) -> GridEvaluation {
        self.evaluate_grid_against(section, annex, grid, None)
    }

    /// A grid's evaluation, its carried-over column against `carry` (the
    /// report whose window ends where this one's starts, with its title).
    pub fn evaluate_grid_against(
        &self,
        section: &str,
        annex: &str,
        grid: &Grid,
        carry: Option<(&Report, &str)>,
    ) -> GridEvaluation {
        let before = carry
            .filter(|_| grid.carried_over.is_some())
            .map(|(p, title)| (p, title, PreviousGrid::new(p, section, grid)));
        let keys = self.row_keys(section, grid);
        let stts = grid.stt_of(&keys);
        let mut rows = Vec::with_capacity(keys.len());
        let mut issues = Vec::new();
        let (mut filled, mut counted_rows) = (0, 0);
        let mut totals: Vec<Option<f64>> = grid
            .columns
            .iter()
            .map(|c| c.is_summed().then_some(0.0))
            .collect();
        for (key, stt) in keys.iter().zip(stts) {
            let group = is_group_key(key);
            let label = self.row_label(section, grid, key);
            let typed = self.typed_cells(section, grid, key);
            let RowValues {
                cells,
                issues: mut row_issues,
                filled: row_filled,
            } = grid.evaluate_row(section, key, typed, &|| row_name(annex, &stt, &label));
            if let (Some((p, title, rows)), Some((column, from)), false) =
                (&before, grid.carried_over, group)
            {
                let now = cells.get(column).and_then(CellValue::number);
                let was = rows.number(p, grid, key, &label, from);
                row_issues.extend(carried_issue(
                    grid,
                    section,
                    key,
                    &|| row_name(annex, &stt, &label),
                    now,
                    was,
                    title,
                ));
            }
            if !group {
                filled += row_filled;
                counted_rows += 1;
                for (total, cell) in totals.iter_mut().zip(&cells) {
                    if let (Some(total), Some(n)) = (total.as_mut(), cell.number()) {
                        *total += n;
                    }
                }
            }
            issues.extend(row_issues.iter().cloned());
            rows.push(RowEvaluation {
                key: key.clone(),
                group,
                stt,
                label,
                cells,
                issues: row_issues,
            });
        }
        GridEvaluation {
            rows,
            totals,
            issues,
            filled,
            fillable: grid_fillable(grid, counted_rows),
        }
    }
}
