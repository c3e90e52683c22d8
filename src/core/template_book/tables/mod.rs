//! The workbook's layout: each sheet's name and columns, each column's
//! heading, its note (row 2), the JSON field it holds and how its cell is
//! written. Writer and reader both follow these tables, so a column is
//! declared once.
//!
//! A path is a field of the item's JSON object (`code`), a field inside
//! one (`change.ratio`, `grid.add_rows`), or `@…`: where the row sits
//! (its section, its depth, its parent row), placed by `assemble`.

mod checks;
mod fields;
mod kinds;
mod parts;

pub(super) use self::checks::*;
pub(super) use self::fields::*;
pub(super) use self::kinds::*;
pub(super) use self::parts::*;
