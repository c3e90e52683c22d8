//! The batch evaluation as a source of figures: its parts, one at a time.
//! The figures themselves are worked out once, by `core::figures`.

use crate::core::eval::evaluation::Evaluation;
use crate::core::figures::{CellTest, Figures, Unknown};
use crate::core::grid::CellValue;
use crate::core::target::TargetResult;
use crate::core::template::Template;
use crate::core::value::FieldState;

/// The figures of a narrative, read from a batch evaluation.
pub struct EvaluatedFigures<'a> {
    pub template: &'a Template,
    pub evaluation: &'a Evaluation,
}

impl Figures for EvaluatedFigures<'_> {
    fn template(&self) -> &Template {
        self.template
    }
    fn state(&self, code: &str) -> Option<FieldState> {
        self.evaluation.states.get(code).cloned()
    }
    fn any_state(
        &self,
        covers: &dyn Fn(&str) -> bool,
        test: &mut dyn FnMut(&FieldState) -> bool,
    ) -> bool {
        self.evaluation
            .states
            .iter()
            .any(|(code, s)| covers(code) && test(s))
    }
    fn computed(&self, i: usize) -> Option<f64> {
        self.evaluation.computed.get(i).copied().flatten()
    }
    fn grid_filled(&self, g: usize) -> usize {
        self.evaluation.grids.get(g).map_or(0, |g| g.filled)
    }
    fn grid_sum(&self, g: usize, i: usize) -> Option<f64> {
        self.evaluation
            .grids
            .get(g)?
            .totals
            .get(i)
            .copied()
            .flatten()
    }
    fn grid_cell(&self, g: usize, key: &str, i: usize) -> Result<Option<f64>, Unknown> {
        let grid = self.evaluation.grids.get(g).ok_or(Unknown)?;
        let row = grid.rows.iter().find(|r| r.key == key).ok_or(Unknown)?;
        Ok(row.cells.get(i).and_then(CellValue::number))
    }
    fn grid_rows(&self, g: usize, cell: Option<CellTest<'_>>) -> usize {
        let Some(grid) = self.evaluation.grids.get(g) else {
            return 0;
        };
        let rows = grid.rows.iter().filter(|r| !r.group);
        match cell {
            None => rows.count(),
            Some((i, keep)) => rows
                .filter(|r| matches!(r.cells.get(i), Some(CellValue::Typed(s)) if keep(s)))
                .count(),
        }
    }
    fn target_result(&self, i: usize) -> Option<TargetResult> {
        self.evaluation.targets.get(i).copied()
    }
}
