//! A history as a file keeps it: the fields a dot wrote listed under the
//! dot where the report holds their values (`stamps`), the other entries
//! with theirs (`values`); written beside its report, and read back.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::dot::{valid_replica, Dot, Entries, MAX_HLC};
use super::record::History;
use crate::core::json_read::{object, At, FromValue};
use crate::core::json_write::{Object, Omitted, ToJson};
use crate::core::key_map::KeyMap;

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
