//! The JSON being built from the sheets and where each of its fields came
//! from: items as objects, nested by depth, and their references checked.

use serde_json::{Map, Value};

use super::cells::set;
use super::read::{Item, Place};

/// The file's JSON, where each of its fields came from, and where each
/// code and id is defined.
#[derive(Default)]
pub(super) struct Built {
    pub root: Map<String, Value>,
    pub places: Vec<(String, Place)>,
    pub names: Vec<(String, Place)>,
}

impl Built {
    pub(super) fn record(&mut self, item: &Item, path: &str) {
        self.places.push((path.to_string(), item.place("")));
        for (field, _, _) in item.cells.iter().filter(|(f, _, _)| !f.starts_with('@')) {
            self.places
                .push((format!("{path}.{field}"), item.place(field)));
        }
    }
}

/// The item's own fields, nested by their paths.
pub(super) fn object(item: &Item) -> Map<String, Value> {
    let mut map = Map::new();
    for (path, value) in item.value.iter().filter(|(p, _)| !p.starts_with('@')) {
        set(&mut map, path, value.clone());
    }
    map
}

fn codes_at(item: &Item, path: &str) -> Vec<String> {
    match item.value.get(path) {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// Each code at `path` is known; a grid total (`pl5/total/c5`) is left to the loader.
pub(super) fn check_codes(
    item: &Item,
    paths: &[&str],
    known: &dyn Fn(&str) -> bool,
) -> Result<(), String> {
    for path in paths {
        for code in codes_at(item, path) {
            if !code.contains('/') && !known(&code) {
                return Err(item
                    .place(path)
                    .say(&format!("mã «{code}» không có trong biểu mẫu")));
            }
        }
    }
    Ok(())
}

fn depth(item: &Item) -> u64 {
    item.value
        .get("@depth")
        .and_then(Value::as_u64)
        .unwrap_or(0)
}

/// Deeper than any paper form nests its headers or its outline (and a
/// bound on the reader's recursion, whatever a workbook says).
const MAX_DEPTH: u64 = 8;

/// Items nested by their depth from `level`, under `children` (columns, items).
pub(super) fn nest(
    built: &mut Built,
    items: &[Item],
    level: u64,
    path: &str,
    children: &str,
) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        let d = depth(item);
        if d != level {
            let what = if d == 0 || d > MAX_DEPTH {
                format!("cấp phải từ 1 đến {MAX_DEPTH}")
            } else {
                format!("cấp {d} phải ngay sau một dòng cấp {}", d - 1)
            };
            return Err(item.place("@depth").say(&what));
        }
        let end = (i + 1..items.len())
            .find(|&k| depth(&items[k]) <= level)
            .unwrap_or(items.len());
        let here = format!("{path}[{}]", out.len());
        built.record(item, &here);
        let mut map = object(item);
        let nested = nest(
            built,
            &items[i + 1..end],
            level + 1,
            &format!("{here}.{children}"),
            children,
        )?;
        if !nested.is_empty() {
            map.insert(children.to_string(), Value::Array(nested));
        }
        out.push(Value::Object(map));
        i = end;
    }
    Ok(out)
}

pub(super) fn list_of(built: &mut Built, items: &[Item], path: &str) -> Value {
    Value::Array(
        items
            .iter()
            .enumerate()
            .map(|(k, item)| {
                built.record(item, &format!("{path}[{k}]"));
                Value::Object(object(item))
            })
            .collect(),
    )
}
