//! The app's JSON files: everything a draft holds is written as serde wrote
//! it and comes back as it was written, in both the compact and the
//! indented file, and the reader is as strict as the derive it replaced.

use bieumau::core::catalog::builtin_template;
use bieumau::core::draft::{Draft, DraftError};
use bieumau::core::json_read::{read, At, FromValue};
use bieumau::core::period::Period;
use bieumau::core::report::ReportHeader;
use bieumau::core::summary::{CommuneSummary, SummaryLine, SummarySource, SummaryValue};

fn full_draft() -> Draft {
    let template = builtin_template("huyen-cchc").unwrap();
    let mut draft = Draft::new("d-1".into(), &template, 1_700_000_000_123.0);
    draft.name = "Báo cáo «quý» \"I\"".into();
    draft.revision = 42;
    // As the files below were written, whatever the app's version now.
    draft.app_version = "0.1.0".into();
    let report = &mut draft.report;
    report.header.unit = "UBND huyện Khánh Sơn".into();
    report.header.period = Period::NineMonths;
    report.header.number_suffix = String::new();
    // What JSON must escape, and what it must not.
    report.header.recipients = "- Như trên;\n- Lưu: VT.\t\u{1}\"trích\" a\\b / <b>".into();
    report.values.insert("1.1".into(), "1.603".into());
    report.values.insert("pl5/2/c3".into(), "99,06".into());
    report
        .notes
        .insert("1.1".into(), "ghi chú\nhai dòng".into());
    report
        .rows
        .insert("pl5".into(), vec!["1".into(), "2".into()]);
    report.predecessor = Some(String::new());
    report.unconfirmed.insert("1.1".into());
    report
        .narrative
        .insert("I.1".into(), "Đã giải quyết {1.1} hồ sơ.".into());
    report.dismissed.insert("I.1|12 hồ sơ".into());
    let values = [
        SummaryValue::Heading,
        SummaryValue::Empty,
        SummaryValue::Total {
            value: 1603.5,
            decimals: 1,
            reporting: 12,
        },
        SummaryValue::Rate {
            value: Some(99.06),
            numerator: 1588.0,
            denominator: 1603.0,
        },
        SummaryValue::Rate {
            value: None,
            numerator: 0.0,
            denominator: 0.0,
        },
        SummaryValue::Percentages {
            min: 0.5,
            max: 100.0,
            reporting: 3,
        },
        SummaryValue::Answers {
            counts: vec![("Có".into(), 7), ("Không".into(), 0)],
            missing: 2,
        },
    ];
    report.commune_summary = Some(CommuneSummary {
        from: "xa-01b".into(),
        units: String::new(),
        sources: vec![SummarySource {
            file: "son-binh.json".into(),
            unit: "UBND xã Sơn Bình".into(),
            period: "Năm 2023".into(),
        }],
        notices: vec!["Bỏ qua «x.json»".into()],
        lines: values
            .into_iter()
            .enumerate()
            .map(|(n, value)| SummaryLine {
                code: format!("{n}"),
                label: format!("Dòng {n}"),
                unit: "Hồ sơ".into(),
                value,
            })
            .collect(),
    });
    draft
}

/// A draft read back, less the history that reading gives a draft stored
/// before drafts had one (`core::copies` tests that history).
fn read_back(text: &str) -> Draft {
    let mut draft = Draft::from_json(text).unwrap();
    assert!(!draft.history.is_empty() || draft.parts().all().is_empty());
    draft.history = Default::default();
    draft
}

#[test]
fn a_draft_comes_back_as_written() {
    let draft = full_draft();
    assert_eq!(read_back(&draft.to_json()), draft);
    assert_eq!(read_back(&draft.to_pretty_json()), draft);
    let plain = Draft::new("d-2".into(), &builtin_template("xa-01b").unwrap(), 0.0);
    assert_eq!(read_back(&plain.to_json()), plain);
}

#[test]
fn every_period_is_read_by_its_stored_name() {
    let stored = [
        "\"quarter-one\"",
        "\"six-months\"",
        "\"quarter-three\"",
        "\"nine-months\"",
        "\"year\"",
    ];
    for (period, text) in Period::ALL.into_iter().zip(stored) {
        assert_eq!(bieumau::core::json_write::to_string(&period), text);
        assert_eq!(read::<Period>(text).unwrap(), period, "{text}");
    }
    let err = read::<Period>("\"quy-1\"").unwrap_err();
    assert!(
        err.contains("có giá trị \"quy-1\" không hợp lệ; các giá trị hợp lệ: quarter-one,"),
        "{err}"
    );
}

#[test]
fn a_header_field_left_out_is_the_default() {
    let header = read::<ReportHeader>(r#"{"unit":"UBND xã A"}"#).unwrap();
    assert_eq!(header.unit, "UBND xã A");
    assert_eq!(header.number_suffix, ReportHeader::default().number_suffix);
    assert_eq!(header.period, Period::Year);
}

#[test]
fn a_newer_app_may_add_fields_to_a_draft_but_not_change_their_types() {
    let mut value: serde_json::Value = serde_json::from_str(&full_draft().to_json()).unwrap();
    value["report"]["colour"] = "đỏ".into();
    value["theme"] = 1.into();
    assert_eq!(read_back(&value.to_string()), full_draft());
    value["report"]["values"]["1.1"] = 1603.into();
    match Draft::from_json(&value.to_string()) {
        Err(DraftError::Malformed(e)) => assert_eq!(e, "«report.values.1.1» phải là một chuỗi"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_envelope_is_read_before_the_rest() {
    let cases = [
        (r#"{"kind":"khac","report":5}"#, DraftError::NotADraft),
        (
            r#"{"kind":"bieumau-cchc/draft","format":9,"report":5}"#,
            DraftError::NewerFormat(9),
        ),
        (
            r#"{"kind":"bieumau-cchc/draft"}"#,
            DraftError::Malformed("thiếu số định dạng".into()),
        ),
        (r#"{"kind":7}"#, DraftError::NotADraft),
        (
            r#"{"kind":"bieumau-cchc/draft","format":"1"}"#,
            DraftError::Malformed("«format» phải là một số nguyên từ 0 đến 4294967295".into()),
        ),
        (r#"[1,2]"#, DraftError::NotADraft),
        (
            r#"{"kind":"bieumau-cchc/draft","format":1,"id":"x"}"#,
            DraftError::Malformed("thiếu trường \"app_version\"".into()),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(Draft::from_json(text).unwrap_err(), expected, "{text}");
    }
}

#[test]
fn values_of_the_wrong_kind_are_named_where_they_are() {
    type Reader = fn(&str) -> Result<(), String>;
    let cases: [(&str, Reader, &str); 6] = [
        (
            "[[\"Có\",3],[\"Không\"]]",
            |t| read::<Vec<(String, u32)>>(t).map(drop),
            "«[1]» phải là một cặp [chuỗi, số]",
        ),
        (
            "{\"4\":[\"a\"],\"x\":[]}",
            |t| read::<bieumau::core::key_map::NumberKeys<Vec<String>>>(t).map(drop),
            "phải là một đối tượng có khóa là số",
        ),
        (
            "{\"total\":{\"value\":1}}",
            |t| read::<SummaryValue>(t).map(drop),
            "«total» thiếu trường \"decimals\"",
        ),
        (
            "{\"total\":{},\"rate\":{}}",
            |t| read::<SummaryValue>(t).map(drop),
            "phải là một đối tượng có đúng một trường",
        ),
        (
            "\"sum\"",
            |t| read::<SummaryValue>(t).map(drop),
            "có giá trị \"sum\" không hợp lệ",
        ),
        (
            "[true, 1]",
            |t| read::<Vec<bool>>(t).map(drop),
            "«[1]» phải là true hoặc false",
        ),
    ];
    for (text, reader, expected) in cases {
        let err = reader(text).unwrap_err();
        assert!(
            err.contains(expected),
            "{text}: expected «{expected}» in «{err}»"
        );
    }
    // `null` is "none" for an optional value, and nothing else.
    assert_eq!(
        Option::<u8>::from_value(serde_json::Value::Null, At::Root),
        Ok(None)
    );
    assert!(read::<String>("null").is_err());
}

#[test]
fn a_draft_is_written_as_it_always_was() {
    // Written by serde's derived Serialize before the app wrote its files
    // itself: the bytes of a stored draft and of the .json download.
    let draft = full_draft();
    let compact = include_str!("fixtures/full-draft.json").trim_end();
    assert_eq!(draft.to_json(), compact);
    let pretty = include_str!("fixtures/full-draft.pretty.json").trim_end();
    assert_eq!(draft.to_pretty_json(), pretty);
}
