//! Blocks pasted from a spreadsheet into a grid: the copied text split into
//! rows and cells, and where each value goes.

use super::grid::Grid;

/// Text copied from a spreadsheet: rows split by line breaks, cells by
/// tabs. A cell Excel quoted (it holds a tab, a line break or a quote) is
/// unquoted. A trailing line break does not make an empty last row.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            '\t' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

impl Grid {
    /// Where pasted cells go, starting at column `first` of a row: the
    /// pasted columns line up with the table's columns one for one, and a
    /// value that lands on a column the clerk does not type (STT, a sum) is
    /// passed over. Returns, per pasted row, `(column index, text)`.
    pub fn paste_plan(&self, first: usize, pasted: &[Vec<String>]) -> Vec<Vec<(usize, String)>> {
        pasted
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(offset, text)| (first + offset, text.trim().to_string()))
                    .filter(|(i, _)| self.is_typed(*i))
                    .collect()
            })
            .collect()
    }
}
