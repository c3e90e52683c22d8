//! The district annexes of seed 002 (Khánh Sơn 2019), through the core
//! alone: Phụ lục V adds up to the seed's "Tổng cộng" figure for figure,
//! and Phụ lục VI shows the true sums and flags Sơn Bình.

use bieumau::core::catalog::builtin_template;
use bieumau::core::grid::{cell_code, total_text};
use bieumau::core::issue::Severity;
use bieumau::core::report::Report;
#[path = "common/khanh_son.rs"]
mod khanh_son;

use khanh_son::{fixture, typed};

#[test]
fn phu_luc_v_totals_equal_the_seed_figure_for_figure() {
    let template = builtin_template("huyen-cchc").unwrap();
    let fixture = fixture();
    let mut report = Report::new(&template);
    typed("pl5", &fixture, &mut report);
    let evaluation = report.evaluate(&template);
    let (position, _) = template
        .grids()
        .enumerate()
        .find(|(_, (s, _))| s.id == "pl5")
        .unwrap();
    let grid = &evaluation.grids[position];
    for (column, expected) in fixture["pl5"]["seed_total"].as_object().unwrap() {
        let i: usize = column.parse::<usize>().unwrap() - 1;
        assert_eq!(
            total_text(grid.totals[i], 0),
            expected.as_str().unwrap(),
            "column ({column})"
        );
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
    let (position, _) = template
        .grids()
        .enumerate()
        .find(|(_, (s, _))| s.id == "pl6")
        .unwrap();
    let grid = &evaluation.grids[position];
    for (column, expected) in fixture["pl6"]["true_total"].as_object().unwrap() {
        let i: usize = column.parse::<usize>().unwrap() - 1;
        assert_eq!(
            total_text(grid.totals[i], 0),
            expected.as_str().unwrap(),
            "column ({column})"
        );
    }
    assert_ne!(
        total_text(grid.totals[4], 0),
        "7.814",
        "not the seed's hand-added 7.814"
    );
    let flagged: Vec<&str> = evaluation.issues.iter().map(|i| i.code.as_str()).collect();
    let expected: Vec<&str> = fixture["pl6"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(flagged, expected);
    assert!(evaluation
        .issues
        .iter()
        .all(|i| i.severity == Severity::Warning));
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
    for (n, v) in [
        (2, "Hộ tịch"),
        (3, "120"),
        (4, "30"),
        (5, "80"),
        (6, "10"),
        (7, "100"),
        (8, "20"),
        (9, "78"),
        (10, "2"),
        (11, "21"),
        (12, "20"),
        (13, "1"),
    ] {
        report.set_value(&cell_code("ket-qua", "1", n), v);
    }
    let evaluation = report.evaluate(&template);
    assert_eq!(evaluation.issues.len(), 1, "{:?}", evaluation.issues);
    assert!(
        evaluation.issues[0]
            .message
            .contains("(3) «Số hồ sơ nhận giải quyết – Tổng số» = 120, khác (7)"),
        "{}",
        evaluation.issues[0].message
    );
    assert_eq!(evaluation.grids[0].totals[2], Some(120.0));
}

/// Every message seed 002's Phụ lục V and VI must raise, typed into one
/// report: its real slips, each once, and nothing else.
///
/// Phụ lục VI's printed "Tổng cộng" (7.814 received in the period against
/// rows adding up to 8.990) is a slip too, but it cannot be raised: the app
/// computes the total row from the rows, so a clerk never types it.
const SEED_SLIPS: [&str; 4] = [
    // Ba Cùm Nam received 986 dossiers, but resolved (982 accepted + 2
    // refused), in progress (none) and cancelled (none) make 984: two
    // dossiers are in no column.
    "Phụ lục VI, dòng 1 (UBND xã Ba Cùm Nam): (3) «Hồ sơ giải quyết – Tổng số» = 986, khác (6) «Đồng ý giải quyết – Tổng số» + (10) «Từ chối giải quyết – Tổng số» + (14) «Hồ sơ đang giải quyết – Tổng số» + (18) «Hồ sơ hủy» = 984 (lệch 2)",
    // Sơn Bình's 1.594 in total against 7 carried over + 1.551 received
    // (1.558): the seed's own example of a hand-added row.
    "Phụ lục VI, dòng 6 (UBND xã Sơn Bình): (3) «Hồ sơ giải quyết – Tổng số» = 1.594, khác (4) «Kỳ trước chuyển sang» + (5) «Nhận trong kỳ» = 1.558 (lệch 36)",
    // Sơn Bình's 1.562 accepted and resolved against 1.525 early + 1 late
    // (1.526); the column totals the seed prints (9.000 and 8.943) contain
    // both figures as typed, so the slip is in the row.
    "Phụ lục VI, dòng 6 (UBND xã Sơn Bình): (6) «Đồng ý giải quyết – Tổng số» = 1.562, khác (7) «Đồng ý giải quyết – Sớm hạn» + (8) «Đồng ý giải quyết – Đúng hạn» + (9) «Đồng ý giải quyết – Trễ hạn» = 1.526 (lệch 36)",
    // Sơn Bình's 8 dossiers in progress against 7 within the deadline and
    // none overdue or paused.
    "Phụ lục VI, dòng 6 (UBND xã Sơn Bình): (14) «Hồ sơ đang giải quyết – Tổng số» = 8, khác (15) «Trong hạn» + (16) «Quá hạn» + (17) «Dừng tính» = 7 (lệch 1)",
];

#[test]
fn the_seed_annexes_give_exactly_the_expected_messages() {
    let template = builtin_template("huyen-cchc").unwrap();
    let fixture = fixture();
    let mut report = Report::new(&template);
    typed("pl5", &fixture, &mut report);
    typed("pl6", &fixture, &mut report);
    let evaluation = report.evaluate(&template);
    let got: Vec<&str> = evaluation
        .issues
        .iter()
        .map(|i| i.message.as_str())
        .collect();
    // The whole list, in order: one more message, or one fewer, fails.
    assert_eq!(got, SEED_SLIPS);
    assert!(evaluation
        .issues
        .iter()
        .all(|i| i.severity == Severity::Warning));
    // Both late-dossier targets are met (Phụ lục V: 21 late of 1.463; VI:
    // 24 of 9.042), so they add no message.
    assert_eq!(
        evaluation
            .targets
            .iter()
            .map(|r| r.met())
            .collect::<Vec<_>>(),
        [Some(true), Some(true)]
    );
}

/// A late-dossier ceiling («trễ hạn», «quá hạn») is stated only by a target
/// whose numerator reads a late-dossier figure: a row or a grid column that
/// counts late dossiers. `xa-01b` has none, so its on-time target says
/// nothing of late ones.
#[test]
fn a_late_dossier_ceiling_only_with_a_late_figure() {
    use bieumau::core::rules::Formula;
    let late = |text: &str| {
        let text = text.to_lowercase();
        text.contains("trễ hạn") || text.contains("quá hạn")
    };
    let mut ceilings = Vec::new();
    for id in ["xa-01b", "huyen-cchc", "bieu-06"] {
        let template = builtin_template(id).unwrap();
        for target in &template.targets {
            if !late(&format!(
                "{} {} {}",
                target.label, target.met, target.not_met
            )) {
                continue;
            }
            let Formula::Rate { numerator, .. } = &target.figure.formula else {
                panic!("{id}/{}: a ceiling is a rate", target.id)
            };
            let reads_late = numerator
                .iter()
                .all(|code| match template.grid_total(code) {
                    Some((g, column)) => {
                        let (_, grid) = template.grids().nth(g).unwrap();
                        late(&grid.columns[column].label)
                    }
                    None => template.indicator(code).is_some_and(|i| late(&i.label)),
                });
            assert!(
                reads_late,
                "{id}/{}: a late-dossier ceiling over figures that are not late dossiers",
                target.id
            );
            ceilings.push(format!("{id}/{}", target.id));
        }
    }
    assert_eq!(
        ceilings,
        [
            "huyen-cchc/tre-han-huyen",
            "huyen-cchc/tre-han-xa",
            "bieu-06/tre-han"
        ]
    );
}
