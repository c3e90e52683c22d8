//! Every template as a spreadsheet workbook, and a workbook read back as a
//! template: the form a province can edit in Excel or LibreOffice Calc.
//!
//! The layout borrows from XLSForm: a settings sheet («Thông tin»), one
//! row per item elsewhere («Phần», «Chỉ tiêu», «Nhóm Trong đó», «Cột
//! bảng», «Dòng bảng», «Đẳng thức bảng», «Giá trị tính», «Quy tắc»,
//! «Chỉ tiêu phấn đấu», «Đề cương», «Tổng hợp» and its two tables when the
//! template rolls up, «Thay đổi phiên bản»), references by code, lists of
//! codes in one cell separated by ", ". Row 1 holds the Vietnamese
//! headings and row 2 a short note under each (visible, printed, kept by
//! every program, where an input message shows only on a selected cell
//! and is cut at 255 characters); choice lists are drop-downs.
//!
//! Written from the template's source text (`Template::source`), never from
//! the checked model with its generated rules; read back into the file's
//! JSON, which `Template::from_json` checks as strictly as any file. A
//! fault names the sheet, row and column. Pure: no browser API, no panic
//! on any workbook.

mod assemble;
mod built;
mod cells;
mod faults;
mod read;
mod tables;
mod write;

use crate::core::export::xlsx::book::{book_xlsx, BookCell, BookSheet};
use crate::core::number::plain_decimal;
use crate::core::sheet::{Sheet, Workbook};
use crate::core::template::Template;
use crate::core::xlsx_read::read_workbook;
use crate::core::{json_read, json_text, json_write};

/// The workbook's sheets, from the template's own file.
pub fn template_sheets(template: &Template) -> Vec<BookSheet> {
    let root = json_read::parse(&template.source).unwrap_or_default();
    write::sheets(&root)
}

/// The template as `.xlsx` bytes.
pub fn template_workbook(template: &Template) -> Vec<u8> {
    book_xlsx(&template_sheets(template))
}

/// The file name a template's workbook downloads as.
pub fn workbook_file_name(template: &Template) -> String {
    format!("{}.xlsx", template.id)
}

/// Sheets as a reader of the `.xlsx` gives them: each cell's text, a
/// number written plainly, trailing empty cells and rows dropped.
pub fn as_workbook(sheets: &[BookSheet]) -> Workbook {
    let sheets = sheets
        .iter()
        .map(|s| {
            let mut rows: Vec<Vec<String>> = s
                .rows
                .iter()
                .map(|row| {
                    let mut cells: Vec<String> = row
                        .iter()
                        .map(|c| match c {
                            BookCell::Text(t) => t.clone(),
                            BookCell::Number(n) => plain_decimal(*n),
                        })
                        .collect();
                    while cells.last().is_some_and(String::is_empty) {
                        cells.pop();
                    }
                    cells
                })
                .collect();
            while rows.last().is_some_and(Vec::is_empty) {
                rows.pop();
            }
            Sheet {
                name: s.name.clone(),
                rows,
            }
        })
        .collect();
    Workbook { sheets }
}

/// The template file's JSON text a workbook holds, with the faults the
/// sheets themselves show (a cell that is not a number, a code no row has,
/// a sheet or a column missing) told at their place.
pub fn workbook_json(book: &Workbook) -> Result<String, String> {
    let built = assemble::assemble(book)?;
    Ok(pretty(&built.root))
}

/// The file's JSON laid out as the shipped templates are, through the
/// app's own writer (no second, pretty, serialiser in the wasm).
fn pretty(root: &serde_json::Map<String, serde_json::Value>) -> String {
    json_text::indent(&json_write::to_string(&serde_json::Value::Object(
        root.clone(),
    )))
}

/// A workbook read as a template, checked as strictly as a JSON file; a
/// fault names its sheet, row and column in Vietnamese.
pub fn template_from_workbook(book: &Workbook) -> Result<Template, String> {
    let built = assemble::assemble(book)?;
    let text = pretty(&built.root);
    Template::from_json(&text).map_err(|e| faults::locate(&e.0, &built.places, &built.names))
}

/// A template file a clerk picked, by its content, not its name: a
/// workbook (a zip, or an old `.xls`, which the reader names) or JSON text.
pub fn template_from_file(bytes: &[u8]) -> Result<Template, String> {
    const ZIP: &[u8] = b"PK";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return template_from_workbook(&read_workbook(bytes)?);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "tệp không phải văn bản JSON (UTF-8) hay bảng tính .xlsx".to_string())?;
    Template::from_json(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| e.0)
}

#[cfg(test)]
#[path = "../tests/template_book.rs"]
mod tests;
