//! Many memos combined through a two-level tree of memos.
//!
//! Every rerun of a memo re-tracks each source it reads, so a total over
//! 5.000 rows is a tree: a memo per chunk of [`CHUNK`] leaves, and one over
//! the chunks. A keystroke reruns its chunk and the memo over the chunks,
//! not every row. The form's messages and counts and a grid's totals use
//! the same tree.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::shared::erased::memo;

/// How many leaves one memo of the tree reads at most.
pub const CHUNK: usize = 64;

/// Builds one part of the tree per chunk of `items`, in order.
pub fn chunked<L: Clone, T>(items: &[L], build: impl FnMut(Arc<[L]>) -> T) -> Vec<T> {
    items.chunks(CHUNK).map(Arc::from).map(build).collect()
}

/// Combines many memos into one: `chunk` over each chunk's leaves, then
/// `total` over the chunks' results.
pub fn aggregate<L, C, T>(
    leaves: &[Memo<L>],
    chunk: impl Fn(&mut dyn Iterator<Item = &Memo<L>>) -> C + Clone + Send + Sync + 'static,
    total: impl Fn(&mut dyn Iterator<Item = &Memo<C>>) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    L: PartialEq + Send + Sync + 'static,
    C: PartialEq + Send + Sync + 'static,
    T: PartialEq + Send + Sync + 'static,
{
    let chunks: Vec<Memo<C>> = chunked(leaves, |part| {
        let chunk = chunk.clone();
        memo(move || chunk(&mut part.iter()))
    });
    memo(move || total(&mut chunks.iter()))
}
