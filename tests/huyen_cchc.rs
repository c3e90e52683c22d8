//! The district annexes of seed 002 (Khánh Sơn 2019), through the core
//! alone: Phụ lục V adds up to the seed's "Tổng cộng" figure for figure,
//! and Phụ lục VI shows the true sums and flags Sơn Bình.

use bieumau::core::catalog::builtin_template;
use bieumau::core::grid::{cell_code, total_text, Grid};
use bieumau::core::report::Report;
use bieumau::core::issue::Severity;
use serde_json::Value;

fn fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/khanh-son-2019.json")).unwrap()
}

fn typed(section: &str, fixture: &Value, report: &mut Report) {
    let mut keys = Vec::new();
    for row in fixture[section]["rows"].as_array().unwrap() {
        let key = Grid::next_key(&keys, false);
        report.set_value(&cell_code(section, &key, 2), row["label"].as_str().unwrap());
        for (column, text) in row["cells"].as_object().unwrap() {
            report.set_value(&cell_code(section, &key, column.parse().unwrap()), text.as_str().unwrap());
        }
        keys.push(key);
    }
    report.rows.insert(section.to_string(), keys);
}

#[test]
fn phu_luc_v_totals_equal_the_seed_figure_for_figure() {
    let template = builtin_template("huyen-cchc").unwrap();
    let fixture = fixture();
    let mut report = Report::new(&template);
    typed("pl5", &fixture, &mut report);
    let evaluation = report.evaluate(&template);
    let (position, _) = template.grids().enumerate().find(|(_, (s, _))| s.id == "pl5").unwrap();
    let grid = &evaluation.grids[position];
    for (column, expected) in fixture["pl5"]["seed_total"].as_object().unwrap() {
        let i: usize = column.parse::<usize>().unwrap() - 1;
        assert_eq!(total_text(grid.totals[i], 0), expected.as_str().unwrap(), "column ({column})");
    }
    assert!(evaluation.issues.is_empty(), "{:?}", evaluation.issues);
}

#[test]
fn phu_luc_vi_flags_son_binh_and_shows_the_true_sums() {
    let template = builtin_template("huyen-cchc").unwrap();
    let fixture = fixture();
    let mut report = Report::new(&template);
    typed("pl6", &fixture, &mut report);
    let evaluation = report.evaluate(&template);
    let (position, _) = template.grids().enumerate().find(|(_, (s, _))| s.id == "pl6").unwrap();
    let grid = &evaluation.grids[position];
    for (column, expected) in fixture["pl6"]["true_total"].as_object().unwrap() {
        let i: usize = column.parse::<usize>().unwrap() - 1;
        assert_eq!(total_text(grid.totals[i], 0), expected.as_str().unwrap(), "column ({column})");
    }
    assert_ne!(total_text(grid.totals[4], 0), "7.814", "not the seed's hand-added 7.814");
    let flagged: Vec<&str> = evaluation.issues.iter().map(|i| i.code.as_str()).collect();
    let expected: Vec<&str> = fixture["pl6"]["warnings"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(flagged, expected);
    assert!(evaluation.issues.iter().all(|i| i.severity == Severity::Warning));
    let son_binh = &evaluation.issues[1].message;
    assert_eq!(
        son_binh,
        "Phụ lục VI, dòng 6 (UBND xã Sơn Bình): (3) «Hồ sơ giải quyết – Tổng số» = 1.594, khác (4) «Kỳ trước chuyển sang» + (5) «Nhận trong kỳ» = 1.558 (lệch 36)"
    );
}

#[test]
fn bieu_06_checks_its_identities() {
    let template = builtin_template("bieu-06").unwrap();
    let grid = template.grid("ket-qua").unwrap();
    assert_eq!(grid.columns.len(), 13);
    let mut report = Report::new(&template);
    report.rows.insert("ket-qua".into(), vec!["1".into()]);
    for (n, v) in [(2, "Hộ tịch"), (3, "120"), (4, "30"), (5, "80"), (6, "10"), (7, "100"), (8, "20"), (9, "78"), (10, "2"), (11, "21"), (12, "20"), (13, "1")] {
        report.set_value(&cell_code("ket-qua", "1", n), v);
    }
    let evaluation = report.evaluate(&template);
    assert_eq!(evaluation.issues.len(), 1, "{:?}", evaluation.issues);
    assert!(evaluation.issues[0].message.contains("(3) «Số hồ sơ nhận giải quyết – Tổng số» = 120, khác (7)"), "{}", evaluation.issues[0].message);
    assert_eq!(evaluation.grids[0].totals[2], Some(120.0));
}
