//! Tests of a row's several "Trong đó" groups.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use crate::core::report::Report;
use crate::core::template::{BreakdownKind, Template};

fn template(parent: &str, parts: &str) -> Result<Template, String> {
    let text = format!(
        r#"{{"format":1,"id":"thu","version":1,"name":"Thử","annex":"Phụ lục","title":"THỬ",
        "sections":[{{"id":"chi-tieu","rows":[{{"code":"1","label":"Đúng hẹn","kind":"count"{parent}}},{parts}]}}]}}"#
    );
    Template::from_json(&text).map_err(|e| e.0)
}

const GROUPS: &str = r#","breakdown":[{"group":"tra","kind":"partition","label":"theo hình thức trả kết quả"},
    {"group":"truc-tuyen","kind":"parts","label":"giải quyết trực tuyến"}]"#;
const PARTS: &str = r#"{"code":"1.a","label":"Trả trực tiếp","kind":"count","part_of":"1","group":"tra"},
    {"code":"1.b","label":"Trả qua BCCI","kind":"count","part_of":"1","group":"tra"},
    {"code":"1.c","label":"Mức độ 3","kind":"count","part_of":"1","group":"truc-tuyen"},
    {"code":"1.d","label":"Mức độ 4","kind":"count","part_of":"1","group":"truc-tuyen"}"#;

fn messages(t: &Template, values: &[(&str, &str)]) -> Vec<String> {
    let mut report = Report::new(t);
    for (code, text) in values {
        report.set_value(code, text);
    }
    report
        .evaluate(t)
        .issues
        .into_iter()
        .map(|i| i.message)
        .collect()
}

#[test]
fn each_group_is_checked_on_its_own() {
    let t = template(GROUPS, PARTS).unwrap();
    let groups: Vec<(&str, BreakdownKind)> = t
        .indicator("1")
        .unwrap()
        .breakdown
        .iter()
        .map(|g| (g.id.as_str(), g.kind))
        .collect();
    assert_eq!(
        groups,
        [
            ("tra", BreakdownKind::Partition),
            ("truc-tuyen", BreakdownKind::Parts)
        ]
    );
    assert_eq!(t.parts_in("1", Some("tra")), ["1.a", "1.b"]);
    assert_eq!(t.parts_of("1"), ["1.a", "1.b", "1.c", "1.d"]);
    // Seed 001's 3.3.2: 1.586 + 2 = 1.588 exactly; 525 and 489 are another
    // breakdown of the same dossiers, each within the total.
    let seed = [
        ("1", "1588"),
        ("1.a", "1586"),
        ("1.b", "2"),
        ("1.c", "525"),
        ("1.d", "489"),
    ];
    assert_eq!(messages(&t, &seed), Vec::<String>::new());
    let slip = [
        ("1", "1588"),
        ("1.a", "1588"),
        ("1.b", "2"),
        ("1.c", "525"),
        ("1.d", "1600"),
    ];
    assert_eq!(
        messages(&t, &slip),
        [
            "1: các dòng \"Trong đó\" theo hình thức trả kết quả cộng lại 1.590, khác tổng 1.588 (lệch 2)",
            "1.d: 1.600 lớn hơn dòng tổng 1 (1.588)",
        ],
        "in row order"
    );
    let ids: Vec<&str> = t
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| id.starts_with("trong-do-cong-lai"))
        .collect();
    assert_eq!(ids, ["trong-do-cong-lai:1:tra"]);
}

#[test]
fn the_one_word_form_still_means_one_default_group() {
    let parts = r#"{"code":"1.a","label":"A","kind":"count","part_of":"1"},{"code":"1.b","label":"B","kind":"count","part_of":"1"}"#;
    let t = template(r#","breakdown":"partition""#, parts).unwrap();
    assert_eq!(t.parts_in("1", None), ["1.a", "1.b"]);
    assert_eq!(
        messages(&t, &[("1", "10"), ("1.a", "3"), ("1.b", "4")]),
        ["1: các dòng \"Trong đó\" cộng lại 7, khác tổng 10 (lệch 3)"]
    );
    let t = template("", parts).unwrap();
    assert_eq!(
        messages(&t, &[("1", "10"), ("1.a", "3"), ("1.b", "4")]),
        Vec::<String>::new(),
        "parts by default"
    );
}

#[test]
fn refuses_unknown_groups_and_kinds_precisely() {
    let one = |group: &str| {
        format!(r#"{{"code":"1.a","label":"A","kind":"count","part_of":"1"{group}}}"#)
    };
    let cases = [
        (
            template(GROUPS, &one(r#","group":"khac""#)),
            "Chỉ tiêu \"1.a\" thuộc nhóm \"khac\", nhưng \"breakdown\" của \"1\" không có nhóm này (các nhóm: \"tra\", \"truc-tuyen\")",
        ),
        (
            template(GROUPS, &one("")),
            "Chỉ tiêu \"1.a\" là dòng \"Trong đó\" của \"1\" nên phải ghi \"group\", một trong các nhóm của \"1\": \"tra\", \"truc-tuyen\"",
        ),
        (
            template(r#","breakdown":"partition""#, &one(r#","group":"tra""#)),
            "Chỉ tiêu \"1.a\" thuộc nhóm \"tra\", nhưng \"1\" không khai báo nhóm nào trong \"breakdown\"",
        ),
        (
            template(r#","breakdown":[{"group":"tra","kind":"sum"}]"#, &one(r#","group":"tra""#)),
            "Chỉ tiêu \"1\": nhóm \"tra\" có \"kind\" là \"sum\"; phải là \"parts\" (mỗi dòng không quá tổng) hoặc \"partition\" (các dòng cộng lại bằng tổng)",
        ),
        (
            template(r#","breakdown":[{"group":"tra","kind":"parts"},{"group":"tra","kind":"parts"}]"#, &one(r#","group":"tra""#)),
            "Chỉ tiêu \"1\": nhóm \"tra\" xuất hiện hai lần trong \"breakdown\"",
        ),
        (template(GROUPS, &one(r#","group":"tra""#)), "Chỉ tiêu \"1\": nhóm \"truc-tuyen\" trong \"breakdown\" không có dòng \"Trong đó\" nào"),
        (template(r#","breakdown":"sum""#, &one("")), "Chỉ tiêu \"1\": \"breakdown\" phải là \"parts\", \"partition\" hoặc một danh sách nhóm, không phải \"sum\""),
        (template(r#","breakdown":[]"#, &one("")), "Chỉ tiêu \"1\": danh sách nhóm \"breakdown\" trống"),
        (template(r#","breakdown":"partition""#, r#"{"code":"2","label":"B","kind":"count","group":"tra"}"#), "Chỉ tiêu \"2\" ghi \"group\" nhưng không phải dòng \"Trong đó\" của dòng nào (thiếu \"part_of\")"),
        (template(r#","breakdown":"partition""#, r#"{"code":"2","label":"B","kind":"count"}"#), "Chỉ tiêu \"1\" ghi \"breakdown\": \"partition\" nhưng không có dòng \"Trong đó\" nào"),
        (template(r#","breakdown":5"#, &one("")), "«sections[0].rows[0].breakdown» phải là \"parts\", \"partition\" hoặc một danh sách nhóm"),
        (template(r#","breakdown":[{"group":"tra","kind":"parts","colour":1}]"#, &one("")), "«sections[0].rows[0].breakdown[0]» có trường \"colour\" không được hỗ trợ"),
    ];
    for (result, expected) in cases {
        let err = result.unwrap_err();
        let err = err
            .strip_prefix("Tệp biểu mẫu không đọc được: ")
            .unwrap_or(&err);
        assert!(
            err.starts_with(expected),
            "expected «{expected}» in «{err}»"
        );
    }
}
