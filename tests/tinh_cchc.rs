//! The province's roll-up (`tinh-cchc`, two levels since 1/7/2025),
//! through the core alone: one row per xã, phường and đặc khu whatever the
//! spelling, subtotals by kind of unit, the units' indicators summed with
//! rates worked out again from the summed parts and answers counted, files
//! of other kinds or periods named, and the province's targets.

use bieumau::core::catalog::builtin_template;
use bieumau::core::draft::Draft;
use bieumau::core::grid::cell_code;
use bieumau::core::levels::Levels;
use bieumau::core::period::Period;
use bieumau::core::report::Report;
use bieumau::core::rollup::roll_up;
use bieumau::core::summary::SummaryValue;
use bieumau::core::template::Template;

fn unit_file(unit: &str, year: &str, values: &[(&str, &str)], at: f64) -> (String, String) {
    let template = builtin_template("xa-01b").unwrap();
    let mut draft = Draft::new(format!("id-{unit}"), &template, at);
    draft.report.header.unit = unit.into();
    draft.report.header.period = Period::Year;
    draft.report.header.year = year.into();
    for (code, text) in values {
        draft.report.set_value(code, text);
    }
    (format!("{unit}.json"), draft.to_json())
}

fn province() -> Template {
    builtin_template("tinh-cchc").expect("tinh-cchc ships with the app")
}

fn number(report: &Report, code: &str) -> f64 {
    report
        .value(code)
        .replace('.', "")
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("{code}: «{}»", report.value(code)))
}

fn files() -> Vec<(String, String)> {
    vec![
        unit_file(
            "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
            "2026",
            &[
                ("3.3.1", "1.000"),
                ("3.3.2", "990"),
                ("3.4.3", "12"),
                ("3.1.3", "40"),
                ("1.1", "1"),
            ],
            1.0,
        ),
        unit_file(
            "UBND xã Hòa Thuận",
            "2026",
            &[
                ("3.3.1", "500"),
                ("3.3.2", "450"),
                ("3.4.3", "8"),
                ("3.1.3", "60"),
                ("1.1", "0"),
            ],
            1.0,
        ),
        unit_file(
            "Ủy ban nhân dân phường Bến Thành",
            "2026",
            &[("3.3.1", "4.000"), ("3.3.2", "3.960"), ("1.1", "1")],
            1.0,
        ),
        unit_file(
            "ĐẶC KHU PHÚ QUỐC",
            "2026",
            &[("3.3.1", "2.500"), ("3.3.2", "2.400")],
            1.0,
        ),
        // The same special zone, saved later and spelt otherwise: its row, once.
        unit_file(
            "UBND Đặc khu Phú Quốc",
            "2026",
            &[("3.3.1", "2.600"), ("3.3.2", "2.500")],
            2.0,
        ),
        // Another period, a district and an unreadable file: named, left out.
        unit_file("UBND PHƯỜNG SÀI GÒN", "2025", &[("3.3.1", "9")], 1.0),
        unit_file("UBND HUYỆN CŨ", "2026", &[("3.3.1", "7")], 1.0),
        ("hong.json".into(), "{không phải json".into()),
    ]
}

#[test]
fn the_province_template_is_two_level_and_rolls_up_xa_phuong_dac_khu() {
    let t = province();
    assert_eq!(t.levels, Some(Levels::Two));
    let spec = t.rollup.as_ref().unwrap();
    assert_eq!(spec.from, "xa-01b");
    assert_eq!(spec.kinds, ["xã", "phường", "đặc khu"]);
    assert!(spec.by_kind.is_some());
    assert_eq!(
        builtin_template("huyen-cchc").unwrap().levels,
        Some(Levels::Three)
    );
    assert_eq!(builtin_template("xa-01b").unwrap().levels, None);
}

#[test]
fn one_row_per_unit_subtotals_by_kind_and_the_summary() {
    let t = province();
    let out = roll_up(
        &t,
        &Report::new(&t),
        &builtin_template("xa-01b").unwrap(),
        &files(),
    )
    .unwrap();
    let r = &out.report;
    assert_eq!(r.header.year, "2026", "the period most files share");
    assert_eq!(out.used, 4);
    let rows = r.rows.get("don-vi").unwrap();
    assert_eq!(rows[..], ["1", "2", "3", "4"]);
    let labels: Vec<&str> = rows
        .iter()
        .map(|k| r.value(&cell_code("don-vi", k, 2)))
        .collect();
    assert_eq!(
        labels,
        [
            "UBND xã An Bình",
            "UBND xã Hòa Thuận",
            "UBND phường Bến Thành",
            "UBND đặc khu Phú Quốc"
        ]
    );
    assert_eq!(r.value("don-vi/4/c5"), "2.600", "the file saved last wins");
    let notices = out.notices.join("\n");
    for expected in [
        "Hai tệp của cùng UBND đặc khu Phú Quốc",
        "UBND PHƯỜNG SÀI GÒN.json",
        "khác kỳ của báo cáo của tỉnh",
        "UBND HUYỆN CŨ.json",
        "không phải của huyện",
        "hong.json",
    ] {
        assert!(notices.contains(expected), "{expected} in:\n{notices}");
    }

    // Subtotals by kind: the sums of the rows of each kind, and the units counted.
    for (row, units, received, on_time) in [
        ("1", "2", 1500.0, 1440.0),
        ("2", "1", 4000.0, 3960.0),
        ("3", "1", 2600.0, 2500.0),
    ] {
        assert_eq!(
            r.value(&cell_code("theo-loai", row, 21)),
            units,
            "row {row}"
        );
        assert_eq!(
            number(r, &cell_code("theo-loai", row, 5)),
            received,
            "row {row}"
        );
        assert_eq!(
            number(r, &cell_code("theo-loai", row, 8)),
            on_time,
            "row {row}"
        );
    }

    // The evaluation: the row totals and the grand totals of both tables agree.
    let evaluation = r.evaluate(&t);
    let grid_of = |id: &str| {
        let position = t.grids().position(|(s, _)| s.id == id).unwrap();
        &evaluation.grids[position]
    };
    let (units, kinds) = (grid_of("don-vi"), grid_of("theo-loai"));
    assert_eq!(units.totals[4], Some(8100.0), "(5) over the units");
    assert!(
        evaluation.issues.is_empty(),
        "the columns the files fill break no identity: {:?}",
        evaluation.issues
    );
    assert_eq!(units.totals[7], Some(7900.0));
    assert_eq!(
        kinds.totals[4], units.totals[4],
        "the subtotals add up to the total"
    );
    assert_eq!(kinds.totals[7], units.totals[7]);
    assert_eq!(kinds.totals[20], Some(4.0), "4 units");

    // The summary of the units' indicators: counts summed, the rate worked
    // out again from the summed parts, answers counted by answer.
    let summary = r.commune_summary.as_ref().unwrap();
    assert_eq!(summary.noun(), "đơn vị");
    assert_eq!(summary.title(), "TỔNG HỢP CHỈ TIÊU THỐNG KÊ CỦA 4 ĐƠN VỊ");
    let line = |code: &str| &summary.lines.iter().find(|l| l.code == code).unwrap().value;
    assert!(
        matches!(line("3.3.1"), SummaryValue::Total { value, reporting: 4, .. } if *value == 8100.0)
    );
    let SummaryValue::Rate {
        value: Some(v),
        numerator,
        denominator,
    } = line("3.3.2.ty-le-dung-hen")
    else {
        panic!("{:?}", line("3.3.2.ty-le-dung-hen"))
    };
    assert_eq!((*numerator, *denominator), (7900.0, 8100.0));
    // 7.900 / 8.100, not the mean of the units' own rates (99 %, 90 %, 99 %, 96,15 %).
    assert!((v - 7900.0 / 8100.0 * 100.0).abs() < 1e-9, "{v}");
    assert_eq!(
        line("1.1").text("đơn vị"),
        "Có ban hành KH: 2 đơn vị; Không ban hành KH: 1 đơn vị; chưa trả lời: 1 đơn vị"
    );
}

#[test]
fn rolling_up_again_updates_rows_and_subtotals() {
    let t = province();
    let xa = builtin_template("xa-01b").unwrap();
    let first = roll_up(&t, &Report::new(&t), &xa, &files()).unwrap().report;
    let again = vec![unit_file(
        "Phường BẾN THÀNH",
        "2026",
        &[("3.3.1", "4.100"), ("3.3.2", "4.000")],
        3.0,
    )];
    let out = roll_up(&t, &first, &xa, &again).unwrap();
    let r = &out.report;
    assert_eq!(r.rows.get("don-vi").unwrap().len(), 4, "no new row");
    assert_eq!(r.value("don-vi/3/c5"), "4.100");
    assert_eq!(number(r, "theo-loai/2/c5"), 4100.0);
    assert_eq!(
        number(r, "theo-loai/1/c5"),
        1500.0,
        "rows typed or rolled up before count too"
    );
}

#[test]
fn a_row_of_no_known_kind_is_named() {
    let t = province();
    let xa = builtin_template("xa-01b").unwrap();
    let mut report = Report::new(&t);
    report.rows.insert("don-vi".into(), vec!["1".into()]);
    report.set_value("don-vi/1/c2", "Ban quản lý khu kinh tế");
    report.set_value("don-vi/1/c5", "10");
    let out = roll_up(&t, &report, &xa, &files()[..1]).unwrap();
    assert!(
        out.notices
            .iter()
            .any(|n| n.contains("Ban quản lý khu kinh tế")),
        "{:?}",
        out.notices
    );
    assert_eq!(number(&out.report, "theo-loai/1/c5"), 1000.0);
}

#[test]
fn row_totals_and_dossier_identities_are_checked_on_every_unit_row() {
    let t = province();
    let mut r = Report::new(&t);
    r.rows.insert("don-vi".into(), vec!["1".into()]);
    // Seed 002's Sơn Bình: 1.594 in total against 7 carried over + 1.551 new.
    for (n, v) in [
        (2, "UBND xã Sơn Bình"),
        (3, "1.594"),
        (4, "7"),
        (5, "1.551"),
    ] {
        r.set_value(&cell_code("don-vi", "1", n), v);
    }
    r.set_value("don-vi/1/c19", "10");
    r.set_value("don-vi/1/c20", "12");
    let issues = r.evaluate(&t).issues;
    let codes: Vec<&str> = issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["don-vi/1/c3", "don-vi/1/c20"], "{issues:?}");
    assert!(issues[0]
        .message
        .contains("Phụ lục I, dòng 1 (UBND xã Sơn Bình)"));
    assert!(issues[0].message.contains("= 1.594, khác (4)"));
    assert!(issues[0].message.contains("= 1.558 (lệch 36)"));
}

#[test]
fn late_ceiling_and_online_payment_targets() {
    let t = province();
    let ids: Vec<&str> = t.targets.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["tre-han", "thanh-toan-truc-tuyen"]);
    let mut r = Report::new(&t);
    r.rows.insert("don-vi".into(), vec!["1".into(), "2".into()]);
    for (key, early, on_time, late, all_pay, online) in [
        ("1", "10", "80", "4", "100", "20"),
        ("2", "0", "100", "6", "100", "45"),
    ] {
        let resolved: u32 = [early, on_time, late]
            .iter()
            .map(|v| v.parse::<u32>().unwrap())
            .sum();
        let resolved = resolved.to_string();
        for (n, v) in [
            (6, resolved.as_str()),
            (7, early),
            (8, on_time),
            (9, late),
            (19, all_pay),
            (20, online),
        ] {
            r.set_value(&cell_code("don-vi", key, n), v);
        }
    }
    let evaluation = r.evaluate(&t);
    // Late: 10 / 200 = 5 %, at the ceiling; online: 65 / 200 = 32,5 % ≥ 30 %.
    assert_eq!(evaluation.targets[0].met(), Some(true));
    assert_eq!(evaluation.targets[0].value, Some(5.0));
    assert_eq!(evaluation.targets[1].met(), Some(true));
    assert_eq!(evaluation.targets[1].value, Some(32.5));
    r.set_value("don-vi/2/c9", "7");
    r.set_value("don-vi/2/c6", "107");
    assert_eq!(r.evaluate(&t).targets[0].met(), Some(false));
}

#[test]
fn a_two_level_header() {
    let mut report = Report::new(&province());
    report.header.year = "2026".into();
    assert_eq!(report.header.levels(), Some(Levels::Two));
    let t = province();
    assert!(report
        .header
        .two_level_recipients(t.recipients.as_deref())
        .unwrap()
        .starts_with("- Bộ Nội vụ (b/c);"));
    assert_eq!(
        report.header.two_level_recipients(None).as_deref(),
        Some("- UBND tỉnh (b/c);\n- Sở Nội vụ (b/c).")
    );
}
