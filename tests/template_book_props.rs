//! Generated templates (random indicator tables, breakdowns, rules,
//! computed values, targets, grids and outlines) round-trip through their
//! workbook: template → sheets → template is the same template.
#![cfg(not(target_arch = "wasm32"))]

use bieumau::core::template::Template;
use bieumau::core::template_book::{as_workbook, template_from_workbook, template_sheets};
use proptest::prelude::*;
use serde_json::{json, Value};

const KINDS: [&str; 7] = [
    "heading",
    "count",
    "decimal",
    "percentage",
    "yes-no",
    "choice",
    "text",
];
const OPS: [&str; 3] = ["=", "<=", ">="];

#[derive(Debug, Clone)]
struct RowSpec {
    kind: usize,
    label: String,
    unit: String,
    decimals: Option<u8>,
    options: Vec<String>,
    part: bool,
    change: Option<(f64, f64)>,
}

prop_compose! {
    fn row_spec()(
        kind in 0..7usize,
        label in "[a-zA-Zđơư][a-zA-Z0-9 đàáạơư,.()=+-]{0,24}",
        unit in "[a-zA-Z %đ]{0,10}",
        decimals in proptest::option::of(0u8..5),
        options in proptest::collection::vec("[a-zA-Zđ][a-zA-Z đ]{0,8}[a-z]", 1..4),
        part in any::<bool>(),
        change in proptest::option::of((0u32..20, 0u32..100)),
    ) -> RowSpec {
        RowSpec { kind, label, unit, decimals, options, part, change: change.map(|(r, f)| (f64::from(r) / 10.0, f64::from(f))) }
    }
}

/// A rule: left and right (indexes into the quantities), op, error or
/// warning, message.
type Link = (usize, usize, usize, Option<bool>, Option<String>);

#[derive(Debug, Clone)]
struct Spec {
    rows: Vec<RowSpec>,
    sections: usize,
    links: Vec<Link>,
    grid: Option<(usize, bool, usize, bool, bool)>,
    outline: Vec<(String, bool, usize)>,
    target: Option<(usize, usize, u32)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        proptest::collection::vec(row_spec(), 1..10),
        1..4usize,
        proptest::collection::vec(
            (
                0..50usize,
                0..50usize,
                0..3usize,
                proptest::option::of(any::<bool>()),
                proptest::option::of("[a-zA-Z {}đ]{1,20}"),
            ),
            0..4,
        ),
        proptest::option::of((
            1..4usize,
            any::<bool>(),
            0..4usize,
            any::<bool>(),
            any::<bool>(),
        )),
        proptest::collection::vec(
            ("[A-Za-zđ][A-Za-z đ]{0,15}", any::<bool>(), 0..3usize),
            0..4,
        ),
        proptest::option::of((0..50usize, 0..50usize, 1..100u32)),
    )
        .prop_map(|(rows, sections, links, grid, outline, target)| Spec {
            rows,
            sections,
            links,
            grid,
            outline,
            target,
        })
}

fn template_json(spec: &Spec) -> Value {
    let per = spec.rows.len().div_ceil(spec.sections);
    let mut sections = Vec::new();
    let mut quantities: Vec<String> = Vec::new();
    for (s, chunk) in spec.rows.chunks(per).enumerate() {
        let mut rows = Vec::new();
        let mut parent: Option<(String, usize)> = None;
        let (mut parent_at, mut parts) = (None, 0);
        for (r, row) in chunk.iter().enumerate() {
            let code = format!("{}.{}", s + 1, r + 1);
            let kind = KINDS[row.kind];
            let mut item = json!({ "code": code, "label": row.label, "kind": kind });
            if !row.unit.trim().is_empty() {
                item["unit"] = json!(row.unit);
            }
            if matches!(kind, "decimal" | "percentage") {
                if let Some(d) = row.decimals {
                    item["decimals"] = json!(d);
                }
            }
            if kind == "choice" {
                item["options"] = json!(row
                    .options
                    .iter()
                    .enumerate()
                    .map(|(n, l)| json!({"code": n, "label": l}))
                    .collect::<Vec<_>>());
            }
            if kind == "yes-no" && row.part {
                item["yes"] = json!(row.options[0]);
            }
            if matches!(kind, "count" | "decimal" | "percentage") {
                quantities.push(code.clone());
                if let Some((ratio, from)) = row.change {
                    item["change"] = json!({"ratio": ratio, "from": from});
                }
                match &parent {
                    Some((p, pk)) if row.part && *pk == row.kind => {
                        item["part_of"] = json!(p);
                        parts += 1;
                    }
                    None if row.kind == 1 => {
                        parent = Some((code.clone(), row.kind));
                        parent_at = row.part.then_some(r);
                    }
                    _ => {}
                }
            }
            rows.push(item);
        }
        if let (Some(at), true) = (parent_at, parts > 0) {
            rows[at]["breakdown"] = json!("partition");
        }
        sections.push(json!({ "id": format!("phan-{}", s + 1), "title": format!("Phần {}", s + 1), "rows": rows }));
    }
    let mut root = json!({
        "format": 1, "id": "mau-sinh", "version": 1, "name": "Biểu mẫu sinh ngẫu nhiên",
        "annex": "Phụ lục", "title": "THỐNG KÊ", "sections": sections,
    });
    if let Some((counts, group, fixed, total, sum)) = spec.grid {
        let values: Vec<Value> = (0..counts)
            .map(|n| json!({"label": format!("Số {n}"), "kind": "count"}))
            .collect();
        let mut columns = vec![
            json!({"label": "STT", "kind": "stt"}),
            json!({"label": "Tên", "kind": "label", "width": 20.5}),
        ];
        if group {
            columns.push(json!({"label": "Nhóm số", "columns": values}));
        } else {
            columns.extend(values);
        }
        if sum {
            columns.push(json!({"label": "Tổng", "kind": "sum", "sum": (3..3 + counts as u32).collect::<Vec<_>>()}));
        }
        let mut grid = json!({ "columns": columns, "identities": [{"left": [3], "op": "<=", "right": [3], "severity": "error"}] });
        if fixed > 0 {
            grid["rows"] = json!((1..=fixed)
                .map(|k| json!({"key": k.to_string(), "label": format!("Dòng {k}")}))
                .collect::<Vec<_>>());
        } else {
            grid["add_rows"] = json!("dòng");
            grid["groups"] = json!(group);
        }
        if total {
            grid["total_row"] = json!("Tổng cộng");
        }
        root["sections"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "bang", "annex": "Biểu 1", "landscape": total, "grid": grid}));
    }
    if !quantities.is_empty() {
        let pick = |n: usize| quantities[n % quantities.len()].clone();
        let rules: Vec<Value> = spec
            .links
            .iter()
            .map(|(a, b, op, severity, message)| {
                let mut rule = json!({"left": [pick(*a)], "op": OPS[*op], "right": [pick(*b)]});
                if let Some(error) = severity {
                    rule["severity"] = json!(if *error { "error" } else { "warning" });
                }
                if let Some(m) = message {
                    rule["message"] = json!(m);
                }
                rule
            })
            .collect();
        root["rules"] = json!(rules);
        root["computed"] =
            json!([{"code": "tong", "label": "Tổng", "sum": quantities, "after": pick(0)}]);
        if let Some((a, b, limit)) = spec.target {
            root["targets"] = json!([{"id": "muc-tieu", "label": "Tỷ lệ", "rate": {"numerator": [pick(a)], "denominator": [pick(b)]}, "op": ">=", "limit": limit}]);
        }
    }
    if !spec.outline.is_empty() {
        let items: Vec<Value> = spec
            .outline
            .iter()
            .enumerate()
            .map(|(n, (title, required, children))| {
                let mut item = json!({"id": format!("M{n}"), "title": title, "required": required, "codes": ["1.1"]});
                if *children > 0 {
                    item["items"] = json!((0..*children).map(|k| json!({"id": format!("M{n}.{k}"), "title": format!("{title} {k}"), "required_in": ["nam", "quy-1"]})).collect::<Vec<_>>());
                }
                item
            })
            .collect();
        root["outline"] = json!({"subject": "Báo cáo {ky}", "items": items});
    }
    root
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_template_reads_back_from_its_workbook(spec in spec()) {
        let text = serde_json::to_string_pretty(&template_json(&spec)).unwrap();
        let template = Template::from_json(&text);
        prop_assert!(template.is_ok(), "the generator makes valid templates: {:?}\n{text}", template.err());
        let template = template.unwrap();
        let book = as_workbook(&template_sheets(&template));
        let back = template_from_workbook(&book);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let mut back = back.unwrap();
        back.source = template.source.clone();
        prop_assert_eq!(back, template);
    }
}

const HOSTILE: [&str; 14] = [
    "",
    " ",
    "9.9.9",
    "-1",
    "1e400",
    "NaN",
    "có",
    "bảng",
    "10",
    "1, 2, 3",
    "a → b",
    "0 = x\n0 = y",
    "99999999999",
    "{at}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any cell of a workbook changed to anything: a template or a message
    /// that names a sheet, never a panic.
    #[test]
    fn a_workbook_edited_anyhow_is_read_or_refused_with_a_sheet_named(
        edits in proptest::collection::vec((0..16usize, 0..120usize, 0..16usize, 0..HOSTILE.len()), 1..6),
        drop_sheet in proptest::option::of(0..16usize),
    ) {
        let template = bieumau::core::catalog::builtin_template("huyen-cchc").unwrap();
        let mut book = as_workbook(&template_sheets(&template));
        for (sheet, row, column, text) in edits {
            let n = book.sheets.len();
            let sheet = &mut book.sheets[sheet % n];
            if sheet.rows.is_empty() {
                continue;
            }
            let rows = sheet.rows.len();
            let row = &mut sheet.rows[row % rows];
            if row.len() <= column {
                row.resize(column + 1, String::new());
            }
            row[column] = HOSTILE[text].to_string();
        }
        if let Some(n) = drop_sheet {
            let n = n % book.sheets.len();
            book.sheets.remove(n);
        }
        if let Err(message) = template_from_workbook(&book) {
            prop_assert!(message.contains("Trang \"") || message.contains("thiếu trang"), "{message}");
        }
    }
}
