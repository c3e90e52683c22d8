//! Writing the app's files: a draft as JSON, byte for byte as serde_json
//! wrote it with serde's derived `Serialize` (`tests/json_read.rs` keeps
//! those bytes), from one small writer per type.
//!
//! Strings and numbers go through serde_json itself (its escaping, its
//! shortest float that reads back exactly, `null` for a float that is not
//! finite); objects and arrays are written here. Structs declared with
//! `json_struct!` get their writer from it, fields in declaration order.

use serde_json::Value;

/// A type written as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut Vec<u8>);
}

/// The compact JSON text of `value`.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    value.write_json(&mut out);
    // Every piece written is UTF-8: serde_json's output and ASCII punctuation.
    String::from_utf8(out).unwrap_or_default()
}

/// A leaf, as serde_json writes it. Writing to a `Vec` cannot fail.
fn leaf<T: serde::Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(out, value);
}

macro_rules! leaves {
    ($($ty:ty),*) => {
        $(impl ToJson for $ty {
            fn write_json(&self, out: &mut Vec<u8>) {
                leaf(self, out);
            }
        })*
    };
}
leaves!(str, String, bool, u8, u32, u64, i64, f64, Value);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(value) => value.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

/// `[a,b,…]` of the items.
pub fn array<'a, T: ToJson + 'a>(items: impl Iterator<Item = &'a T>, out: &mut Vec<u8>) {
    out.push(b'[');
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push(b',');
        }
        item.write_json(out);
    }
    out.push(b']');
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        array(self.iter(), out);
    }
}

impl ToJson for (String, u32) {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        self.0.write_json(out);
        out.push(b',');
        self.1.write_json(out);
        out.push(b']');
    }
}

/// `{"key":value,…}`, a field at a time.
pub struct Object<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        leaf(key, self.out);
        self.out.push(b':');
        value.write_json(self.out);
        self
    }

    pub fn end(self) {
        self.out.push(b'}');
    }
}

/// What a field marked `= omitted` leaves out of the file when empty.
pub trait Omitted {
    fn omitted(&self) -> bool;
}

impl Omitted for String {
    fn omitted(&self) -> bool {
        self.is_empty()
    }
}

impl<T> Omitted for Option<T> {
    fn omitted(&self) -> bool {
        self.is_none()
    }
}
