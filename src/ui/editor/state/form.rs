//! The report being edited, as fine-grained signals.
//!
//! One signal per typed text, one memo per field state, per rule and per
//! computed value, all built from the core's functions. A keystroke in 3.3.1
//! wakes 3.3.1's memo, the rules and totals that read 3.3.1, and the
//! summary; no other row re-renders. Components read from a [`Form`] and
//! never evaluate rules themselves.

use std::sync::Arc;

use leptos::prelude::*;
use rustc_hash::FxHashMap;

use crate::core::eval::{
    annex_of, figure_of, grid_target_issues, in_page_order, indicator_messages, rules_by_row, Tally,
};
use crate::core::issue::{Issue, Severity};
use crate::core::key_set::KeySet;
use crate::core::report::{grid_cell, HeaderField, Report, ReportHeader};
use crate::core::summary::CommuneSummary;
use crate::core::target::TargetResult;
use crate::core::template::Template;
use crate::core::value::FieldState;
use crate::ui::editor::state::before::Befores;
use crate::ui::editor::state::conflict::Conflicts;
use crate::ui::editor::state::field::Field;
use crate::ui::editor::state::grid::GridState;
use crate::ui::editor::state::header::HeaderSignals;
use crate::ui::editor::state::narrative::{LiveFigures, Narrative};
use crate::ui::shared::erased::memo;
use crate::ui::shared::memo_tree::aggregate;

/// The form being edited, shared with every component of the editor.
pub type FormContext = Arc<Form>;

pub struct Form {
    pub template: Arc<Template>,
    /// Counts edits: autosave watches this one signal rather than every field.
    pub edits: RwSignal<u64>,
    /// Values and notes of codes the template no longer has, kept untouched.
    pub(crate) orphans: Report,
    pub fields: FxHashMap<String, Field>,
    pub header: HeaderSignals,
    pub computed: Vec<Memo<Option<f64>>>,
    /// Each of the template's targets, by position.
    pub targets: Vec<Memo<TargetResult>>,
    /// Every message, in row order.
    pub issues: Memo<Vec<Issue>>,
    pub errors: Memo<usize>,
    pub warnings: Memo<usize>,
    /// How many fillable indicators and grid cells have a valid value.
    pub filled: Memo<usize>,
    pub fillable: Memo<usize>,
    /// The grid sections, in page order.
    pub grids: Vec<Arc<GridState>>,
    /// The district summary of rolled-up commune reports (read-only).
    pub commune_summary: Option<Arc<CommuneSummary>>,
    /// The reports before: changes are judged against one, dossiers in
    /// progress carried over from the other.
    pub before: Befores,
    /// Codes of values copied from the period before, not yet edited or
    /// confirmed (`Report::unconfirmed`); the set only shrinks.
    pub unconfirmed: RwSignal<KeySet>,
    /// The report's narrative, when the template has an outline.
    pub narrative: Narrative,
    /// The fields both this copy and another changed, until the clerk chooses.
    pub conflicts: Conflicts,
}

/// Reads a number from the field states a memo depends on, tracking them.
fn reader(
    states: &FxHashMap<String, Memo<FieldState>>,
    codes: &[&String],
) -> Vec<(String, Memo<FieldState>)> {
    codes
        .iter()
        .filter_map(|c| states.get(c.as_str()).map(|m| ((*c).clone(), *m)))
        .collect()
}

fn value_in(deps: &[(String, Memo<FieldState>)], code: &str) -> Option<f64> {
    deps.iter()
        .find(|(c, _)| c == code)
        .and_then(|(_, m)| m.with(FieldState::number))
}

impl Form {
    pub fn new(template: Arc<Template>, report: &Report, own_id: String) -> Form {
        let edits = RwSignal::new(0u64);
        let header = HeaderSignals::new(&report.header);
        // A grid row's name is not a figure to update: never "chưa cập nhật".
        let label_cells: Vec<(String, u32)> = template
            .grids()
            .filter_map(|(section, grid)| {
                grid.columns
                    .get(grid.label_column())
                    .map(|c| (section.id.clone(), c.number))
            })
            .collect();
        let mut copied = report.unconfirmed.clone();
        copied.retain(|code| {
            !label_cells.iter().any(|(section, number)| {
                grid_cell(section, code).is_some_and(|(_, n)| n == *number)
            })
        });
        let unconfirmed = RwSignal::new(copied);
        let before = Befores::new(&own_id, report, header);
        let previous = before.change;
        let orphans = report.orphans(&template);
        let mut raws = FxHashMap::default();
        let mut states = FxHashMap::default();
        for ind in &template.indicators {
            let raw = RwSignal::new(report.value(&ind.code).to_string());
            let kind = ind.kind.clone();
            let state = memo(move || match &kind {
                Some(kind) => raw.with(|text| kind.read(text)),
                None => FieldState::Empty,
            });
            raws.insert(ind.code.clone(), raw);
            states.insert(ind.code.clone(), state);
        }

        let rule_issues: Vec<Memo<Option<Issue>>> = template
            .rules
            .iter()
            .map(|rule| {
                let deps = reader(&states, &rule.codes().collect::<Vec<_>>());
                let rule = rule.clone();
                memo(move || rule.check(&|code| value_in(&deps, code)))
            })
            .collect();
        let by_row = rules_by_row(&template);
        let computed: Vec<Memo<Option<f64>>> = template
            .computed
            .iter()
            .map(|c| {
                let deps = reader(&states, &c.codes());
                let c = c.clone();
                memo(move || c.value(&|code| value_in(&deps, code)))
            })
            .collect();

        let grids: Vec<Arc<GridState>> = template
            .grids()
            .map(|(section, grid)| {
                let annex = annex_of(&template, section).to_string();
                Arc::new(GridState::new(
                    section.clone(),
                    grid.clone(),
                    annex,
                    report,
                    (edits, unconfirmed),
                    &before,
                ))
            })
            .collect();
        // Targets read rows and grid totals, with the batch's `figure_of`.
        let targets: Vec<Memo<TargetResult>> = template
            .targets
            .iter()
            .map(|t| {
                let deps = reader(&states, &t.codes());
                let (t, template, grids) = (t.clone(), template.clone(), grids.clone());
                memo(move || {
                    let filled = |g: usize| grids.get(g).map_or(0, |g| g.filled.get());
                    let sum = |g: usize, i: usize| {
                        Some(grids.get(g)?.totals.get(i).copied().flatten()?.get())
                    };
                    t.result(&|code| {
                        figure_of(&template, code, &|c| value_in(&deps, c), (&filled, &sum))
                    })
                })
            })
            .collect();

        let mut fields = FxHashMap::default();
        for (row, (ind, rules)) in template.indicators.iter().zip(by_row).enumerate() {
            let code = ind.code.clone();
            let state = states[&code];
            let rule_of: Vec<(usize, Memo<Option<Issue>>)> =
                rules.iter().map(|&i| (i, rule_issues[i])).collect();
            let (template, targets) = (template.clone(), targets.clone());
            let issues = memo(move || {
                let rule = |i: usize| {
                    rule_of
                        .iter()
                        .find(|(r, _)| *r == i)
                        .and_then(|(_, m)| m.get())
                };
                let target = |i: usize| targets[i].get();
                state.with(|s| {
                    previous.with(|before| {
                        let code = &template.indicators[row].code;
                        indicator_messages(
                            &template,
                            row,
                            s,
                            (&rules, &rule),
                            before
                                .as_ref()
                                .map(|c| (c.draft.report.value(code), c.label.as_str())),
                            &target,
                        )
                    })
                })
            });
            let note = RwSignal::new(report.notes.get(&code).cloned().unwrap_or_default());
            fields.insert(
                code.clone(),
                Field {
                    raw: raws[&code],
                    note,
                    state,
                    issues,
                    edits,
                },
            );
        }

        // Rows are in page order, each row's list with its errors first.
        let row_issues: Vec<Memo<Vec<Issue>>> = template
            .indicators
            .iter()
            .map(|i| fields[&i.code].issues)
            .collect();
        let indicator_issues = aggregate(
            &row_issues,
            |lists| lists.flat_map(|m| m.get()).collect::<Vec<Issue>>(),
            |lists| lists.flat_map(|m| m.get()).collect::<Vec<Issue>>(),
        );
        let fillable_states: Vec<Memo<FieldState>> =
            template.fillable().map(|i| states[&i.code]).collect();
        let indicator_fillable = fillable_states.len();
        let indicator_filled = aggregate(
            &fillable_states,
            |states| states.filter(|m| m.with(FieldState::is_done)).count(),
            |counts| counts.map(|m| m.get()).sum::<usize>(),
        );
        let live = Arc::new(LiveFigures {
            template: template.clone(),
            states: states.clone(),
            computed: computed.clone(),
            grids: grids.clone(),
            targets: targets.clone(),
        });
        let narrative = Narrative::new(
            report,
            live,
            header.get(HeaderField::Period),
            header.get(HeaderField::Year),
        );
        // The header's messages (an impossible date), from its fields.
        let header_issues = memo(move || {
            header
                .iter()
                .filter_map(|(f, text)| text.with(|t| f.message(t)))
                .collect::<Vec<Issue>>()
        });
        // Every message in the page's order, as the batch puts them.
        let issues = {
            let (template, told, grids, on_totals) = (
                template.clone(),
                narrative.issues,
                grids.clone(),
                targets.clone(),
            );
            memo(move || {
                let results: Vec<TargetResult> = on_totals.iter().map(|m| m.get()).collect();
                header_issues.with(|header| {
                    told.with(|told| {
                        indicator_issues.with(|rows| {
                            in_page_order(
                                header,
                                told,
                                rows,
                                &mut |all| {
                                    for grid in &grids {
                                        grid.issues.with(|list| all.extend_from_slice(list));
                                    }
                                },
                                grid_target_issues(&template, &results),
                            )
                        })
                    })
                })
            })
        };
        let tally = {
            let grids = grids.clone();
            memo(move || {
                let indicators = Tally {
                    filled: indicator_filled.get(),
                    fillable: indicator_fillable,
                };
                grids.iter().fold(indicators, |sum, g| {
                    sum + Tally {
                        filled: g.filled.get(),
                        fillable: g.fillable.get(),
                    }
                })
            })
        };
        let filled = memo(move || tally.get().filled);
        let fillable = memo(move || tally.get().fillable);
        let commune_summary = report.commune_summary.clone().map(Arc::new);
        let errors = memo(move || {
            issues.with(|all| all.iter().filter(|i| i.severity == Severity::Error).count())
        });
        let warnings = memo(move || issues.with(Vec::len) - errors.get());
        Form {
            template,
            edits,
            orphans,
            fields,
            header,
            computed,
            targets,
            issues,
            errors,
            warnings,
            filled,
            fillable,
            grids,
            commune_summary,
            before,
            unconfirmed,
            narrative,
            conflicts: Conflicts::new(),
        }
    }

    /// The value `code` was edited or confirmed: no longer "chưa cập nhật".
    pub fn confirm(&self, code: &str) {
        self.confirm_where(|c| c == code);
    }

    /// Confirms every unconfirmed value whose code `pick` takes.
    pub fn confirm_where(&self, pick: impl Fn(&str) -> bool) {
        if self
            .unconfirmed
            .with_untracked(|s| s.iter().any(|c| pick(c)))
        {
            self.unconfirmed.update(|s| s.retain(|c| !pick(c)));
            self.edits.update(|n| *n += 1);
        }
    }

    /// Whether `code` is still "chưa cập nhật"; `None` when it never was
    /// (no memo for the rows of a draft that is not a copy).
    pub fn stale_mark(&self, code: &str) -> Option<Memo<bool>> {
        let unconfirmed = self.unconfirmed;
        let code = code.to_string();
        unconfirmed
            .with_untracked(|s| s.contains(&code))
            .then(|| memo(move || unconfirmed.with(|s| s.contains(&code))))
    }

    pub fn field(&self, code: &str) -> Option<Field> {
        self.fields.get(code).copied()
    }

    /// The narrative's text of one item, as edited.
    pub fn set_narrative(&self, item: RwSignal<String>, text: String) {
        item.set(text);
        self.edits.update(|n| *n += 1);
    }

    pub fn set_header(&self, field: HeaderField, text: String) {
        self.header_signal(field).set(text);
        // A period and year since 1/7/2025 make it a two-level report: its
        // recipients start as the province's, if none are typed.
        if matches!(field, HeaderField::Period | HeaderField::Year) {
            let header = untrack(|| self.header_value());
            if let Some(recipients) =
                header.two_level_recipients(self.template.recipients.as_deref())
            {
                self.header_signal(HeaderField::Recipients).set(recipients);
            }
        }
        self.edits.update(|n| *n += 1);
    }

    pub fn header_signal(&self, field: HeaderField) -> RwSignal<String> {
        self.header.get(field)
    }

    /// The header as typed, tracking every header field.
    pub fn header_value(&self) -> ReportHeader {
        let mut header = ReportHeader::default();
        for (field, signal) in self.header.iter() {
            header.set(field, signal.get());
        }
        header
    }
}
