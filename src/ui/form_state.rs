//! The report being edited, as fine-grained signals.
//!
//! One signal per typed text, one memo per field state, per rule and per
//! computed value, all built from the core's functions. A keystroke in 3.3.1
//! wakes 3.3.1's memo, the rules and totals that read 3.3.1, and the
//! summary; no other row re-renders. Components read from a [`Form`] and
//! never evaluate rules themselves.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::report::{HeaderField, Report, ReportHeader};
use crate::core::rules::{Issue, Severity};
use crate::core::template::Template;
use crate::core::value::FieldState;

/// One row's editable state.
#[derive(Clone, Copy)]
pub struct Field {
    /// The text as typed: the source of truth.
    pub raw: RwSignal<String>,
    pub note: RwSignal<String>,
    pub state: Memo<FieldState>,
    /// The messages shown beside this row.
    pub issues: Memo<Vec<Issue>>,
}

pub struct Form {
    pub template: Arc<Template>,
    pub fields: HashMap<String, Field>,
    pub header: HashMap<HeaderField, RwSignal<String>>,
    pub computed: Vec<Memo<Option<f64>>>,
    /// Every message, in row order.
    pub issues: Memo<Vec<Issue>>,
    /// How many fillable indicators have a valid value.
    pub filled: Memo<usize>,
    pub fillable: usize,
}

/// Reads a number from the field states a memo depends on, tracking them.
fn reader(states: &HashMap<String, Memo<FieldState>>, codes: &[&String]) -> Vec<(String, Memo<FieldState>)> {
    codes.iter().filter_map(|c| states.get(c.as_str()).map(|m| ((*c).clone(), *m))).collect()
}

fn value_in(deps: &[(String, Memo<FieldState>)], code: &str) -> Option<f64> {
    deps.iter().find(|(c, _)| c == code).and_then(|(_, m)| m.with(FieldState::number))
}

impl Form {
    pub fn new(template: Arc<Template>, report: &Report) -> Form {
        let mut raws = HashMap::new();
        let mut states = HashMap::new();
        for ind in &template.indicators {
            let raw = RwSignal::new(report.value(&ind.code).to_string());
            let kind = ind.kind.clone();
            let state = Memo::new(move |_| match &kind {
                Some(kind) => raw.with(|text| kind.read(text)),
                None => FieldState::Empty,
            });
            raws.insert(ind.code.clone(), raw);
            states.insert(ind.code.clone(), state);
        }

        let rule_issues: Vec<(String, Memo<Option<Issue>>)> = template
            .rules
            .iter()
            .map(|rule| {
                let deps = reader(&states, &rule.codes().collect::<Vec<_>>());
                let rule = rule.clone();
                let at = rule.at.clone();
                (at, Memo::new(move |_| rule.check(&|code| value_in(&deps, code))))
            })
            .collect();
        let computed = template
            .computed
            .iter()
            .map(|c| {
                let deps = reader(&states, &c.codes());
                let c = c.clone();
                Memo::new(move |_| c.value(&|code| value_in(&deps, code)))
            })
            .collect();

        let mut fields = HashMap::new();
        for ind in &template.indicators {
            let code = ind.code.clone();
            let state = states[&code];
            let anchored: Vec<Memo<Option<Issue>>> =
                rule_issues.iter().filter(|(at, _)| *at == code).map(|(_, m)| *m).collect();
            let issue_code = code.clone();
            let issues = Memo::new(move |_| {
                let mut list: Vec<Issue> = state.with(|s| s.issue(&issue_code)).into_iter().collect();
                list.extend(anchored.iter().filter_map(|m| m.get()));
                list
            });
            let note = RwSignal::new(report.notes.get(&code).cloned().unwrap_or_default());
            fields.insert(code.clone(), Field { raw: raws[&code], note, state, issues });
        }

        let row_issues: Vec<Memo<Vec<Issue>>> = template.indicators.iter().map(|i| fields[&i.code].issues).collect();
        let order = template.clone();
        let issues = Memo::new(move |_| {
            let mut all: Vec<Issue> = row_issues.iter().flat_map(|m| m.get()).collect();
            order.sort_issues(&mut all);
            all
        });
        let fillable_states: Vec<Memo<FieldState>> =
            template.fillable().map(|i| states[&i.code]).collect();
        let fillable = fillable_states.len();
        let filled = Memo::new(move |_| fillable_states.iter().filter(|m| m.with(FieldState::is_filled)).count());

        let header = HeaderField::ALL.into_iter().map(|f| (f, RwSignal::new(report.header.get(f)))).collect();
        Form { template, fields, header, computed, issues, filled, fillable }
    }

    pub fn field(&self, code: &str) -> Option<Field> {
        self.fields.get(code).copied()
    }

    pub fn header_signal(&self, field: HeaderField) -> RwSignal<String> {
        // Every HeaderField is inserted in `new`; the fallback only keeps this total.
        self.header.get(&field).copied().unwrap_or_else(|| RwSignal::new(String::new()))
    }

    /// The header as typed, tracking every header field.
    pub fn header_value(&self) -> ReportHeader {
        let mut header = ReportHeader::default();
        for (field, signal) in &self.header {
            header.set(*field, signal.get());
        }
        header
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.issues.with(|all| all.iter().filter(|i| i.severity == severity).count())
    }

    /// The report as it stands, without subscribing to anything.
    pub fn snapshot(&self) -> Report {
        let mut report = Report::new(&self.template);
        for (code, field) in &self.fields {
            report.set_value(code, &field.raw.get_untracked());
            report.set_note(code, &field.note.get_untracked());
        }
        for (field, signal) in &self.header {
            report.header.set(*field, signal.get_untracked());
        }
        report
    }
}
