//! Tests of grid sections: loading, sums, identities, numbering, paste.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use crate::core::grid::{cell_code, numbering, roman, total_text, CellValue, ColumnRole, Grid};
use crate::core::grid_file::GridFile;
use crate::core::issue::Severity;
use crate::core::loading::TemplateError;
use crate::core::paste::parse_tsv;
use crate::core::report::Report;

fn grid(json: &str) -> Result<Grid, TemplateError> {
    let file: GridFile = crate::core::json_read::read(json).map_err(TemplateError)?;
    Grid::from_file(&file, "pl")
}

const DOSSIERS: &str = r#"{"add_rows":"lĩnh vực","total_row":"Tổng cộng","columns":[
    {"label":"STT","kind":"stt"},{"label":"Lĩnh vực","kind":"label"},
    {"label":"Hồ sơ","columns":[{"label":"Tổng số","kind":"count"},{"label":"Kỳ trước","kind":"count"},{"label":"Trong kỳ","kind":"count"}]},
    {"label":"Đã giải quyết","columns":[{"label":"Tổng số","kind":"sum","sum":[7,8]},{"label":"Đúng hạn","kind":"count"},{"label":"Trễ hạn","kind":"count"}]}],
    "identities":[{"left":[3],"op":"=","right":[4,5]},{"left":[6],"op":"<=","right":[3]}]}"#;

#[test]
fn numbers_columns_and_builds_the_header() {
    let g = grid(DOSSIERS).unwrap();
    assert_eq!(g.columns.len(), 8);
    assert_eq!(g.columns[5].number, 6);
    assert_eq!(g.columns[5].role, ColumnRole::Sum(vec![6, 7]));
    assert_eq!(g.head.len(), 2);
    let top: Vec<(&str, usize, usize)> = g.head[0]
        .iter()
        .map(|c| (c.text.as_str(), c.colspan, c.rowspan))
        .collect();
    assert_eq!(
        top,
        [
            ("STT", 1, 2),
            ("Lĩnh vực", 1, 2),
            ("Hồ sơ", 3, 1),
            ("Đã giải quyết", 3, 1)
        ]
    );
    assert_eq!(g.head[1].len(), 6);
    assert_eq!(g.column_name(2), "(3) «Hồ sơ – Tổng số»");
    assert_eq!(g.column_name(3), "(4) «Kỳ trước»");
}

fn report_with(rows: &[(&str, &[(u32, &str)])]) -> Report {
    let mut report = Report::default();
    report.rows.insert(
        "pl".into(),
        rows.iter().map(|(k, _)| k.to_string()).collect(),
    );
    for (key, cells) in rows {
        for (n, text) in *cells {
            report.set_value(&cell_code("pl", key, *n), text);
        }
    }
    report
}

#[test]
fn rows_sums_totals_and_identities() {
    let g = grid(DOSSIERS).unwrap();
    let report = report_with(&[
        ("1", &[(2, "Tư pháp"), (3, "681"), (5, "681"), (7, "681")]),
        (
            "2",
            &[
                (2, "UBND xã Sơn Bình"),
                (3, "1.594"),
                (4, "7"),
                (5, "1551"),
                (7, "1.525"),
                (8, "1"),
            ],
        ),
        ("3", &[(2, "Y tế"), (3, "-2")]),
    ]);
    let e = report.evaluate_grid("pl", "Phụ lục VI", &g);
    assert_eq!(e.rows[1].cells[5], CellValue::Sum(Some(1526.0)));
    assert_eq!(e.totals[2], Some(2275.0), "the invalid -2 is not added");
    assert_eq!(e.totals[3], Some(7.0));
    assert_eq!(e.totals[4], Some(2232.0));
    assert_eq!(e.totals[5], Some(2207.0));
    assert_eq!(e.totals[1], None, "labels are not summed");
    let messages: Vec<&str> = e.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(
        messages[0],
        "Phụ lục VI, dòng 2 (UBND xã Sơn Bình): (3) «Hồ sơ – Tổng số» = 1.594, khác (4) «Kỳ trước» + (5) «Trong kỳ» = 1.558 (lệch 36)"
    );
    assert_eq!(e.issues[0].code, "pl/2/c3");
    assert_eq!(e.issues[1].severity, Severity::Error);
    assert_eq!(e.issues[1].code, "pl/3/c3");
    assert_eq!((e.filled, e.fillable), (8, 15));
}

#[test]
fn identities_wait_for_both_sides() {
    let g = grid(DOSSIERS).unwrap();
    let e = report_with(&[("1", &[(3, "5")])]).evaluate_grid("pl", "", &g);
    assert!(e.issues.is_empty());
    let e = report_with(&[("1", &[(3, "5"), (5, "4")])]).evaluate_grid("pl", "", &g);
    assert_eq!(e.issues.len(), 1);
    assert!(
        e.issues[0].message.starts_with("dòng 1: (3)"),
        "{}",
        e.issues[0].message
    );
}

#[test]
fn editable_keys_and_numbering() {
    let keys: Vec<String> = ["g1", "1", "2", "g2", "3"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(numbering(&keys), ["I", "1", "2", "II", "3"]);
    assert_eq!(Grid::next_key(&keys, false), "4");
    assert_eq!(Grid::next_key(&keys, true), "g3");
    assert_eq!(Grid::next_key(&[], false), "1");
    assert_eq!(roman(14), "XIV");
}

#[test]
fn knows_its_cells() {
    let g = grid(DOSSIERS).unwrap();
    let report = report_with(&[("1", &[])]);
    assert!(report.holds_cell("pl", &g, "pl/1/c2"));
    assert!(report.holds_cell("pl", &g, "pl/1/c8"));
    assert!(
        !report.holds_cell("pl", &g, "pl/1/c6"),
        "a sum column is computed"
    );
    assert!(!report.holds_cell("pl", &g, "pl/1/c1"));
    assert!(!report.holds_cell("pl", &g, "pl/2/c3"), "no such row");
    assert!(!report.holds_cell("pl", &g, "pl/1/c99"));
    assert!(!report.holds_cell("pl", &g, "px/1/c3"));
}

#[test]
fn refuses_broken_grids() {
    let cases = [
        (
            DOSSIERS.replace("[7,8]", "[7,2]"),
            "là cột không có số để cộng",
        ),
        (
            DOSSIERS.replace("[4,5]", "[4,50]"),
            "nhắc đến cột (50), nhưng bảng chỉ có 8 cột",
        ),
        (
            DOSSIERS.replace("\"kind\":\"label\"", "\"kind\":\"text\""),
            "đúng một cột tên dòng",
        ),
        (
            DOSSIERS.replace("\"add_rows\":\"lĩnh vực\",", ""),
            "\"rows\" (các dòng cố định) hoặc \"add_rows\"",
        ),
        (
            DOSSIERS.replace("\"op\":\"=\"", "\"op\":\"<\""),
            "phép so sánh \"<\"",
        ),
        (
            DOSSIERS.replace("\"kind\":\"stt\"", "\"kind\":\"số\""),
            "kiểu \"số\" không được hỗ trợ",
        ),
    ];
    for (json, expected) in cases {
        let err = grid(&json).unwrap_err();
        assert!(err.0.contains(expected), "expected «{expected}» in «{err}»");
    }
}

#[test]
fn pastes_line_up_with_the_printed_columns() {
    let rows = parse_tsv("Tư pháp\t681\t\t681\r\n\"Y tế\ttuyến \"\"xã\"\"\"\t3\n");
    assert_eq!(
        rows,
        vec![
            vec!["Tư pháp", "681", "", "681"],
            vec!["Y tế\ttuyến \"xã\"", "3"]
        ]
    );
    let g = grid(DOSSIERS).unwrap();
    // From the label column: (2) (3) (4) (5); from (5): (5), then (6) is a sum and is passed over.
    let plan = g.paste_plan(1, &rows);
    assert_eq!(
        plan[0],
        vec![
            (1, "Tư pháp".into()),
            (2, "681".into()),
            (3, "".into()),
            (4, "681".into())
        ]
    );
    let plan = g.paste_plan(4, &[vec!["1".into(), "2".into(), "3".into()]]);
    assert_eq!(plan[0], vec![(4, "1".into()), (6, "3".into())]);
    assert!(
        g.paste_plan(7, &[vec!["1".into(), "2".into()]])[0].len() == 1,
        "nothing past the last column"
    );
}

#[test]
fn total_text_prints_zero_as_a_dash() {
    assert_eq!(total_text(Some(8990.0), 0), "8.990");
    assert_eq!(total_text(Some(0.0), 0), "-");
    assert_eq!(total_text(None, 0), "");
}

#[test]
fn cell_codes_are_written_and_found_by_row() {
    assert_eq!(cell_code("pl5", "12", 3), "pl5/12/c3");
    assert_eq!(cell_code("pl5", "g1", 0), "pl5/g1/c0");
    assert_eq!(cell_code("a", "b", u32::MAX), format!("a/b/c{}", u32::MAX));
    let mut report = crate::core::report::Report::default();
    for (code, text) in [
        ("pl5/1/c3", "7"),
        ("pl5/1/c12", "9"),
        ("pl5/10/c3", "1"),
        ("pl5/1/c07", "5"),
        ("pl5/1/c+4", "6"),
        ("pl4/1/c3", "2"),
    ] {
        report.set_value(code, text);
    }
    let row = report.row_texts("pl5", "1");
    assert_eq!((row.get(3), row.get(12)), ("7", "9"));
    // Another row, another section, and codes `cell_code` never writes are not this row's cells.
    assert_eq!((row.get(7), row.get(4), row.get(10)), ("", "", ""));
    assert_eq!(report.row_texts("pl5", "10").get(3), "1");
    assert_eq!(report.row_texts("pl5", "2").get(3), "");
}
