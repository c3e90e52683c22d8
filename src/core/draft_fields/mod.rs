//! A draft as fields with keys, for its history (`core::history`): what
//! one save changed, what a merge sets, what the clerk chooses between.
//!
//! The keys are the page hooks of a conflict (`data-conflict`):
//! an indicator's or a grid cell's code for its value, `note:<code>`,
//! `header:<field>`, `outline:<item>`, `name` and `author`; and, merged
//! without asking, `unconfirmed:<code>` and `dismissed:<key>` and
//! `left-out:<item>` (an outline item left out of the report) (marks),
//! `previous` (the report compared with), `summary` (a roll-up's summary)
//! and `row:<section>/<row key>` (a grid row's place, `core::position`; a
//! removed row's is `-<place>`). Template codes never hold `:`.
//!
//! Here: the keys (`keys`); a draft's fields read by key and what one save
//! changed (`parts`); fields set by key (`apply`); grid rows' places
//! (`places`).

mod apply;
mod keys;
mod parts;
mod places;

pub use self::apply::{set, set_all};
pub use self::keys::{asks, AUTHOR, COMPARE, NAME, PREVIOUS, ROW, SUMMARY};
pub use self::parts::Parts;
pub use self::places::{place, row_changes, rows};
