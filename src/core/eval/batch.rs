//! The batch evaluation of a report, over plain values: for exports, the
//! draft list and import. It runs the wiring of [`super::wiring`], as the
//! editor does over its memos.

use rustc_hash::FxHashMap;

use crate::core::eval::evaluation::{Evaluation, GridEvaluation};
use crate::core::eval::figures::EvaluatedFigures;
use crate::core::eval::wiring::{
    annex_of, figure_of, grid_target_issues, in_page_order, indicator_messages, rules_by_row,
    Before, Tally,
};
use crate::core::issue::Issue;
use crate::core::narrative::{narrative_issues, Written};
use crate::core::period::parse_year;
use crate::core::report::{HeaderField, Report};
use crate::core::target::TargetResult;
use crate::core::template::Template;
use crate::core::value::FieldState;

impl Report {
    pub fn evaluate(&self, template: &Template) -> Evaluation {
        self.evaluate_against(template, Before::default())
    }

    /// The evaluation against the reports before: large changes from
    /// `before.change` are warnings (`Indicator::change_issue`), and so
    /// are carried-over figures that differ from `before.carry`'s
    /// (`carry::carried_issue`).
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
        let filled = |g: usize| grids.get(g).map_or(0, |g| g.filled);
        let sum = |g: usize, i: usize| grids.get(g)?.totals.get(i).copied().flatten();
        let targets: Vec<TargetResult> = template
            .targets
            .iter()
            .map(|t| t.result(&|code| figure_of(template, code, &value_of, (&filled, &sum))))
            .collect();
        let by_row = rules_by_row(template);
        let mut rows = Vec::new();
        for (row, (ind, rules)) in template.indicators.iter().zip(&by_row).enumerate() {
            let state = states.get(&ind.code).unwrap_or(&FieldState::Empty);
            rows.extend(indicator_messages(
                template,
                row,
                state,
                (rules, &|i| checked[i].clone()),
                before.change.map(|(p, label)| (p.value(&ind.code), label)),
                &|i| targets[i],
            ));
        }
        let computed = template
            .computed
            .iter()
            .map(|c| c.value(&value_of))
            .collect();
        let indicators = Tally {
            filled: states.values().filter(|s| s.is_done()).count(),
            fillable: states.len(),
        };
        let tally = grids.iter().fold(indicators, |sum, g| {
            sum + Tally {
                filled: g.filled,
                fillable: g.fillable,
            }
        });
        let on_totals = grid_target_issues(template, &targets);
        let mut evaluation = Evaluation {
            fillable: tally.fillable,
            states,
            issues: Vec::new(),
            computed,
            grids,
            targets,
            filled: tally.filled,
        };
        let year = parse_year(&self.header.year).ok();
        let source = EvaluatedFigures {
            template,
            evaluation: &evaluation,
        };
        let text_of = |id: &str| self.narrative.get(id).cloned().unwrap_or_default();
        let left_out = |id: &str| self.left_out.contains(id);
        let written = Written {
            text_of: &text_of,
            left_out: &left_out,
        };
        let narrative = narrative_issues(template, &written, self.header.period, year, &source);
        let grids = &evaluation.grids;
        let header: Vec<Issue> = HeaderField::ALL
            .into_iter()
            .filter_map(|f| f.message(&self.header.get(f)))
            .collect();
        let issues = in_page_order(
            &header,
            &narrative,
            &rows,
            &mut |all| grids.iter().for_each(|g| all.extend_from_slice(&g.issues)),
            on_totals,
        );
        evaluation.issues = issues;
        evaluation
    }
}
