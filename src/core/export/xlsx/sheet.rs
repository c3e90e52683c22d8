//! A worksheet being written: rows of styled cells, merged areas, and the
//! Decree 30/2020 blocks above and below every table (the issuing body and
//! national motto, the annex title, "Nơi nhận" and the signature).

use super::super::looks_like_formula;
use super::styles::Style;
use crate::core::number::plain_decimal;
use crate::core::report::ReportHeader;
use crate::core::vn_text::upper;

pub(super) const COLUMN_WIDTHS: [f64; 5] = [8.0, 46.0, 16.0, 12.0, 14.0];
/// Rows of the table header, repeated on every printed page.
pub(super) const HEAD_FIRST_ROW: u32 = 10;
pub(super) const LINE_HEIGHT: f64 = 16.5;

pub(super) use crate::core::export::xml_escape as escape;

/// The column's letters: A … Z, AA, AB, …
pub(super) fn column(c: usize) -> String {
    let mut n = c + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push((b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Rows of text estimated for a cell, for row heights.
pub(super) fn lines_for(text: &str, width_chars: f64) -> usize {
    text.split('\n')
        .map(|line| {
            ((line.chars().count() as f64 * 1.05) / width_chars)
                .ceil()
                .max(1.0) as usize
        })
        .sum()
}

#[derive(Default)]
pub(super) struct Sheet {
    pub(super) rows: Vec<String>,
    pub(super) merges: Vec<String>,
    pub(super) row: u32,
}

pub(super) enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}

impl Sheet {
    /// Adds a row of `(column, style, cell)` and returns its number.
    pub(super) fn add(&mut self, height: Option<f64>, cells: &[(usize, Style, Cell)]) -> u32 {
        self.row += 1;
        let r = self.row;
        let mut xml = match height {
            Some(h) => format!(
                "<row r=\"{r}\" ht=\"{}\" customHeight=\"1\">",
                plain_decimal(h)
            ),
            None => format!("<row r=\"{r}\">"),
        };
        for (c, style, cell) in cells {
            let reference = format!("{}{r}", column(*c));
            let s = style.index();
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

    pub(super) fn merge(&mut self, from: usize, to: usize) {
        let r = self.row;
        self.merge_area(from, r, to, r);
    }

    pub(super) fn merge_down(&mut self, c: usize, rows: u32) {
        let r = self.row;
        self.merge_area(c, r, c, r + rows - 1);
    }

    pub(super) fn merge_area(&mut self, c1: usize, r1: u32, c2: usize, r2: u32) {
        if c1 != c2 || r1 != r2 {
            self.merges.push(format!(
                "<mergeCell ref=\"{}{r1}:{}{r2}\"/>",
                column(c1),
                column(c2)
            ));
        }
    }
}

/// `normal`, or its literal twin when the text could be taken for a formula.
pub(super) fn text_style(text: &str, normal: Style) -> Style {
    match (looks_like_formula(text), normal) {
        (true, Style::Recipient) => Style::RecipientLiteral,
        (true, _) => Style::CellLiteral,
        (false, _) => normal,
    }
}

pub(super) fn sheet_name(annex: &str, taken: &[String]) -> String {
    let name: String = annex
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let name = if name.trim().is_empty() {
        "Phụ lục".to_string()
    } else {
        name.trim().to_string()
    };
    let mut unique = name.clone();
    let mut n = 2;
    while taken.contains(&unique) {
        unique = format!("{name} {n}");
        n += 1;
    }
    unique
}

/// One worksheet: its cells, its columns and how it prints.
pub(super) struct SheetPart {
    pub(super) name: String,
    pub(super) xml: String,
    /// The table's header rows, repeated on every printed page.
    pub(super) head_rows: (u32, u32),
}

/// Where the left block (issuing body, number) ends in a table of `n` columns.
pub(super) fn left_block_end(n: usize) -> usize {
    (n * 2 / 5)
        .saturating_sub(1)
        .max(1)
        .min(n.saturating_sub(2))
}

/// Rows 1–9: the Decree 30/2020 header, the annex title and the lines under it.
pub(super) fn document_top(
    sheet: &mut Sheet,
    header: &ReportHeader,
    annex: &str,
    title: &str,
    unit_note: Option<&str>,
    n: usize,
    title_width: f64,
) {
    use Cell::Text;
    let (left, last) = (left_block_end(n), n - 1);
    let number = if header.number.trim().is_empty() {
        "     ".to_string()
    } else {
        header.number.trim().to_string()
    };
    sheet.add(
        Some(18.0),
        &[
            (0, Style::ParentBody, Text(&upper(&header.parent_body))),
            (
                left + 1,
                Style::Nation,
                Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ),
        ],
    );
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    sheet.add(
        Some(18.0),
        &[
            (0, Style::IssuingBody, Text(&upper(&header.unit))),
            (left + 1, Style::Motto, Text("Độc lập - Tự do - Hạnh phúc")),
        ],
    );
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    let number_line = format!("Số: {number}/{}", header.number_suffix.trim());
    sheet.add(
        Some(20.0),
        &[
            (0, Style::NumberLine, Text(&number_line)),
            (left + 1, Style::PlaceDate, Text(&header.place_and_date())),
        ],
    );
    sheet.merge(0, left);
    sheet.merge(left + 1, last);
    sheet.add(None, &[]);
    sheet.add(Some(18.0), &[(0, Style::AnnexName, Text(annex))]);
    sheet.merge(0, last);
    let title_lines = lines_for(title, title_width) as f64;
    sheet.add(
        Some(LINE_HEIGHT * title_lines + 2.0),
        &[(0, Style::Title, Text(title))],
    );
    sheet.merge(0, last);
    sheet.add(
        Some(18.0),
        &[(0, Style::Attached, Text(&header.attachment_line()))],
    );
    sheet.merge(0, last);
    sheet.add(
        Some(18.0),
        &[(0, Style::Attached, Text(&header.period_line()))],
    );
    sheet.merge(0, last);
    let unit_note = unit_note
        .map(|u| format!("Đơn vị tính: {u}"))
        .unwrap_or_default();
    let at = n.saturating_sub(2);
    sheet.add(None, &[(at, Style::Attached, Text(&unit_note))]);
    sheet.merge(at, last);
}

/// "Nơi nhận" on the left, the signing capacity, title and signer on the right.
pub(super) fn document_bottom(sheet: &mut Sheet, header: &ReportHeader, n: usize) {
    use Cell::Text;
    let (left, last) = (left_block_end(n), n - 1);
    sheet.add(None, &[]);
    let recipients: Vec<&str> = header
        .recipients
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    sheet.add(
        Some(18.0),
        &[
            (0, Style::RecipientsHead, Text("Nơi nhận:")),
            (
                left + 1,
                Style::SigningCapacity,
                Text(&upper(&header.signing_capacity)),
            ),
        ],
    );
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
    sheet.add(
        Some(18.0),
        &[(left + 1, Style::SignerName, Text(&header.signer))],
    );
    sheet.merge(left + 1, last);
}

/// The `<col>` elements of a sheet's column widths (in characters), each
/// with the style `style_of` gives its empty cells, if any (what a clerk
/// types there takes it).
pub(super) fn cols_xml(widths: &[f64], style_of: &dyn Fn(usize) -> Option<Style>) -> String {
    widths
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let style = style_of(i)
                .map(|s| format!(" style=\"{}\"", s.index()))
                .unwrap_or_default();
            format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{1}\"{style} customWidth=\"1\"/>",
                i + 1,
                plain_decimal(*w)
            )
        })
        .collect()
}

pub(super) fn worksheet_xml(sheet: &Sheet, widths: &[f64], landscape: bool) -> String {
    let cols = cols_xml(widths, &|_| None);
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
            // Decree 30 and the .docx: the page number at the top, centred, from page 2.
            "<headerFooter differentFirst=\"1\"><oddHeader>&amp;C&amp;\"Times New Roman\"&amp;13&amp;P</oddHeader><firstHeader></firstHeader></headerFooter>",
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
