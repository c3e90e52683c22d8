//! Tests of `core::session`: each operation's outcome and message, over a
//! Included only under #[cfg(test)] by its module: never compiled into the app.
//! store that can be made to fail.

use std::cell::Cell;

use super::*;
use crate::core::catalog::builtin_template;
use crate::core::draft::Draft;
use crate::core::draft_store::{KeyValueStore, MemoryStore, StoreFault};
use crate::core::template::Template;

/// Memory that refuses writes while `full` is set, as a full browser storage does.
#[derive(Default)]
struct Flaky {
    memory: MemoryStore,
    full: Cell<bool>,
}

impl KeyValueStore for Flaky {
    fn get(&self, key: &str) -> Result<Option<String>, StoreFault> {
        self.memory.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        if self.full.get() {
            return Err(StoreFault::Full);
        }
        self.memory.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        self.memory.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreFault> {
        self.memory.keys()
    }
}

fn xa() -> Template {
    builtin_template("xa-01b").unwrap()
}

fn session_with(id: &str) -> (Session<Flaky>, Draft) {
    let session = Session::new(Flaky::default(), true, "tab".into());
    let draft = session.create(id.into(), &xa(), 1.0);
    let mut draft = typed(&draft, "3.3.1", "1.603", "tab");
    draft.revision = session.save(&draft).unwrap().revision;
    (session, draft)
}

/// `d` with `code` typed as `text` in the tab `replica`.
fn typed(d: &Draft, code: &str, text: &str, replica: &str) -> Draft {
    d.typed(&[(code, text)], replica, d.history.clock() as f64 + 1.0)
}

#[test]
fn list_actions_answer_for_a_draft_that_is_gone() {
    let (session, draft) = session_with("a");
    session.delete(&draft.id).unwrap();
    let gone = "Bản nháp này không còn trong trình duyệt (có thể đã bị xóa ở thẻ khác).";
    assert_eq!(session.stored("a"), Err(gone.to_string()));
    assert_eq!(session.rename("a", "Mới", 2.0), Err(gone.to_string()));
    assert_eq!(session.delete("a"), Err(gone.to_string()));
    assert_eq!(session.copy_to_next_period("a", "b".into(), 2.0), gone);
}

#[test]
fn a_full_store_is_named_in_each_message() {
    let (session, draft) = session_with("a");
    session.store.backend_for_tests().full.set(true);
    assert_eq!(
        session.rename("a", "Mới", 2.0),
        Err("Không đổi tên được: bộ nhớ lưu trữ của trình duyệt đã đầy".to_string())
    );
    assert_eq!(
        session.copy_to_next_period("a", "b".into(), 2.0),
        "Không tạo được bản sao: bộ nhớ lưu trữ của trình duyệt đã đầy"
    );
    let mut other = draft.clone();
    other.id = "c".into();
    let Import::Refused(notice) = session.import(&other.to_json(), "c.json", builtin_template)
    else {
        panic!("refused")
    };
    assert!(notice.contains("chưa lưu được vào trình duyệt"), "{notice}");
    assert_eq!(
        session.stored("a").unwrap().name,
        draft.name,
        "nothing was changed"
    );
}

#[test]
fn delete_then_undo_and_the_tab_that_saved_it_back() {
    let (session, draft) = session_with("a");
    let deleted = session.delete("a").unwrap();
    assert_eq!(
        session.undo_delete(deleted.clone()),
        format!("Đã khôi phục «{}».", draft.title())
    );
    let deleted = session.delete("a").unwrap();
    // An open tab saves it back meanwhile, with a further edit.
    let mut theirs = typed(&deleted, "1.1.1", "9", "other");
    theirs.revision = 0;
    session.save(&theirs).unwrap();
    let text = session.undo_delete(deleted);
    assert!(text.contains("gộp với bản được lưu lại"), "{text}");
    let stored = session.stored("a").unwrap();
    assert_eq!(
        (stored.report.value("1.1.1"), stored.report.value("3.3.1")),
        ("9", "1.603")
    );
}

#[test]
fn a_rename_is_an_edit_of_the_name_that_merges() {
    let (session, draft) = session_with("a");
    session.rename("a", "  Báo cáo năm ", 5.0).unwrap();
    // The open editor saves its own edit with the revision it had.
    let tab = typed(&draft, "1.1.1", "3", "editor");
    let saved = session.save(&tab).unwrap();
    let merged = saved.merged.unwrap().draft;
    assert_eq!(
        (merged.name.as_str(), merged.report.value("1.1.1")),
        ("Báo cáo năm", "3")
    );
    assert_eq!(session.stored("a").unwrap().name, "Báo cáo năm");
}

#[test]
fn import_adds_new_drafts_and_merges_a_copy_the_browser_has() {
    let (session, draft) = session_with("a");
    let mut other = draft.clone();
    other.id = "b".into();
    other.revision = 5;
    let template_of = |id: &str| builtin_template(id);
    let Import::Open(opened, notice) = session.import(&other.to_json(), "b.json", template_of)
    else {
        panic!("opens")
    };
    assert_eq!(opened.revision, 5, "the revision as stored");
    assert_eq!(session.stored("b").unwrap(), *opened);
    assert!(notice.starts_with("Đã nhập"));
    // A colleague's copy of "a", filled in on another laptop.
    let copy = typed(
        &draft.for_colleague("Bản cho công chức tư pháp", "copy-1", 2.0),
        "2.1",
        "3",
        "laptop",
    );
    let mine = typed(&draft, "3.3.1", "1.700", "tab");
    session.save(&mine).unwrap();
    let merge = session
        .merge_file(&copy.to_json(), "tu-phap.json", template_of)
        .unwrap();
    assert_eq!(
        (
            merge.draft.report.value("2.1"),
            merge.draft.report.value("3.3.1")
        ),
        ("3", "1.700")
    );
    assert!(
        merge.summary.contains("«Bản cho công chức tư pháp»"),
        "{}",
        merge.summary
    );
    assert!(
        merge.taken.iter().any(|t| t.starts_with("2.1 ")),
        "{:?}",
        merge.taken
    );
    // The same file again changes nothing.
    let again = session
        .merge_file(&copy.to_json(), "tu-phap.json", template_of)
        .unwrap();
    assert!(again.summary.contains("không đổi gì"), "{}", again.summary);
}

#[test]
fn an_import_with_duplicate_row_keys_is_refused_and_changes_nothing() {
    let session = Session::new(Flaky::default(), true, "tab".into());
    let t = builtin_template("huyen-cchc").unwrap();
    let mut draft = session.create("d".into(), &t, 1.0);
    draft
        .report
        .rows
        .insert("pl5".into(), vec!["1".into(), "2".into(), "1".into()]);
    draft.report.set_value("pl5/1/c3", "5");
    let Import::Refused(message) = session.import(&draft.to_json(), "huyen.json", builtin_template)
    else {
        panic!("refused")
    };
    assert!(
        message.contains("«huyen.json»") && message.contains("hai dòng cùng khóa «1»"),
        "{message}"
    );
    assert_eq!(session.list().unwrap().0.len(), 0, "nothing stored");
}

#[test]
fn opening_adopts_a_newer_template_version_and_says_so() {
    let t = xa();
    let mut draft = Draft::new("a".into(), &t, 1.0);
    draft.report.template_version = t.version.saturating_sub(1);
    draft.report.set_value("khong-con", "4");
    let (opened, notice) = adopt(draft.clone(), Some(&t), None).unwrap();
    assert_eq!(opened.report.template_version, t.version);
    assert!(notice.unwrap().contains("1 mục không còn trong biểu mẫu"));
    assert!(adopt(draft, None, None)
        .unwrap_err()
        .contains("Hãy mở tệp biểu mẫu đó trước"));
}

#[test]
fn a_report_before_from_a_file_is_checked_and_kept_once() {
    let (session, draft) = session_with("a");
    let mut before = draft.clone();
    before.id = "nam-truoc".into();
    before.report.header.year = "2023".into();
    let mut header = draft.report.header.clone();
    header.year = "2099".into();
    let (id, found, text) = session
        .keep_predecessor(&before.to_json(), "nam.json", &xa(), &header)
        .unwrap();
    assert_eq!(id, "nam-truoc");
    assert!(
        !found,
        "no period rule finds it for 2099: the clerk's choice names it"
    );
    assert!(
        text.ends_with("báo cáo này được giữ trong danh sách bản nháp."),
        "{text}"
    );
    assert_eq!(session.stored("nam-truoc").unwrap().report, before.report);
    let mut next_year = before.report.header.clone();
    next_year.year = "2024".into();
    let (_, found, again) = session
        .keep_predecessor(&before.to_json(), "nam.json", &xa(), &next_year)
        .unwrap();
    assert!(found, "the same period a year earlier: the rule finds it");
    assert!(
        again.ends_with("(đã có trong danh sách bản nháp)."),
        "{again}"
    );
    let refused = session
        .keep_predecessor("{}", "x.json", &xa(), &header)
        .unwrap_err();
    assert!(
        refused.starts_with("«x.json»: Không nhập được"),
        "{refused}"
    );
    let district = builtin_template("huyen-cchc").unwrap();
    assert!(session
        .keep_predecessor(&before.to_json(), "nam.json", &district, &header)
        .unwrap_err()
        .contains("«xa-01b»"));
}

#[test]
fn a_closed_hint_stays_closed_and_is_no_draft() {
    let (session, _) = session_with("a");
    assert!(!session.hint_closed("keys"));
    session.close_hint("keys");
    assert!(session.hint_closed("keys"));
    assert!(!session.hint_closed("other"));
    let (drafts, _) = session.list().unwrap();
    assert_eq!(drafts.len(), 1, "the hint's key is not read as a draft");
}
