//! Files made from a report: `.xlsx` in the official layout, `.csv`, and
//! the lossless `.json` (the draft envelope itself, see `core::draft`).
//!
//! Pure functions from a report to bytes, tested natively (the `.xlsx` is
//! read back with calamine). Text that a spreadsheet could take for a
//! formula is neutralised in both formats.

pub mod csv;
pub mod table;
pub mod xlsx;
mod zip;

/// Whether a text cell would be read as a formula (or a DDE payload) by a
/// spreadsheet program if left as it is.
/// A lone "-" (a zero total, as printed) is text to every spreadsheet.
pub fn looks_like_formula(text: &str) -> bool {
    text != "-" && matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}
