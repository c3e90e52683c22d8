//! `.xlsx` in the official layout (Decree 30/2020): the header block, the
//! annex title, the table with its (1) (2) … row, the signature block and
//! the recipients; Times New Roman, A4 with the decree's margins, header
//! rows repeated on every page, fitted to the page width.
//!
//! Written directly as SpreadsheetML in a stored zip. rust_xlsxwriter (with
//! its `wasm` feature) was measured at about +245 KB of gzipped wasm, over
//! twice the 120 KB allowed for this export; this writer costs a few KB.
//! Numbers are stored as numbers with built-in formats (`#,##0`, `0.00%`),
//! which a Vietnamese-locale Excel or LibreOffice shows as `1.603`, `99,06%`.

use super::zip::stored_zip;
use super::{looks_like_formula, rows, ExportRow, RowValue};
use crate::core::number::plain_decimal;
use crate::core::eval::{Evaluation, GridEvaluation};
use crate::core::grid::{CellValue, ColumnRole, Grid};
use crate::core::report::{Report, ReportHeader};
use crate::core::summary::{CommuneSummary, SummaryValue};
use crate::core::template::{Section, Template};
use crate::core::vn_text::upper;
use crate::core::value::{FieldState, ValueKind};

/// Cell styles, in the order of `cellXfs` in styles.xml.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Style {
    /// Index 0: the workbook's default style, used by cells we never write.
    #[allow(dead_code)]
    Default,
    ParentBody,
    IssuingBody,
    Nation,
    Motto,
    NumberLine,
    PlaceDate,
    AnnexName,
    Title,
    Attached,
    TableHead,
    ColumnNumber,
    CellText,
    CellHeading,
    CellCenter,
    Count,
    PercentWhole,
    Percent,
    Decimal,
    ComputedCount,
    ComputedPercent,
    ComputedLabel,
    RecipientsHead,
    Recipient,
    SigningCapacity,
    SignerName,
    CellLiteral,
    Code,
    RecipientLiteral,
    /// A total row's figure: bold, and a zero printed "-" as on paper.
    TotalCount,
    TotalLabel,
}

/// (numFmtId, fontId, borderId, horizontal, vertical, wrap, quotePrefix) per style.
const XFS: [(u8, u8, u8, &str, &str, bool, bool); 31] = [
    (0, 0, 0, "", "", false, false),
    (0, 0, 0, "center", "center", true, false),
    (0, 1, 0, "center", "center", true, false),
    (0, 1, 0, "center", "center", false, false),
    (0, 2, 0, "center", "center", false, false),
    (0, 3, 0, "center", "center", false, false),
    (0, 4, 0, "center", "center", false, false),
    (0, 2, 0, "center", "center", false, false),
    (0, 2, 0, "center", "center", true, false),
    (0, 4, 0, "center", "center", true, false),
    (0, 1, 1, "center", "center", true, false),
    (0, 5, 1, "center", "center", false, false),
    (0, 0, 1, "left", "top", true, false),
    (0, 1, 1, "left", "top", true, false),
    (0, 0, 1, "center", "top", true, false),
    (3, 0, 1, "right", "top", false, false),
    (9, 0, 1, "right", "top", false, false),
    (10, 0, 1, "right", "top", false, false),
    (4, 0, 1, "right", "top", false, false),
    (3, 6, 1, "right", "top", false, false),
    (10, 6, 1, "right", "top", false, false),
    (0, 6, 1, "left", "top", true, false),
    (0, 7, 0, "left", "top", false, false),
    (0, 8, 0, "left", "top", true, false),
    (0, 2, 0, "center", "center", true, false),
    (0, 2, 0, "center", "center", false, false),
    (0, 0, 1, "left", "top", true, true),
    (1, 0, 1, "center", "top", false, false),
    (0, 8, 0, "left", "top", true, true),
    (TOTAL_FORMAT, 1, 1, "right", "top", false, false),
    (0, 1, 1, "left", "top", true, false),
];

/// `#,##0;-#,##0;"-"`: a custom format, for total rows.
const TOTAL_FORMAT: u8 = 164;

/// (size, bold, italic) per font; all Times New Roman.
const FONTS: [(u8, bool, bool); 9] =
    [(12, false, false), (12, true, false), (13, true, false), (13, false, false), (13, false, true), (11, false, true), (12, false, true), (12, true, true), (11, false, false)];

const COLUMN_WIDTHS: [f64; 5] = [8.0, 46.0, 16.0, 12.0, 14.0];
/// Rows of the table header, repeated on every printed page.
const HEAD_FIRST_ROW: u32 = 10;
const LINE_HEIGHT: f64 = 16.5;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// The column's letters: A … Z, AA, AB, …
fn column(c: usize) -> String {
    let mut n = c + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push((b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Rows of text estimated for a cell, for row heights.
fn lines_for(text: &str, width_chars: f64) -> usize {
    text.split('\n')
        .map(|line| ((line.chars().count() as f64 * 1.05) / width_chars).ceil().max(1.0) as usize)
        .sum()
}

#[derive(Default)]
struct Sheet {
    rows: Vec<String>,
    merges: Vec<String>,
    row: u32,
}

enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}

impl Sheet {
    /// Adds a row of `(column, style, cell)` and returns its number.
    fn add(&mut self, height: Option<f64>, cells: &[(usize, Style, Cell)]) -> u32 {
        self.row += 1;
        let r = self.row;
        let mut xml = match height {
            Some(h) => format!("<row r=\"{r}\" ht=\"{}\" customHeight=\"1\">", plain_decimal(h)),
            None => format!("<row r=\"{r}\">"),
        };
        for (c, style, cell) in cells {
            let reference = format!("{}{r}", column(*c));
            let s = *style as u8;
            match cell {
                Cell::Text("") => xml.push_str(&format!("<c r=\"{reference}\" s=\"{s}\"/>")),
                Cell::Text(text) => xml.push_str(&format!(
                    "<c r=\"{reference}\" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(text)
                )),
                Cell::Number(n) => xml.push_str(&format!("<c r=\"{reference}\" s=\"{s}\"><v>{}</v></c>", plain_decimal(*n))),
            }
        }
        xml.push_str("</row>");
        self.rows.push(xml);
        r
    }

    fn merge(&mut self, from: usize, to: usize) {
        let r = self.row;
        self.merge_area(from, r, to, r);
    }

    fn merge_down(&mut self, c: usize, rows: u32) {
        let r = self.row;
        self.merge_area(c, r, c, r + rows - 1);
    }

    fn merge_area(&mut self, c1: usize, r1: u32, c2: usize, r2: u32) {
        if c1 != c2 || r1 != r2 {
            self.merges.push(format!("<mergeCell ref=\"{}{r1}:{}{r2}\"/>", column(c1), column(c2)));
        }
    }
}

fn value_cell(row: &ExportRow) -> (Style, Cell<'_>) {
    match &row.value {
        RowValue::Empty => (if row.computed { Style::ComputedCount } else { Style::Count }, Cell::Text("")),
        RowValue::Text(t) if looks_like_formula(t) => (Style::CellLiteral, Cell::Text(t)),
        RowValue::Text(t) => (Style::CellText, Cell::Text(t)),
        RowValue::Number { value, kind } => match kind {
            ValueKind::Percentage { .. } if row.computed => (Style::ComputedPercent, Cell::Number(value / 100.0)),
            ValueKind::Percentage { .. } if value.fract() == 0.0 => (Style::PercentWhole, Cell::Number(value / 100.0)),
            ValueKind::Percentage { .. } => (Style::Percent, Cell::Number(value / 100.0)),
            ValueKind::Decimal { .. } => (Style::Decimal, Cell::Number(*value)),
            ValueKind::YesNo { .. } | ValueKind::Choice { .. } => (Style::Code, Cell::Number(*value)),
            _ if row.computed => (Style::ComputedCount, Cell::Number(*value)),
            _ => (Style::Count, Cell::Number(*value)),
        },
    }
}

/// `normal`, or its literal twin when the text could be taken for a formula.
fn text_style(text: &str, normal: Style) -> Style {
    match (looks_like_formula(text), normal) {
        (true, Style::Recipient) => Style::RecipientLiteral,
        (true, _) => Style::CellLiteral,
        (false, _) => normal,
    }
}

fn sheet_name(annex: &str, taken: &[String]) -> String {
    let name: String = annex.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(28).collect();
    let name = if name.trim().is_empty() { "Phụ lục".to_string() } else { name.trim().to_string() };
    let mut unique = name.clone();
    let mut n = 2;
    while taken.contains(&unique) {
        unique = format!("{name} {n}");
        n += 1;
    }
    unique
}

/// One worksheet: its cells, its columns and how it prints.
struct SheetPart {
    name: String,
    xml: String,
    /// The table's header rows, repeated on every printed page.
    head_rows: (u32, u32),
}

/// Where the left block (issuing body, number) ends in a table of `n` columns.
fn left_block_end(n: usize) -> usize {
    (n * 2 / 5).saturating_sub(1).max(1).min(n.saturating_sub(2))
}

/// Rows 1–9: the Decree 30/2020 header, the annex title and the lines under it.
fn document_top(sheet: &mut Sheet, header: &ReportHeader, annex: &str, title: &str, unit_note: Option<&str>, n: usize, title_width: f64) {
    use Cell::Text;
    let (left, last) = (left_block_end(n), n - 1);
    let number = if header.number.trim().is_empty() { "     ".to_string() } else { header.number.trim().to_string() };
    sheet.add(Some(18.0), &[(0, Style::ParentBody, Text(&upper(&header.parent_body))), (left + 1, Style::Nation, Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))]);
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    sheet.add(Some(18.0), &[(0, Style::IssuingBody, Text(&upper(&header.unit))), (left + 1, Style::Motto, Text("Độc lập - Tự do - Hạnh phúc"))]);
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    let number_line = format!("Số: {number}/{}", header.number_suffix.trim());
    sheet.add(Some(20.0), &[(0, Style::NumberLine, Text(&number_line)), (left + 1, Style::PlaceDate, Text(&header.place_and_date()))]);
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    sheet.add(None, &[]);
    sheet.add(Some(18.0), &[(0, Style::AnnexName, Text(annex))]);
    sheet.merge(0, last);
    let title_lines = lines_for(title, title_width) as f64;
    sheet.add(Some(LINE_HEIGHT * title_lines + 2.0), &[(0, Style::Title, Text(title))]);
    sheet.merge(0, last);
    sheet.add(Some(18.0), &[(0, Style::Attached, Text(&header.attachment_line()))]);
    sheet.merge(0, last);
    sheet.add(Some(18.0), &[(0, Style::Attached, Text(&header.period_line()))]);
    sheet.merge(0, last);
    let unit_note = unit_note.map(|u| format!("Đơn vị tính: {u}")).unwrap_or_default();
    let at = n.saturating_sub(2);
    sheet.add(None, &[(at, Style::Attached, Text(&unit_note))]);
    sheet.merge(at, last);
}

/// "Nơi nhận" on the left, the signing capacity, title and signer on the right.
fn document_bottom(sheet: &mut Sheet, header: &ReportHeader, n: usize) {
    use Cell::Text;
    let (left, last) = (left_block_end(n), n - 1);
    sheet.add(None, &[]);
    let recipients: Vec<&str> = header.recipients.lines().filter(|l| !l.trim().is_empty()).collect();
    sheet.add(Some(18.0), &[(0, Style::RecipientsHead, Text("Nơi nhận:")), (left + 1, Style::SigningCapacity, Text(&upper(&header.signing_capacity)))]);
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    let signer_title = upper(&header.signer_title);
    for i in 0..recipients.len().max(5) {
        let recipient = recipients.get(i).copied().unwrap_or("");
        let mut cells = vec![(0, text_style(recipient, Style::Recipient), Text(recipient))];
        if i == 0 {
            cells.push((left + 1, Style::SigningCapacity, Text(&signer_title)));
        }
        sheet.add(None, &cells);
        sheet.merge(0, left);
        if i == 0 {
            sheet.merge(left + 1, last);
        }
    }
    sheet.add(Some(18.0), &[(left + 1, Style::SignerName, Text(&header.signer))]);
    sheet.merge(left + 1, last);
}

fn worksheet_xml(sheet: &Sheet, widths: &[f64], landscape: bool) -> String {
    let cols: String = widths
        .iter()
        .enumerate()
        .map(|(i, w)| format!("<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>", i + 1, plain_decimal(*w)))
        .collect();
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>",
            "<dimension ref=\"A1:{last_col}{last}\"/>",
            "<sheetViews><sheetView workbookViewId=\"0\" showGridLines=\"0\"/></sheetViews>",
            "<sheetFormatPr defaultRowHeight=\"16.5\"/>",
            "<cols>{cols}</cols><sheetData>{rows}</sheetData>",
            "<mergeCells count=\"{merge_count}\">{merges}</mergeCells>",
            "<printOptions horizontalCentered=\"1\"/>",
            // Decree 30/2020: left 30 mm, right 15 mm, top and bottom 20 mm (in inches).
            "<pageMargins left=\"1.181\" right=\"0.591\" top=\"0.787\" bottom=\"0.787\" header=\"0.3\" footer=\"0.3\"/>",
            "<pageSetup paperSize=\"9\" orientation=\"{orientation}\" fitToWidth=\"1\" fitToHeight=\"0\"/>",
            "<headerFooter><oddFooter>&amp;C&amp;\"Times New Roman\"&amp;11Trang &amp;P/&amp;N</oddFooter></headerFooter>",
            "</worksheet>"
        ),
        last_col = column(widths.len().saturating_sub(1)),
        last = sheet.row,
        cols = cols,
        rows = sheet.rows.concat(),
        merge_count = sheet.merges.len(),
        merges = sheet.merges.concat(),
        orientation = if landscape { "landscape" } else { "portrait" },
    )
}

/// The indicator annex: STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú.
fn indicator_sheet(template: &Template, report: &Report, evaluation: &Evaluation, name: String) -> SheetPart {
    use Cell::Text;
    let header = &report.header;
    let mut sheet = Sheet::default();
    document_top(&mut sheet, header, &template.annex, &template.title, template.unit_note.as_deref(), 5, 70.0);

    // The table header: rows HEAD_FIRST_ROW ..= HEAD_FIRST_ROW + 2.
    sheet.add(Some(48.0), &[
        (0, Style::TableHead, Text("STT")),
        (1, Style::TableHead, Text("Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, 9 tháng, năm)")),
        (2, Style::TableHead, Text("Kết quả thống kê")),
        (3, Style::TableHead, Text("")),
        (4, Style::TableHead, Text("Ghi chú")),
    ]);
    sheet.merge(2, 3);
    sheet.merge_down(0, 2);
    sheet.merge_down(1, 2);
    sheet.merge_down(4, 2);
    sheet.add(Some(20.0), &[
        (0, Style::TableHead, Text("")),
        (1, Style::TableHead, Text("")),
        (2, Style::TableHead, Text("Đơn vị tính")),
        (3, Style::TableHead, Text("Số liệu")),
        (4, Style::TableHead, Text("")),
    ]);
    let numbers: Vec<String> = (1..=5).map(|n| format!("({n})")).collect();
    sheet.add(None, &(0..5).map(|c| (c, Style::ColumnNumber, Text(&numbers[c]))).collect::<Vec<_>>());

    for row in rows(template, report, evaluation) {
        let (value_style, value) = value_cell(&row);
        let label_style = match (row.heading, row.computed) {
            (true, _) => Style::CellHeading,
            (_, true) => Style::ComputedLabel,
            _ => Style::CellText,
        };
        let indent = if row.depth >= 2 && !row.heading { "   " } else { "" };
        let label = format!("{indent}{}", row.label);
        let lines = lines_for(&label, COLUMN_WIDTHS[1])
            .max(lines_for(&row.unit, COLUMN_WIDTHS[2]))
            .max(lines_for(&row.note, COLUMN_WIDTHS[4]));
        sheet.add(Some(LINE_HEIGHT * lines as f64 + 3.0), &[
            (0, Style::CellCenter, Text(&row.stt)),
            (1, label_style, Text(&label)),
            (2, Style::CellCenter, Text(&row.unit)),
            (3, value_style, value),
            (4, text_style(&row.note, Style::CellText), Text(&row.note)),
        ]);
    }
    document_bottom(&mut sheet, header, 5);
    SheetPart { name, xml: worksheet_xml(&sheet, &COLUMN_WIDTHS, false), head_rows: (HEAD_FIRST_ROW, HEAD_FIRST_ROW + 2) }
}

/// A grid annex: nested column headers, the (1) (2) … row, a line per row
/// and the total row, laid out as the official table.
fn grid_sheet(template: &Template, section: &Section, grid: &Grid, evaluation: &GridEvaluation, report: &Report, name: String) -> SheetPart {
    use Cell::{Number, Text};
    let header = &report.header;
    let n = grid.columns.len();
    let (annex, title) = section.heading(template);
    let widths: Vec<f64> = grid.columns.iter().map(|c| c.width.max(4.0)).collect();
    let total_width: f64 = widths.iter().sum();
    let mut sheet = Sheet::default();
    document_top(&mut sheet, header, annex, title, section.unit_note.as_deref(), n, total_width * 0.9);

    let first = sheet.row + 1;
    let depth = grid.head.len() as u32;
    for level in &grid.head {
        let tallest = level.iter().map(|c| lines_for(&c.text, widths[c.first_column..c.first_column + c.colspan].iter().sum())).max().unwrap_or(1);
        // Every cell of the header area is written, so merged areas keep their borders.
        let cells: Vec<(usize, Style, Cell)> = (0..n)
            .map(|c| match level.iter().find(|h| h.first_column == c) {
                Some(h) => (c, Style::TableHead, Text(h.text.as_str())),
                None => (c, Style::TableHead, Text("")),
            })
            .collect();
        let r = sheet.add(Some(LINE_HEIGHT * tallest as f64 + 4.0), &cells);
        for h in level {
            sheet.merge_area(h.first_column, r, h.first_column + h.colspan - 1, r + h.rowspan as u32 - 1);
        }
    }
    let numbers: Vec<String> = grid.columns.iter().map(|c| format!("({})", c.number)).collect();
    sheet.add(None, &(0..n).map(|c| (c, Style::ColumnNumber, Text(&numbers[c]))).collect::<Vec<_>>());
    let head_rows = (first, first + depth);

    let label_column = grid.label_column();
    for row in &evaluation.rows {
        if row.group {
            let r = sheet.add(Some(LINE_HEIGHT * lines_for(&row.label, total_width) as f64 + 3.0), &[
                (0, Style::CellCenter, Text(&row.stt)),
                (1, Style::CellHeading, Text(&upper(&row.label))),
            ]);
            sheet.merge_area(1, r, n - 1, r);
            continue;
        }
        let texts: Vec<String> = grid
            .columns
            .iter()
            .zip(&row.cells)
            .map(|(column, value)| match (&column.role, value) {
                (ColumnRole::Value(kind @ ValueKind::Choice { .. }), CellValue::Typed(state)) => {
                    kind.choice_label(state).unwrap_or_else(|| report.value(&cell_code_of(section, &row.key, column.number)).to_string())
                }
                (ColumnRole::Value(_), CellValue::Typed(FieldState::Text(t))) => t.clone(),
                (ColumnRole::Value(_), CellValue::Typed(FieldState::Invalid(_))) => {
                    report.value(&cell_code_of(section, &row.key, column.number)).to_string()
                }
                _ => String::new(),
            })
            .collect();
        let label = &row.label;
        let height = grid
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| if i == label_column { lines_for(label, widths[i]) } else { lines_for(&texts[i], c.width.max(4.0)) })
            .max()
            .unwrap_or(1);
        let cells: Vec<(usize, Style, Cell)> = grid
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| match (&column.role, &row.cells[i]) {
                (ColumnRole::Stt, _) => (i, Style::CellCenter, Text(row.stt.as_str())),
                (ColumnRole::Label, _) => (i, text_style(label, Style::CellText), Text(label.as_str())),
                (ColumnRole::Sum(_), CellValue::Sum(Some(v))) => (i, Style::ComputedCount, Number(*v)),
                (_, CellValue::Typed(FieldState::Number(v))) if !texts[i].is_empty() => (i, Style::CellText, Text(texts[i].as_str())),
                (ColumnRole::Value(ValueKind::Percentage { .. }), CellValue::Typed(FieldState::Number(v))) => (i, Style::Percent, Number(v / 100.0)),
                (ColumnRole::Value(ValueKind::Decimal { .. }), CellValue::Typed(FieldState::Number(v))) => (i, Style::Decimal, Number(*v)),
                (_, CellValue::Typed(FieldState::Number(v))) => (i, Style::Count, Number(*v)),
                _ => (i, text_style(&texts[i], Style::CellText), Text(texts[i].as_str())),
            })
            .collect();
        sheet.add(Some(LINE_HEIGHT * height as f64 + 3.0), &cells);
    }
    if let Some(total_label) = &grid.total_label {
        let cells: Vec<(usize, Style, Cell)> = grid
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| match (&column.role, evaluation.totals[i]) {
                (ColumnRole::Label, _) => (i, Style::TotalLabel, Text(total_label.as_str())),
                (_, Some(total)) => (i, Style::TotalCount, Number(total)),
                _ => (i, Style::CellText, Text("")),
            })
            .collect();
        sheet.add(Some(LINE_HEIGHT + 3.0), &cells);
    }
    document_bottom(&mut sheet, header, n);
    SheetPart { name, xml: worksheet_xml(&sheet, &widths, section.landscape), head_rows }
}

fn cell_code_of(section: &Section, key: &str, number: u32) -> String {
    crate::core::grid::cell_code(&section.id, key, number)
}

/// The district summary of rolled-up commune reports.
fn summary_sheet(summary: &CommuneSummary, report: &Report, name: String) -> SheetPart {
    use Cell::{Number, Text};
    let header = &report.header;
    let communes = summary.sources.len();
    let mut sheet = Sheet::default();
    let title = format!("TỔNG HỢP CHỈ TIÊU THỐNG KÊ CỦA {communes} XÃ, THỊ TRẤN");
    document_top(&mut sheet, header, "Tổng hợp", &title, None, 5, 70.0);
    let first = sheet.row + 1;
    let heads = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Cách tính"];
    sheet.add(Some(20.0), &(0..5).map(|c| (c, Style::TableHead, Text(heads[c]))).collect::<Vec<_>>());
    for line in &summary.lines {
        let text = line.value.text();
        let detail = line.value.detail(communes);
        let (style, value) = match &line.value {
            SummaryValue::Total { value, decimals: 0, .. } => (Style::Count, Number(*value)),
            SummaryValue::Total { value, .. } => (Style::Decimal, Number(*value)),
            SummaryValue::Rate { value: Some(v), .. } => (Style::Percent, Number(v / 100.0)),
            _ => (Style::CellText, Text(text.as_str())),
        };
        let heading = matches!(line.value, SummaryValue::Heading);
        let unit = line.unit.replace('\n', "; ");
        let lines = lines_for(&line.label, COLUMN_WIDTHS[1]).max(lines_for(&detail, COLUMN_WIDTHS[4])).max(lines_for(&unit, COLUMN_WIDTHS[2]));
        sheet.add(Some(LINE_HEIGHT * lines as f64 + 3.0), &[
            (0, Style::CellCenter, Text(&line.code)),
            (1, if heading { Style::CellHeading } else { Style::CellText }, Text(&line.label)),
            (2, Style::CellCenter, Text(&unit)),
            (3, style, value),
            (4, Style::CellText, Text(&detail)),
        ]);
    }
    document_bottom(&mut sheet, header, 5);
    SheetPart { name, xml: worksheet_xml(&sheet, &COLUMN_WIDTHS, false), head_rows: (first, first) }
}

fn styles_xml() -> String {
    let fonts: String = FONTS
        .iter()
        .map(|(size, bold, italic)| {
            format!(
                "<font>{}{}<sz val=\"{size}\"/><color rgb=\"FF000000\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>",
                if *bold { "<b/>" } else { "" },
                if *italic { "<i/>" } else { "" }
            )
        })
        .collect();
    let xfs: String = XFS
        .iter()
        .map(|(fmt, font, border, h, v, wrap, quote)| {
            let mut align = String::new();
            if !h.is_empty() {
                align.push_str(&format!(" horizontal=\"{h}\""));
            }
            if !v.is_empty() {
                align.push_str(&format!(" vertical=\"{v}\""));
            }
            if *wrap {
                align.push_str(" wrapText=\"1\"");
            }
            format!(
                "<xf numFmtId=\"{fmt}\" fontId=\"{font}\" fillId=\"0\" borderId=\"{border}\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"{}><alignment{align}/></xf>",
                if *quote { " quotePrefix=\"1\"" } else { "" }
            )
        })
        .collect();
    let side = |name: &str| format!("<{name} style=\"thin\"><color auto=\"1\"/></{name}>");
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"#,##0;\\-#,##0;&quot;-&quot;\"/></numFmts>",
            "<fonts count=\"{font_count}\">{fonts}</fonts>",
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>",
            "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>",
            "<border>{l}{r}{t}{b}<diagonal/></border></borders>",
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
            "<cellXfs count=\"{xf_count}\">{xfs}</cellXfs>",
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
            "</styleSheet>"
        ),
        font_count = FONTS.len(),
        fonts = fonts,
        l = side("left"),
        r = side("right"),
        t = side("top"),
        b = side("bottom"),
        xf_count = XFS.len(),
        xfs = xfs,
    )
}

/// The report as an `.xlsx` workbook: one sheet for the indicator annex,
/// one per grid annex, and one for a roll-up's commune summary.
pub fn xlsx(template: &Template, report: &Report) -> Vec<u8> {
    let evaluation = report.evaluate(template);
    let mut parts: Vec<SheetPart> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let take = |annex: &str, names: &mut Vec<String>| {
        let name = sheet_name(annex, names);
        names.push(name.clone());
        name
    };
    if template.sections.iter().any(|s| s.grid.is_none()) {
        let name = take(&template.annex, &mut names);
        parts.push(indicator_sheet(template, report, &evaluation, name));
    }
    for ((section, grid), grid_evaluation) in template.grids().zip(&evaluation.grids) {
        let name = take(section.heading(template).0, &mut names);
        parts.push(grid_sheet(template, section, grid, grid_evaluation, report, name));
    }
    if let Some(summary) = &report.commune_summary {
        let name = take("Tổng hợp xã", &mut names);
        parts.push(summary_sheet(summary, report, name));
    }

    let sheets: String = parts
        .iter()
        .enumerate()
        .map(|(i, p)| format!("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>", escape(&p.name), i + 1, i + 1))
        .collect();
    let titles: String = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">'{}'!${}:${}</definedName>",
                escape(&p.name.replace('\'', "''")),
                p.head_rows.0,
                p.head_rows.1
            )
        })
        .collect();
    let workbook = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<sheets>{sheets}</sheets><definedNames>{titles}</definedNames>",
            "</workbook>"
        ),
        sheets = sheets,
        titles = titles,
    );
    let overrides: String = (1..=parts.len())
        .map(|i| format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        .collect();
    let content_types = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
            "{overrides}",
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
            "</Types>"
        ),
        overrides = overrides
    );
    let root_rels = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
        "</Relationships>"
    );
    let sheet_rels: String = (1..=parts.len())
        .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        .collect();
    let workbook_rels = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
            "{sheet_rels}",
            "<Relationship Id=\"rId{styles}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
            "</Relationships>"
        ),
        sheet_rels = sheet_rels,
        styles = parts.len() + 1
    );
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".to_string(), content_types.into_bytes()),
        ("_rels/.rels".to_string(), root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels".to_string(), workbook_rels.into_bytes()),
        ("xl/styles.xml".to_string(), styles_xml().into_bytes()),
    ];
    for (i, part) in parts.into_iter().enumerate() {
        files.push((format!("xl/worksheets/sheet{}.xml", i + 1), part.xml.into_bytes()));
    }
    stored_zip(&files)
}
