//! The narrative's reactive state: a signal per outline item's text, and a
//! memo per item of its messages. Figures are read from the editor's own
//! memos ([`LiveFigures`]) through the same core functions the batch
//! evaluation uses (`core::narrative`), so a figure in the text follows the
//! annex as it is typed.

use std::sync::Arc;

use leptos::prelude::*;
use rustc_hash::FxHashMap;

use crate::core::figures::{CellTest, Figures, Unknown};
use crate::core::hand_figures::{hand_figures, unmatched};
use crate::core::issue::Issue;
use crate::core::key_set::KeySet;
use crate::core::narrative::{self, Shown};
use crate::core::outline::CLOSING;
use crate::core::period::{parse_year, Period};
use crate::core::report::Report;
use crate::core::target::TargetResult;
use crate::core::template::Template;
use crate::core::value::FieldState;
use crate::ui::editor::state::grid::GridState;
use crate::ui::shared::erased::memo;

/// The editor's memos as a source of figures: its parts, one at a time
/// (reading one inside a memo or view tracks it). The figures themselves
/// are worked out once, by `core::figures`, as the batch's are.
pub struct LiveFigures {
    pub template: Arc<Template>,
    pub states: FxHashMap<String, Memo<FieldState>>,
    pub computed: Vec<Memo<Option<f64>>>,
    pub grids: Vec<Arc<GridState>>,
    pub targets: Vec<Memo<TargetResult>>,
}

impl Figures for LiveFigures {
    fn template(&self) -> &Template {
        &self.template
    }
    fn state(&self, code: &str) -> Option<FieldState> {
        self.states.get(code).map(|m| m.get())
    }
    fn any_state(
        &self,
        covers: &dyn Fn(&str) -> bool,
        test: &mut dyn FnMut(&FieldState) -> bool,
    ) -> bool {
        self.states
            .iter()
            .any(|(code, s)| covers(code) && s.with(|s| test(s)))
    }
    fn computed(&self, i: usize) -> Option<f64> {
        self.computed.get(i)?.get()
    }
    fn grid_filled(&self, g: usize) -> usize {
        self.grids.get(g).map_or(0, |g| g.filled.get())
    }
    fn grid_sum(&self, g: usize, i: usize) -> Option<f64> {
        Some(self.grids.get(g)?.totals.get(i).copied().flatten()?.get())
    }
    fn grid_cell(&self, g: usize, key: &str, i: usize) -> Result<Option<f64>, Unknown> {
        let grid = self.grids.get(g).ok_or(Unknown)?;
        grid.rows.with(|rows| {
            rows.iter()
                .find(|r| &*r.key == key)
                .map(|r| r.number(i))
                .ok_or(Unknown)
        })
    }
    fn grid_rows(&self, g: usize, cell: Option<CellTest<'_>>) -> usize {
        let Some(grid) = self.grids.get(g) else {
            return 0;
        };
        grid.rows.with(|rows| {
            let rows = rows.iter().filter(|r| !r.group);
            match cell {
                None => rows.count(),
                Some((i, keep)) => rows
                    .filter(|r| r.cell(i).is_some_and(|c| keep(&c.state())))
                    .count(),
            }
        })
    }
    fn target_result(&self, i: usize) -> Option<TargetResult> {
        Some(self.targets.get(i)?.get())
    }
}

/// The narrative being written.
pub struct Narrative {
    /// Each written item's text, by item id, in outline order.
    pub texts: Vec<(String, RwSignal<String>)>,
    /// Each written item's messages, by item id.
    pub item_issues: FxHashMap<String, Memo<Vec<Issue>>>,
    /// All of them, in outline order.
    pub issues: Memo<Vec<Issue>>,
    /// Whether the clerk has begun it: until then it is not checked, and
    /// paper shows the annex alone.
    pub started: Memo<bool>,
    pub live: Arc<LiveFigures>,
    /// Hand-typed figures the clerk dismissed, by `HandFigure::key`.
    pub dismissed: RwSignal<KeySet>,
    /// Every figure of the report, for the hand-typed ones to be compared with.
    pub numbers: Memo<Vec<f64>>,
    /// Items the clerk left out of this report (`Report::left_out`).
    pub left_out: RwSignal<KeySet>,
    /// Each outline item's heading as printed, by its place in the
    /// outline, empty when not printed: items left out are not and the
    /// rest are numbered on (`Outline::printed`).
    pub headings: Memo<Vec<String>>,
    /// The closing paragraph («Trên đây là báo cáo …»).
    pub closing: RwSignal<String>,
}

impl Narrative {
    pub fn new(
        report: &Report,
        live: Arc<LiveFigures>,
        period: RwSignal<String>,
        year: RwSignal<String>,
    ) -> Narrative {
        let template = live.template.clone();
        let texts: Vec<(String, RwSignal<String>)> = template
            .outline
            .written()
            .map(|item| {
                (
                    item.id.clone(),
                    RwSignal::new(report.narrative.get(&item.id).cloned().unwrap_or_default()),
                )
            })
            .collect();
        let signals: Vec<RwSignal<String>> = texts.iter().map(|(_, s)| *s).collect();
        let left_out = RwSignal::new(report.left_out.clone());
        let started = memo(move || {
            signals
                .iter()
                .any(|s| s.with(|t| narrative::started(std::iter::once(t.as_str()))))
        });
        let item_issues: FxHashMap<String, Memo<Vec<Issue>>> = template
            .outline
            .written()
            .zip(texts.iter())
            .map(|(item, (id, text))| {
                let text = *text;
                let (item, live) = (item.clone(), live.clone());
                let memo = memo(move || {
                    if !started.get() {
                        return Vec::new();
                    }
                    let period = Period::from_key(&period.get()).unwrap_or_default();
                    // An item left out is not checked (as `checked_if` has it).
                    if item.optional_in(period) && left_out.with(|l| l.contains(&item.id)) {
                        return Vec::new();
                    }
                    let year = year.with(|y| parse_year(y).ok());
                    text.with(|t| narrative::item_issues(&item, t, period, year, &*live))
                });
                (id.clone(), memo)
            })
            .collect();
        let in_order: Vec<Memo<Vec<Issue>>> = texts
            .iter()
            .filter_map(|(id, _)| item_issues.get(id).copied())
            .collect();
        let issues = memo(move || {
            in_order
                .iter()
                .flat_map(|m| m.get())
                .collect::<Vec<Issue>>()
        });
        let dismissed = RwSignal::new(report.dismissed.clone());
        let numbers = {
            let live = live.clone();
            memo(move || live.numbers())
        };
        let headings = {
            let template = template.clone();
            memo(move || {
                let period = Period::from_key(&period.get()).unwrap_or_default();
                let outline = &template.outline;
                let mut headings = vec![String::new(); outline.items.len()];
                left_out.with(|l| {
                    let printed = outline.printed(period, &|id| l.contains(id));
                    for (item, heading) in printed {
                        if let Some(at) = outline.items.iter().position(|i| i.id == item.id) {
                            headings[at] = heading;
                        }
                    }
                });
                headings
            })
        };
        let closing = RwSignal::new(report.narrative.get(CLOSING).cloned().unwrap_or_default());
        Narrative {
            texts,
            item_issues,
            issues,
            started,
            live,
            dismissed,
            numbers,
            left_out,
            headings,
            closing,
        }
    }

    /// The hand-typed figures of item `id` that equal no figure of the
    /// report and were not dismissed, as its text and the annex change.
    /// Their words ("11 hồ sơ"): a memo of plain strings, whose code the
    /// wasm has already.
    pub fn hints(&self, id: &str) -> Memo<Vec<String>> {
        let (text, numbers, dismissed, id) =
            (self.text(id), self.numbers, self.dismissed, id.to_string());
        memo(move || {
            let Some(text) = text else { return Vec::new() };
            // The report's numbers are gathered only for a text with
            // hand-typed figures: most have none, and a 10.000-cell grid's
            // totals would otherwise all be computed as it opens.
            let typed = text.with(|t| hand_figures(t));
            if typed.is_empty() {
                return Vec::new();
            }
            let mut left = numbers.with(|n| unmatched(typed, n));
            dismissed.with(|d| left.retain(|h| !d.contains(&h.key(&id))));
            left.into_iter().map(|h| h.text).collect()
        })
    }

    /// The text of item `id`, or of the closing paragraph.
    pub fn text(&self, id: &str) -> Option<RwSignal<String>> {
        if id == CLOSING {
            return Some(self.closing);
        }
        self.texts.iter().find(|(i, _)| i == id).map(|(_, s)| *s)
    }

    /// The texts the draft keeps: each item's, then the closing paragraph's.
    fn all_texts(&self) -> impl Iterator<Item = (&str, RwSignal<String>)> {
        self.texts
            .iter()
            .map(|(id, s)| (id.as_str(), *s))
            .chain(std::iter::once((CLOSING, self.closing)))
    }

    /// What a figure's token shows now, tracking what it reads.
    pub fn show(&self, token: &str) -> Shown {
        narrative::show(token, &*self.live)
    }

    /// Shows `report`'s texts (another copy merged in).
    pub fn show_merged(&self, report: &Report) {
        for (id, text) in self.all_texts() {
            let merged = report.narrative.get(id).map_or("", String::as_str);
            if text.with_untracked(|t| t.trim() != merged.trim()) {
                text.set(merged.to_string());
                crate::browser::text_field::show_text(id, merged);
            }
        }
        if self.dismissed.with_untracked(|d| *d != report.dismissed) {
            self.dismissed.set(report.dismissed.clone());
        }
        if self.left_out.with_untracked(|l| *l != report.left_out) {
            self.left_out.set(report.left_out.clone());
        }
    }

    /// Writes the texts into `report`; `None` once the editor is gone.
    pub fn try_write(&self, report: &mut Report) -> Option<()> {
        for (id, text) in self.all_texts() {
            let text = text.try_get_untracked()?;
            if text.trim().is_empty() {
                report.narrative.remove(id);
            } else {
                report.narrative.insert(id.to_string(), text);
            }
        }
        report.dismissed = self.dismissed.try_get_untracked()?;
        report.left_out = self.left_out.try_get_untracked()?;
        Some(())
    }
}
