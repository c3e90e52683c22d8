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
        "Đúng hẹn: 93,41 %, dưới mức tối thiểu 95 % của tỉnh."
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

#[test]
fn an_optional_item_left_out_is_neither_checked_nor_printed_and_keeps_its_text() {
    let (t, mut r) = annual_2023();
    r.narrative
        .insert("I.1".into(), "Đã ban hành kế hoạch.".into());
    r.narrative
        .insert("I.4".into(), "Hoàn thành nhiệm vụ.".into());
    let about = |r: &Report, id: &str| {
        r.evaluate(&t)
            .issues
            .into_iter()
            .filter(|i| i.code == issue_code(id))
            .count()
    };
    // I.4 has text but its annex row 1.3 is empty: a message, until left out.
    assert_eq!(about(&r, "I.4"), 1);
    r.left_out.insert("I.4".into());
    assert_eq!(about(&r, "I.4"), 0);
    // An empty optional item whose annex has figures: no message either.
    r.narrative.remove("I.4");
    r.set_value("1.3.1", "5");
    assert_eq!(about(&r, "I.4"), 0);
    r.left_out.remove("I.4");
    assert_eq!(about(&r, "I.4"), 1, "brought back, it is checked again");
    // A required item cannot be left out: the mark is not honoured.
    r.left_out.insert("I.2".into());
    assert_eq!(about(&r, "I.2"), 1);
    // As a draft field: merged by key, and read back from the .json.
    r.left_out.insert("I.4".into());
    let parts = crate::core::draft_fields::Parts {
        report: &r,
        name: "",
        author: "",
    };
    assert_eq!(parts.get("left-out:I.4").as_deref(), Some("1"));
    assert!(parts
        .all()
        .contains(&("left-out:I.4".to_string(), "1".to_string())));
    let mut other = Report::new(&t);
    let (mut name, mut author) = (String::new(), String::new());
    crate::core::draft_fields::set(&mut other, &mut name, &mut author, "left-out:I.4", "1");
    assert!(other.left_out.contains("I.4"));
    assert!(!crate::core::draft_fields::asks("left-out:I.4"));
    let json = crate::core::json_write::to_string(&r);
    let back: Report = crate::core::json_read::read(&json).unwrap();
    assert_eq!(back.left_out, r.left_out);
    assert_eq!(
        back.narrative.get("I.4"),
        None,
        "removed above; kept otherwise"
    );
}

#[test]
fn the_printed_outline_numbers_on_past_an_item_left_out() {
    let (t, _) = annual_2023();
    let headings = |marked: &[&str]| -> Vec<String> {
        t.outline
            .printed(Period::Year, &|id| marked.contains(&id))
            .into_iter()
            .map(|(_, h)| h)
            .collect()
    };
    let all = headings(&[]);
    assert_eq!(all.len(), t.outline.items.len());
    assert!(all.contains(&"4. Thực hiện nhiệm vụ cấp trên giao".to_string()));
    let without = headings(&["I.4", "V"]);
    assert_eq!(without.len(), all.len() - 2);
    assert!(!without
        .iter()
        .any(|h| h.contains("cấp trên giao") || h.contains("KIẾN NGHỊ")));
    // An outline whose optional item sits between others: the next one moves up.
    let mut outline = t.outline.clone();
    outline.items.retain(|i| i.id.starts_with("I"));
    let i2 = outline.items.iter_mut().find(|i| i.id == "I.2").unwrap();
    i2.required = crate::core::outline::Required::No;
    let numbered: Vec<String> = outline
        .printed(Period::Year, &|id| id == "I.2")
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert!(
        numbered.contains(&"2. Về công tác tuyên truyền cải cách hành chính".to_string()),
        "{numbered:#?}"
    );
    assert!(numbered.contains(&"3. Thực hiện nhiệm vụ cấp trên giao".to_string()));
    // A section whose every item is left out goes with them.
    let v_only: Vec<String> = t
        .outline
        .printed(Period::Year, &|id| id == "V")
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert_eq!(
        v_only.last().map(String::as_str),
        Some("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")
    );
}

#[test]
fn the_closing_hint_reads_as_the_seed_closes() {
    let words = crate::core::outline::PeriodWords::new(
        "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG",
        "Hoằng Trường",
        Period::Year,
        Some(2023),
    );
    let t = template("xa-01b");
    assert_eq!(
        words.closing_hint(&t.outline.subject),
        "Trên đây là báo cáo công tác cải cách hành chính năm 2023, nhiệm vụ công tác cải cách hành chính năm 2024 của Ủy ban nhân dân xã Hoằng Trường, kính gửi cấp trên xem xét, tổng hợp./."
    );
}

#[test]
fn errors_come_first_then_warnings_each_in_page_order() {
    use crate::core::eval::in_page_order;
    let issue = |code: &str, severity| Issue {
        code: code.into(),
        severity,
        message: String::new(),
    };
    let narrative = [
        issue("outline:I.2", Severity::Warning),
        issue("outline:II.2", Severity::Error),
    ];
    let rows = [
        issue("1.1", Severity::Warning),
        issue("3.3.1", Severity::Error),
    ];
    let all = in_page_order(
        &[issue("header:date", Severity::Error)],
        &narrative,
        &rows,
        &mut |all| all.push(issue("pl5/1/c3", Severity::Error)),
        vec![issue("pl5/total/c9", Severity::Warning)],
    );
    let codes: Vec<&str> = all.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "header:date",
            "outline:II.2",
            "3.3.1",
            "pl5/1/c3",
            "outline:I.2",
            "1.1",
            "pl5/total/c9"
        ]
    );
    assert!(is_empty_item(&Issue {
        code: "outline:I.2".into(),
        severity: Severity::Warning,
        message: "Mục I.2 \"Công tác kiểm tra\" chưa có nội dung".into(),
    }));
    assert!(!is_empty_item(&Issue {
        code: "outline:I.2".into(),
        severity: Severity::Warning,
        message: "Mục I.2 \"Công tác kiểm tra\": «chưa có nội dung» không khớp".into(),
    }));
}
