//! How an evaluation is wired, once, for the batch path and the editor:
//! what the messages beside an indicator row are made of and in what
//! order, the page's order of all messages, how much of a report is filled,
//! and what a target reads.

use crate::core::figures::counted_total;
use crate::core::grid::Grid;
use crate::core::issue::{Issue, Severity};
use crate::core::period::parse_year;
use crate::core::report::{Report, ReportHeader};
use crate::core::target::TargetResult;
use crate::core::template::{Section, Template};
use crate::core::value::FieldState;

/// The messages shown beside an indicator row: its own error, then the
/// results of the rules anchored at it (in template order), errors first.
fn field_messages(
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

/// The messages beside indicator row `row` (its position in
/// `template.indicators`), errors first: the field's own error, then the
/// rules anchored at it (`rules`, its entry of [`rules_by_row`], each
/// result from `rule`), the change since the report before (`before`: that
/// report's text of the field, and how it is named), and the targets not
/// met that sit on it (`target`, read only for those).
pub fn indicator_messages(
    template: &Template,
    row: usize,
    state: &FieldState,
    (rules, rule): (&[usize], &dyn Fn(usize) -> Option<Issue>),
    before: Option<(&str, &str)>,
    target: &dyn Fn(usize) -> TargetResult,
) -> Vec<Issue> {
    let Some(ind) = template.indicators.get(row) else {
        return Vec::new();
    };
    let change =
        before.and_then(|(text, label)| ind.change_issue(state, &ind.read_in(text), label));
    let unmet = template
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.at == ind.code)
        .map(|(i, t)| t.issue(target(i)));
    let anchored = rules.iter().map(|&i| rule(i)).chain([change]).chain(unmet);
    field_messages(&ind.code, state, anchored)
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

/// Every message of a report, errors first, then warnings, each in the
/// page's order: the header's (an impossible date), the narrative's, the
/// indicator rows', each grid's, then the targets on grid totals.
/// `grids` appends each grid's list in turn, straight from where it is
/// kept (the editor's memos), so nothing is copied twice.
pub fn in_page_order(
    header: &[Issue],
    narrative: &[Issue],
    rows: &[Issue],
    grids: &mut dyn FnMut(&mut Vec<Issue>),
    on_totals: Vec<Issue>,
) -> Vec<Issue> {
    let mut all = Vec::with_capacity(header.len() + narrative.len() + rows.len() + on_totals.len());
    all.extend_from_slice(header);
    all.extend_from_slice(narrative);
    all.extend_from_slice(rows);
    grids(&mut all);
    all.extend(on_totals);
    // The page's order is kept within each severity (a partition, not a
    // sort: a stable sort's code is kilobytes of wasm).
    let (mut errors, warnings): (Vec<Issue>, Vec<Issue>) = all
        .into_iter()
        .partition(|issue| issue.severity == Severity::Error);
    errors.extend(warnings);
    errors
}

/// How many of grid `g`'s cells are filled, and its column `i`'s sum.
pub type GridFigures<'a> = (
    &'a dyn Fn(usize) -> usize,
    &'a dyn Fn(usize, usize) -> Option<f64>,
);

/// A figure a target reads: a row's value, or a grid column's total
/// (`pl5/total/c9`), which counts only once a cell of its grid is filled
/// (`filled(g)`: how many of grid `g`'s cells are; `sum(g, i)`: its
/// column `i`'s sum).
pub fn figure_of(
    template: &Template,
    code: &str,
    value_of: &dyn Fn(&str) -> Option<f64>,
    (filled, sum): GridFigures<'_>,
) -> Option<f64> {
    match template.grid_total(code) {
        Some((g, i)) => counted_total(filled(g), || sum(g, i)),
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

/// How much of a report is filled: its fillable indicators, and the value
/// cells of its grids' rows (not of group headings).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub filled: usize,
    pub fillable: usize,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, other: Tally) -> Tally {
        Tally {
            filled: self.filled + other.filled,
            fillable: self.fillable + other.fillable,
        }
    }
}

/// How many cells a grid of `rows` rows (group headings left out) has to
/// fill.
pub fn grid_fillable(grid: &Grid, rows: usize) -> usize {
    rows * grid.value_columns()
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
