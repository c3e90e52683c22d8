//! Tests of `core::rollup`.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;
use crate::core::catalog::{builtin_template, xa_01b_for_tests};
use crate::core::summary::SummaryValue;

fn commune(
    unit: &str,
    period: Period,
    year: &str,
    values: &[(&str, &str)],
    updated_at: f64,
) -> String {
    let template = xa_01b_for_tests();
    let mut draft = Draft::new(format!("id-{unit}"), &template, updated_at);
    draft.report.header.unit = unit.into();
    draft.report.header.period = period;
    draft.report.header.year = year.into();
    for (code, text) in values {
        draft.report.set_value(code, text);
    }
    draft.to_json()
}

fn district() -> Template {
    builtin_template("huyen-cchc").expect("huyen-cchc ships with the app")
}

#[test]
fn commune_names_as_the_district_writes_them() {
    assert_eq!(
        commune_row_label("ỦY BAN NHÂN DÂN XÃ BA CÙM NAM", ""),
        "UBND xã Ba Cùm Nam"
    );
    assert_eq!(
        commune_row_label("UBND thị trấn Tô Hạp", ""),
        "UBND thị trấn Tô Hạp"
    );
    assert_eq!(commune_row_label("Phường Đông Vệ", ""), "phường Đông Vệ");
    assert_eq!(
        commune_row_label("UBND XÃ HOẰNG TRƯỜNG", ""),
        "UBND xã Hoằng Trường"
    );
    assert_eq!(
        commune_row_label("ủy ban nhân dân đặc khu phú quốc", ""),
        "UBND đặc khu Phú Quốc"
    );
    assert_eq!(
        commune_row_label("UBND XÃ EA H'LEO", "Ea H'leo"),
        "UBND xã Ea H'leo"
    );
    assert_eq!(
        commune_key("UBND XÃ SƠN BÌNH"),
        commune_key("Ủy ban nhân dân xã Sơn Bình")
    );
}

#[test]
fn fills_a_row_per_commune_and_sums_the_summary() {
    let files = vec![
        (
            "a.json".to_string(),
            commune(
                "ỦY BAN NHÂN DÂN XÃ A",
                Period::Year,
                "2023",
                &[
                    ("3.3.1", "1.603"),
                    ("3.3.2", "1.588"),
                    ("1.1", "1"),
                    ("1.1.1", "10"),
                    ("1.1.2", "9"),
                    ("3.2.4", "80"),
                ],
                1.0,
            ),
        ),
        (
            "b.json".to_string(),
            commune(
                "ỦY BAN NHÂN DÂN XÃ B",
                Period::Year,
                "2023",
                &[
                    ("3.3.1", "400"),
                    ("3.3.2", "397"),
                    ("1.1", "0"),
                    ("1.1.1", "30"),
                    ("1.1.2", "15"),
                    ("3.2.4", "100"),
                ],
                1.0,
            ),
        ),
        ("hong.json".to_string(), "{không phải json".to_string()),
        (
            "c.json".to_string(),
            commune(
                "ỦY BAN NHÂN DÂN XÃ C",
                Period::QuarterThree,
                "2023",
                &[("3.3.1", "5")],
                1.0,
            ),
        ),
        (
            "a-moi.json".to_string(),
            commune(
                "UBND xã A",
                Period::Year,
                "2023",
                &[("3.3.1", "1.700"), ("3.3.2", "1.600"), ("1.1", "1")],
                2.0,
            ),
        ),
    ];
    let t = district();
    let out = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &files).unwrap();
    assert_eq!(out.used, 2);
    assert_eq!(
        out.report.header.year, "2023",
        "the period comes from the files"
    );
    assert_eq!(out.report.rows.get("pl6").unwrap()[..], ["1", "2"]);
    assert_eq!(out.report.value("pl6/1/c2"), "UBND xã A");
    assert_eq!(
        out.report.value("pl6/1/c5"),
        "1.700",
        "the file saved last wins"
    );
    assert_eq!(out.report.value("pl6/2/c5"), "400");
    assert_eq!(out.report.value("pl6/2/c8"), "397");
    let notices = out.notices.join("\n");
    assert!(notices.contains("«hong.json»"), "{notices}");
    assert!(
        notices.contains("«c.json»") && notices.contains("quý III năm 2023"),
        "{notices}"
    );
    assert!(notices.contains("Hai tệp của cùng UBND xã A"), "{notices}");

    let summary = out.report.commune_summary.unwrap();
    let line = |code: &str| {
        summary
            .lines
            .iter()
            .find(|l| l.code == code)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(
        line("3.3.1"),
        SummaryValue::Total {
            value: 2100.0,
            decimals: 0,
            reporting: 2
        }
    );
    // (1.600 + 397) / (1.700 + 400), not the mean of the two rates.
    let SummaryValue::Rate {
        value: Some(rate), ..
    } = line("3.3.2.ty-le-dung-hen")
    else {
        panic!()
    };
    assert!((rate - 1997.0 / 2100.0 * 100.0).abs() < 1e-9);
    assert_eq!(
        line("1.1").text("xã"),
        "Có ban hành KH: 1 xã; Không ban hành KH: 1 xã"
    );
    assert_eq!(
        line("3.2.4").text("xã"),
        "100 (mọi xã)",
        "only b gave 3.2.4: a's newer file has none"
    );
    assert_eq!(
        line("1.1.1"),
        SummaryValue::Total {
            value: 30.0,
            decimals: 0,
            reporting: 1
        }
    );
}

#[test]
fn spelling_variants_of_one_commune_give_one_row() {
    let variants = [
        ("XÃ HOẰNG HÒA", "XÃ HOẰNG HOÀ"),
        ("XÃ HOẰNG HÒA", "Xa\u{303} Hoa\u{306}\u{300}ng Ho\u{300}a"),
        ("ỦY BAN NHÂN DÂN XÃ HOẰNG HÒA", "UBND xã Hoằng Hoà"),
        ("UỶ BAN NHÂN DÂN XÃ THỦY AN", "Ủy ban nhân dân xã Thuỷ An"),
        ("UBND  xã   Thúy  Sơn", "UBND XÃ THUÝ SƠN"),
        ("UBND thị trấn Khoẻ", "ỦY BAN NHÂN DÂN THỊ TRẤN KHỎE"),
        ("Phường Đông Vệ", "PHƯỜNG ĐÔNG VỆ"),
    ];
    let t = district();
    for (first, second) in variants {
        let files = vec![
            (
                "1.json".to_string(),
                commune(first, Period::Year, "2023", &[("3.3.1", "10")], 1.0),
            ),
            (
                "2.json".to_string(),
                commune(second, Period::Year, "2023", &[("3.3.1", "12")], 2.0),
            ),
        ];
        let out = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &files).unwrap();
        assert_eq!(out.used, 1, "{first} ~ {second}");
        assert_eq!(
            out.report.rows.get("pl6").unwrap()[..],
            ["1"],
            "{first} ~ {second}"
        );
        assert_eq!(
            out.report.value("pl6/1/c5"),
            "12",
            "the later file: {first} ~ {second}"
        );
        assert!(
            out.notices
                .iter()
                .any(|n| n.starts_with("Hai tệp của cùng")),
            "{first} ~ {second}: {:?}",
            out.notices
        );
        let summary = out.report.commune_summary.unwrap();
        let total = summary
            .lines
            .iter()
            .find(|l| l.code == "3.3.1")
            .unwrap()
            .value
            .clone();
        assert_eq!(
            total,
            SummaryValue::Total {
                value: 12.0,
                decimals: 0,
                reporting: 1
            },
            "{first} ~ {second}"
        );
    }
    // A row typed by the district in the other spelling is updated, not doubled.
    let mut report = Report::new(&t);
    report.rows.insert("pl6".into(), vec!["1".into()]);
    report.set_value("pl6/1/c2", "UBND xã Hoằng Hoà");
    let files = vec![(
        "1.json".to_string(),
        commune(
            "XA\u{303} HOA\u{306}\u{300}NG HO\u{300}A",
            Period::Year,
            "2023",
            &[("3.3.1", "9")],
            1.0,
        ),
    )];
    let out = roll_up(&t, &report, &xa_01b_for_tests(), &files).unwrap();
    assert_eq!(out.report.rows.get("pl6").unwrap()[..], ["1"]);
    assert_eq!(
        out.report.value("pl6/1/c2"),
        "xã Hoằng Hòa",
        "composed, as the file spells it"
    );
    assert_eq!(out.report.value("pl6/1/c5"), "9");
    assert_ne!(
        commune_key("UBND xã Hoằng Hòa"),
        commune_key("UBND xã Hoằng Hóa"),
        "another tone is another commune"
    );
}

#[test]
fn rolling_up_again_updates_the_same_rows() {
    let t = district();
    let first = vec![(
        "a.json".to_string(),
        commune("UBND XÃ A", Period::Year, "2023", &[("3.3.1", "10")], 1.0),
    )];
    let once = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &first)
        .unwrap()
        .report;
    let second = vec![
        (
            "a.json".to_string(),
            commune("UBND XÃ A", Period::Year, "2023", &[("3.3.1", "12")], 2.0),
        ),
        (
            "b.json".to_string(),
            commune("UBND XÃ B", Period::Year, "2023", &[("3.3.1", "7")], 2.0),
        ),
    ];
    let twice = roll_up(&t, &once, &xa_01b_for_tests(), &second)
        .unwrap()
        .report;
    assert_eq!(twice.rows.get("pl6").unwrap()[..], ["1", "2"]);
    assert_eq!(twice.value("pl6/1/c5"), "12");
    assert_eq!(twice.value("pl6/2/c5"), "7");
}

#[test]
fn a_district_year_rules_out_other_years() {
    let t = district();
    let mut report = Report::new(&t);
    report.header.year = "2024".into();
    let files = vec![(
        "a.json".to_string(),
        commune("UBND XÃ A", Period::Year, "2023", &[("3.3.1", "10")], 1.0),
    )];
    let out = roll_up(&t, &report, &xa_01b_for_tests(), &files).unwrap();
    assert_eq!(out.used, 0);
    assert!(
        out.notices[0].contains("khác kỳ của báo cáo huyện (năm 2024)"),
        "{:?}",
        out.notices
    );
}

#[test]
fn a_row_with_nothing_to_report_is_skipped() {
    let files = vec![
        (
            "a.json".to_string(),
            commune(
                "UBND xã A",
                Period::Year,
                "2023",
                &[("3.3.1", "Không phát sinh"), ("2.1", "không phát sinh")],
                1.0,
            ),
        ),
        (
            "b.json".to_string(),
            commune(
                "UBND xã B",
                Period::Year,
                "2023",
                &[("3.3.1", "400"), ("3.3.2", "397"), ("2.1", "3")],
                1.0,
            ),
        ),
    ];
    let t = district();
    let out = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &files).unwrap();
    assert_eq!(out.used, 2);
    // Phụ lục VI: a's dossiers are no figure, b's are summed alone.
    assert_eq!(out.report.value("pl6/1/c5"), "");
    assert_eq!(out.report.value("pl6/2/c5"), "400");
    let summary = out.report.commune_summary.unwrap();
    let line = |code: &str| {
        summary
            .lines
            .iter()
            .find(|l| l.code == code)
            .unwrap()
            .value
            .clone()
    };
    for (code, value) in [("3.3.1", 400.0), ("2.1", 3.0)] {
        assert_eq!(
            line(code),
            SummaryValue::Total {
                value,
                decimals: 0,
                reporting: 1
            },
            "{code}"
        );
    }
    let SummaryValue::Rate {
        value: Some(rate), ..
    } = line("3.3.2.ty-le-dung-hen")
    else {
        panic!()
    };
    assert!((rate - 397.0 / 400.0 * 100.0).abs() < 1e-9);
}
