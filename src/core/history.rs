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

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::json_read::{object, At, FromValue};
use super::json_write::{Object, Omitted, ToJson};
use super::key_map::KeyMap;

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

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The newest clock seen of each replica.
    seen: KeyMap<u64>,
    fields: KeyMap<Entries>,
}

impl History {
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty() && self.fields.is_empty()
    }

    /// Whether this history has seen the change `dot`.
    pub fn covers(&self, dot: &Dot) -> bool {
        self.seen.get(&dot.replica).is_some_and(|n| *n >= dot.hlc)
    }

    /// The newest clock this history has seen.
    pub fn clock(&self) -> u64 {
        self.seen.values().copied().max().unwrap_or(0)
    }

    pub fn seen(&self) -> &KeyMap<u64> {
        &self.seen
    }

    /// The dot of a change made now by `replica`: the wall clock, or past
    /// everything seen when that is later.
    pub fn next_dot(&self, replica: &str, now_ms: f64) -> Dot {
        let wall = if now_ms.is_finite() && now_ms > 0.0 {
            (now_ms as u64).min(MAX_HLC)
        } else {
            0
        };
        Dot {
            hlc: wall.max(self.clock().saturating_add(1)),
            replica: replica.into(),
        }
    }

    pub fn entries(&self, key: &str) -> &[(Dot, String)] {
        self.fields.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn fields(&self) -> &KeyMap<Entries> {
        &self.fields
    }

    /// Moves the entries of `from` to `to` (a code a template renamed).
    pub fn rename(&mut self, from: &str, to: &str) {
        let Some(entries) = self.fields.remove(from) else {
            return;
        };
        self.fields.get_or_default(to.to_string()).extend(entries);
    }

    /// The fields whose keys start with `prefix`, in order.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = &'a (String, Entries)> + 'a {
        self.fields
            .from_key(prefix)
            .take_while(move |(k, _)| k.starts_with(prefix))
    }

    /// Records one change: each field given now holds its new value alone,
    /// written at `dot`, which replaces every entry this history holds.
    pub fn write(&mut self, changes: Vec<(String, String)>, dot: &Dot) {
        if changes.is_empty() {
            return;
        }
        self.see(dot);
        self.fields.set_many(
            changes
                .into_iter()
                .map(|(key, value)| (key, Some(vec![(dot.clone(), value)])))
                .collect(),
        );
    }

    fn see(&mut self, dot: &Dot) {
        let seen = self.seen.get_or_default(dot.replica.to_string());
        *seen = (*seen).max(dot.hlc);
    }

    /// The distinct values of a field; more than one is a conflict.
    pub fn values(&self, key: &str) -> Vec<&str> {
        let mut values: Vec<&str> = self.entries(key).iter().map(|(_, v)| v.as_str()).collect();
        values.sort_unstable();
        values.dedup();
        values
    }

    /// The keys of the fields with more than one value.
    pub fn conflicted(&self) -> impl Iterator<Item = &String> {
        self.fields
            .iter()
            .filter(|(_, e)| e.iter().any(|(_, v)| *v != e[0].1))
            .map(|(k, _)| k)
    }

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

    /// The history of a draft stored before fields had one: each field
    /// written at one dot named after the content, so that copies of one
    /// content (two tabs, a backup restored where the draft was never
    /// changed) agree, and copies that differ conflict where they differ.
    pub fn legacy(fields: Vec<(String, String)>) -> History {
        // FNV-1a over the sorted fields: the same name in every browser.
        let mut sorted = fields;
        sorted.sort_unstable();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for (key, value) in &sorted {
            for byte in key.bytes().chain([0]).chain(value.bytes()).chain([0]) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        let dot = Dot {
            hlc: 1,
            replica: format!("0{hash:016x}").into(),
        };
        let mut history = History::default();
        history.see(&dot);
        history.write(sorted, &dot);
        history
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

/// A history written beside the report it belongs to: `projected` gives
/// a field's value in that report (`None` for fields it does not hold,
/// such as a row's place).
pub struct Stored<'a, F: Fn(&str) -> Option<Cow<'a, str>>> {
    pub history: &'a History,
    pub projected: F,
}

impl<'a, F: Fn(&str) -> Option<Cow<'a, str>>> ToJson for Stored<'a, F> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut by_dot: FxHashMap<&Dot, Vec<&str>> = FxHashMap::default();
        let mut values: Vec<(&str, Vec<(String, &str)>)> = Vec::new();
        for (key, entries) in self.history.fields.iter() {
            let shown = (self.projected)(key);
            let mut other = Vec::new();
            for (dot, value) in entries {
                if shown.as_deref().is_some_and(|s| s == value) {
                    by_dot.entry(dot).or_default().push(key);
                } else {
                    other.push((dot.text(), value.as_str()));
                }
            }
            if !other.is_empty() {
                values.push((key, other));
            }
        }
        let mut stamps: Vec<(&Dot, Vec<&str>)> = by_dot.into_iter().collect();
        stamps.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut o = Object::new(out);
        o.field("seen", &self.history.seen);
        o.field(
            "stamps",
            &Raw(|out: &mut Vec<u8>| {
                let mut stamps_object = Object::new(out);
                for (dot, keys) in &stamps {
                    stamps_object.field(&dot.text(), keys);
                }
                stamps_object.end();
            }),
        );
        o.field(
            "values",
            &Raw(|out: &mut Vec<u8>| {
                let mut values_object = Object::new(out);
                for (key, entries) in &values {
                    values_object.field(
                        key,
                        &Raw(|out: &mut Vec<u8>| {
                            out.push(b'[');
                            for (n, (dot, value)) in entries.iter().enumerate() {
                                if n > 0 {
                                    out.push(b',');
                                }
                                out.push(b'[');
                                dot.write_json(out);
                                out.push(b',');
                                value.write_json(out);
                                out.push(b']');
                            }
                            out.push(b']');
                        }),
                    );
                }
                values_object.end();
            }),
        );
        o.end();
    }
}

/// JSON written by a closure.
struct Raw<F: Fn(&mut Vec<u8>)>(F);

impl<F: Fn(&mut Vec<u8>)> ToJson for Raw<F> {
    fn write_json(&self, out: &mut Vec<u8>) {
        (self.0)(out);
    }
}

/// The value of an entry listed under its dot, until
/// [`History::fill`] puts the report's value in its place.
const FROM_REPORT: &str = "\u{0}";

impl History {
    /// Reads a history written by [`Stored`]; `projected` gives the value
    /// the report holds for a field listed under a dot.
    pub fn read<'a>(
        value: Value,
        at: At<'_>,
        projected: impl Fn(&str) -> Option<Cow<'a, str>>,
    ) -> Result<History, String> {
        let mut history = History::from_value(value, at)?;
        history.fill(projected);
        Ok(history)
    }

    /// Gives the entries listed under their dots the value the report
    /// holds (empty where it holds none).
    pub fn fill<'a>(&mut self, projected: impl Fn(&str) -> Option<Cow<'a, str>>) {
        for (key, entries) in self.fields.iter_mut() {
            let mut changed = false;
            for (_, value) in entries.iter_mut().filter(|(_, v)| v == FROM_REPORT) {
                *value = projected(key).map(Cow::into_owned).unwrap_or_default();
                changed = true;
            }
            if changed {
                entries.sort_unstable();
                entries.dedup();
            }
        }
    }
}

/// A history as a file holds it; the entries listed under their dots wait
/// for [`History::fill`]. A dot the history does not count as seen is
/// counted, so that a history always covers its own entries.
impl FromValue for History {
    fn from_value(value: Value, at: At<'_>) -> Result<History, String> {
        let mut fields = Fields::of(value, at)?;
        let seen_at = At::Field(&at, "seen");
        let mut seen = Vec::new();
        for (replica, clock) in object(fields.take("seen"), seen_at)? {
            let clock = u64::from_value(clock, At::Field(&seen_at, &replica))?;
            if !valid_replica(&replica) || clock > MAX_HLC {
                return Err(seen_at.fault(&format!("có bản sao «{replica}» không hợp lệ")));
            }
            seen.push((replica, clock));
        }
        let mut history = History {
            seen: seen.into_iter().collect(),
            fields: KeyMap::new(),
        };
        let mut entries: Vec<(String, (Dot, String))> = Vec::new();
        let stamps_at = At::Field(&at, "stamps");
        for (text, keys) in object(fields.take("stamps"), stamps_at)? {
            let dot = Dot::parse(&text).ok_or_else(|| {
                stamps_at.fault(&format!("có dấu thời gian «{text}» không hợp lệ"))
            })?;
            for key in Vec::<String>::from_value(keys, At::Field(&stamps_at, &text))? {
                entries.push((key, (dot.clone(), FROM_REPORT.to_string())));
            }
        }
        let values_at = At::Field(&at, "values");
        for (key, list) in object(fields.take("values"), values_at)? {
            for (dot, value) in
                Vec::<(String, String)>::from_value(list, At::Field(&values_at, &key))?
            {
                let dot = Dot::parse(&dot).ok_or_else(|| {
                    values_at.fault(&format!("có dấu thời gian «{dot}» không hợp lệ"))
                })?;
                if value.contains('\u{0}') {
                    return Err(values_at.fault("có ký tự không hợp lệ"));
                }
                entries.push((key.clone(), (dot, value)));
            }
        }
        entries.sort_unstable();
        entries.dedup();
        let mut grouped: Vec<(String, Entries)> = Vec::new();
        for (key, entry) in entries {
            if key.is_empty() || key.len() > 400 {
                return Err(at.fault("có trường không hợp lệ"));
            }
            history.see(&entry.0);
            match grouped.last_mut() {
                Some((last, list)) if *last == key => list.push(entry),
                _ => grouped.push((key, vec![entry])),
            }
        }
        history.fields = grouped.into_iter().collect();
        Ok(history)
    }
}

/// Written with every entry's value (a draft writes [`Stored`] instead).
impl ToJson for History {
    fn write_json(&self, out: &mut Vec<u8>) {
        Stored {
            history: self,
            projected: |_: &str| None,
        }
        .write_json(out);
    }
}

impl Omitted for History {
    fn omitted(&self) -> bool {
        self.is_empty()
    }
}

/// The three parts of a stored history, each may be left out.
struct Fields(serde_json::Map<String, Value>);

impl Fields {
    fn of(value: Value, at: At<'_>) -> Result<Fields, String> {
        object(value, at).map(Fields)
    }

    fn take(&mut self, key: &str) -> Value {
        self.0
            .remove(key)
            .unwrap_or_else(|| Value::Object(Default::default()))
    }
}

impl FromValue for (String, String) {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        match value {
            Value::Array(mut pair) if pair.len() == 2 => {
                let second = pair.pop().unwrap_or_default();
                let first = pair.pop().unwrap_or_default();
                Ok((
                    String::from_value(first, At::Item(&at, 0))?,
                    String::from_value(second, At::Item(&at, 1))?,
                ))
            }
            _ => Err(at.fault("phải là một cặp [chuỗi, chuỗi]")),
        }
    }
}

#[cfg(test)]
#[path = "tests/history.rs"]
mod tests;
