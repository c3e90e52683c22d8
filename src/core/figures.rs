//! The figures of a report, as a narrative and a pre-flight read them.
//!
//! There are two sources of figures: the batch evaluation
//! (`eval::EvaluatedFigures`, plain values) and the editor's memos
//! (`ui::editor::state::narrative::LiveFigures`, where reading one tracks
//! it). Each gives only the parts it holds (a field's state, a computed
//! value, a grid's total and filled count, a cell, a target's result); every
//! figure is then worked out from those parts once, by the provided methods
//! of [`Figures`], so the two sources cannot differ.

use super::grid::ColumnRole;
use super::number::format_vn;
use super::outline::OutlineItem;
use super::rules::Computed;
use super::target::TargetResult;
use super::template::Template;
use super::value::{FieldState, ValueKind};
use super::vn_text::name_key;

/// A figure that names nothing in the template: no such code, grid,
/// column or target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unknown;

/// A grid column's total as a figure: only once a cell of the grid is
/// filled (an empty grid's total is not 0, it is not there yet). The sum
/// is read only then, so the editor does not track it before.
pub fn counted_total(filled: usize, sum: impl FnOnce() -> Option<f64>) -> Option<f64> {
    (filled > 0).then(sum).flatten()
}

/// A column's index and what a cell in it must be to count.
pub type CellTest<'a> = (usize, &'a dyn Fn(&FieldState) -> bool);

/// Where figures come from. A source gives its parts (the required
/// methods); the figures are the provided methods, the same for all.
pub trait Figures {
    /// The template the figures are of.
    fn template(&self) -> &Template;
    /// The state of indicator `code`; `None` when it has none.
    fn state(&self, code: &str) -> Option<FieldState>;
    /// Whether an indicator whose code `covers` takes passes `test`. Only
    /// the states `covers` takes are read (and, in the editor, tracked).
    fn any_state(
        &self,
        covers: &dyn Fn(&str) -> bool,
        test: &mut dyn FnMut(&FieldState) -> bool,
    ) -> bool;
    /// The template's computed value `i`.
    fn computed(&self, i: usize) -> Option<f64>;
    /// How many cells of grid `g` (by position among the grids) are filled.
    fn grid_filled(&self, g: usize) -> usize;
    /// The sum of summed column `i` of grid `g`, filled or not.
    fn grid_sum(&self, g: usize, i: usize) -> Option<f64>;
    /// The number in column `i` of the row `key`; `Err` for no such row.
    fn grid_cell(&self, g: usize, key: &str, i: usize) -> Result<Option<f64>, Unknown>;
    /// How many rows of grid `g` (not group headings) have, in column `i`,
    /// a cell `keep` takes; every row for `None`.
    fn grid_rows(&self, g: usize, cell: Option<CellTest<'_>>) -> usize;
    /// Target `i`'s result.
    fn target_result(&self, i: usize) -> Option<TargetResult>;

    /// An indicator's or computed value's text as the report prints it
    /// ("1.603", "99,06", a choice's label); `None` while empty.
    /// `Err` when the template has no such code.
    fn shown(&self, code: &str) -> Result<Option<String>, Unknown> {
        if let Some(ind) = self.template().indicator(code) {
            let kind = ind.kind.as_ref().ok_or(Unknown)?;
            return Ok(self.state(code).and_then(|s| indicator_text(kind, &s)));
        }
        let i = computed_at(self.template(), code).ok_or(Unknown)?;
        Ok(computed_text(
            &self.template().computed[i],
            self.computed(i),
        ))
    }
    /// The number behind a code, for rates.
    fn number(&self, code: &str) -> Option<f64> {
        if self.template().indicator(code).is_some() {
            return self.state(code)?.number();
        }
        self.computed(computed_at(self.template(), code)?)
    }
    /// A grid column's total, once the grid has a filled cell; `Err` when
    /// the grid or summed column does not exist.
    fn total(&self, section: &str, column: u32) -> Result<Option<f64>, Unknown> {
        let (g, i) = grid_column(self.template(), section, column)?;
        if !self
            .template()
            .grids()
            .nth(g)
            .is_some_and(|(_, grid)| grid.columns[i].is_summed())
        {
            return Err(Unknown);
        }
        Ok(counted_total(self.grid_filled(g), || self.grid_sum(g, i)))
    }
    /// A cell's number; `Err` when the grid, row or column does not exist.
    fn cell(&self, section: &str, key: &str, column: u32) -> Result<Option<f64>, Unknown> {
        let (g, i) = grid_column(self.template(), section, column)?;
        self.grid_cell(g, key, i)
    }
    /// A count of a grid's rows, all or those with a choice.
    fn count(&self, section: &str, choice: Option<(u32, &str)>) -> Result<usize, Unknown> {
        let Some((column, wanted)) = choice else {
            let g = grid_at(self.template(), section)?;
            return Ok(self.grid_rows(g, None));
        };
        let (g, i) = grid_column(self.template(), section, column)?;
        let grid = self.template().grids().nth(g).ok_or(Unknown)?.1;
        let ColumnRole::Value(kind) = &grid.columns[i].role else {
            return Err(Unknown);
        };
        Ok(self.grid_rows(
            g,
            Some((i, &|s: &FieldState| choice_matches(kind, s, wanted))),
        ))
    }
    /// A target's result, by its id; `Err` when the template has none.
    fn target(&self, id: &str) -> Result<TargetResult, Unknown> {
        let i = self
            .template()
            .targets
            .iter()
            .position(|t| t.id == id)
            .ok_or(Unknown)?;
        self.target_result(i).ok_or(Unknown)
    }
    /// Whether anything under an annex code or grid section is filled.
    fn filled_under(&self, item: &OutlineItem) -> bool {
        self.any_state(&|code| item.covers(code), &mut FieldState::is_filled)
            || self
                .template()
                .grids()
                .enumerate()
                .any(|(g, (s, _))| item.covers(&s.id) && self.grid_filled(g) > 0)
    }
    /// Every figure of the report a hand-typed one may be a copy of: the
    /// indicators, computed values and grid totals.
    fn numbers(&self) -> Vec<f64> {
        let mut all = Vec::new();
        self.any_state(&|_| true, &mut |s| {
            all.extend(s.number());
            false
        });
        all.extend((0..self.template().computed.len()).filter_map(|i| self.computed(i)));
        for (g, (_, grid)) in self.template().grids().enumerate() {
            let filled = self.grid_filled(g);
            for (i, _) in grid
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_summed())
            {
                all.extend(counted_total(filled, || self.grid_sum(g, i)));
            }
        }
        all
    }
}

fn computed_at(template: &Template, code: &str) -> Option<usize> {
    template.computed.iter().position(|c| c.code == code)
}

/// A grid's position among the template's grids.
fn grid_at(template: &Template, section: &str) -> Result<usize, Unknown> {
    template
        .grids()
        .position(|(s, _)| s.id == section)
        .ok_or(Unknown)
}

/// A grid's position and a column's index in it, by the column's number.
fn grid_column(template: &Template, section: &str, column: u32) -> Result<(usize, usize), Unknown> {
    let g = grid_at(template, section)?;
    let grid = template.grids().nth(g).ok_or(Unknown)?.1;
    Ok((g, grid.column_by_number(column).ok_or(Unknown)?))
}

/// An indicator's value as the narrative writes it: "1.603", "99,06 %",
/// a choice's label.
pub fn indicator_text(kind: &ValueKind, state: &FieldState) -> Option<String> {
    if let Some(label) = kind.choice_label(state) {
        return Some(label);
    }
    let text = kind.display(state)?;
    Some(if matches!(kind, ValueKind::Percentage { .. }) {
        format!("{text} %")
    } else {
        text
    })
}

/// A computed value as the narrative writes it.
pub fn computed_text(computed: &Computed, value: Option<f64>) -> Option<String> {
    let text = format_vn(value?, computed.decimals);
    Some(if computed.unit.trim() == "%" {
        format!("{text} %")
    } else {
        text
    })
}

/// Rows of a grid that count for `{section/count/cN=V}`: V is the option's
/// code or its label.
pub fn choice_matches(kind: &ValueKind, state: &FieldState, wanted: &str) -> bool {
    let Some(n) = state.number() else {
        return false;
    };
    match wanted.parse::<i64>() {
        Ok(code) => code as f64 == n,
        Err(_) => kind
            .choice_label(state)
            .is_some_and(|l| name_key(&l) == name_key(wanted)),
    }
}
