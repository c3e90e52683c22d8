//! The evaluation of a report: every value read, every rule checked, every
//! computed value, grid row and total worked out, and the messages in the
//! order of the page.
//!
//! There is one evaluation. The batch path here ([`Report::evaluate`], for
//! exports, the draft list and import) and the editor's memos (`ui::form_state`,
//! `ui::grid_state`, one field or row at a time) call the same functions:
//! `ValueKind::read` for a field, `Rule::check` for a rule, `Computed::value`
//! for a computed value, [`field_messages`] for an indicator row's messages
//! and `Grid::evaluate_row` for a grid row. A property test
//! (`tests/one_evaluation.rs`) keeps the two paths equal.

use rustc_hash::FxHashMap;

use super::carry::{carried_issue, PreviousGrid};
use super::grid::{is_group_key, row_name, CellValue, ColumnRole, Grid, RowValues};
use super::issue::{Issue, Severity};
use super::narrative::{
    choice_matches, computed_text, indicator_text, narrative_issues, Figures, Unknown,
};
use super::outline::OutlineItem;
use super::period::parse_year;
use super::report::{Report, ReportHeader};
use super::target::TargetResult;
use super::template::{Section, Template};
use super::value::FieldState;

/// Everything derived from a report's typed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub states: FxHashMap<String, FieldState>,
    /// In the order of the rows they are about; errors before warnings on a row.
    pub issues: Vec<Issue>,
    /// The value of each of the template's computed values, by position.
    pub computed: Vec<Option<f64>>,
    /// Each grid section, by position among the grids.
    pub grids: Vec<GridEvaluation>,
    /// Each of the template's targets, by position; a target not met is a
    /// message beside its row, after the rules'.
    pub targets: Vec<TargetResult>,
    pub filled: usize,
    pub fillable: usize,
}

impl Evaluation {
    pub fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == severity)
            .count()
    }
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

/// The messages shown beside an indicator row: its own error, then the
/// results of the rules anchored at it (in template order), errors first.
pub fn field_messages(
    code: &str,
    state: &FieldState,
    anchored: impl IntoIterator<Item = Option<Issue>>,
) -> Vec<Issue> {
    // A stable partition, not a sort: each sort is another copy of the sort
    // code in the wasm.
    let (mut list, warnings): (Vec<Issue>, Vec<Issue>) = state
        .issue(code)
        .into_iter()
        .chain(anchored.into_iter().flatten())
        .partition(|i| i.severity == Severity::Error);
    list.extend(warnings);
    list
}

/// The rules shown beside each indicator row, by the row's position in
/// `template.indicators`: positions in `template.rules`, in order.
pub fn rules_by_row(template: &Template) -> Vec<Vec<usize>> {
    let mut at = vec![Vec::new(); template.indicators.len()];
    for (i, rule) in template.rules.iter().enumerate() {
        if let Some(row) = template.position(&rule.at) {
            at[row].push(i);
        }
    }
    at
}

/// A figure a target reads: a row's value, or a grid column's total
/// (`pl5/total/c9`, by grid and column index).
pub fn figure_of(
    template: &Template,
    code: &str,
    value_of: &dyn Fn(&str) -> Option<f64>,
    total: &dyn Fn(usize, usize) -> Option<f64>,
) -> Option<f64> {
    match template.grid_total(code) {
        Some((grid, column)) => total(grid, column),
        None => value_of(code),
    }
}

/// The messages of targets not met that sit on a grid's total rather than
/// a row: after the annex's, in template order.
pub fn grid_target_issues(template: &Template, results: &[TargetResult]) -> Vec<Issue> {
    template
        .targets
        .iter()
        .zip(results)
        .filter(|(t, _)| template.indicator(&t.at).is_none())
        .filter_map(|(t, r)| t.issue(*r))
        .collect()
}

/// The reports an evaluation reads against, each with how it is named:
/// `change`, whose figures changes are judged against ("cùng kỳ 2023"), and
/// `carry`, whose dossiers in progress are carried over (its title).
#[derive(Debug, Clone, Copy, Default)]
pub struct Before<'a> {
    pub change: Option<(&'a Report, &'a str)>,
    pub carry: Option<(&'a Report, &'a str)>,
}

/// Whether `other` is the same period a year before `own`.
fn same_period_last_year(own: &ReportHeader, other: &ReportHeader) -> bool {
    match (parse_year(&own.year), parse_year(&other.year)) {
        (Ok(year), Ok(theirs)) => own.period.same_period_before(year) == (other.period, theirs),
        _ => false,
    }
}

/// How a figure of `other` is named beside one of `own`, as a noun phrase:
/// "cùng kỳ 2023" for the same period a year earlier, else its period
/// ("năm 2023", "quý I năm 2024"), or "kỳ trước" without a year.
pub fn compared_label(own: &ReportHeader, other: &ReportHeader) -> String {
    match parse_year(&other.year) {
        Ok(year) if same_period_last_year(own, other) => format!("cùng kỳ {year}"),
        Ok(year) => other.period.phrase(year),
        Err(_) => "kỳ trước".to_string(),
    }
}

/// The text that names a grid's rows in messages: its own annex.
pub fn annex_of<'a>(template: &'a Template, section: &'a Section) -> &'a str {
    section.heading(template).0
}

impl Report {
    pub fn evaluate(&self, template: &Template) -> Evaluation {
        self.evaluate_against(template, Before::default())
    }

    /// The evaluation against the reports before: large changes from
    /// `before.change` are warnings ([`Indicator::change_issue`]), and so
    /// are carried-over figures that differ from `before.carry`'s
    /// ([`carried_issue`]).
    pub fn evaluate_against(&self, template: &Template, before: Before<'_>) -> Evaluation {
        let states: FxHashMap<String, FieldState> = template
            .fillable()
            .filter_map(|ind| {
                ind.kind
                    .as_ref()
                    .map(|k| (ind.code.clone(), k.read(self.value(&ind.code))))
            })
            .collect();
        let value_of = |code: &str| states.get(code).and_then(FieldState::number);
        let checked: Vec<Option<Issue>> = template
            .rules
            .iter()
            .map(|rule| rule.check(&value_of))
            .collect();
        let grids: Vec<GridEvaluation> = template
            .grids()
            .map(|(section, grid)| {
                self.evaluate_grid_against(
                    &section.id,
                    annex_of(template, section),
                    grid,
                    before.carry,
                )
            })
            .collect();
        // Targets read rows and grid totals.
        let total = |g: usize, i: usize| {
            grids
                .get(g)
                .filter(|g| g.filled > 0)
                .and_then(|g| g.totals.get(i).copied().flatten())
        };
        let target_value = |code: &str| figure_of(template, code, &value_of, &total);
        let targets: Vec<TargetResult> = template
            .targets
            .iter()
            .map(|t| t.result(&target_value))
            .collect();
        let by_row = rules_by_row(template);
        let mut issues = Vec::new();
        for (ind, rules) in template.indicators.iter().zip(&by_row) {
            let state = states.get(&ind.code).unwrap_or(&FieldState::Empty);
            let change = before.change.and_then(|(p, against)| {
                ind.change_issue(state, &ind.read_in(p.value(&ind.code)), against)
            });
            let unmet = template
                .targets
                .iter()
                .zip(&targets)
                .filter(|(t, _)| t.at == ind.code)
                .map(|(t, r)| t.issue(*r));
            let anchored = rules
                .iter()
                .map(|&i| checked[i].clone())
                .chain([change])
                .chain(unmet);
            issues.extend(field_messages(&ind.code, state, anchored));
        }
        let computed = template
            .computed
            .iter()
            .map(|c| c.value(&value_of))
            .collect();
        let mut filled = states.values().filter(|s| s.is_filled()).count();
        let mut fillable = states.len();
        for grid in &grids {
            issues.extend(grid.issues.iter().cloned());
            filled += grid.filled;
            fillable += grid.fillable;
        }
        issues.extend(grid_target_issues(template, &targets));
        let mut evaluation = Evaluation {
            fillable,
            states,
            issues: Vec::new(),
            computed,
            grids,
            targets,
            filled,
        };
        // The narrative comes first on the page, so do its messages.
        let year = parse_year(&self.header.year).ok();
        let source = EvaluatedFigures {
            template,
            evaluation: &evaluation,
        };
        let text_of = |id: &str| self.narrative.get(id).cloned().unwrap_or_default();
        let mut all = narrative_issues(template, &text_of, self.header.period, year, &source);
        all.extend(issues);
        evaluation.issues = all;
        evaluation
    }

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
        let (mut filled, mut fillable) = (0, 0);
        let per_row = grid.value_columns();
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
                fillable += per_row;
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
            fillable,
        }
    }
}

/// The figures of a narrative, read from a batch evaluation.
pub struct EvaluatedFigures<'a> {
    pub template: &'a Template,
    pub evaluation: &'a Evaluation,
}

impl EvaluatedFigures<'_> {
    fn grid(&self, section: &str) -> Result<(&Grid, &GridEvaluation), Unknown> {
        let position = self
            .template
            .grids()
            .position(|(s, _)| s.id == section)
            .ok_or(Unknown)?;
        let grid = self.template.grid(section).ok_or(Unknown)?;
        Ok((grid, self.evaluation.grids.get(position).ok_or(Unknown)?))
    }
}

impl Figures for EvaluatedFigures<'_> {
    fn shown(&self, code: &str) -> Result<Option<String>, Unknown> {
        if let Some(ind) = self.template.indicator(code) {
            let kind = ind.kind.as_ref().ok_or(Unknown)?;
            return Ok(self
                .evaluation
                .states
                .get(code)
                .and_then(|s| indicator_text(kind, s)));
        }
        let i = self
            .template
            .computed
            .iter()
            .position(|c| c.code == code)
            .ok_or(Unknown)?;
        Ok(computed_text(
            &self.template.computed[i],
            self.evaluation.computed.get(i).copied().flatten(),
        ))
    }
    fn number(&self, code: &str) -> Option<f64> {
        match self.evaluation.states.get(code) {
            Some(state) => state.number(),
            None => {
                let i = self.template.computed.iter().position(|c| c.code == code)?;
                self.evaluation.computed.get(i).copied().flatten()
            }
        }
    }
    fn total(&self, section: &str, column: u32) -> Result<Option<f64>, Unknown> {
        let (grid, evaluated) = self.grid(section)?;
        let i = grid.column_by_number(column).ok_or(Unknown)?;
        let total = evaluated.totals.get(i).copied().flatten().ok_or(Unknown)?;
        Ok((evaluated.filled > 0).then_some(total))
    }
    fn cell(&self, section: &str, key: &str, column: u32) -> Result<Option<f64>, Unknown> {
        let (grid, evaluated) = self.grid(section)?;
        let i = grid.column_by_number(column).ok_or(Unknown)?;
        let row = evaluated
            .rows
            .iter()
            .find(|r| r.key == key)
            .ok_or(Unknown)?;
        Ok(row.cells.get(i).and_then(CellValue::number))
    }
    fn count(&self, section: &str, choice: Option<(u32, &str)>) -> Result<usize, Unknown> {
        let (grid, evaluated) = self.grid(section)?;
        let rows = evaluated.rows.iter().filter(|r| !r.group);
        let Some((column, wanted)) = choice else {
            return Ok(rows.count());
        };
        let i = grid.column_by_number(column).ok_or(Unknown)?;
        let ColumnRole::Value(kind) = &grid.columns[i].role else {
            return Err(Unknown);
        };
        Ok(rows.filter(|r| matches!(r.cells.get(i), Some(CellValue::Typed(s)) if choice_matches(kind, s, wanted))).count())
    }
    fn target(&self, id: &str) -> Result<TargetResult, Unknown> {
        let i = self
            .template
            .targets
            .iter()
            .position(|t| t.id == id)
            .ok_or(Unknown)?;
        self.evaluation.targets.get(i).copied().ok_or(Unknown)
    }
    fn template(&self) -> &Template {
        self.template
    }
    fn numbers(&self) -> Vec<f64> {
        let states = self
            .evaluation
            .states
            .values()
            .filter_map(FieldState::number);
        let computed = self.evaluation.computed.iter().flatten().copied();
        let totals = self
            .evaluation
            .grids
            .iter()
            .filter(|g| g.filled > 0)
            .flat_map(|g| g.totals.iter().flatten().copied());
        states.chain(computed).chain(totals).collect()
    }
    fn filled_under(&self, item: &OutlineItem) -> bool {
        let indicators = self
            .evaluation
            .states
            .iter()
            .any(|(code, s)| s.is_filled() && item.covers(code));
        indicators
            || self
                .template
                .grids()
                .zip(&self.evaluation.grids)
                .any(|((s, _), g)| g.filled > 0 && item.covers(&s.id))
    }
}

#[cfg(test)]
#[path = "tests/grid.rs"]
mod grid_tests;
