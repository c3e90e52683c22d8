//! The join of two histories: an entry stays unless the other side has
//! seen it and holds something newer for the field instead.

use super::dot::{Dot, Entries};
use super::record::History;

impl History {
    /// The join of two histories.
    pub fn merge(&self, other: &History) -> History {
        let mut seen: Vec<(String, u64)> = self.seen.iter().cloned().collect();
        seen.extend(other.seen.iter().cloned());
        seen.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        seen.dedup_by(|later, first| later.0 == first.0);
        let mut fields = Vec::with_capacity(self.fields.len().max(other.fields.len()));
        let (mut ours, mut theirs) = (
            self.fields.iter().peekable(),
            other.fields.iter().peekable(),
        );
        loop {
            let order = match (ours.peek(), theirs.peek()) {
                (None, None) => break,
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(a), Some(b)) => a.0.cmp(&b.0),
            };
            let next = match order {
                std::cmp::Ordering::Less => ours.next().map(|(k, e)| (k, join(e, &[], other))),
                std::cmp::Ordering::Greater => theirs.next().map(|(k, e)| (k, join(e, &[], self))),
                std::cmp::Ordering::Equal => match (ours.next(), theirs.next()) {
                    (Some((k, a)), Some((_, b))) if a == b => Some((k, a.clone())),
                    (Some((k, a)), Some((_, b))) => Some((k, join_both(a, self, b, other))),
                    _ => None,
                },
            };
            if let Some((key, joined)) = next.filter(|(_, joined)| !joined.is_empty()) {
                fields.push((key.clone(), joined));
            }
        }
        History {
            seen: seen.into_iter().collect(),
            fields: fields.into_iter().collect(),
        }
    }
}

/// The entries of `ours` that survive against a side that holds `theirs`
/// for the field and has seen what `seen_by` has seen: those it has not
/// seen, those it holds too, and those it holds nothing newer than. A
/// change that replaced an entry saw it, so its clock is past the entry's:
/// a side that claims to have seen an entry but holds nothing newer for
/// the field (a file written by hand, stamps from the future) does not
/// drop it.
fn keep<'a>(
    ours: &'a [(Dot, String)],
    theirs: &'a [(Dot, String)],
    seen_by: &'a History,
) -> impl Iterator<Item = &'a (Dot, String)> {
    ours.iter().filter(move |(dot, _)| {
        !seen_by.covers(dot)
            || theirs.iter().any(|(d, _)| d == dot)
            || !theirs.iter().any(|(d, _)| d.hlc > dot.hlc)
    })
}

fn join(ours: &[(Dot, String)], theirs: &[(Dot, String)], other: &History) -> Entries {
    keep(ours, theirs, other).cloned().collect()
}

fn join_both(
    a: &[(Dot, String)],
    a_side: &History,
    b: &[(Dot, String)],
    b_side: &History,
) -> Entries {
    let mut out: Entries = keep(a, b, b_side)
        .chain(keep(b, a, a_side))
        .cloned()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
