//! A plain workbook of tables: each sheet a row of headings, optionally a
//! row of notes under them, then rows of text and numbers, with drop-down
//! lists (`<dataValidations>` of type `list`). The template workbook
//! (`core::template_book`) is written with it; the package, styles and
//! shared strings are the report `.xlsx`'s own.

use super::package::package;
use super::sheet::{cols_xml, column, escape, text_style, Cell, Sheet};
use super::styles::Style;

/// One cell of a [`BookSheet`]; an empty text is an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub enum BookCell {
    Text(String),
    Number(f64),
}

/// A drop-down list on the cells of `column` (from 0), rows `rows.0` to
/// `rows.1` as the sheet numbers them (from 1).
#[derive(Debug, Clone, PartialEq)]
pub struct ListCheck {
    pub column: usize,
    pub rows: (u32, u32),
    pub choices: Vec<String>,
}

/// One sheet: `rows[0]` are the headings, and, when `head_rows` is 2,
/// `rows[1]` the notes under them (small italic); the rest is data.
#[derive(Debug, Clone, PartialEq)]
pub struct BookSheet {
    pub name: String,
    pub widths: Vec<f64>,
    pub head_rows: usize,
    /// The columns (from 0) whose cells below the headings, empty ones
    /// too, keep what is typed as text (`Style::TypedText`).
    pub text_columns: Vec<usize>,
    pub rows: Vec<Vec<BookCell>>,
    pub lists: Vec<ListCheck>,
}

/// A list's formula: `"a,b,c"`, quotes doubled, as XML text.
fn list_formula(choices: &[String]) -> String {
    let joined = choices.join(",").replace('"', "\"\"");
    escape(&format!("\"{joined}\""))
}

fn worksheet(book: &BookSheet) -> String {
    let mut sheet = Sheet::default();
    for (r, row) in book.rows.iter().enumerate() {
        let cells: Vec<(usize, Style, Cell)> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let typed = book.text_columns.contains(&c);
                let style = |normal| match r {
                    0 => Style::TableHead,
                    1 if book.head_rows > 1 => Style::HeadNote,
                    _ if typed => Style::TypedText,
                    _ => normal,
                };
                // In a text column (`@`) a text that looks like a formula
                // is already shown as typed.
                match cell {
                    BookCell::Text(text) => (
                        c,
                        style(text_style(text, Style::CellText)),
                        Cell::Text(text),
                    ),
                    BookCell::Number(n) => (c, style(Style::CellText), Cell::Number(*n)),
                }
            })
            .collect();
        sheet.add(None, &cells);
    }
    let text_column = |c| book.text_columns.contains(&c).then_some(Style::TypedText);
    let cols = cols_xml(&book.widths, &text_column);
    let validations: String = book
        .lists
        .iter()
        .map(|list| {
            let c = column(list.column);
            format!(
                "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"Giá trị không có trong danh sách\" error=\"Hãy chọn một giá trị trong danh sách.\" sqref=\"{c}{}:{c}{}\"><formula1>{}</formula1></dataValidation>",
                list.rows.0,
                list.rows.1,
                list_formula(&list.choices)
            )
        })
        .collect();
    let validations = if book.lists.is_empty() {
        String::new()
    } else {
        format!(
            "<dataValidations count=\"{}\">{validations}</dataValidations>",
            book.lists.len()
        )
    };
    let split = book.head_rows;
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<dimension ref=\"A1:{last_col}{last}\"/>",
            "<sheetViews><sheetView workbookViewId=\"0\">",
            "<pane ySplit=\"{split}\" topLeftCell=\"A{below}\" activePane=\"bottomLeft\" state=\"frozen\"/>",
            "</sheetView></sheetViews>",
            "<sheetFormatPr defaultRowHeight=\"16.5\"/>",
            "<cols>{cols}</cols><sheetData>{rows}</sheetData>{validations}",
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>",
            "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>",
            "</worksheet>"
        ),
        last_col = column(book.widths.len().max(1) - 1),
        last = sheet.row.max(1),
        split = split,
        below = split + 1,
        cols = cols,
        rows = sheet.rows.concat(),
        validations = validations,
    )
}

/// The `.xlsx` bytes of `sheets`, in order.
pub fn book_xlsx(sheets: &[BookSheet]) -> Vec<u8> {
    let parts = sheets
        .iter()
        .map(|s| (s.name.clone(), worksheet(s)))
        .collect();
    package(parts, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::xlsx::styles::styles_xml;

    #[test]
    fn typed_text_stays_text_in_the_columns_that_hold_it() {
        let book = BookSheet {
            name: "Chỉ tiêu".into(),
            widths: vec![8.0, 40.0, 10.0],
            head_rows: 1,
            text_columns: vec![0, 1],
            rows: vec![
                vec![
                    BookCell::Text("Mã".into()),
                    BookCell::Text("Tên".into()),
                    BookCell::Text("Số".into()),
                ],
                vec![
                    BookCell::Text("2.10".into()),
                    BookCell::Text("1/7".into()),
                    BookCell::Number(2.0),
                ],
                vec![
                    BookCell::Text("=A1".into()),
                    BookCell::Text(String::new()),
                    BookCell::Text("=A1".into()),
                ],
            ],
            lists: Vec::new(),
        };
        let xml = worksheet(&book);
        let text = Style::TypedText.index();
        // The columns' empty cells: what a clerk types in a new row.
        assert!(
            xml.contains(&format!(
                "<col min=\"1\" max=\"1\" width=\"8\" style=\"{text}\" customWidth=\"1\"/>"
            )),
            "{xml}"
        );
        assert!(
            xml.contains(&format!(
                "<col min=\"2\" max=\"2\" width=\"40\" style=\"{text}\" customWidth=\"1\"/>"
            )),
            "{xml}"
        );
        assert!(
            xml.contains("<col min=\"3\" max=\"3\" width=\"10\" customWidth=\"1\"/>"),
            "a figure's column stays a number's"
        );
        // The cells written, below the headings.
        // 2.10, 1/7, =A1 and the empty cell beside it.
        assert_eq!(xml.matches(&format!(" s=\"{text}\"")).count(), 4, "{xml}");
        assert_eq!(
            xml.matches(&format!(" s=\"{}\"", Style::CellLiteral.index()))
                .count(),
            1,
            "a formula's look is kept as typed by `@` in a text column, by the literal style elsewhere"
        );
        assert_eq!(
            xml.matches(&format!(" s=\"{}\"", Style::TableHead.index()))
                .count(),
            3
        );
        // `@`, the built-in text format, is that style's.
        let styles = styles_xml();
        let xf = styles
            .split("<cellXfs")
            .nth(1)
            .and_then(|xfs| xfs.split("<xf ").nth(text + 1))
            .unwrap_or_default();
        assert!(xf.starts_with("numFmtId=\"49\""), "{xf}");
    }
}
