//! Widgets and reactive helpers both screens use.

pub mod erased;
pub mod deferred;
pub mod memo_tree;
pub mod merge_file;
pub mod pause;
pub mod settled;
