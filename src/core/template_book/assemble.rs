//! The items of the sheets put together as the template file's JSON: rows
//! into their sections, columns and outline items under the one above
//! them by depth, «Trong đó» groups under their parent row. Every field
//! placed remembers its cell, so a fault the loader finds later at a JSON
//! path is told at that cell; a reference to a code or a section that is
//! not there is found here, at its cell.

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use super::built::{check_codes, list_of, nest, object, Built};
use super::cells::set;
use super::read::{read_fields, read_table, Item, Place};
use super::tables::*;
use crate::core::sheet::Workbook;

struct SectionEntry {
    at: usize,
    grid: bool,
    place: Place,
}

fn section_of(
    item: &Item,
    sections: &FxHashMap<String, SectionEntry>,
    grid: bool,
) -> Result<usize, String> {
    let id = item.text("@section");
    let place = item.place("@section");
    match sections.get(&id) {
        None => Err(place.say(&format!("phần «{id}» không có ở trang \"{SECTIONS}\""))),
        Some(s) if s.grid != grid => Err(place.say(&if grid {
            format!(
                "phần «{id}» không phải kiểu \"bảng\" (trang \"{SECTIONS}\", dòng {})",
                s.place.row + 1
            )
        } else {
            format!("phần «{id}» là kiểu \"bảng\": các cột của nó ghi ở trang \"{GRID_COLUMNS}\"")
        })),
        Some(s) => Ok(s.at),
    }
}

/// The order fields are written in the file.
const ORDER: &[&str] = &[
    "format",
    "id",
    "version",
    "name",
    "description",
    "annex",
    "title",
    "unit_note",
    "levels",
    "recipients",
    "sections",
    "computed",
    "rules",
    "targets",
    "outline",
    "rollup",
    "changes",
];

pub(super) fn assemble(book: &Workbook) -> Result<Built, String> {
    let mut built = Built::default();
    let mut root = Map::new();
    read_fields(book, INFO, INFO_FIELDS, true, &mut root, &mut built.places)?;

    let mut sections: Vec<Map<String, Value>> = Vec::new();
    let mut by_id: FxHashMap<String, SectionEntry> = FxHashMap::default();
    for item in read_table(book, &SECTION_TABLE, true)? {
        let id = item.text("id");
        if let Some(before) = by_id.get(&id) {
            return Err(item.place("id").say(&format!(
                "mã phần «{id}» đã có ở dòng {}",
                before.place.row + 1
            )));
        }
        let grid = item.text("@kind") == GRID;
        let mut map = object(&item);
        let grid_cell = item.cells.iter().find(|(p, _, _)| p.starts_with("grid."));
        if let (false, Some(&(path, _, heading))) = (grid, grid_cell) {
            return Err(item
                .place(path)
                .say(&format!("cột «{heading}» chỉ dùng cho phần kiểu \"bảng\"")));
        }
        if grid {
            set(&mut map, "grid.columns", Value::Array(Vec::new()));
        }
        let at = sections.len();
        built.record(&item, &format!("sections[{at}]"));
        built.names.push((id.clone(), item.place("id")));
        by_id.insert(
            id,
            SectionEntry {
                at,
                grid,
                place: item.place("id"),
            },
        );
        sections.push(map);
    }

    let mut rows: Vec<Vec<Map<String, Value>>> = vec![Vec::new(); sections.len()];
    let mut codes: FxHashMap<String, (usize, usize, Place)> = FxHashMap::default();
    let row_items = read_table(book, &ROW_TABLE, true)?;
    for item in &row_items {
        let s = section_of(item, &by_id, false)?;
        let code = item.text("code");
        if let Some((_, _, before)) = codes.get(&code) {
            return Err(item
                .place("code")
                .say(&format!("mã «{code}» đã có ở dòng {}", before.row + 1)));
        }
        let j = rows[s].len();
        built.record(item, &format!("sections[{s}].rows[{j}]"));
        built.names.push((code.clone(), item.place("code")));
        codes.insert(code, (s, j, item.place("code")));
        rows[s].push(object(item));
    }
    for item in read_table(book, &GROUP_TABLE, true)? {
        let parent = item.text("@parent");
        let Some(&(s, j, _)) = codes.get(&parent) else {
            return Err(item
                .place("@parent")
                .say(&format!("mã «{parent}» không có ở trang \"{ROWS}\"")));
        };
        let row = &mut rows[s][j];
        if row.get("breakdown").is_some_and(Value::is_string) {
            return Err(item.place("@parent").say(&format!(
                "dòng «{parent}» đã ghi \"Cách tách\" ở trang \"{ROWS}\"; dòng tách theo nhiều nhóm để trống ô đó"
            )));
        }
        let groups = row
            .entry("breakdown")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(groups) = groups {
            built.record(
                &item,
                &format!("sections[{s}].rows[{j}].breakdown[{}]", groups.len()),
            );
            groups.push(Value::Object(object(&item)));
        }
    }

    let mut grid_parts: Vec<[Vec<Item>; 3]> =
        (0..sections.len()).map(|_| Default::default()).collect();
    for (n, table) in [&GRID_COLUMN_TABLE, &GRID_ROW_TABLE, &IDENTITY_TABLE]
        .into_iter()
        .enumerate()
    {
        for item in read_table(book, table, true)? {
            let s = section_of(&item, &by_id, true)?;
            grid_parts[s][n].push(item);
        }
    }
    for (s, [columns, fixed, identities]) in grid_parts.iter().enumerate() {
        let path = format!("sections[{s}].grid");
        let columns = nest(
            &mut built,
            columns,
            1,
            &format!("{path}.columns"),
            "columns",
        )?;
        if !columns.is_empty() {
            set(&mut sections[s], "grid.columns", Value::Array(columns));
        }
        if !fixed.is_empty() {
            let list = list_of(&mut built, fixed, &format!("{path}.rows"));
            set(&mut sections[s], "grid.rows", list);
        }
        if !identities.is_empty() {
            let list = list_of(&mut built, identities, &format!("{path}.identities"));
            set(&mut sections[s], "grid.identities", list);
        }
    }
    for (section, rows) in sections.iter_mut().zip(rows) {
        if !rows.is_empty() {
            section.insert(
                "rows".into(),
                Value::Array(rows.into_iter().map(Value::Object).collect()),
            );
        }
    }
    root.insert(
        "sections".into(),
        Value::Array(sections.into_iter().map(Value::Object).collect()),
    );

    let computed = read_table(book, &COMPUTED_TABLE, true)?;
    let rules = read_table(book, &RULE_TABLE, true)?;
    let targets = read_table(book, &TARGET_TABLE, true)?;
    let outline = read_table(book, &OUTLINE_TABLE, true)?;
    let computed_codes: Vec<String> = computed.iter().map(|i| i.text("code")).collect();
    let known = |code: &str| codes.contains_key(code) || computed_codes.iter().any(|c| c == code);
    for item in &row_items {
        check_codes(item, &["part_of"], &known)?;
    }
    for item in &computed {
        check_codes(
            item,
            &["after", "sum", "rate.numerator", "rate.denominator"],
            &known,
        )?;
        built.names.push((item.text("code"), item.place("code")));
    }
    for item in &rules {
        check_codes(item, &["left", "right", "at"], &known)?;
        built.names.push((item.text("id"), item.place("id")));
    }
    for item in &targets {
        check_codes(
            item,
            &["sum", "rate.numerator", "rate.denominator", "at"],
            &known,
        )?;
        built.names.push((item.text("id"), item.place("id")));
    }
    for item in &outline {
        check_codes(item, &["codes"], &|c: &str| {
            known(c) || by_id.contains_key(c)
        })?;
        built.names.push((item.text("id"), item.place("id")));
    }
    for (key, items) in [
        ("computed", &computed),
        ("rules", &rules),
        ("targets", &targets),
    ] {
        if !items.is_empty() {
            let list = list_of(&mut built, items, key);
            root.insert(key.into(), list);
        }
    }
    let items = nest(&mut built, &outline, 1, "outline.items", "items")?;
    if !items.is_empty() {
        set(&mut root, "outline.items", Value::Array(items));
    }

    let has_rollup = read_fields(
        book,
        ROLLUP,
        ROLLUP_FIELDS,
        false,
        &mut root,
        &mut built.places,
    )?;
    let rollup_columns = read_table(book, &ROLLUP_COLUMN_TABLE, false)?;
    let kinds = read_table(book, &ROLLUP_KIND_TABLE, false)?;
    if has_rollup || !rollup_columns.is_empty() || !kinds.is_empty() {
        let mut columns = Map::new();
        for item in &rollup_columns {
            let n = item.text("@column");
            built
                .places
                .push((format!("rollup.columns.{n}"), item.place("@codes")));
            columns.insert(n, item.value.get("@codes").cloned().unwrap_or(Value::Null));
        }
        set(&mut root, "rollup.columns", Value::Object(columns));
        if !kinds.is_empty() {
            let list = list_of(&mut built, &kinds, "rollup.by_kind.rows");
            set(&mut root, "rollup.by_kind.rows", list);
        }
    }
    for path in ["rollup.section", "rollup.by_kind.section"] {
        let id = super::cells::get_in(&root, path)
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !id.is_empty() && !by_id.contains_key(id) {
            if let Some((_, place)) = built.places.iter().find(|(p, _)| p == path) {
                return Err(place.say(&format!("phần «{id}» không có ở trang \"{SECTIONS}\"")));
            }
        }
    }
    let changes = read_table(book, &CHANGE_TABLE, true)?;
    if !changes.is_empty() {
        let list = list_of(&mut built, &changes, "changes");
        root.insert("changes".into(), list);
    }

    for key in ORDER {
        if let Some(value) = root.remove(*key) {
            built.root.insert((*key).to_string(), value);
        }
    }
    built.root.append(&mut root);
    Ok(built)
}
