//! Files made from a report: `.xlsx` in the official layout, `.csv`, and
//! the lossless `.json` (the draft envelope itself, see `core::draft`).
//!
//! Pure functions from a report to bytes, tested natively (the `.xlsx` is
//! read back with calamine). Text that a spreadsheet could take for a
//! formula is neutralised in both formats.

pub mod csv;
pub mod docx;
pub mod table;
mod theme;
pub mod xlsx;
mod zip;

/// Whether a text cell would be read as a formula (or a DDE payload) by a
/// spreadsheet program if left as it is.
/// A lone "-" (a zero total, as printed) is text to every spreadsheet.
pub fn looks_like_formula(text: &str) -> bool {
    text != "-"
        && matches!(
            text.chars().next(),
            Some('=' | '+' | '-' | '@' | '\t' | '\r')
        )
}

/// Text as XML character data or an attribute value. Characters XML 1.0
/// cannot carry at all are dropped.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}
