//! The dot of a change: where (the copy, a `replica` id) and when (`hlc`,
//! a hybrid logical clock) a field was changed; and a field's entries.

use std::sync::Arc;

/// Clocks past this are refused in a file (about the year 144.000): room
/// for every later tick, which adds one.
pub const MAX_HLC: u64 = 1 << 52;

/// Where and when a field was changed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Dot {
    pub hlc: u64,
    pub replica: Arc<str>,
}

impl Dot {
    /// `replica:hlc`, as a file keeps it.
    pub fn text(&self) -> String {
        format!("{}:{}", self.replica, self.hlc)
    }

    pub fn parse(text: &str) -> Option<Dot> {
        let (replica, hlc) = text.rsplit_once(':')?;
        let hlc: u64 = hlc.parse().ok().filter(|n| *n <= MAX_HLC)?;
        valid_replica(replica).then(|| Dot {
            hlc,
            replica: replica.into(),
        })
    }
}

/// A replica id: up to 40 of `0-9a-z-`.
pub fn valid_replica(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-')
}

/// The entries of one field, sorted, each once.
pub type Entries = Vec<(Dot, String)>;
