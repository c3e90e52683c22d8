//! A workbook as its cells' text: what the `.xlsx` reader gives and the
//! template workbook reads. Sheet rows and columns count from 0 here;
//! [`cell_name`] writes them as a spreadsheet shows them ("C12").

/// One sheet: its name as the tab shows it, and its rows of cell text.
/// `rows[0]` is the sheet's row 1 and `rows[r][0]` its column A. An empty
/// cell is an empty string; rows are cut after their last non-empty cell,
/// and empty rows after the last non-empty one are dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// The text of the cell at `row`, `column` (from 0); "" when past the end.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", String::as_str)
    }
}

/// A workbook's sheets, in tab order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

/// A column's letters as a spreadsheet names it: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A cell's name from its row and column counted from 0: (11, 2) → "C12".
pub fn cell_name(row: usize, column: usize) -> String {
    format!("{}{}", column_letters(column), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(cell_name(11, 2), "C12");
    }

    #[test]
    fn a_cell_past_the_end_is_empty() {
        let sheet = Sheet {
            name: "x".into(),
            rows: vec![vec!["a".into()]],
        };
        assert_eq!(sheet.cell(0, 0), "a");
        assert_eq!(sheet.cell(0, 5), "");
        assert_eq!(sheet.cell(9, 0), "");
    }
}
