//! The annexes of the .docx, each from the one row model of
//! `export::table`: the heading lines, "Đơn vị tính", and the table with
//! its merged nested headers and (1) (2) … row repeated on every page.

use super::xml::{
    paragraph, row, run, table, Align, Cell, Look, BOLD, ITALIC, LINE, PLAIN, TEXT_WIDTH,
    TEXT_WIDTH_WIDE,
};
use crate::core::eval::{Evaluation, GridEvaluation};
use crate::core::export::table::{grid_lines, rows, total_line, Value};
use crate::core::grid::{ColumnRole, Grid};
use crate::core::report::Report;
use crate::core::template::{Section, Template};
use crate::core::vn_text::upper;

/// The indicator annex's columns, in parts of its width: STT, Chỉ tiêu,
/// Đơn vị tính, Số liệu, Ghi chú (as the .xlsx).
const INDICATOR_PARTS: [u32; 5] = [8, 46, 16, 12, 14];

fn split(width: u32, parts: &[f64]) -> Vec<u32> {
    let total: f64 = parts.iter().sum::<f64>().max(1.0);
    parts
        .iter()
        .map(|p| (f64::from(width) * p / total) as u32)
        .collect()
}

/// "Phụ lục 01b", the title, "(Kèm theo Báo cáo số …)", the period and the unit.
pub fn heading(annex: &str, title: &str, unit_note: Option<&str>, report: &Report) -> String {
    let mut out = paragraph(LINE.centered(), &run(annex, BOLD));
    out += &paragraph(LINE.centered(), &run(&upper(title), BOLD));
    out += &paragraph(
        LINE.centered(),
        &run(&report.header.attachment_line(), ITALIC),
    );
    out += &paragraph(LINE.centered(), &run(&report.header.period_line(), ITALIC));
    if let Some(note) = unit_note {
        out += &paragraph(
            LINE.aligned(Align::Right),
            &run(&format!("Đơn vị tính: {note}"), ITALIC.sized(12.0)),
        );
    }
    out
}

fn text_cell(width: u32, text: &str, look: Look, align: Align) -> Cell {
    Cell::new(width, paragraph(LINE.aligned(align), &run(text, look)))
}

fn value_align(value: &Value) -> Align {
    match value {
        Value::Text(_) | Value::Empty => Align::Left,
        Value::NoneToReport => Align::Center,
        _ => Align::Right,
    }
}

/// The (1) (2) … row under the headers.
fn numbers_row(widths: &[u32], numbers: impl Iterator<Item = u32>, size: f32) -> String {
    let cells: Vec<Cell> = widths
        .iter()
        .zip(numbers)
        .map(|(w, n)| text_cell(*w, &format!("({n})"), ITALIC.sized(size), Align::Center))
        .collect();
    row(&cells, true)
}

/// The indicator annex: STT | Chỉ tiêu | Kết quả thống kê (Đơn vị tính, Số liệu) | Ghi chú.
pub fn indicator_table(template: &Template, report: &Report, evaluation: &Evaluation) -> String {
    let w = split(TEXT_WIDTH, &INDICATOR_PARTS.map(f64::from));
    let size = 12.0;
    let head = BOLD.sized(size);
    let merged = |width: u32, text: &str, opens: bool| Cell {
        merge: Some(opens),
        ..text_cell(width, if opens { text } else { "" }, head, Align::Center)
    };
    let mut body = row(
        &[
            merged(w[0], "STT", true),
            merged(w[1], "Chỉ tiêu thống kê", true),
            Cell {
                span: 2,
                ..text_cell(w[2] + w[3], "Kết quả thống kê", head, Align::Center)
            },
            merged(w[4], "Ghi chú", true),
        ],
        true,
    );
    body += &row(
        &[
            merged(w[0], "", false),
            merged(w[1], "", false),
            text_cell(w[2], "Đơn vị tính", head, Align::Center),
            text_cell(w[3], "Số liệu", head, Align::Center),
            merged(w[4], "", false),
        ],
        true,
    );
    body += &numbers_row(&w, 1..=5, size);
    for line in rows(template, report, evaluation) {
        let label_look = match (line.heading, line.computed) {
            (true, _) => BOLD.sized(size),
            (_, true) => ITALIC.sized(size),
            _ => PLAIN.sized(size),
        };
        let value = line.value.text();
        body += &row(
            &[
                text_cell(w[0], &line.stt, PLAIN.sized(size), Align::Center),
                text_cell(w[1], &line.label, label_look, Align::Left),
                text_cell(w[2], &line.unit, PLAIN.sized(size - 1.0), Align::Center),
                text_cell(
                    w[3],
                    &value,
                    if line.computed {
                        ITALIC.sized(size)
                    } else {
                        PLAIN.sized(size)
                    },
                    value_align(&line.value),
                ),
                text_cell(w[4], &line.note, PLAIN.sized(size - 1.0), Align::Left),
            ],
            false,
        );
    }
    table(&w, &body, true)
}

/// A grid annex: its nested headers merged as on paper, a line per row,
/// and the total row.
pub fn grid_table(
    section: &Section,
    grid: &Grid,
    evaluation: &GridEvaluation,
    report: &Report,
) -> String {
    let n = grid.columns.len();
    let width = if section.landscape {
        TEXT_WIDTH_WIDE
    } else {
        TEXT_WIDTH
    };
    let parts: Vec<f64> = grid.columns.iter().map(|c| c.width.max(4.0)).collect();
    let w = split(width, &parts);
    let size = if n > 9 { 10.0 } else { 11.0 };
    let head = BOLD.sized(size);
    let spanned = |first: usize, span: usize| w[first..(first + span).min(n)].iter().sum::<u32>();
    // Which header cell covers each place of the header area.
    let depth = grid.head.len();
    let mut body = String::new();
    for (level, cells) in grid.head.iter().enumerate() {
        let mut out = Vec::new();
        let mut c = 0;
        while c < n {
            if let Some(h) = cells.iter().find(|h| h.first_column == c) {
                let opens = (h.rowspan > 1).then_some(true);
                out.push(Cell {
                    span: h.colspan,
                    merge: opens,
                    ..text_cell(spanned(c, h.colspan), &h.text, head, Align::Center)
                });
                c += h.colspan.max(1);
                continue;
            }
            // Under a cell of a level above that spans down to here.
            let above = grid.head[..level].iter().enumerate().find_map(|(l, row)| {
                row.iter()
                    .find(|h| h.first_column == c && l + h.rowspan > level)
            });
            match above {
                Some(h) => {
                    out.push(Cell {
                        span: h.colspan,
                        merge: Some(false),
                        ..Cell::new(spanned(c, h.colspan), String::new())
                    });
                    c += h.colspan.max(1);
                }
                None => {
                    out.push(Cell::new(w[c], String::new()));
                    c += 1;
                }
            }
        }
        body += &row(&out, true);
    }
    if depth > 0 {
        body += &numbers_row(&w, grid.columns.iter().map(|c| c.number), size);
    }
    let plain = PLAIN.sized(size);
    for line in grid_lines(&section.id, grid, evaluation, report) {
        if line.group {
            let rest = w[1..].iter().sum();
            body += &row(
                &[
                    text_cell(w[0], &line.stt, BOLD.sized(size), Align::Center),
                    Cell {
                        span: n - 1,
                        ..text_cell(rest, &upper(&line.label), BOLD.sized(size), Align::Left)
                    },
                ],
                false,
            );
            continue;
        }
        let cells: Vec<Cell> = grid
            .columns
            .iter()
            .zip(&line.cells)
            .zip(&w)
            .map(|((column, value), width)| match &column.role {
                ColumnRole::Stt => text_cell(*width, &line.stt, plain, Align::Center),
                ColumnRole::Label => text_cell(*width, &line.label, plain, Align::Left),
                _ => text_cell(*width, &value.text(), plain, value_align(value)),
            })
            .collect();
        body += &row(&cells, false);
    }
    if let (Some(label), Some(totals)) = (&grid.total_label, total_line(grid, evaluation)) {
        let cells: Vec<Cell> = grid
            .columns
            .iter()
            .zip(&totals)
            .zip(&w)
            .map(|((column, total), width)| match &column.role {
                ColumnRole::Label => text_cell(*width, label, BOLD.sized(size), Align::Center),
                _ => text_cell(*width, &total.text(), BOLD.sized(size), Align::Right),
            })
            .collect();
        body += &row(&cells, false);
    }
    table(&w, &body, true)
}
