//! The history of a draft's fields, so that any two copies of a draft
//! (two tabs, two browsers, a backup, a colleague's file) merge field by
//! field without losing an edit.
//!
//! Each field (a value, a note, a header field, a narrative item, a grid
//! row's place, the name, …) holds the entries that no copy has replaced
//! yet: a value and the *dot* of the change that wrote it, which says
//! where (the copy, a `replica` id) and when (`hlc`: a hybrid logical
//! clock, milliseconds that never run backwards and always pass every
//! change the copy has seen, so a wrong system clock cannot reorder
//! edits). A history also keeps what it has seen of every copy: the
//! newest clock of each replica (a version vector).
//!
//! Merging is the join of a map of multi-value registers with a causal
//! context (Almeida, Shoker and Baquero, "Delta state replicated data
//! types", 2018): an entry stays unless the other side has seen it and no
//! longer holds it, that is, a later change that knew of it replaced it.
//! So the merge is commutative, associative and idempotent, and nothing is
//! dropped by comparing times. Two values left on one field are a true
//! conflict: both sides changed it since they last agreed.
//!
//! One save writes one dot for every field it changed. In a file the
//! history is kept small: the fields a dot wrote are listed under the dot
//! with no value when the report holds that value (`stamps`), and only the
//! other entries carry theirs (`values`: a conflict's other side, a grid
//! row's place).
//!
//! Here: the dot of a change (`dot`); a history, what one save writes and
//! the history of a draft stored before fields had one (`record`); the
//! join of two histories (`merge`); a history as a file keeps it
//! (`stored`).

mod dot;
mod merge;
mod record;
mod stored;

pub use self::dot::{valid_replica, Dot, Entries, MAX_HLC};
pub use self::record::History;
pub use self::stored::Stored;

#[cfg(test)]
#[path = "../tests/history.rs"]
mod tests;
