//! Tests of the template loader.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;

fn minimal(rows: &str, extra: &str) -> String {
    format!(
        r#"{{"format":1,"id":"thu","version":1,"name":"Thử","annex":"Phụ lục","title":"THỬ",
        "sections":[{{"id":"chi-tieu","rows":[{rows}]}}]{extra}}}"#
    )
}

const ROWS: &str = r#"{"code":"1","label":"Tổng","unit":"Hồ sơ","kind":"count","breakdown":"partition"},
    {"code":"1.a","label":"Trực tiếp","unit":"Hồ sơ","kind":"count","part_of":"1"},
    {"code":"1.b","label":"Trực tuyến","unit":"Hồ sơ","kind":"count","part_of":"1"},
    {"code":"2","label":"Hình thức","kind":"choice","options":[{"code":0,"label":"A"},{"code":1,"label":"B"}]}"#;

#[test]
fn loads_and_derives_breakdown_rules() {
    let t = Template::from_json(&minimal(ROWS, "")).unwrap();
    assert_eq!(t.indicators.len(), 4);
    assert_eq!(t.parts_of("1"), vec!["1.a", "1.b"]);
    assert!(t.indicator("1.a").unwrap().first_part);
    assert!(!t.indicator("1.b").unwrap().first_part);
    let ids: Vec<&str> = t.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "trong-do-khong-vuot:1.a",
            "trong-do-khong-vuot:1.b",
            "trong-do-cong-lai:1"
        ]
    );
}

#[test]
fn refuses_duplicate_codes() {
    let rows = r#"{"code":"1","label":"A","kind":"count"},{"code":"1","label":"B","kind":"count"}"#;
    let err = Template::from_json(&minimal(rows, "")).unwrap_err();
    assert_eq!(err.0, "Mã chỉ tiêu \"1\" xuất hiện hai lần");
}

#[test]
fn refuses_codes_a_workbook_cell_could_not_list() {
    // A workbook lists codes in one cell separated by «, », «;» or a new line.
    for code in ["1,2", "1;2", "1 2", "1/2", "a:b", ""] {
        let rows = format!(r#"{{"code":"{code}","label":"A","kind":"count"}}"#);
        let err = Template::from_json(&minimal(&rows, "")).unwrap_err();
        assert_eq!(
            err.0,
            format!("Dòng \"A\" có mã không hợp lệ: {CODE_RULE}"),
            "{code:?}"
        );
    }
    let computed = r#","computed":[{"code":"t,1","label":"Tổng","sum":["1.a"]}]"#;
    let err = Template::from_json(&minimal(ROWS, computed)).unwrap_err();
    assert_eq!(
        err.0,
        format!("Giá trị tính \"Tổng\" có mã không hợp lệ: {CODE_RULE}")
    );
}

#[test]
fn refuses_rules_with_unknown_codes() {
    let err = Template::from_json(&minimal(
        ROWS,
        r#","rules":[{"left":["1.a"],"op":"<=","right":["9.9"]}]"#,
    ))
    .unwrap_err();
    assert_eq!(
        err.0,
        "Quy tắc thứ 1 nhắc đến mã \"9.9\", nhưng biểu mẫu không có chỉ tiêu này"
    );
}

#[test]
fn refuses_choices_without_options() {
    let rows = r#"{"code":"1","label":"A","kind":"choice"}"#;
    let err = Template::from_json(&minimal(rows, "")).unwrap_err();
    assert!(
        err.0
            .contains("\"1\" là lựa chọn nhưng không có phương án nào"),
        "{err}"
    );
}

#[test]
fn refuses_other_mistakes_precisely() {
    let cases = [
        (
            minimal(r#"{"code":"1","label":"A","kind":"number"}"#, ""),
            "kiểu \"number\" không được hỗ trợ",
        ),
        (
            minimal(
                r#"{"code":"1","label":"A","kind":"count","part_of":"0"}"#,
                "",
            ),
            "\"0\" không có ở phía trên",
        ),
        (
            minimal(ROWS, r#","rules":[{"left":["2"],"op":"<=","right":["1"]}]"#),
            "không phải số lượng hay tỷ lệ",
        ),
        (
            minimal(ROWS, r#","rules":[{"left":["1"],"op":"<","right":["1"]}]"#),
            "phép so sánh \"<\" không hợp lệ",
        ),
        (
            minimal(
                ROWS,
                r#","computed":[{"code":"1","label":"x","sum":["1.a"]}]"#,
            ),
            "trùng với một mã đã có",
        ),
        (
            minimal(
                ROWS,
                r#","computed":[{"code":"c","label":"x","sum":["7"]}]"#,
            ),
            "nhắc đến mã \"7\"",
        ),
        (
            minimal(ROWS, r#","unknown":1"#),
            "có trường \"unknown\" không được hỗ trợ",
        ),
        ("{".to_string(), "văn bản JSON bị cắt ngang ở dòng 1, cột 1"),
        (
            "{\"format\":1,}".to_string(),
            "lỗi cú pháp JSON ở dòng 1, cột 13",
        ),
        // Where a fault is, by the path a JSON tool shows.
        (
            minimal(r#"{"code":1,"label":"A","kind":"count"}"#, ""),
            "«sections[0].rows[0].code» phải là một chuỗi",
        ),
        (
            minimal(r#"{"code":"1","kind":"count"}"#, ""),
            "«sections[0].rows[0]» thiếu trường \"label\"",
        ),
        (
            minimal(
                r#"{"code":"1","label":"A","kind":"count","colour":"đỏ"}"#,
                "",
            ),
            "«sections[0].rows[0]» có trường \"colour\" không được hỗ trợ",
        ),
        (
            minimal(
                r#"{"code":"1","label":"A","kind":"decimal","decimals":300}"#,
                "",
            ),
            "«sections[0].rows[0].decimals» phải là một số nguyên từ 0 đến 255",
        ),
        (
            minimal(
                r#"{"code":"1","label":"A","kind":"count","options":{}}"#,
                "",
            ),
            "«sections[0].rows[0].options» phải là một danh sách",
        ),
        (
            minimal(ROWS, "").replace("\"version\":1", "\"version\":1.5"),
            "«version» phải là một số nguyên từ 0 đến 4294967295",
        ),
        (
            minimal(ROWS, "").replace("\"version\":1", "\"version\":-1"),
            "«version» phải là một số nguyên từ 0 đến 4294967295",
        ),
        (
            minimal(
                ROWS,
                r#","rules":[{"left":["1"],"op":"<=","right_constant":"5"}]"#,
            ),
            "«rules[0].right_constant» phải là một số",
        ),
        ("[]".to_string(), "phải là một đối tượng {…}"),
        (
            minimal(ROWS, "").replace("\"format\":1", "\"format\":2"),
            "định dạng 2",
        ),
    ];
    for (json, expected) in cases {
        let err = Template::from_json(&json).unwrap_err();
        assert!(err.0.contains(expected), "expected «{expected}» in «{err}»");
    }
}

#[test]
fn computed_lines_follow_their_anchor() {
    let extra = r#","computed":[{"code":"c1","label":"Cộng","after":"1.b","sum":["1.a","1.b"]},
        {"code":"c2","label":"Tỷ lệ","after":"1.b","rate":{"numerator":["1.a"],"denominator":["1"]}}]"#;
    let t = Template::from_json(&minimal(ROWS, extra)).unwrap();
    let lines = &t.sections[0].lines;
    assert_eq!(lines[3], Line::Computed(0));
    assert_eq!(lines[4], Line::Computed(1));
    assert_eq!(lines[5], Line::Indicator(3));
}

#[test]
fn loads_an_outline_and_refuses_its_mistakes() {
    let outline = r#","outline":{"items":[
        {"id":"I","title":"CHỈ ĐẠO","items":[{"id":"I.1","title":"Kế hoạch","required":true,"codes":["1"]},{"id":"I.2","title":"Hình thức","codes":["2"],"required_in":["nam"]}]},
        {"id":"II","title":"KIẾN NGHỊ"}]}"#;
    let t = Template::from_json(&minimal(ROWS, outline)).unwrap();
    let shown: Vec<(String, usize, bool)> = t
        .outline
        .items
        .iter()
        .map(|i| (i.heading(), i.depth, i.writes))
        .collect();
    assert_eq!(
        shown,
        [
            ("I. CHỈ ĐẠO".into(), 0, false),
            ("1. Kế hoạch".into(), 1, true),
            ("2. Hình thức".into(), 1, true),
            ("II. KIẾN NGHỊ".into(), 0, true)
        ]
    );
    assert!(t
        .outline
        .item("I.2")
        .unwrap()
        .required
        .in_period(crate::core::period::Period::Year));
    assert!(!t
        .outline
        .item("I.2")
        .unwrap()
        .required
        .in_period(crate::core::period::Period::QuarterOne));
    assert!(
        t.outline.opening.contains("{don-vi}"),
        "the default opening"
    );

    let refused = |items: &str| {
        Template::from_json(&minimal(
            ROWS,
            &format!(r#","outline":{{"items":[{items}]}}"#),
        ))
        .unwrap_err()
        .0
    };
    assert_eq!(
        refused(r#"{"id":"I","title":"A"},{"id":"I","title":"B"}"#),
        "Mục \"I\" của \"outline\" xuất hiện hai lần"
    );
    assert_eq!(
        refused(r#"{"id":"I","title":"A","codes":["9.9"]}"#),
        "Mục \"I\" của \"outline\" nhắc đến \"9.9\", nhưng biểu mẫu không có chỉ tiêu hay bảng (grid) nào mang mã này"
    );
    assert_eq!(
        refused(r#"{"id":"I","title":" "}"#),
        "Mục \"I\" của \"outline\" chưa có tiêu đề (\"title\")"
    );
    assert!(refused(r#"{"id":"I","title":"A","required_in":["quy-2"]}"#)
        .starts_with("Mục \"I\" của \"outline\": kỳ \"quy-2\" trong \"required_in\" không có"));
    assert!(refused(r#"{"id":"I A","title":"A"}"#).contains("không được rỗng, chứa dấu cách"));
    assert!(refused(r#"{"id":"I","title":"A","items":[{"id":"1","title":"B","items":[{"id":"a","title":"C","items":[{"id":"x","title":"D"}]}]}]}"#).contains("lồng quá 3 cấp"));
    assert_eq!(
        Template::from_json(&minimal(ROWS, r#","outline":{"items":[]}"#))
            .unwrap_err()
            .0,
        "\"outline\" không có mục nào (\"items\")"
    );
}
