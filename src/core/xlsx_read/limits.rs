//! What a workbook may hold before it is refused as hostile or absurd.
//! Each cap is far above any form a province writes (xa-01b's workbook is a
//! few thousand cells and well under 1 MB), and low enough that a
//! browser tab survives the worst a file can claim.

/// All the parts read, inflated, together.
pub const MAX_TOTAL_BYTES: usize = 50 * 1024 * 1024;
/// Entries in the zip directory (a workbook has a few dozen).
pub const MAX_ENTRIES: usize = 10_000;
/// Inflated size over compressed size, checked past [`RATIO_GRACE`] bytes:
/// Apache POI's default (a minimum inflate ratio of 0,01); sheet XML
/// compresses 5 to 30 times, a bomb of zeros a thousand.
pub const MAX_RATIO: usize = 100;
pub const RATIO_GRACE: usize = 1024 * 1024;
/// Sheets in a workbook.
pub const MAX_SHEETS: usize = 1_000;
/// Entries of the shared-string table, and their text together.
pub const MAX_SHARED_STRINGS: usize = 1_000_000;
pub const MAX_SHARED_BYTES: usize = 32 * 1024 * 1024;
/// Excel's own grid.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;
/// Cells a sheet's rows hold once laid out, the empty ones before a value
/// included, over all sheets: 1.000.000 cells are 24 MB of empty strings
/// in wasm before any text.
pub const MAX_CELLS: usize = 1_000_000;
/// The text of all cells together: a shared string is copied into every
/// cell that refers to it, so a 30 MB string in a million cells would
/// otherwise ask for 30 TB.
pub const MAX_CELL_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// Steps spent clearing the cells under merged ranges (overlapping ranges
/// in a hostile file would otherwise multiply the work).
pub const MAX_MERGE_STEPS: usize = 10_000_000;

/// What is left of [`MAX_TOTAL_BYTES`].
pub struct Budget(usize);

impl Default for Budget {
    fn default() -> Self {
        Budget(MAX_TOTAL_BYTES)
    }
}

impl Budget {
    /// Claims `bytes` for the part `name`, before it is inflated.
    pub fn take(&mut self, bytes: usize, name: &str) -> Result<(), String> {
        self.0 = self.0.checked_sub(bytes).ok_or_else(|| {
            format!(
                "Tệp .xlsx quá lớn khi giải nén (phần «{name}» vượt giới hạn {} MB cho cả tệp).",
                MAX_TOTAL_BYTES / (1024 * 1024)
            )
        })?;
        Ok(())
    }
}

/// What is left of [`MAX_CELLS`] and [`MAX_CELL_TEXT_BYTES`] for the sheets
/// still to read.
pub struct Room {
    pub cells: usize,
    pub text: usize,
}

impl Default for Room {
    fn default() -> Self {
        Room {
            cells: MAX_CELLS,
            text: MAX_CELL_TEXT_BYTES,
        }
    }
}
