//! The evaluation of a report: every value read, every rule checked, every
//! computed value, grid row and total worked out, and the messages in the
//! order of the page.
//!
//! There is one evaluation, wired in one place ([`wiring`]): what a row's
//! messages are made of, the page's order of all messages, how much is
//! filled, and when a grid's total counts. The batch path ([`batch`], for
//! exports, the draft list and import) runs it over plain values; the
//! editor (`ui::editor::state`) runs the same functions over its memos, one
//! field or row at a time. The figures a narrative reads are worked out
//! once too (`core::figures`), from either source. A property test
//! (`tests/one_evaluation.rs`) keeps the two paths equal.

pub mod evaluation;
pub mod wiring;
pub mod grid;
pub mod figures;
pub mod batch;

pub use evaluation::{Evaluation, GridEvaluation, RowEvaluation};
pub use figures::EvaluatedFigures;
pub use wiring::{
    annex_of, compared_label, figure_of, grid_fillable, grid_target_issues, in_page_order,
    indicator_messages, rules_by_row, Before, Tally,
};

#[cfg(test)]
#[path = "../tests/grid.rs"]
mod grid_tests;
