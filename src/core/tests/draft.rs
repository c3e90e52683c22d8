//! Tests of `core::draft`.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;
use crate::core::catalog::xa_01b_for_tests as xa;
use crate::core::period::Period;

#[test]
fn round_trips_through_json() {
    let t = xa();
    let mut d = Draft::new("d1".into(), &t, 1_700_000_000_000.0);
    let mut report = d.report.clone();
    report.set_value("3.3.1", "1.603");
    report.set_note("3.3.1", "ghi chú \"có ngoặc\"");
    report.header.unit = "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG".into();
    d.commit(report, "tab", 1_700_000_000_000.0);
    assert_eq!(Draft::from_json(&d.to_json()), Ok(d.clone()));
    // Without a history, the borrowed envelope writes exactly what serde
    // writes for a Draft.
    let mut plain = d.clone();
    plain.history = Default::default();
    let mut bumped = plain.clone();
    bumped.revision = 7;
    assert_eq!(
        plain.to_json_at(7),
        crate::core::json_write::to_string(&bumped)
    );
    assert_eq!(Draft::from_json(&d.to_pretty_json()), Ok(d));
}

#[test]
fn refuses_what_is_not_a_draft() {
    assert!(matches!(Draft::from_json("{"), Err(DraftError::NotJson(_))));
    assert_eq!(Draft::from_json("{\"a\":1}"), Err(DraftError::NotADraft));
    assert!(!Draft::from_json("[1,2]")
        .unwrap_err()
        .to_string()
        .is_empty());
    let newer = format!("{{\"kind\":\"{DRAFT_KIND}\",\"format\":9}}");
    assert_eq!(Draft::from_json(&newer), Err(DraftError::NewerFormat(9)));
    let broken = format!("{{\"kind\":\"{DRAFT_KIND}\",\"format\":1,\"id\":\"x\"}}");
    assert!(matches!(
        Draft::from_json(&broken),
        Err(DraftError::Malformed(_))
    ));
}

#[test]
fn orphans_are_kept_and_listed() {
    let t = xa();
    let mut d = Draft::new("d1".into(), &t, 0.0);
    d.report.set_value("3.3.1", "5");
    d.report.set_value("3.3.4", "7");
    d.report.set_note("9.9", "ghi chú cũ");
    assert_eq!(
        d.orphans(&t),
        vec![
            ("3.3.4".into(), "7".into(), String::new()),
            ("9.9".into(), String::new(), "ghi chú cũ".into())
        ]
    );
    d.migrate(&t).unwrap();
    assert_eq!(d.report.value("3.3.4"), "7");
}

#[test]
fn next_period_copy() {
    let t = xa();
    let mut d = Draft::new("d1".into(), &t, 0.0);
    d.report.header.year = "2023".into();
    d.report.header.number = "15".into();
    d.report.header.signer = "Lê Phạm Thảo".into();
    d.report.set_value("3.3.1", "1.603");
    let (copy, message) = d.start_next_period("d2".into(), 5.0);
    assert_eq!(copy.report.header.period, Period::QuarterOne);
    assert_eq!(copy.report.header.year, "2024");
    assert_eq!(copy.report.header.number, "");
    assert_eq!(copy.report.header.signer, "Lê Phạm Thảo");
    assert_eq!(copy.report.value("3.3.1"), "1.603");
    assert!(message.contains("Quý I năm 2024"), "{message}");
    assert_eq!(
        copy.report.predecessor.as_deref(),
        Some("d1"),
        "the annual report is the one before Quý I"
    );
    assert_eq!(
        copy.report.unconfirmed.iter().collect::<Vec<_>>(),
        ["3.3.1"],
        "the copied figure awaits an update"
    );
    // Quý I → 6 tháng: the one before 6 tháng is the annual report, not Quý I.
    let (six, _) = copy.start_next_period("d3".into(), 6.0);
    assert_eq!(six.report.header.period, Period::SixMonths);
    assert_eq!(six.report.predecessor, None, "the rule finds it");
}

#[test]
fn import_checks_everything_and_changes_nothing_on_failure() {
    let t = xa();
    let lookup = |id: &str| (id == "xa-01b").then(xa);
    let mut d = Draft::new("d1".into(), &t, 0.0);
    d.report.set_value("3.3.1", "1.603");
    d.report.set_value("3.3.1.a", "2.000");
    let (imported, _, _) =
        Draft::import(&d.to_pretty_json(), lookup).expect("warnings do not stop an import");
    assert_eq!(imported.report, d.report);
    assert!(Draft::import("{oops", lookup)
        .unwrap_err()
        .contains("không phải JSON"));
    assert!(Draft::import("{\"a\":1}", lookup)
        .unwrap_err()
        .contains("không phải tệp báo cáo"));
    let mut other = d.clone();
    other.report.template_id = "huyen-cchc".into();
    assert!(Draft::import(&other.to_json(), lookup)
        .unwrap_err()
        .contains("«huyen-cchc»"));
    let mut bad = d.clone();
    bad.report.set_value("3.2.4", "150");
    let (opened, _, notice) =
        Draft::import(&bad.to_json(), lookup).expect("a field error opens, marked");
    assert_eq!(opened.report.value("3.2.4"), "150");
    let message = notice.unwrap();
    assert!(message.contains("1 số liệu không hợp lệ, được đánh dấu lỗi trên trang (3.2.4: «150»: tỷ lệ phần trăm phải từ 0 đến 100)"), "{message}");
    let newer = d.to_json().replace("\"format\":1", "\"format\":2");
    assert!(Draft::import(&newer, lookup)
        .unwrap_err()
        .contains("phiên bản mới hơn"));
}

#[test]
fn titles_and_file_names() {
    let t = xa();
    let mut d = Draft::new("d1".into(), &t, 0.0);
    d.report.header.unit = "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG".into();
    d.report.header.place = "Hoằng Trường".into();
    d.report.header.year = "2023".into();
    assert_eq!(d.title(), "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG — Năm 2023");
    assert_eq!(d.file_stem(), "xa-01b_hoang-truong_nam-2023");
    d.report.header.place = "Đắk Lắk / \"x\": *?".into();
    assert_eq!(d.file_stem(), "xa-01b_dak-lak-x_nam-2023");
    // The place empty: the name in the unit, whatever its case.
    d.report.header.place = String::new();
    assert_eq!(d.file_stem(), "xa-01b_hoang-truong_nam-2023");
    d.report.header.unit = "UBND xã hoằng trường".into();
    assert_eq!(d.file_stem(), "xa-01b_hoang-truong_nam-2023");
    assert_eq!(ascii_slug("  ĐỒNG   Hới "), "dong-hoi");
    assert_eq!(
        ascii_slug("Xã Hoằng Trường, quý III"),
        "xa-hoang-truong-quy-iii"
    );
    assert_eq!(
        ascii_slug("Thu\u{31B}\u{323}c 2024"),
        "thuc-2024",
        "decomposed letters too"
    );
}
