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
use crate::core::report::Report;
use crate::core::template::Template;
use crate::core::value::ValueKind;

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
}

/// (numFmtId, fontId, borderId, horizontal, vertical, wrap, quotePrefix) per style.
const XFS: [(u8, u8, u8, &str, &str, bool, bool); 29] = [
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
];

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

fn column(c: usize) -> char {
    (b'A' + c as u8) as char
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
        self.merges.push(format!("<mergeCell ref=\"{}{r}:{}{r}\"/>", column(from), column(to)));
    }

    fn merge_down(&mut self, c: usize, rows: u32) {
        let r = self.row;
        self.merges.push(format!("<mergeCell ref=\"{0}{r}:{0}{1}\"/>", column(c), r + rows - 1));
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

fn sheet_name(template: &Template) -> String {
    let name: String = template.annex.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(31).collect();
    if name.trim().is_empty() {
        "Phụ lục".to_string()
    } else {
        name
    }
}

fn sheet_xml(template: &Template, report: &Report) -> String {
    use Cell::Text;
    let header = &report.header;
    let evaluation = report.evaluate(template);
    let mut sheet = Sheet::default();
    let number = if header.number.trim().is_empty() { "     ".to_string() } else { header.number.trim().to_string() };

    sheet.add(Some(18.0), &[(0, Style::ParentBody, Text(&header.parent_body.to_uppercase())), (2, Style::Nation, Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))]);
    sheet.merge(0, 1);
    sheet.merge(2, 4);
    sheet.add(Some(18.0), &[(0, Style::IssuingBody, Text(&header.unit.to_uppercase())), (2, Style::Motto, Text("Độc lập - Tự do - Hạnh phúc"))]);
    sheet.merge(0, 1);
    sheet.merge(2, 4);
    let number_line = format!("Số: {number}/{}", header.number_suffix.trim());
    sheet.add(Some(20.0), &[(0, Style::NumberLine, Text(&number_line)), (2, Style::PlaceDate, Text(&header.place_and_date()))]);
    sheet.merge(0, 1);
    sheet.merge(2, 4);
    sheet.add(None, &[]);
    sheet.add(Some(18.0), &[(0, Style::AnnexName, Text(&template.annex))]);
    sheet.merge(0, 4);
    let title_lines = lines_for(&template.title, 70.0) as f64;
    sheet.add(Some(LINE_HEIGHT * title_lines + 2.0), &[(0, Style::Title, Text(&template.title))]);
    sheet.merge(0, 4);
    sheet.add(Some(18.0), &[(0, Style::Attached, Text(&header.attachment_line()))]);
    sheet.merge(0, 4);
    sheet.add(Some(18.0), &[(0, Style::Attached, Text(&header.period_line()))]);
    sheet.merge(0, 4);
    let unit_note = template.unit_note.as_ref().map(|u| format!("Đơn vị tính: {u}")).unwrap_or_default();
    sheet.add(None, &[(3, Style::Attached, Text(&unit_note))]);
    sheet.merge(3, 4);

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

    for row in rows(template, report, &evaluation) {
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

    sheet.add(None, &[]);
    let recipients: Vec<&str> = header.recipients.lines().filter(|l| !l.trim().is_empty()).collect();
    sheet.add(Some(18.0), &[(0, Style::RecipientsHead, Text("Nơi nhận:")), (2, Style::SigningCapacity, Text(&header.signing_capacity.to_uppercase()))]);
    sheet.merge(0, 1);
    sheet.merge(2, 4);
    let signer_title = header.signer_title.to_uppercase();
    for i in 0..recipients.len().max(5) {
        let recipient = recipients.get(i).copied().unwrap_or("");
        let mut cells = vec![(0, text_style(recipient, Style::Recipient), Text(recipient))];
        if i == 0 {
            cells.push((2, Style::SigningCapacity, Text(&signer_title)));
        }
        sheet.add(None, &cells);
        sheet.merge(0, 1);
        if i == 0 {
            sheet.merge(2, 4);
        }
    }
    sheet.add(Some(18.0), &[(2, Style::SignerName, Text(&header.signer))]);
    sheet.merge(2, 4);

    let cols: String = COLUMN_WIDTHS
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
            "<dimension ref=\"A1:E{last}\"/>",
            "<sheetViews><sheetView workbookViewId=\"0\" showGridLines=\"0\"/></sheetViews>",
            "<sheetFormatPr defaultRowHeight=\"16.5\"/>",
            "<cols>{cols}</cols><sheetData>{rows}</sheetData>",
            "<mergeCells count=\"{merge_count}\">{merges}</mergeCells>",
            "<printOptions horizontalCentered=\"1\"/>",
            // Decree 30/2020: left 30 mm, right 15 mm, top and bottom 20 mm (in inches).
            "<pageMargins left=\"1.181\" right=\"0.591\" top=\"0.787\" bottom=\"0.787\" header=\"0.3\" footer=\"0.3\"/>",
            "<pageSetup paperSize=\"9\" orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"0\"/>",
            "<headerFooter><oddFooter>&amp;C&amp;\"Times New Roman\"&amp;11Trang &amp;P/&amp;N</oddFooter></headerFooter>",
            "</worksheet>"
        ),
        last = sheet.row,
        cols = cols,
        rows = sheet.rows.concat(),
        merge_count = sheet.merges.len(),
        merges = sheet.merges.concat(),
    )
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

/// The report as an `.xlsx` workbook of one sheet.
pub fn xlsx(template: &Template, report: &Report) -> Vec<u8> {
    let name = sheet_name(template);
    let quoted = escape(&name.replace('\'', "''"));
    let workbook = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<sheets><sheet name=\"{name}\" sheetId=\"1\" r:id=\"rId1\"/></sheets>",
            "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'{quoted}'!${first}:${last}</definedName></definedNames>",
            "</workbook>"
        ),
        name = escape(&name),
        quoted = quoted,
        first = HEAD_FIRST_ROW,
        last = HEAD_FIRST_ROW + 2,
    );
    let content_types = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
        "</Types>"
    );
    let root_rels = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
        "</Relationships>"
    );
    let workbook_rels = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>",
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
        "</Relationships>"
    );
    stored_zip(&[
        ("[Content_Types].xml", content_types.as_bytes().to_vec()),
        ("_rels/.rels", root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes().to_vec()),
        ("xl/styles.xml", styles_xml().into_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml(template, report).into_bytes()),
    ])
}
