//! The tables of the workbook, each from the one row model of
//! `export::table`: the indicator annex, each grid annex, and a roll-up's
//! commune summary.

use super::sheet::{
    document_bottom, document_top, lines_for, text_style, worksheet_xml, Cell, Sheet, SheetPart,
    COLUMN_WIDTHS, HEAD_FIRST_ROW, LINE_HEIGHT,
};
use super::styles::Style;
use crate::core::eval::{Evaluation, GridEvaluation};
use crate::core::export::table::{grid_lines, rows, total_line, Value, NONE_TO_REPORT_MARK};
use crate::core::grid::{ColumnRole, Grid};
use crate::core::report::Report;
use crate::core::summary::{CommuneSummary, SummaryValue};
use crate::core::template::{Section, Template};
use crate::core::value::ValueKind;
use crate::core::vn_text::upper;

/// How a value is written: its style and its cell. One mapping for annex
/// lines, grid cells and totals, from the one row model.
fn value_cell(value: &Value) -> (Style, Cell<'_>) {
    match value {
        Value::Empty => (Style::Count, Cell::Text("")),
        Value::Text(t) => (text_style(t, Style::CellText), Cell::Text(t)),
        Value::NoneToReport => (Style::CellCenter, Cell::Text(NONE_TO_REPORT_MARK)),
        Value::Number { value, kind } => match kind {
            ValueKind::Percentage { .. } if value.fract() == 0.0 => {
                (Style::PercentWhole, Cell::Number(value / 100.0))
            }
            ValueKind::Percentage { .. } => (Style::Percent, Cell::Number(value / 100.0)),
            ValueKind::Decimal { .. } => (Style::Decimal, Cell::Number(*value)),
            ValueKind::YesNo { .. } | ValueKind::Choice { .. } => {
                (Style::Code, Cell::Number(*value))
            }
            _ => (Style::Count, Cell::Number(*value)),
        },
        Value::Computed {
            value,
            kind: ValueKind::Percentage { .. },
        } => (Style::ComputedPercent, Cell::Number(value / 100.0)),
        Value::Computed { value, .. } => (Style::ComputedCount, Cell::Number(*value)),
        Value::Total { value, .. } => (Style::TotalCount, Cell::Number(*value)),
    }
}

/// The indicator annex: STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú.
pub(super) fn indicator_sheet(
    template: &Template,
    report: &Report,
    evaluation: &Evaluation,
    name: String,
) -> SheetPart {
    use Cell::Text;
    let header = &report.header;
    let mut sheet = Sheet::default();
    document_top(
        &mut sheet,
        header,
        &template.annex,
        &template.title,
        template.unit_note.as_deref(),
        5,
        70.0,
    );

    // The table header: rows HEAD_FIRST_ROW ..= HEAD_FIRST_ROW + 2.
    sheet.add(
        Some(48.0),
        &[
            (0, Style::TableHead, Text("STT")),
            (
                1,
                Style::TableHead,
                Text(
                    "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, 9 tháng, năm)",
                ),
            ),
            (2, Style::TableHead, Text("Kết quả thống kê")),
            (3, Style::TableHead, Text("")),
            (4, Style::TableHead, Text("Ghi chú")),
        ],
    );
    sheet.merge(2, 3);
    sheet.merge_down(0, 2);
    sheet.merge_down(1, 2);
    sheet.merge_down(4, 2);
    sheet.add(
        Some(20.0),
        &[
            (0, Style::TableHead, Text("")),
            (1, Style::TableHead, Text("")),
            (2, Style::TableHead, Text("Đơn vị tính")),
            (3, Style::TableHead, Text("Số liệu")),
            (4, Style::TableHead, Text("")),
        ],
    );
    let numbers: Vec<String> = (1..=5).map(|n| format!("({n})")).collect();
    sheet.add(
        None,
        &(0..5)
            .map(|c| (c, Style::ColumnNumber, Text(&numbers[c])))
            .collect::<Vec<_>>(),
    );

    for row in rows(template, report, evaluation) {
        let (value_style, value) = value_cell(&row.value);
        let label_style = match (row.heading, row.computed) {
            (true, _) => Style::CellHeading,
            (_, true) => Style::ComputedLabel,
            _ => Style::CellText,
        };
        let indent = if row.depth >= 2 && !row.heading {
            "   "
        } else {
            ""
        };
        let label = format!("{indent}{}", row.label);
        let lines = lines_for(&label, COLUMN_WIDTHS[1])
            .max(lines_for(&row.unit, COLUMN_WIDTHS[2]))
            .max(lines_for(&row.note, COLUMN_WIDTHS[4]));
        sheet.add(
            Some(LINE_HEIGHT * lines as f64 + 3.0),
            &[
                (0, Style::CellCenter, Text(&row.stt)),
                (1, label_style, Text(&label)),
                (2, Style::CellCenter, Text(&row.unit)),
                (3, value_style, value),
                (4, text_style(&row.note, Style::CellText), Text(&row.note)),
            ],
        );
    }
    document_bottom(&mut sheet, header, 5);
    SheetPart {
        name,
        xml: worksheet_xml(&sheet, &COLUMN_WIDTHS, false),
        head_rows: (HEAD_FIRST_ROW, HEAD_FIRST_ROW + 2),
    }
}

/// A grid annex: nested column headers, the (1) (2) … row, a line per row
/// and the total row, laid out as the official table.
pub(super) fn grid_sheet(
    template: &Template,
    section: &Section,
    grid: &Grid,
    evaluation: &GridEvaluation,
    report: &Report,
    name: String,
) -> SheetPart {
    use Cell::Text;
    let header = &report.header;
    let n = grid.columns.len();
    let (annex, title) = section.heading(template);
    let widths: Vec<f64> = grid.columns.iter().map(|c| c.width.max(4.0)).collect();
    let total_width: f64 = widths.iter().sum();
    let mut sheet = Sheet::default();
    document_top(
        &mut sheet,
        header,
        annex,
        title,
        section.unit_note.as_deref(),
        n,
        total_width * 0.9,
    );

    let first = sheet.row + 1;
    let depth = grid.head.len() as u32;
    for level in &grid.head {
        let tallest = level
            .iter()
            .map(|c| {
                lines_for(
                    &c.text,
                    widths[c.first_column..c.first_column + c.colspan]
                        .iter()
                        .sum(),
                )
            })
            .max()
            .unwrap_or(1);
        // Every cell of the header area is written, so merged areas keep their borders.
        let cells: Vec<(usize, Style, Cell)> = (0..n)
            .map(|c| match level.iter().find(|h| h.first_column == c) {
                Some(h) => (c, Style::TableHead, Text(h.text.as_str())),
                None => (c, Style::TableHead, Text("")),
            })
            .collect();
        let r = sheet.add(Some(LINE_HEIGHT * tallest as f64 + 4.0), &cells);
        for h in level {
            sheet.merge_area(
                h.first_column,
                r,
                h.first_column + h.colspan - 1,
                r + h.rowspan as u32 - 1,
            );
        }
    }
    let numbers: Vec<String> = grid
        .columns
        .iter()
        .map(|c| format!("({})", c.number))
        .collect();
    sheet.add(
        None,
        &(0..n)
            .map(|c| (c, Style::ColumnNumber, Text(&numbers[c])))
            .collect::<Vec<_>>(),
    );
    let head_rows = (first, first + depth);

    let label_column = grid.label_column();
    for row in grid_lines(&section.id, grid, evaluation, report) {
        if row.group {
            let r = sheet.add(
                Some(LINE_HEIGHT * lines_for(&row.label, total_width) as f64 + 3.0),
                &[
                    (0, Style::CellCenter, Text(&row.stt)),
                    (1, Style::CellHeading, Text(&upper(&row.label))),
                ],
            );
            sheet.merge_area(1, r, n - 1, r);
            continue;
        }
        let texts: Vec<String> = row
            .cells
            .iter()
            .map(|v| {
                if let Value::Text(t) = v {
                    t.clone()
                } else {
                    String::new()
                }
            })
            .collect();
        let label = &row.label;
        let height = grid
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == label_column {
                    lines_for(label, widths[i])
                } else {
                    lines_for(&texts[i], c.width.max(4.0))
                }
            })
            .max()
            .unwrap_or(1);
        let cells: Vec<(usize, Style, Cell)> = grid
            .columns
            .iter()
            .zip(&row.cells)
            .enumerate()
            .map(|(i, (column, value))| match &column.role {
                ColumnRole::Stt => (i, Style::CellCenter, Text(row.stt.as_str())),
                ColumnRole::Label => (i, text_style(label, Style::CellText), Text(label.as_str())),
                _ => {
                    let (style, cell) = value_cell(value);
                    (i, style, cell)
                }
            })
            .collect();
        sheet.add(Some(LINE_HEIGHT * height as f64 + 3.0), &cells);
    }
    if let (Some(total_label), Some(totals)) = (&grid.total_label, total_line(grid, evaluation)) {
        let cells: Vec<(usize, Style, Cell)> = grid
            .columns
            .iter()
            .zip(&totals)
            .enumerate()
            .map(|(i, (column, total))| match (&column.role, total) {
                (ColumnRole::Label, _) => (i, Style::TotalLabel, Text(total_label.as_str())),
                (_, Value::Empty) => (i, Style::CellText, Text("")),
                (_, total) => {
                    let (style, cell) = value_cell(total);
                    (i, style, cell)
                }
            })
            .collect();
        sheet.add(Some(LINE_HEIGHT + 3.0), &cells);
    }
    document_bottom(&mut sheet, header, n);
    SheetPart {
        name,
        xml: worksheet_xml(&sheet, &widths, section.landscape),
        head_rows,
    }
}

/// The district summary of rolled-up commune reports.
pub(super) fn summary_sheet(summary: &CommuneSummary, report: &Report, name: String) -> SheetPart {
    use Cell::{Number, Text};
    let header = &report.header;
    let communes = summary.sources.len();
    let mut sheet = Sheet::default();
    let title = summary.title();
    document_top(&mut sheet, header, "Tổng hợp", &title, None, 5, 70.0);
    let first = sheet.row + 1;
    let heads = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Cách tính"];
    sheet.add(
        Some(20.0),
        &(0..5)
            .map(|c| (c, Style::TableHead, Text(heads[c])))
            .collect::<Vec<_>>(),
    );
    for line in &summary.lines {
        let text = line.value.text(summary.noun());
        let detail = line.value.detail(communes, summary.noun());
        let (style, value) = match &line.value {
            SummaryValue::Total {
                value, decimals: 0, ..
            } => (Style::Count, Number(*value)),
            SummaryValue::Total { value, .. } => (Style::Decimal, Number(*value)),
            SummaryValue::Rate { value: Some(v), .. } => (Style::Percent, Number(v / 100.0)),
            _ => (Style::CellText, Text(text.as_str())),
        };
        let heading = matches!(line.value, SummaryValue::Heading);
        let unit = line.unit.replace('\n', "; ");
        let lines = lines_for(&line.label, COLUMN_WIDTHS[1])
            .max(lines_for(&detail, COLUMN_WIDTHS[4]))
            .max(lines_for(&unit, COLUMN_WIDTHS[2]));
        sheet.add(
            Some(LINE_HEIGHT * lines as f64 + 3.0),
            &[
                (0, Style::CellCenter, Text(&line.code)),
                (
                    1,
                    if heading {
                        Style::CellHeading
                    } else {
                        Style::CellText
                    },
                    Text(&line.label),
                ),
                (2, Style::CellCenter, Text(&unit)),
                (3, style, value),
                (4, Style::CellText, Text(&detail)),
            ],
        );
    }
    document_bottom(&mut sheet, header, 5);
    SheetPart {
        name,
        xml: worksheet_xml(&sheet, &COLUMN_WIDTHS, false),
        head_rows: (first, first),
    }
}
