//! The keys of a draft's fields, and which of them the clerk settles when
//! two copies conflict.

use crate::core::template::RESERVED_CODES;

pub const NAME: &str = RESERVED_CODES[0];
pub const AUTHOR: &str = RESERVED_CODES[1];
pub const PREVIOUS: &str = RESERVED_CODES[2];
pub const COMPARE: &str = RESERVED_CODES[3];
pub const SUMMARY: &str = RESERVED_CODES[4];
pub const ROW: &str = "row:";
pub(super) const PREFIXES: [&str; 6] = [
    "note:",
    "header:",
    "outline:",
    "unconfirmed:",
    "dismissed:",
    "left-out:",
];

/// Whether a conflict on `key` is the clerk's to settle: figures, notes,
/// texts and the name are; marks, the choice of report before, a roll-up's
/// summary, who a copy is for and rows' places settle themselves (the
/// newest wins; a row kept by either side stays).
pub fn asks(key: &str) -> bool {
    !(key.starts_with("unconfirmed:")
        || key.starts_with("dismissed:")
        || key.starts_with("left-out:")
        || key.starts_with(ROW)
        || [PREVIOUS, COMPARE, SUMMARY, AUTHOR].contains(&key))
}
