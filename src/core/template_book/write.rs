//! A template file's JSON as the workbook's sheets: each part flattened to
//! one row per item, the rows' places (section, depth, parent) in `@`
//! columns.

use serde_json::{Map, Value};

use super::cells::{get, to_cell};
use super::tables::*;
use crate::core::export::xlsx::book::{BookCell, BookSheet, ListCheck};

/// Drop-downs reach this row, so rows added below the written ones have them.
const LAST_LISTED_ROW: u32 = 1000;

fn items(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// `item` with the `@` fields that place it.
fn placed(item: &Value, places: &[(&str, Value)]) -> Value {
    let mut map = item.as_object().cloned().unwrap_or_default();
    for (key, value) in places {
        map.insert((*key).to_string(), value.clone());
    }
    Value::Object(map)
}

fn choices(kind: Kind) -> Option<Vec<String>> {
    match kind {
        Kind::Pick(list) => Some(list.iter().map(|s| s.to_string()).collect()),
        Kind::Bool => Some(BOOLS.iter().map(|s| s.to_string()).collect()),
        _ => None,
    }
}

pub(super) fn table_sheet(table: &Table, rows: &[Value]) -> BookSheet {
    let mut out = vec![
        table
            .columns
            .iter()
            .map(|c| BookCell::Text(c.heading.into()))
            .collect(),
        table
            .columns
            .iter()
            .map(|c| BookCell::Text(c.note.into()))
            .collect::<Vec<_>>(),
    ];
    for row in rows {
        out.push(
            table
                .columns
                .iter()
                .map(|c| to_cell(get(row, c.path), c.kind))
                .collect(),
        );
    }
    let last = LAST_LISTED_ROW.max(out.len() as u32 + 200);
    BookSheet {
        name: table.name.into(),
        widths: table.columns.iter().map(|c| c.width).collect(),
        head_rows: 2,
        // Codes, names and lists stay as typed; figures stay numbers.
        text_columns: table
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| !matches!(c.kind, Kind::Int | Kind::Num))
            .map(|(i, _)| i)
            .collect(),
        lists: table
            .columns
            .iter()
            .enumerate()
            .filter_map(|(column, c)| {
                choices(c.kind).map(|choices| ListCheck {
                    column,
                    rows: (3, last),
                    choices,
                })
            })
            .collect(),
        rows: out,
    }
}

pub(super) fn field_sheet(name: &str, fields: &[Field], root: &Value) -> BookSheet {
    let mut rows = vec![FIELD_HEADINGS
        .iter()
        .map(|h| BookCell::Text((*h).into()))
        .collect::<Vec<_>>()];
    let mut lists = Vec::new();
    for (n, f) in fields.iter().enumerate() {
        if let Some(choices) = choices(f.kind) {
            let row = n as u32 + 2;
            lists.push(ListCheck {
                column: 1,
                rows: (row, row),
                choices,
            });
        }
        rows.push(vec![
            BookCell::Text(f.label.into()),
            to_cell(get(root, f.path), f.kind),
            BookCell::Text(f.note.into()),
        ]);
    }
    BookSheet {
        name: name.into(),
        widths: vec![22.0, 60.0, 60.0],
        head_rows: 1,
        // A value retyped stays as typed (read back as the field's kind).
        text_columns: vec![1],
        rows,
        lists,
    }
}

fn is_group(column: &Value) -> bool {
    !items(column.get("columns")).is_empty()
}

/// A grid's columns, depth first, with their depth and printed number.
fn grid_columns(
    columns: &[Value],
    section: &Value,
    depth: u64,
    leaf: &mut u32,
    out: &mut Vec<Value>,
) {
    for column in columns {
        let number = if is_group(column) {
            String::new()
        } else {
            *leaf += 1;
            format!("({leaf})")
        };
        out.push(placed(
            column,
            &[
                ("@section", section.clone()),
                ("@depth", Value::from(depth)),
                ("@number", Value::from(number)),
            ],
        ));
        grid_columns(items(column.get("columns")), section, depth + 1, leaf, out);
    }
}

fn outline_items(list: &[Value], depth: u64, out: &mut Vec<Value>) {
    for item in list {
        out.push(placed(item, &[("@depth", Value::from(depth))]));
        outline_items(items(item.get("items")), depth + 1, out);
    }
}

/// The sheets of a template file, in tab order.
pub(super) fn sheets(root: &Value) -> Vec<BookSheet> {
    let sections = items(root.get("sections"));
    let (mut section_rows, mut rows, mut groups) = (Vec::new(), Vec::new(), Vec::new());
    let (mut columns, mut fixed, mut identities) = (Vec::new(), Vec::new(), Vec::new());
    for section in sections {
        let id = section.get("id").cloned().unwrap_or(Value::Null);
        let grid = section.get("grid");
        let kind = if grid.is_some() {
            GRID
        } else {
            SECTION_KINDS[0]
        };
        section_rows.push(placed(section, &[("@kind", Value::from(kind))]));
        for row in items(section.get("rows")) {
            let mut row = placed(row, &[("@section", id.clone())]);
            if let Some(Value::Array(list)) = row.get("breakdown").cloned() {
                for group in &list {
                    let parent = row.get("code").cloned().unwrap_or(Value::Null);
                    groups.push(placed(group, &[("@parent", parent)]));
                }
                if let Value::Object(map) = &mut row {
                    map.remove("breakdown");
                }
            }
            rows.push(row);
        }
        if let Some(grid) = grid {
            grid_columns(items(grid.get("columns")), &id, 1, &mut 0, &mut columns);
            let at = [("@section", id.clone())];
            fixed.extend(items(grid.get("rows")).iter().map(|r| placed(r, &at)));
            identities.extend(items(grid.get("identities")).iter().map(|r| placed(r, &at)));
        }
    }
    let mut outline = Vec::new();
    outline_items(items(get(root, "outline.items")), 1, &mut outline);
    let mut out = vec![
        field_sheet(INFO, INFO_FIELDS, root),
        table_sheet(&SECTION_TABLE, &section_rows),
        table_sheet(&ROW_TABLE, &rows),
        table_sheet(&GROUP_TABLE, &groups),
        table_sheet(&GRID_COLUMN_TABLE, &columns),
        table_sheet(&GRID_ROW_TABLE, &fixed),
        table_sheet(&IDENTITY_TABLE, &identities),
        table_sheet(&COMPUTED_TABLE, items(root.get("computed"))),
        table_sheet(&RULE_TABLE, items(root.get("rules"))),
        table_sheet(&TARGET_TABLE, items(root.get("targets"))),
        table_sheet(&OUTLINE_TABLE, &outline),
    ];
    if root.get("rollup").is_some_and(|r| !r.is_null()) {
        out.push(field_sheet(ROLLUP, ROLLUP_FIELDS, root));
        let columns: Vec<Value> = get(root, "rollup.columns")
            .and_then(Value::as_object)
            .map(|map: &Map<String, Value>| {
                map.iter()
                    .map(|(n, codes)| {
                        let n = n
                            .trim()
                            .parse::<u64>()
                            .map_or_else(|_| Value::from(n.as_str()), Value::from);
                        placed(
                            &Value::Object(Map::new()),
                            &[("@column", n), ("@codes", codes.clone())],
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(table_sheet(&ROLLUP_COLUMN_TABLE, &columns));
        out.push(table_sheet(
            &ROLLUP_KIND_TABLE,
            items(get(root, "rollup.by_kind.rows")),
        ));
    }
    out.push(table_sheet(&CHANGE_TABLE, items(root.get("changes"))));
    out
}
