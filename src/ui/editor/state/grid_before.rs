//! A grid against the report before: the carried-over identity in the
//! editor, with the core's own functions (`core::carry`), so that it gives
//! exactly the batch evaluation's message.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::carry::{carried_issue, PreviousGrid};
use crate::core::draft::Draft;
use crate::core::grid::{row_name, CellValue, Grid, RowValues};
use crate::core::issue::Issue;
use crate::core::number::format_vn;
use crate::ui::editor::state::before::Compared;
use crate::ui::editor::state::grid_cells::Cell;
use crate::ui::shared::erased::memo;

/// A report before and its rows, for one grid, with how it is named.
pub type Before = Memo<Option<Arc<(Arc<Draft>, PreviousGrid, String)>>>;

/// The report dossiers are carried over from, with this grid's rows
/// indexed, once per choice of it; named by its title.
pub fn before_of(carry: Memo<Option<Arc<Draft>>>, section: &str, grid: &Arc<Grid>) -> Before {
    indexed(
        move || {
            carry.get().map(|draft| {
                let title = draft.title();
                (draft, title)
            })
        },
        section,
        grid,
    )
}

/// The report figures are compared with, indexed the same way; named as
/// a line begins ("Cùng kỳ 2023").
pub fn compare_of(change: Memo<Option<Compared>>, section: &str, grid: &Arc<Grid>) -> Before {
    indexed(
        move || {
            change.get().map(|c| {
                let title = c.title();
                (c.draft, title)
            })
        },
        section,
        grid,
    )
}

fn indexed(
    report: impl Fn() -> Option<(Arc<Draft>, String)> + Send + Sync + 'static,
    section: &str,
    grid: &Arc<Grid>,
) -> Before {
    let (section, grid) = (section.to_string(), grid.clone());
    Memo::new_with_compare(
        move |_| {
            report().map(|(draft, name)| {
                let rows = PreviousGrid::new(&draft.report, &section, &grid);
                Arc::new((draft, rows, name))
            })
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(&a.0, &b.0) || a.2 != b.2,
            (Some(None), Some(None)) => false,
            _ => true,
        },
    )
}

/// The report before's figure of column `i` in the row continued by `key`
/// (labelled `label`), as the clerk reads it: "1.603".
pub fn previous_text(
    before: Before,
    grid: &Grid,
    key: &str,
    label: &str,
    i: usize,
) -> Option<String> {
    before.with(|b| {
        let (draft, rows, _) = &**b.as_ref()?;
        rows.number(&draft.report, grid, key, label, i)
            .map(|n| format_vn(n, grid.columns.get(i).map_or(0, |c| c.decimals())))
    })
}

/// A row's messages: the core's row evaluation, then the carried-over
/// figure against the report before (as `Report::evaluate_grid_against`).
#[allow(clippy::too_many_arguments)]
pub fn row_issues(
    values: Memo<RowValues>,
    before: Before,
    grid: &Arc<Grid>,
    section: &str,
    key: &Arc<str>,
    annex: &str,
    cells: &Arc<[Option<Cell>]>,
    stt: RwSignal<String>,
    group: bool,
) -> Memo<Vec<Issue>> {
    if group || grid.carried_over.is_none() {
        return memo(move || values.with(|v| v.issues.clone()));
    }
    let (grid, section, key, annex, cells) = (
        grid.clone(),
        section.to_string(),
        key.clone(),
        annex.to_string(),
        cells.clone(),
    );
    memo(move || {
        let mut list = values.with(|v| v.issues.clone());
        let (Some((column, from)), Some(b)) = (grid.carried_over, before.get()) else {
            return list;
        };
        let (draft, rows, title) = &*b;
        let label = match cells.get(grid.label_column()).copied().flatten() {
            Some(cell) => cell.raw.get(),
            None => grid.fixed_label(&key).unwrap_or_default().to_string(),
        };
        let now = values.with(|v| v.cells.get(column).and_then(CellValue::number));
        let was = rows.number(&draft.report, &grid, &key, &label, from);
        list.extend(carried_issue(
            &grid,
            &section,
            &key,
            &|| row_name(&annex, &stt.get(), &label),
            now,
            was,
            title,
        ));
        list
    })
}
