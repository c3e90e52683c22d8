//! The narrative's figures and checks, on the shipped outlines.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;
use crate::core::catalog::builtin_templates;
use crate::core::report::Report;

fn template(id: &str) -> Template {
    builtin_templates()
        .into_iter()
        .filter_map(|(_, t)| t.ok())
        .find(|t| t.id == id)
        .expect("built-in template")
}

fn annual_2023() -> (Template, Report) {
    let t = template("xa-01b");
    let mut r = Report::new(&t);
    r.header.year = "2023".into();
    r.header.period = Period::Year;
    (t, r)
}

#[test]
fn pieces_split_text_and_figures() {
    assert_eq!(
        pieces("Đã tiếp nhận {3.3.1} hồ sơ, đúng hẹn {3.3.2/3.3.1}."),
        [
            Piece::Text("Đã tiếp nhận "),
            Piece::Figure("3.3.1"),
            Piece::Text(" hồ sơ, đúng hẹn "),
            Piece::Figure("3.3.2/3.3.1"),
            Piece::Text(".")
        ]
    );
    assert_eq!(
        pieces("a { b {3.1.3}"),
        [
            Piece::Text("a {"),
            Piece::Text(" b "),
            Piece::Figure("3.1.3")
        ]
    );
    assert_eq!(pieces("{}"), [Piece::Text("{"), Piece::Text("}")]);
    assert_eq!(
        pieces("mở { không đóng"),
        [Piece::Text("mở {"), Piece::Text(" không đóng")]
    );
}

#[test]
fn figures_parse() {
    assert_eq!(Figure::parse("3.3.1"), Some(Figure::Value("3.3.1".into())));
    assert_eq!(
        Figure::parse("3.3.2 / 3.3.1"),
        Some(Figure::Rate("3.3.2".into(), "3.3.1".into()))
    );
    assert_eq!(
        Figure::parse("pl5/total/c3"),
        Some(Figure::Total {
            section: "pl5".into(),
            column: 3
        })
    );
    assert_eq!(
        Figure::parse("pl5/r2/c3"),
        Some(Figure::Cell {
            section: "pl5".into(),
            key: "r2".into(),
            column: 3
        })
    );
    assert_eq!(
        Figure::parse("nv/count/c4=1"),
        Some(Figure::Count {
            section: "nv".into(),
            choice: Some((4, "1".into()))
        })
    );
    assert_eq!(Figure::parse("a/b/c/d"), None);
    assert_eq!(Figure::parse("nv/count/c4"), None);
}

#[test]
fn live_figures_follow_the_annex() {
    let (t, mut r) = annual_2023();
    r.set_value("3.3.1", "1603");
    r.set_value("3.3.2", "1588");
    let text = "Tiếp nhận {3.3.1} hồ sơ, đúng hẹn {3.3.2} hồ sơ = {3.3.2/3.3.1}; tỷ lệ {3.3.2.ty-le-dung-hen}.";
    let e = r.evaluate(&t);
    let source = crate::core::eval::EvaluatedFigures {
        template: &t,
        evaluation: &e,
    };
    assert_eq!(
        plain(text, &source),
        "Tiếp nhận 1.603 hồ sơ, đúng hẹn 1.588 hồ sơ = 99,06 %; tỷ lệ 99,06 %."
    );
    r.set_value("3.3.1", "1700");
    let e = r.evaluate(&t);
    let source = crate::core::eval::EvaluatedFigures {
        template: &t,
        evaluation: &e,
    };
    assert_eq!(
        plain(text, &source),
        "Tiếp nhận 1.700 hồ sơ, đúng hẹn 1.588 hồ sơ = 93,41 %; tỷ lệ 93,41 %."
    );
    assert_eq!(
        plain("Đúng hẹn: {muc-tieu:dung-hen}.", &source),
        "Đúng hẹn: 93,41 % (chỉ tiêu ≥ 95 %) — chưa đạt."
    );
    assert_eq!(
        show("muc-tieu:thanh-toan-truc-tuyen", &source),
        Shown::Empty,
        "not enough figures yet"
    );
    assert_eq!(show("muc-tieu:khong-co", &source), Shown::Unknown);
    assert_eq!(show("1.1", &source), Shown::Empty);
    r.set_value("1.1", "1");
    let e = r.evaluate(&t);
    let source = crate::core::eval::EvaluatedFigures {
        template: &t,
        evaluation: &e,
    };
    assert_eq!(show("1.1", &source), Shown::Text("Có ban hành KH".into()));
    assert_eq!(show("9.9.9", &source), Shown::Unknown);
    assert_eq!(
        show("3", &source),
        Shown::Unknown,
        "a heading has no figure"
    );
}

#[test]
fn checks_of_the_narrative() {
    let (t, mut r) = annual_2023();
    assert!(!t.outline.is_empty(), "xa-01b has the outline of seed 001");
    let messages = |r: &Report| {
        r.evaluate(&t)
            .issues
            .into_iter()
            .filter(|i| i.code.starts_with("outline:"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        messages(&r),
        [],
        "nothing is checked before the narrative is begun"
    );
    r.narrative.insert(
        "I.1".into(),
        "Ủy ban nhân dân xã đã ban hành Kế hoạch số 01/KH-UBND.".into(),
    );
    let first = messages(&r);
    let i1: Vec<&str> = first
        .iter()
        .filter(|i| i.code == "outline:I.1")
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(i1, ["Mục I.1 \"Về kế hoạch cải cách hành chính\" đã có nội dung nhưng phụ lục chưa có số liệu nào của mục này (1.1)"]);
    assert!(
        first.iter().any(|i| i.code == "outline:I.2"
            && i.message == "Mục I.2 \"Công tác kiểm tra cải cách hành chính\" chưa có nội dung"),
        "{first:#?}"
    );
    // The annex has figures of II.2, its text is empty.
    r.set_value("3.3.1", "1603");
    let m = messages(&r);
    assert!(
        m.iter()
            .any(|i| i.code == "outline:II.2" && i.message.contains("phụ lục đã có số liệu")),
        "{m:#?}"
    );
    // Text left from the 9-month report.
    r.narrative.insert(
        "III.1".into(),
        "Chín tháng đầu năm 2023 UBND xã không ngừng nâng cao chất lượng.".into(),
    );
    let m = messages(&r);
    assert!(
        m.iter().any(|i| i.code == "outline:III.1"
            && i.message
                .contains("«Chín tháng đầu năm 2023» không khớp kỳ báo cáo (năm 2023)")),
        "{m:#?}"
    );
    // A figure of a code that does not exist is an error; an empty one a warning.
    r.narrative.insert(
        "II.2".into(),
        "Tiếp nhận {3.3.1} hồ sơ, {3.9.9} và {3.3.2}.".into(),
    );
    let m = messages(&r);
    assert!(m.iter().any(|i| i.code == "outline:II.2"
        && i.severity == Severity::Error
        && i.message.contains("{3.9.9}")));
    assert!(m.iter().any(|i| i.code == "outline:II.2"
        && i.severity == Severity::Warning
        && i.message.contains("{3.3.2} chưa được nhập")));
    assert!(!m
        .iter()
        .any(|i| i.code == "outline:II.2" && i.message.contains("chưa có nội dung")));
    // The narrative's messages come before the annex's.
    let all = r.evaluate(&t).issues;
    let last_narrative = all
        .iter()
        .rposition(|i| i.code.starts_with("outline:"))
        .unwrap();
    assert!(all[..last_narrative]
        .iter()
        .all(|i| i.code.starts_with("outline:")));
}

#[test]
fn the_district_counts_its_task_table() {
    // Seed 002 says "23/23 nhiệm vụ" where its task table has 25 with 2 not done.
    let t = template("huyen-cchc");
    let mut r = Report::new(&t);
    r.header.year = "2019".into();
    let keys: Vec<String> = (1..=25).map(|n| n.to_string()).collect();
    for key in &keys {
        r.set_value(&format!("tien-do/{key}/c2"), &format!("Nhiệm vụ {key}"));
        r.set_value(
            &format!("tien-do/{key}/c4"),
            if key == "7" || key == "19" { "3" } else { "1" },
        );
    }
    r.rows.insert("tien-do".into(), keys);
    r.rows.insert("pl5".into(), vec!["1".into(), "2".into()]);
    r.set_value("pl5/1/c5", "100");
    r.set_value("pl5/2/c5", "71");
    let e = r.evaluate(&t);
    let source = crate::core::eval::EvaluatedFigures {
        template: &t,
        evaluation: &e,
    };
    assert_eq!(
        plain("{tien-do/count/c4=1}/{tien-do/count} nhiệm vụ", &source),
        "23/25 nhiệm vụ"
    );
    assert_eq!(plain("{tien-do/count/c4=Chưa triển khai}", &source), "2");
    assert_eq!(
        plain("{pl5/total/c5} hồ sơ, dòng 2: {pl5/2/c5}", &source),
        "171 hồ sơ, dòng 2: 71"
    );
    assert_eq!(
        show("pl5/total/c2", &source),
        Shown::Unknown,
        "the names column has no total"
    );
    assert_eq!(show("pl9/total/c5", &source), Shown::Unknown);
    assert_eq!(
        show("pl6/total/c5", &source),
        Shown::Empty,
        "nothing typed in Phụ lục VI yet"
    );
    // I.5, the province's tasks, is written about the task table.
    let i5 = t.outline.item("I.5").expect("I.5");
    assert!(source.filled_under(i5));
    assert!(!e.issues.iter().any(|i| i.code.starts_with("outline:")));
    r.narrative
        .insert("III".into(), "1. Tổ chức Hội nghị tổng kết.".into());
    let e = r.evaluate(&t);
    let m: Vec<_> = e
        .issues
        .iter()
        .filter(|i| i.code == "outline:I.5")
        .collect();
    assert_eq!(m.len(), 1);
    assert!(
        m[0].message
            .starts_with("Mục I.5 \"Kết quả thực hiện nhiệm vụ tỉnh giao\" chưa có nội dung"),
        "{}",
        m[0].message
    );
}

#[test]
fn an_old_draft_without_a_narrative_reads_and_writes_as_before() {
    let old = r#"{"template_id":"xa-01b","template_version":1,"values":{"3.3.1":"5"}}"#;
    let report: Report = crate::core::json_read::read(old).unwrap();
    assert!(report.narrative.is_empty());
    assert!(!crate::core::json_write::to_string(&report).contains("narrative"));
}

#[test]
fn a_paste_from_word_keeps_paragraphs_and_lists() {
    let word = "Trong đó:\r\n\r\n\r\n•\tCán bộ: 11 người.\r\n·       Công chức: 12 người.\r\n–  Trình độ\u{a0}đại học\r\nHoa\u{306}\u{300}ng Trường\r\n\r\n";
    assert_eq!(clean_paste(word), "Trong đó:\n\n- Cán bộ: 11 người.\n- Công chức: 12 người.\n- Trình độ đại học\nHoằng Trường");
    assert_eq!(
        clean_paste("-5 hồ sơ"),
        "-5 hồ sơ",
        "a minus sign is not a bullet"
    );
}

#[test]
fn the_next_period_starts_from_this_narrative_and_flags_its_old_year() {
    let (t, mut r) = annual_2023();
    r.narrative.insert(
        "II.2".into(),
        "Trong năm 2023 đã tiếp nhận {3.3.1} hồ sơ.".into(),
    );
    r.dismissed.insert("II.2|11 hồ sơ".into());
    let mut draft = crate::core::draft::Draft::new("a".into(), &t, 1.0);
    draft.report = r;
    let (next, _) = draft.start_next_period("b".into(), 2.0);
    assert_eq!(next.report.narrative, draft.report.narrative);
    assert_eq!(next.report.dismissed, draft.report.dismissed);
    assert_eq!(next.report.header.year, "2024");
    let issues = next.report.evaluate(&t).issues;
    assert!(
        issues.iter().any(|i| i.code == "outline:II.2"
            && i.message
                .contains("«năm 2023» không khớp kỳ báo cáo (quý I năm 2024)")),
        "{issues:#?}"
    );
}

#[test]
fn district_targets_read_the_grid_totals() {
    // Phụ lục V: 200 accepted, 10 of them late; 20 refused, 2 of them late: 12 / 220 = 5,45 %.
    let t = template("huyen-cchc");
    let mut r = Report::new(&t);
    r.rows.insert("pl5".into(), vec!["1".into(), "2".into()]);
    for (cell, value) in [
        ("1/c6", "150"),
        ("1/c9", "10"),
        ("2/c6", "50"),
        ("2/c10", "20"),
        ("2/c13", "2"),
    ] {
        r.set_value(&format!("pl5/{cell}"), value);
    }
    let e = r.evaluate(&t);
    let at = t
        .targets
        .iter()
        .position(|x| x.id == "tre-han-huyen")
        .expect("the district's late-dossier target");
    let result = e.targets[at];
    assert_eq!(result.met(), Some(false));
    assert_eq!(
        t.targets[at].text(result),
        "5,45 % (chỉ tiêu ≤ 5 %) — vượt mức tỉnh cho phép"
    );
    let issue = e.issues.last().expect("a message");
    assert_eq!(issue.code, "pl5/total/c9");
    assert!(
        issue.message.contains("5,45 %") && issue.message.contains("≤ 5 %"),
        "{}",
        issue.message
    );
    // Phụ lục VI has nothing yet: its target waits.
    let xa = t.targets.iter().position(|x| x.id == "tre-han-xa").unwrap();
    assert_eq!(e.targets[xa].met(), None);
}
