//! Tests of `core::migration` with a real version 2 of a test template
//! (`tests/fixtures/templates/mau-thu.v1.json`, `.v2.json`): a file of
//! version 1 is migrated, then checked, then merged; a newer one is refused
//! and nothing is stored.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;
use crate::core::backup::Outcome;
use crate::core::catalog::builtin_template;
use crate::core::draft::Draft;
use crate::core::draft_store::MemoryStore;
use crate::core::session::{adopt, Import, Session};
use crate::core::template::Template;

fn v1() -> Template {
    Template::from_json(include_str!(
        "../../../tests/fixtures/templates/mau-thu.v1.json"
    ))
    .unwrap()
}

fn v2() -> Template {
    Template::from_json(include_str!(
        "../../../tests/fixtures/templates/mau-thu.v2.json"
    ))
    .unwrap()
}

/// A draft of version 1, typed in a tab, with a note and a narrative-free report.
fn old_draft() -> Draft {
    let d = Draft::new("cu".into(), &v1(), 1.0);
    let mut d = d.typed(
        &[("1.1", "5"), ("1.2", "3"), ("2.1", "40"), ("2.2", "7")],
        "tab",
        2.0,
    );
    d.report.notes.insert("1.2".into(), "kế hoạch năm".into());
    d
}

#[test]
fn the_test_template_declares_its_changes() {
    let t = v2();
    assert_eq!(t.version, 2);
    assert_eq!(t.changes.len(), 1);
    assert!(t.retired("2.2") && !t.retired("2.1") && !t.retired("9.9"));
    let text = include_str!("../../../tests/fixtures/templates/mau-thu.v2.json");
    let broken = |from: &str, to: &str| Template::from_json(&text.replace(from, to)).unwrap_err().0;
    assert!(broken("\"1.2\": \"1.2a\"", "\"1.2\": \"1.2b\"")
        .contains("biểu mẫu không có chỉ tiêu \"1.2b\""));
    assert!(broken("\"2.2\"\n   ]", "\"2.1\"\n   ]")
        .contains("\"2.1\" đã bỏ hoặc đổi mã nhưng vẫn còn"));
    assert!(broken(
        "\"version\": 2,\n   \"renamed\"",
        "\"version\": 3,\n   \"renamed\""
    )
    .contains("phiên bản 3 phải lớn hơn 1"));
    // A code a draft uses for its own fields is refused.
    assert!(broken("\"code\": \"1.1\"", "\"code\": \"compare\"")
        .contains("trùng tên dành riêng của ứng dụng"));
    // Two codes renamed onto one, and a code that comes back: refused.
    assert!(
        broken("\"1.2\": \"1.2a\"", "\"1.2\": \"1.2a\", \"2.1x\": \"1.2a\"")
            .contains("mã \"1.2a\" được nêu hai lần")
    );
    let three = text
        .replace("\"version\": 2,\n \"name\"", "\"version\": 3,\n \"name\"")
        .replace(
            "\"note\": \"1.2 đổi mã thành 1.2a; bỏ 2.2; thêm 2.3\"\n  }",
            "\"note\": \"\"\n  },\n  { \"version\": 3, \"renamed\": { \"2.3\": \"2.2\" } }",
        );
    let refused = Template::from_json(&three).unwrap_err().0;
    assert!(
        refused.contains("mã \"2.2\" đã bỏ ở phiên bản trước, không dùng lại được"),
        "{refused}"
    );
}

#[test]
fn a_version_1_file_is_migrated_then_checked() {
    let old = old_draft();
    let (draft, _, notice) = Draft::import(&old.to_json(), |id| (id == "mau-thu").then(v2))
        .expect("migrated and accepted");
    assert_eq!(draft.report.template_version, 2);
    assert_eq!(
        draft.report.value("1.2a"),
        "3",
        "the renamed code keeps its figure"
    );
    assert_eq!(draft.report.value("1.2"), "");
    assert_eq!(
        draft.report.notes.get("1.2a").map(String::as_str),
        Some("kế hoạch năm")
    );
    assert_eq!(
        draft.history.values("1.2a"),
        vec!["3"],
        "the history follows the rename"
    );
    assert!(draft.history.entries("1.2").is_empty());
    assert_eq!(
        draft.orphans(&v2()),
        vec![("2.2".to_string(), "7".to_string(), String::new())],
        "the removed row's value is kept aside"
    );
    assert_eq!(
        notice.as_deref(),
        Some("Biểu mẫu đã đổi từ phiên bản 1 sang 2: 1 mã chỉ tiêu đổi theo biểu mẫu mới; 1 mục không còn trong biểu mẫu (2.2) được giữ lại ở cuối trang.")
    );
    // Stored as version 2, it reads back as strictly.
    Draft::import(&draft.to_json(), |id| (id == "mau-thu").then(v2))
        .expect("the migrated draft is a valid version 2 draft");
}

#[test]
fn a_rename_never_overwrites_and_tokens_follow_as_the_narrative_reads_them() {
    let mut old = old_draft();
    // A hand-edited file already holds the new code: nothing is overwritten.
    old.report.values.insert("1.2a".into(), "9".into());
    old.report.narrative.insert(
        "I".into(),
        "{ 1.2 } kế hoạch, { {1.2/2.1} và {pl5/1.2/c4}".into(),
    );
    let mut history = old.history.clone();
    let mut report = old.report.clone();
    let migration = migrate(&mut report, &mut history, &v2()).unwrap();
    assert_eq!(
        (report.value("1.2a"), report.value("1.2")),
        ("9", "3"),
        "the old value stays aside"
    );
    assert!(migration.kept_aside.contains(&"1.2".to_string()));
    assert_eq!(migration.renamed, 0);
    let mut fresh = old_draft();
    fresh.report.narrative.insert(
        "I".into(),
        "{ 1.2 } kế hoạch, { {1.2/2.1} và {pl5/1.2/c4}".into(),
    );
    fresh.report.unconfirmed.insert("2.2".into());
    let mut history = fresh.history.clone();
    migrate(&mut fresh.report, &mut history, &v2()).unwrap();
    assert_eq!(
        fresh.report.narrative.get("I").map(String::as_str),
        Some("{1.2a} kế hoạch, { {1.2a/2.1} và {pl5/1.2/c4}")
    );
    assert!(
        !fresh.report.unconfirmed.contains("2.2"),
        "a value kept aside is not «chưa cập nhật»"
    );
}

#[test]
fn the_strict_checks_run_on_the_migrated_draft() {
    let mut old = old_draft();
    old.report.values.insert("9.9".into(), "1".into());
    let refused = Draft::import(&old.to_json(), |id| (id == "mau-thu").then(v2))
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        refused,
        "Không nhập được: tệp có mã «9.9» không có trong biểu mẫu «mau-thu»."
    );
}

#[test]
fn a_newer_version_is_refused_and_nothing_is_stored() {
    let mut newer = old_draft();
    newer.report.template_version = 3;
    let session = Session::new(MemoryStore::default(), true, "tab".into());
    let Import::Refused(message) = session.import(&newer.to_json(), "moi.json", |id| {
        (id == "mau-thu").then(v2)
    }) else {
        panic!("a newer version must be refused")
    };
    assert_eq!(
        message,
        "«moi.json»: Không nhập được: tệp được tạo bằng biểu mẫu «mau-thu» phiên bản 3, mới hơn phiên bản 2 mà ứng dụng này có. Hãy cập nhật ứng dụng (tải lại trang khi có mạng) rồi mở lại tệp."
    );
    assert!(session.list().unwrap().0.is_empty(), "nothing stored");
    // The case: a built-in template's draft stamped version 99,
    // holding a code the template does not have.
    let xa = builtin_template("xa-01b").unwrap();
    let mut stamped = Draft::new("moi".into(), &xa, 1.0);
    stamped.report.template_version = 99;
    stamped.report.values.insert("3.3.9".into(), "5".into());
    let Import::Refused(message) = session.import(&stamped.to_json(), "x.json", |id| {
        (id == "xa-01b").then(|| xa.clone())
    }) else {
        panic!("refused")
    };
    assert!(
        message.contains("phiên bản 99, mới hơn phiên bản 1"),
        "{message}"
    );
    assert!(session.list().unwrap().0.is_empty());
    // A stored draft of a newer version does not open either.
    assert!(adopt(newer, Some(&v2()), None)
        .unwrap_err()
        .contains("Không mở được bản nháp: bản nháp được tạo bằng biểu mẫu «mau-thu» phiên bản 3"));
}

#[test]
fn backups_and_stored_drafts_are_migrated_too() {
    let session = Session::new(MemoryStore::default(), true, "tab".into());
    let restored = session.restore(vec![Ok(old_draft())], |id| {
        (id == "mau-thu").then(|| std::sync::Arc::new(v2()))
    });
    assert_eq!(restored[0].outcome, Outcome::Added);
    let stored = session.stored("cu").unwrap();
    assert_eq!(
        (stored.report.template_version, stored.report.value("1.2a")),
        (2, "3")
    );
    // A draft stored before the app had version 2 opens migrated, and
    // keeps what no change names aside rather than dropping it.
    let mut old = old_draft();
    old.report.values.insert("9.9".into(), "1".into());
    let (opened, notice) = adopt(old, Some(&v2()), None).unwrap();
    assert_eq!(opened.report.value("1.2a"), "3");
    assert_eq!(opened.orphans(&v2()).len(), 2, "2.2 and 9.9 kept aside");
    assert!(notice
        .unwrap()
        .starts_with("Biểu mẫu đã đổi từ phiên bản 1 sang 2"));
    // The same version: nothing to say.
    assert_eq!(
        adopt(Draft::new("m".into(), &v2(), 1.0), Some(&v2()), None)
            .unwrap()
            .1,
        None
    );
}
