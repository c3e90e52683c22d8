//! One evaluation: what the editor's fine-grained state shows equals the
//! batch evaluation (`Report::evaluate`, used by exports, the draft list and
//! import) of the same report.
//!
//! Each case opens a generated report of a shipped template in the
//! editor's state (`ui::form_state::Form`, natively: memos need no
//! browser), then types into fields and cells, adds, removes, restores and
//! moves grid rows. The same edits are applied to a plain `Report`. At the
//! end the editor's report must be that report, and every value, computed
//! value, row, total, message (in order) and count the editor shows must
//! be what the batch evaluation gives.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use bieumau::core::catalog::builtin_template;
use bieumau::core::draft::Draft;
use bieumau::core::eval::{compared_label, Before, EvaluatedFigures};
use bieumau::core::grid::{cell_code, is_group_key, ColumnRole, Grid};
use bieumau::core::hand_figures::{hand_figures, unmatched};
use bieumau::core::narrative::{pieces, show, Figures, Piece};
use bieumau::core::report::{HeaderField, Report};
use bieumau::core::template::{Section, Template};
use bieumau::ui::editor::state::form::Form;
use leptos::prelude::*;
use proptest::prelude::*;

const TEXTS: &[&str] = &[
    "",
    "",
    "0",
    "5",
    "7",
    "1.603",
    "12,5",
    "99,06",
    "100",
    "-3",
    "abc",
    "1e400",
    " 8 ",
    "2",
    "1",
    "Có",
    "Tư pháp",
];

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(TEXTS).prop_map(str::to_string)
}

/// Narrative texts: figures of every form, known and unknown, slips of period.
const NARRATIVE: &[&str] = &[
    "",
    "Không có.",
    "Tiếp nhận {3.3.1} hồ sơ, đúng hẹn {3.3.2} = {3.3.2/3.3.1}; tỷ lệ {3.3.2.ty-le-dung-hen}.",
    "Kế hoạch: {1.1}; {1.4.2}; {9.9}.",
    "Chín tháng đầu năm 2023, so với năm 2018, trong năm 2018.",
    "Hồ sơ: {pl5/total/c5} và {pl6/total/c3}; dòng {pl5/1/c5}; {pl5/total/c2}.",
    "Nhiệm vụ {tien-do/count/c4=1}/{tien-do/count}, chưa làm {tien-do/count/c4=Chưa triển khai}.",
    "{bieu06/total/c3} {(3)} {a/b/c/d}",
    "Quá hạn 11 hồ sơ = 0,68 %; 5 hồ sơ, 7 người, 12,5 %, 1.603 hồ sơ, 100 %.",
    "{muc-tieu:dung-hen}; {muc-tieu:tre-han-huyen}; {muc-tieu:tre-han-xa}; {muc-tieu:khong-co}",
];

/// Dates as clerks type them, and impossible ones (a message of the header).
const DATES: &[&str] = &[
    "",
    "15/12/2023",
    "15122023",
    "31/02/2024",
    "15/13/2023",
    "ngày rằm",
];

#[derive(Debug, Clone)]
enum Op {
    Date(usize),
    Narrative(usize, usize),
    Field(usize, String),
    Note(usize, String),
    Cell {
        grid: usize,
        row: usize,
        column: usize,
        text: String,
    },
    AddRow {
        grid: usize,
        group: bool,
    },
    RemoveRow {
        grid: usize,
        row: usize,
    },
    Undo {
        grid: usize,
    },
    Move {
        grid: usize,
        row: usize,
        down: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => any::<usize>().prop_map(Op::Date),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, t)| Op::Narrative(i, t)),
        3 => (any::<usize>(), text()).prop_map(|(i, t)| Op::Field(i, t)),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Op::Note(i, t)),
        4 => (any::<usize>(), any::<usize>(), any::<usize>(), text())
            .prop_map(|(grid, row, column, text)| Op::Cell { grid, row, column, text }),
        2 => (any::<usize>(), prop::bool::weighted(0.2)).prop_map(|(grid, group)| Op::AddRow { grid, group }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(grid, row)| Op::RemoveRow { grid, row }),
        1 => any::<usize>().prop_map(|grid| Op::Undo { grid }),
        1 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(grid, row, down)| Op::Move { grid, row, down }),
    ]
}

/// A generated starting report: some indicator values, and for each
/// editable grid a list of rows with some cells typed.
fn start(template: &Template, values: &[String], rows: usize) -> Report {
    let mut report = Report::new(template);
    report.header.year = "2023".into();
    for (ind, text) in template.fillable().zip(values.iter().cycle()) {
        report.set_value(&ind.code, text);
    }
    for (n, (section, grid)) in template.grids().enumerate() {
        let mut keys: Vec<String> = Vec::new();
        if grid.is_editable() {
            for r in 0..rows {
                let key = Grid::next_key(&keys, r % 5 == 4);
                keys.push(key);
            }
            report.rows.insert(section.id.clone(), keys.clone());
        } else {
            keys = report.row_keys(&section.id, grid);
        }
        for (r, key) in keys.iter().enumerate() {
            for (i, column) in grid.columns.iter().enumerate() {
                if grid.is_typed(i) && !is_group_key(key)
                    || matches!(column.role, ColumnRole::Label) && grid.is_editable()
                {
                    let text = &values[(r * 7 + i * 3 + n) % values.len()];
                    report.set_value(&cell_code(&section.id, key, column.number), text);
                }
            }
        }
    }
    report
}

/// A row taken out: its place, key and cells, for undo.
type Removed = (usize, String, Vec<(String, String)>);

/// The edits on a plain report, as the editor makes them.
struct Model {
    report: Report,
    /// Per grid section: the last row taken out that had text, for undo.
    removed: Vec<Option<Removed>>,
}

/// The model's row list of an editable grid, and the place `row` picks in it.
fn listed_row<'a>(
    model: &'a mut Model,
    (section, grid): (&Section, &Arc<Grid>),
    row: usize,
) -> Option<(&'a mut Vec<String>, usize)> {
    let keys = model.report.rows.get_mut(&section.id)?;
    if !grid.is_editable() || keys.is_empty() {
        return None;
    }
    let at = row % keys.len();
    Some((keys, at))
}

fn apply(template: &Template, form: &Form, model: &mut Model, op: &Op) {
    let fields: Vec<_> = template.indicators.iter().collect();
    let grids: Vec<_> = template.grids().collect();
    match op {
        Op::Date(n) => {
            let text = DATES[n % DATES.len()].to_string();
            form.set_header(HeaderField::Date, text.clone());
            model.report.header.set(HeaderField::Date, text);
        }
        Op::Narrative(..) if form.narrative.texts.is_empty() => {}
        Op::Narrative(item, text) => {
            let (id, signal) = &form.narrative.texts[item % form.narrative.texts.len()];
            let text = NARRATIVE[text % NARRATIVE.len()];
            signal.set(text.to_string());
            if text.is_empty() {
                model.report.narrative.remove(id);
            } else {
                model.report.narrative.insert(id.clone(), text.to_string());
            }
        }
        Op::Field(..) | Op::Note(..) if fields.is_empty() => {}
        Op::Field(i, text) => {
            let ind = fields[i % fields.len()];
            form.field(&ind.code).unwrap().set_raw(text.clone());
            model.report.set_value(&ind.code, text);
        }
        Op::Note(i, text) => {
            let ind = fields[i % fields.len()];
            form.field(&ind.code).unwrap().set_note(text.clone());
            model.report.set_note(&ind.code, text);
        }
        _ if grids.is_empty() => {}
        Op::Cell {
            grid,
            row,
            column,
            text,
        } => {
            let g = grid % grids.len();
            let (section, spec) = grids[g];
            let state = &form.grids[g];
            let rows = state.rows.get_untracked();
            if rows.is_empty() {
                return;
            }
            let row = &rows[row % rows.len()];
            let i = column % spec.columns.len();
            if let Some(cell) = row.cell(i) {
                cell.set_raw(text.clone());
                model.report.set_value(
                    &cell_code(&section.id, &row.key, spec.columns[i].number),
                    text,
                );
            }
        }
        Op::AddRow { grid, group } => {
            let g = grid % grids.len();
            let (section, spec) = grids[g];
            if !spec.is_editable() {
                return;
            }
            let key = form.grids[g].add_row(*group);
            model
                .report
                .rows
                .get_or_default(section.id.clone())
                .push(key);
        }
        Op::RemoveRow { grid, row } => {
            let g = grid % grids.len();
            let section = grids[g].0;
            let Some((keys, at)) = listed_row(model, grids[g], *row) else {
                return;
            };
            let key = keys.remove(at);
            form.grids[g].remove_row(&key);
            let prefix = format!("{}/{key}/", section.id);
            let cells: Vec<(String, String)> = model
                .report
                .values
                .iter()
                .filter(|(c, _)| c.starts_with(&prefix))
                .map(|(c, t)| (c.clone(), t.clone()))
                .collect();
            for (code, _) in &cells {
                model.report.values.remove(code);
            }
            let has_text = cells.iter().any(|(_, t)| !t.trim().is_empty());
            model.removed[g] = has_text.then_some((at, key, cells));
        }
        Op::Undo { grid } => {
            let g = grid % grids.len();
            let (section, _) = grids[g];
            form.grids[g].undo_remove();
            if let Some((at, key, cells)) = model.removed[g].take() {
                let keys = model.report.rows.get_or_default(section.id.clone());
                keys.insert(at.min(keys.len()), key);
                for (code, text) in cells {
                    model.report.values.insert(code, text);
                }
            }
        }
        Op::Move { grid, row, down } => {
            let g = grid % grids.len();
            let Some((keys, at)) = listed_row(model, grids[g], *row) else {
                return;
            };
            let key = keys[at].clone();
            let to = if *down {
                at as isize + 1
            } else {
                at as isize - 1
            };
            let moved = form.grids[g].move_row(&key, if *down { 1 } else { -1 });
            let in_range = to >= 0 && (to as usize) < keys.len();
            assert_eq!(moved, in_range, "move of row {key}");
            if in_range {
                keys.swap(at, to as usize);
            }
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// What the editor shows equals the batch evaluation of its report.
fn assert_same(template: &Template, form: &Form, report: &Report, previous: Option<&Draft>) {
    let title = previous.map(Draft::title).unwrap_or_default();
    let against = previous
        .map(|d| compared_label(&report.header, &d.report.header))
        .unwrap_or_default();
    let before = Before {
        change: previous.map(|d| (&d.report, against.as_str())),
        carry: previous.map(|d| (&d.report, title.as_str())),
    };
    let batch = report.evaluate_against(template, before);
    for ind in template.fillable() {
        let shown = form.field(&ind.code).unwrap().state.get_untracked();
        assert_eq!(
            Some(&shown),
            batch.states.get(&ind.code),
            "state of {}",
            ind.code
        );
    }
    let computed: Vec<Option<f64>> = form.computed.iter().map(|m| m.get_untracked()).collect();
    assert_eq!(computed, batch.computed, "computed values");
    let targets: Vec<_> = form.targets.iter().map(|m| m.get_untracked()).collect();
    assert_eq!(targets, batch.targets, "targets");
    for (g, grid) in form.grids.iter().enumerate() {
        let expected = &batch.grids[g];
        let rows = grid.rows.get_untracked();
        let keys: Vec<String> = rows.iter().map(|r| r.key.to_string()).collect();
        let batch_keys: Vec<&String> = expected.rows.iter().map(|r| &r.key).collect();
        assert_eq!(
            keys.iter().collect::<Vec<_>>(),
            batch_keys,
            "rows of {}",
            grid.section.id
        );
        for (row, want) in rows.iter().zip(&expected.rows) {
            let values = row.values.get_untracked();
            assert_eq!(row.stt.get_untracked(), want.stt, "STT of row {}", row.key);
            assert_eq!(values.cells, want.cells, "cells of row {}", row.key);
            // The row's own evaluation, then (against the report before) the carried-over figure.
            assert!(
                want.issues.starts_with(&values.issues),
                "messages of row {}",
                row.key
            );
            assert_eq!(
                row.issues.get_untracked(),
                want.issues,
                "messages of row {}",
                row.key
            );
            for (i, sum) in row.sums.iter().enumerate() {
                if let Some(sum) = sum {
                    assert_eq!(
                        sum.get_untracked(),
                        want.cells[i].number(),
                        "sum ({}) of row {}",
                        i + 1,
                        row.key
                    );
                }
            }
        }
        for (i, total) in grid.totals.iter().enumerate() {
            match (total, expected.totals[i]) {
                (Some(memo), Some(want)) => assert!(
                    close(memo.get_untracked(), want),
                    "total of column {}",
                    i + 1
                ),
                (None, None) => {}
                (shown, want) => panic!(
                    "column {}: total shown {:?}, batch {want:?}",
                    i + 1,
                    shown.map(|m| m.get_untracked())
                ),
            }
        }
        assert_eq!(
            grid.issues.get_untracked(),
            expected.issues,
            "messages of {}",
            grid.section.id
        );
        assert_eq!(grid.filled.get_untracked(), expected.filled);
        assert_eq!(grid.fillable.get_untracked(), expected.fillable);
    }
    // Every figure the narrative shows is the batch's.
    let source = EvaluatedFigures {
        template,
        evaluation: &batch,
    };
    for token in NARRATIVE.iter().flat_map(|t| pieces(t)).filter_map(|p| {
        if let Piece::Figure(t) = p {
            Some(t)
        } else {
            None
        }
    }) {
        assert_eq!(
            form.narrative.show(token),
            show(token, &source),
            "figure {{{token}}}"
        );
    }
    assert_eq!(
        form.narrative.started.get_untracked(),
        !report.narrative.is_empty()
    );
    // Hand-typed figures are compared with the same figures of the report.
    let (live, batch_numbers) = (form.narrative.numbers.get_untracked(), source.numbers());
    for text in NARRATIVE {
        assert_eq!(
            unmatched(hand_figures(text), &live),
            unmatched(hand_figures(text), &batch_numbers),
            "hand-typed figures of {text:?}"
        );
    }
    assert_eq!(
        form.issues.get_untracked(),
        batch.issues,
        "every message, in order"
    );
    assert_eq!(form.filled.get_untracked(), batch.filled, "filled count");
    assert_eq!(
        form.fillable.get_untracked(),
        batch.fillable,
        "fillable count"
    );
    assert_eq!(
        form.errors.get_untracked(),
        batch.count(bieumau::core::issue::Severity::Error)
    );
}

/// Runs `ops` in the editor's state; with `previous` figures, the draft is
/// compared with a stored draft holding them, as after "So sánh với".
fn run(template_id: &str, values: Vec<String>, rows: usize, ops: Vec<Op>, previous: Vec<String>) {
    let template = Arc::new(builtin_template(template_id).unwrap());
    let owner = Owner::new();
    owner.with(|| {
        let mut report = start(&template, &values, rows);
        let before = (!previous.is_empty()).then(|| {
            let mut draft = Draft::new("ky-truoc".into(), &template, 1.0);
            draft.report = start(&template, &previous, rows);
            report.predecessor = Some(draft.id.clone());
            report.compare_with = Some(draft.id.clone());
            draft
        });
        let form = Form::new(template.clone(), &report, "ban-nhap".into());
        form.before
            .stored
            .set(before.iter().cloned().map(Arc::new).collect());
        let previous = before.as_ref();
        assert_same(&template, &form, &report, previous);
        let mut model = Model {
            report,
            removed: vec![None; template.grids().count()],
        };
        for op in &ops {
            apply(&template, &form, &mut model, op);
        }
        let shown = form.try_snapshot().unwrap();
        assert_eq!(
            shown.values, model.report.values,
            "typed values after the edits"
        );
        assert_eq!(shown.notes, model.report.notes, "notes after the edits");
        assert_eq!(shown.rows, model.report.rows, "row lists after the edits");
        assert_eq!(
            shown.predecessor, model.report.predecessor,
            "the report carried over from"
        );
        assert_eq!(
            shown.compare_with, model.report.compare_with,
            "the report compared with"
        );
        assert_eq!(
            shown.narrative, model.report.narrative,
            "the narrative after the edits"
        );
        assert_same(&template, &form, &shown, previous);
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn commune_annex_editor_equals_batch(
        values in prop::collection::vec(text(), 1..40),
        ops in prop::collection::vec(op(), 0..60),
        previous in prop::collection::vec(text(), 0..40),
    ) {
        run("xa-01b", values, 0, ops, previous);
    }

    #[test]
    fn district_grids_editor_equals_batch(
        values in prop::collection::vec(text(), 1..40),
        rows in 0usize..12,
        ops in prop::collection::vec(op(), 0..80),
        previous in prop::collection::vec(text(), 0..40),
    ) {
        run("huyen-cchc", values, rows, ops, previous);
    }

    #[test]
    fn fixed_grid_editor_equals_batch(
        values in prop::collection::vec(text(), 1..40),
        ops in prop::collection::vec(op(), 0..60),
        previous in prop::collection::vec(text(), 0..40),
    ) {
        run("bieu-06", values, 0, ops, previous);
    }
}

#[test]
fn copied_values_stay_marked_until_edited_or_confirmed() {
    let template = Arc::new(builtin_template("huyen-cchc").unwrap());
    Owner::new().with(|| {
        let mut report = start(&template, &["5".to_string()], 2);
        for code in report.values.keys() {
            report.unconfirmed.insert(code.clone());
        }
        let form = Form::new(template.clone(), &report, "ban-sao".into());
        let marked = form.unconfirmed.get_untracked();
        assert!(
            marked
                .iter()
                .all(|c| !c.ends_with("/c2") || !c.starts_with("pl")),
            "row names are never marked: {marked:?}"
        );
        let first = marked.iter().next().cloned().unwrap();
        let mark = form.stale_mark(&first).unwrap();
        assert!(mark.get_untracked());
        form.confirm(&first);
        assert!(!mark.get_untracked());
        form.confirm_where(|c| c.starts_with("pl5/"));
        let left = form.try_snapshot().unwrap().unconfirmed;
        assert!(
            !left.contains(&first) && left.iter().all(|c| !c.starts_with("pl5/")),
            "{left:?}"
        );
        assert_eq!(
            left.len(),
            marked.len()
                - 1
                - marked
                    .iter()
                    .filter(|c| c.starts_with("pl5/") && **c != first)
                    .count()
        );
    });
}
