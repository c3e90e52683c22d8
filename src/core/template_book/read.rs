//! Reading the workbook's sheets into items: columns found by their
//! heading's text (wherever they are, merged or reordered), the notes row
//! and empty rows skipped, each cell read as its column's kind. A fault
//! names its sheet, row and column.

use serde_json::{Map, Value};

use super::cells::{from_cell, set};
use super::tables::{Field, Table, FIELD_HEADINGS};
use crate::core::sheet::{column_letters, Sheet, Workbook};

/// A place in the workbook, for a message: a row, or one cell of it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Place {
    pub sheet: &'static str,
    /// From 0, as `core::sheet` counts.
    pub row: usize,
    pub column: Option<(usize, &'static str)>,
}

impl Place {
    /// «Trang "Quy tắc", dòng 12, cột C: `what`».
    pub fn say(&self, what: &str) -> String {
        match self.column {
            Some((c, _)) => format!(
                "Trang \"{}\", dòng {}, cột {}: {what}",
                self.sheet,
                self.row + 1,
                column_letters(c)
            ),
            None => format!("Trang \"{}\", dòng {}: {what}", self.sheet, self.row + 1),
        }
    }
}

/// One row of a table sheet: its fields (the `@` ones too) and where each was.
pub(super) struct Item {
    pub row: usize,
    pub value: Map<String, Value>,
    pub cells: Vec<(&'static str, usize, &'static str)>,
    pub sheet: &'static str,
}

impl Item {
    /// The cell of `path`, or the row when the column is not there.
    pub fn place(&self, path: &str) -> Place {
        let column = self
            .cells
            .iter()
            .find(|(p, _, _)| *p == path)
            .map(|(_, c, h)| (*c, *h));
        Place {
            sheet: self.sheet,
            row: self.row,
            column,
        }
    }

    pub fn text(&self, path: &str) -> String {
        match self.value.get(path) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }
}

/// Headings compared as a reader sees them: case and spacing aside.
pub(super) fn same(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    words(a) == words(b)
}

fn find_sheet<'a>(book: &'a Workbook, name: &str) -> Option<&'a Sheet> {
    book.sheets.iter().find(|s| same(&s.name, name))
}

pub(super) fn missing_sheet(name: &str) -> String {
    format!("Tệp Excel thiếu trang \"{name}\" của biểu mẫu; hãy tải lại mẫu Excel của biểu mẫu để có đủ các trang")
}

/// The column of each heading in row 1; `None` where a heading is not there.
fn heading_columns(sheet: &Sheet, headings: &[&str]) -> Vec<Option<usize>> {
    let first = sheet.rows.first().map_or(&[][..], Vec::as_slice);
    headings
        .iter()
        .map(|h| first.iter().position(|cell| same(cell, h)))
        .collect()
}

/// The rows of `table`'s sheet. A sheet that is not there is a fault when
/// `required`, else no rows.
pub(super) fn read_table(
    book: &Workbook,
    table: &Table,
    required: bool,
) -> Result<Vec<Item>, String> {
    let Some(sheet) = find_sheet(book, table.name) else {
        return if required {
            Err(missing_sheet(table.name))
        } else {
            Ok(Vec::new())
        };
    };
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading).collect();
    let at = heading_columns(sheet, &headings);
    for (column, found) in table.columns.iter().zip(&at) {
        if column.required && found.is_none() {
            return Err(format!(
                "Trang \"{}\", dòng 1: thiếu cột «{}»",
                table.name, column.heading
            ));
        }
    }
    let mut items = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate().skip(1) {
        let cell = |c: usize| row.get(c).map_or("", String::as_str);
        let cells: Vec<_> = table
            .columns
            .iter()
            .zip(&at)
            .filter_map(|(col, c)| c.map(|c| (col, c)))
            .collect();
        if cells.iter().all(|(_, c)| cell(*c).trim().is_empty()) {
            continue;
        }
        // Row 2 holds the notes under the headings.
        if r == 1
            && cells
                .iter()
                .any(|(col, c)| !col.note.is_empty() && same(cell(*c), col.note))
        {
            continue;
        }
        let mut item = Item {
            row: r,
            value: Map::new(),
            cells: Vec::new(),
            sheet: table.name,
        };
        for (col, c) in cells {
            let place = Place {
                sheet: table.name,
                row: r,
                column: Some((c, col.heading)),
            };
            if let Some(value) = from_cell(cell(c), col.kind).map_err(|e| place.say(&e))? {
                item.value.insert(col.path.to_string(), value);
                item.cells.push((col.path, c, col.heading));
            }
        }
        items.push(item);
    }
    Ok(items)
}

/// The fields of a settings sheet («Mục», «Giá trị», «Ghi chú»), set into
/// `root`; each field's place is given to `placed`. `Ok(false)` when the
/// sheet is not there and not `required`.
pub(super) fn read_fields(
    book: &Workbook,
    name: &'static str,
    fields: &[Field],
    required: bool,
    root: &mut Map<String, Value>,
    placed: &mut Vec<(String, Place)>,
) -> Result<bool, String> {
    let Some(sheet) = find_sheet(book, name) else {
        return if required {
            Err(missing_sheet(name))
        } else {
            Ok(false)
        };
    };
    let at = heading_columns(sheet, &FIELD_HEADINGS);
    let (label_at, value_at) = (at[0].unwrap_or(0), at[1].unwrap_or(1));
    let mut any = false;
    for field in fields {
        let row = sheet
            .rows
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, row)| same(row.get(label_at).map_or("", String::as_str), field.label))
            .map(|(r, _)| r);
        let Some(r) = row else {
            if field.required {
                return Err(format!("Trang \"{name}\": thiếu dòng «{}»", field.label));
            }
            continue;
        };
        let place = Place {
            sheet: name,
            row: r,
            column: Some((value_at, field.label)),
        };
        if let Some(value) =
            from_cell(sheet.cell(r, value_at), field.kind).map_err(|e| place.say(&e))?
        {
            set(root, field.path, value);
            placed.push((field.path.to_string(), place));
            any = true;
        }
    }
    Ok(any)
}
