//! Reading the app's files: one parse into `serde_json::Value`, then each
//! type takes its fields from it ([`FromValue`], [`Fields`]). `json_struct!`
//! declares a struct with its reader and its writer (`json_write`).
//!
//! serde's derived `Deserialize` compiled each type's reader into the wasm
//! twice over (from a JSON object and from an array) with the parser
//! inlined in each: about 90 KB. Here the parser is compiled once, and a
//! type's reader is a list of calls to small functions. The messages are
//! Vietnamese and name where the fault is, as `sections[2].rows[5].code`
//! (indices count from 0, as JSON tools show them); a syntax error gives
//! its line and column.
//!
//! As strict as the derive was: a missing field, a value of the wrong type
//! or range, and (where [`Fields::done`] is called) a field the type does
//! not know are refused.

use serde_json::{Map, Value};

/// Where a value is in the file, for the message; built on the stack as the
/// reader descends, and written out only when something is wrong.
#[derive(Clone, Copy)]
pub enum At<'a> {
    Root,
    Field(&'a At<'a>, &'a str),
    Item(&'a At<'a>, usize),
}

impl At<'_> {
    fn write(&self, out: &mut String) {
        match *self {
            At::Root => {}
            At::Field(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            At::Item(parent, n) => {
                parent.write(out);
                out.push_str(&format!("[{n}]"));
            }
        }
    }

    /// "«path» `what`", or `what` alone at the root.
    pub fn fault(&self, what: &str) -> String {
        let mut path = String::new();
        self.write(&mut path);
        if path.is_empty() {
            what.to_string()
        } else {
            format!("«{path}» {what}")
        }
    }
}

/// Parses JSON text; the error names the line and column.
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Eof => "văn bản JSON bị cắt ngang",
            _ => "lỗi cú pháp JSON",
        };
        format!("{what} ở dòng {}, cột {}", e.line(), e.column())
    })
}

/// Parses `text` and reads a `T` from it.
pub fn read<T: FromValue>(text: &str) -> Result<T, String> {
    T::from_value(parse(text)?, At::Root)
}

/// A type read from a JSON value.
pub trait FromValue: Sized {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String>;
}

fn wrong(at: At<'_>, wanted: &str) -> String {
    at.fault(&format!("phải là {wanted}"))
}

impl FromValue for String {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        match value {
            Value::String(text) => Ok(text),
            _ => Err(wrong(at, "một chuỗi")),
        }
    }
}

/// Kept as parsed, to be read later (a backup's drafts, one by one).
impl FromValue for Value {
    fn from_value(value: Value, _: At<'_>) -> Result<Self, String> {
        Ok(value)
    }
}

impl FromValue for bool {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        value.as_bool().ok_or_else(|| wrong(at, "true hoặc false"))
    }
}

impl FromValue for f64 {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        value.as_f64().ok_or_else(|| wrong(at, "một số"))
    }
}

impl FromValue for i64 {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        value.as_i64().ok_or_else(|| wrong(at, "một số nguyên"))
    }
}

/// A whole number from 0 to `max`.
fn natural(value: &Value, at: At<'_>, max: u64) -> Result<u64, String> {
    value
        .as_u64()
        .filter(|n| *n <= max)
        .ok_or_else(|| wrong(at, &format!("một số nguyên từ 0 đến {max}")))
}

impl FromValue for u64 {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        natural(&value, at, u64::MAX)
    }
}

impl FromValue for u32 {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        natural(&value, at, u32::MAX.into()).map(|n| n as u32)
    }
}

impl FromValue for u8 {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        natural(&value, at, u8::MAX.into()).map(|n| n as u8)
    }
}

/// `null` or missing is `None`.
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            value => T::from_value(value, at).map(Some),
        }
    }
}

/// The items of an array, each with its index for the message.
fn items(
    value: Value,
    at: At<'_>,
) -> Result<impl ExactSizeIterator<Item = (usize, Value)>, String> {
    match value {
        Value::Array(items) => Ok(items.into_iter().enumerate()),
        _ => Err(wrong(at, "một danh sách")),
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        let items = items(value, at)?;
        let mut read = Vec::with_capacity(items.len());
        for (n, item) in items {
            read.push(T::from_value(item, At::Item(&at, n))?);
        }
        Ok(read)
    }
}

/// `["Có", 3]`: a pair written as an array of two.
impl FromValue for (String, u32) {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        let mut pair = items(value, at)?;
        match (pair.next(), pair.next(), pair.next()) {
            (Some((_, first)), Some((_, second)), None) => Ok((
                String::from_value(first, At::Item(&at, 0))?,
                u32::from_value(second, At::Item(&at, 1))?,
            )),
            _ => Err(wrong(at, "một cặp [chuỗi, số]")),
        }
    }
}

pub fn object(value: Value, at: At<'_>) -> Result<Map<String, Value>, String> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(wrong(at, "một đối tượng {…}")),
    }
}

/// The fields of one JSON object, taken one by one.
///
/// A fault is kept, not returned at once: the reader of a struct is then
/// one straight list of calls, with no early return that must drop the
/// fields read so far (which made serde's readers large), and [`Fields::end`]
/// gives the first fault.
pub struct Fields<'a> {
    /// The fields not taken yet. A list, not the parsed map: an object has
    /// a few dozen fields at most, and a map's removal is 2,5 KB of wasm.
    left: Vec<(String, Value)>,
    at: At<'a>,
    fault: Option<String>,
}

impl<'a> Fields<'a> {
    pub fn of(value: Value, at: At<'a>) -> Result<Self, String> {
        Ok(Fields {
            left: object(value, at)?.into_iter().collect(),
            at,
            fault: None,
        })
    }

    fn fail(&mut self, fault: String) {
        self.fault.get_or_insert(fault);
    }

    /// A field that must be there.
    pub fn req<T: FromValue + Default>(&mut self, key: &str) -> T {
        self.require(key);
        self.opt(key)
    }

    #[inline(never)]
    fn require(&mut self, key: &str) {
        if !self.left.iter().any(|(name, _)| name == key) {
            self.fail(self.at.fault(&format!("thiếu trường \"{key}\"")));
        }
    }

    /// A field that may be left out: then it is `T`'s default.
    pub fn opt<T: FromValue + Default>(&mut self, key: &str) -> T {
        self.or(key, T::default())
    }

    /// A field that may be left out: then it is `default`.
    pub fn or<T: FromValue>(&mut self, key: &str, default: T) -> T {
        let Some(at) = self.left.iter().position(|(name, _)| name == key) else {
            return default;
        };
        let (_, value) = self.left.swap_remove(at);
        match T::from_value(value, At::Field(&self.at, key)) {
            Ok(read) => read,
            Err(fault) => {
                self.fail(fault);
                default
            }
        }
    }

    /// The first fault, if any.
    pub fn end(self) -> Result<(), String> {
        self.fault.map_or(Ok(()), Err)
    }

    /// As [`Fields::end`], and refuses a field the type does not know
    /// (serde's `deny_unknown_fields`).
    pub fn done(self) -> Result<(), String> {
        match (&self.fault, self.left.first()) {
            (None, Some((key, _))) => Err(self
                .at
                .fault(&format!("có trường \"{key}\" không được hỗ trợ"))),
            _ => self.end(),
        }
    }
}

/// One of the names in `names`, as the index of the name.
pub fn one_of(value: Value, at: At<'_>, names: &[&str]) -> Result<usize, String> {
    let name = String::from_value(value, at)?;
    names.iter().position(|n| *n == name).ok_or_else(|| {
        at.fault(&format!(
            "có giá trị \"{name}\" không hợp lệ; các giá trị hợp lệ: {}",
            names.join(", ")
        ))
    })
}

/// A struct, its [`FromValue`] and its [`ToJson`](super::json_write::ToJson).
/// Each field is read by its name, and must be there unless marked
/// `= default` or `= omitted` (then it may be left out); an `omitted` field
/// is also left out of the file when it is empty. After `strict;` a field
/// the struct does not have is refused; after `defaults;` every field may be
/// left out, and is then the struct's `Default` (serde's container
/// `default`). Fields are written in the order they are declared, as
/// serde's derive wrote them.
macro_rules! json_struct {
    (strict; $($item:tt)*) => { json_struct!(@struct [done] [] $($item)*); };
    (defaults; $($item:tt)*) => { json_struct!(@struct [end] [defaults] $($item)*); };
    (@struct [$end:ident] [$($mode:ident)?]
        $(#[$meta:meta])* $vis:vis struct $name:ident {
            $($(#[$field_meta:meta])* $field_vis:vis $field:ident: $ty:ty $(= $default:ident)?),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$field_meta])* $field_vis $field: $ty),*
        }

        impl $crate::core::json_read::FromValue for $name {
            fn from_value(value: serde_json::Value, at: $crate::core::json_read::At<'_>) -> Result<Self, String> {
                let mut fields = $crate::core::json_read::Fields::of(value, at)?;
                let read = json_struct!(@build fields $name [$($mode)?] { $($field $($default)?),* });
                fields.$end()?;
                Ok(read)
            }
        }

        impl $crate::core::json_write::ToJson for $name {
            fn write_json(&self, out: &mut Vec<u8>) {
                let mut object = $crate::core::json_write::Object::new(out);
                $(json_struct!(@put object self $field $($default)?);)*
                object.end();
            }
        }
    };
    (@build $fields:ident $name:ident [] { $($field:ident $($default:ident)?),* }) => {
        $name { $($field: json_struct!(@take $fields $field $($default)?)),* }
    };
    (@build $fields:ident $name:ident [defaults] { $($field:ident),* }) => {{
        let default = $name::default();
        $name { $($field: $fields.or(stringify!($field), default.$field)),* }
    }};
    (@take $fields:ident $field:ident) => { $fields.req(stringify!($field)) };
    (@take $fields:ident $field:ident default) => { $fields.opt(stringify!($field)) };
    (@take $fields:ident $field:ident omitted) => { $fields.opt(stringify!($field)) };
    (@put $object:ident $self:ident $field:ident omitted) => {
        if !$crate::core::json_write::Omitted::omitted(&$self.$field) {
            $object.field(stringify!($field), &$self.$field);
        }
    };
    (@put $object:ident $self:ident $field:ident $(default)?) => {
        $object.field(stringify!($field), &$self.$field);
    };
    ($($item:tt)*) => { json_struct!(@struct [end] [] $($item)*); };
}
pub(crate) use json_struct;
