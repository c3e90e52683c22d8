//! Report templates: the forms, described as data.
//!
//! A template (JSON, documented in `templates/README.md`, read and checked
//! by `template_file`) lists the rows of a statistical annex, the values
//! computed from them, the rules that tie them together and its grid
//! sections. Everything past loading can trust it: codes are known and
//! options exist. This module knows nothing about reports or the browser.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::grid::Grid;
use super::issue::Issue;
use super::levels::Levels;
use super::outline::Outline;
use super::previous::{change_issue, change_text, ChangeThreshold};
use super::rules::{Computed, Rule};
use super::target::Target;
use super::value::{FieldState, ValueKind};

// ---------------------------------------------------------------------------
// The checked model.

/// One row of an indicator table. A heading has no value of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub code: String,
    pub label: String,
    pub unit: String,
    /// `None` for a heading row.
    pub kind: Option<ValueKind>,
    /// The row this one is a "Trong đó" breakdown of.
    pub part_of: Option<String>,
    /// For a breakdown row: the group of its parent's breakdowns it is in
    /// (`None`: the parent's one default group).
    pub group: Option<String>,
    /// For a parent row: how its breakdown rows relate to it, group by
    /// group. Empty: one default group of `parts`.
    pub breakdown: Vec<BreakdownGroup>,
    /// The first breakdown row under its parent, printed with "Trong đó".
    pub first_part: bool,
    /// When a change from the report before is worth a warning.
    pub change: ChangeThreshold,
}

impl Indicator {
    pub fn is_heading(&self) -> bool {
        self.kind.is_none()
    }
    /// This row's value in `report`, read by its kind.
    pub fn read_in(&self, value: &str) -> FieldState {
        self.kind
            .as_ref()
            .map_or(FieldState::Empty, |k| k.read(value))
    }
    /// The figure of the report before as shown beside this row's field
    /// (its choice's label for a coded answer), and the change to `now`.
    pub fn previous_shown(
        &self,
        before: &str,
        now: &FieldState,
    ) -> Option<(String, Option<String>)> {
        let kind = self.kind.as_ref()?;
        let before = kind.read(before);
        // «Không phát sinh» last time is no figure to compare with.
        if before == FieldState::NoneToReport {
            return None;
        }
        let shown = kind
            .choice_label(&before)
            .or_else(|| kind.display(&before))?;
        let change = match (kind.is_quantity(), now.number(), before.number()) {
            (true, Some(now), Some(before)) => change_text(now, before),
            _ => None,
        };
        Some((shown, change))
    }
    /// The warning when this row's figure changed much since the report
    /// before; only figures that are amounts are compared.
    /// `against` names the report compared with ("cùng kỳ 2023").
    pub fn change_issue(
        &self,
        now: &FieldState,
        before: &FieldState,
        against: &str,
    ) -> Option<Issue> {
        if !self.kind.as_ref().is_some_and(ValueKind::is_quantity) {
            return None;
        }
        change_issue(
            &self.code,
            &self.unit,
            now.number()?,
            before.number()?,
            self.change,
            against,
        )
    }
    /// How deep the row sits in the outline, for indentation: `3.3.1` is 2.
    pub fn depth(&self) -> usize {
        if self.part_of.is_some() {
            return self.code.matches('.').count();
        }
        self.code.trim_end_matches('.').matches('.').count()
    }
}

/// How the "Trong đó" rows of one group relate to their parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakdownKind {
    /// Each row is at most the parent (they may overlap or leave a rest).
    Parts,
    /// The rows add up to the parent exactly (and each is at most it).
    Partition,
}

/// One way of breaking a row down: «theo hình thức trả kết quả».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownGroup {
    /// Empty for the default group (`"breakdown": "partition"`).
    pub id: String,
    pub kind: BreakdownKind,
    /// Words naming the group in messages; may be empty.
    pub label: String,
}

/// One line of a section, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Indicator(usize),
    Computed(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// For a template of several annexes: this section's own "Phụ lục …",
    /// printed with `title` above its table, on its own sheet.
    pub annex: Option<String>,
    pub unit_note: Option<String>,
    /// Printed landscape (wide tables).
    pub landscape: bool,
    pub lines: Vec<Line>,
    /// A grid section has columns and rows instead of indicator lines.
    pub grid: Option<Arc<Grid>>,
}

impl Section {
    /// The annex name and title printed above this section's table.
    pub fn heading<'a>(&'a self, template: &'a Template) -> (&'a str, &'a str) {
        match &self.annex {
            Some(annex) => (annex.as_str(), self.title.as_str()),
            None => (template.annex.as_str(), template.title.as_str()),
        }
    }
}

/// How a template fills one of its grids from its units' reports (a
/// district from its communes, a province from its xã, phường and đặc
/// khu): a row per unit file, column number ← the sum of these indicator
/// codes. Everything that differs between the two is here, as data.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupSpec {
    /// The units' template id the files must have.
    pub from: String,
    /// The grid section that gets a row per unit.
    pub section: String,
    pub columns: Vec<(u32, Vec<String>)>,
    /// Shown to the clerk: how the columns were filled.
    pub note: String,
    /// The kinds of unit accepted ("xã", "phường", "đặc khu", "thị trấn"),
    /// as `core::unit_name` writes them; empty accepts any. A file of a
    /// unit of another recognised kind (a district's) is named and left out.
    pub kinds: Vec<String>,
    /// The units in messages ("đơn vị"); empty for "xã" (see
    /// [`CommuneSummary::noun`](super::summary::CommuneSummary::noun)).
    pub units: String,
    /// The report they are rolled into, in messages: "báo cáo huyện".
    pub to: String,
    /// Subtotals by kind of unit, if the template asks for them.
    pub by_kind: Option<ByKind>,
}

impl RollupSpec {
    /// The units in messages: "xã" unless the template names them.
    pub fn noun(&self) -> &str {
        if self.units.is_empty() {
            "xã"
        } else {
            &self.units
        }
    }
}

/// A fixed grid whose rows add up the unit rows of some kinds: row key →
/// the kinds it gathers. Its columns carry the unit grid's numbers; the
/// `units_column`, if any, counts the units.
#[derive(Debug, Clone, PartialEq)]
pub struct ByKind {
    pub section: String,
    pub units_column: Option<u32>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// Names a draft gives its fields other than values (`draft_fields`): no
/// indicator may have one as its code.
pub const RESERVED_CODES: [&str; 5] = ["name", "author", "previous", "compare", "summary"];

/// What changed in a template's `version` from the version before.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionChange {
    pub version: u32,
    /// Old code → new code.
    pub renamed: Vec<(String, String)>,
    pub added: Vec<String>,
    /// Rows taken out: a draft's values of them are kept, listed at the bottom.
    pub removed: Vec<String>,
}

/// A checked template, ready to fill in.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub description: String,
    pub annex: String,
    pub title: String,
    pub unit_note: Option<String>,
    pub indicators: Vec<Indicator>,
    pub computed: Vec<Computed>,
    pub sections: Vec<Section>,
    pub rules: Vec<Rule>,
    /// The province's targets, checked like rules and listed in the summary.
    pub targets: Vec<Target>,
    pub rollup: Option<RollupSpec>,
    /// The structure of local government the template is for (`None`:
    /// any period), shown on the start screen.
    pub levels: Option<Levels>,
    /// The recipients a two-level report of this template starts with
    /// (`None`: the unit's «UBND tỉnh», «Sở Nội vụ»).
    pub recipients: Option<String>,
    /// The narrative report's sections; empty for an annex alone.
    pub outline: Outline,
    /// The declared changes from each older version (`core::migration`).
    pub changes: Vec<VersionChange>,
    /// The JSON text the template was read from, as it came: a loaded
    /// template is kept, exported as a workbook or put in an edition as
    /// this text.
    pub source: Arc<str>,
    pub(crate) index: FxHashMap<String, usize>,
    /// Each indicator's position on the page, for ordering messages.
    pub(crate) row_position: FxHashMap<String, usize>,
}

impl Template {
    /// Whether a change of this template took the row `code` out: a
    /// migrated draft keeps its value aside, at the bottom of the page.
    pub fn retired(&self, code: &str) -> bool {
        self.indicator(code).is_none()
            && self
                .changes
                .iter()
                .any(|c| c.removed.iter().any(|r| r == code))
    }

    /// The grid of the section `id`, if that section is a grid.
    pub fn grid(&self, id: &str) -> Option<&Arc<Grid>> {
        self.sections
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.grid.as_ref())
    }

    /// The grid and column index a `<section>/total/c<N>` code names: the
    /// total of a summed column, which a target may read. The grid is
    /// counted among the grids (`grids()`), the column among its columns.
    pub fn grid_total(&self, code: &str) -> Option<(usize, usize)> {
        let (section, rest) = code.split_once('/')?;
        let number = rest.strip_prefix("total/c")?.parse::<u32>().ok()?;
        let position = self.grids().position(|(s, _)| s.id == section)?;
        let grid = self.grid(section)?;
        let column = grid
            .column_by_number(number)
            .filter(|&i| grid.columns[i].is_summed())?;
        Some((position, column))
    }

    /// The grid sections, with their ids.
    pub fn grids(&self) -> impl Iterator<Item = (&Section, &Arc<Grid>)> {
        self.sections
            .iter()
            .filter_map(|s| s.grid.as_ref().map(|g| (s, g)))
    }

    /// The position of the indicator `code` in `indicators`.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.index.get(code).map(|&i| &self.indicators[i])
    }

    pub fn kind_of(&self, code: &str) -> Option<&ValueKind> {
        self.indicator(code).and_then(|i| i.kind.as_ref())
    }

    /// The "Trong đó" rows under `parent`, in order.
    pub fn parts_of(&self, parent: &str) -> Vec<String> {
        self.indicators
            .iter()
            .filter(|i| i.part_of.as_deref() == Some(parent))
            .map(|i| i.code.clone())
            .collect()
    }

    /// The "Trong đó" rows under `parent` in its group `group` (`None`:
    /// the default group), in order.
    pub fn parts_in(&self, parent: &str, group: Option<&str>) -> Vec<String> {
        self.indicators
            .iter()
            .filter(|i| i.part_of.as_deref() == Some(parent) && i.group.as_deref() == group)
            .map(|i| i.code.clone())
            .collect()
    }

    /// Indicators that take a value (not headings).
    pub fn fillable(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| !i.is_heading())
    }
}
