//! Tests of `core::draft_store`.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::revision::{revision_in_head, REVISION_PROBE_CHARS};
use super::*;
use crate::core::catalog::builtin_template;
use crate::core::draft::Draft;
use crate::core::template::Template;

fn xa() -> Template {
    builtin_template("xa-01b").unwrap() // ok-panic: #[cfg(test)] module, never compiled into the app
}

fn draft(id: &str, at: f64) -> Draft {
    let d = Draft::new(id.into(), &xa(), at);
    edit(&d, "3.3.1", "1.603", "a")
}

/// `d` with `code` typed as `text` by the tab `replica`, as the editor commits it.
fn edit(d: &Draft, code: &str, text: &str, replica: &str) -> Draft {
    d.typed(
        &[(code, text)],
        replica,
        d.updated_at.max(d.history.clock() as f64 + 1.0),
    )
}

fn saved(revision: u64) -> Saved {
    Saved {
        revision,
        merged: None,
    }
}

#[test]
fn saves_and_lists_newest_first() {
    let store = DraftStore::new(MemoryStore::default());
    assert_eq!(store.save(&draft("a", 1.0)).unwrap(), saved(1)); // ok-panic: #[cfg(test)] module, never compiled into the app
    assert_eq!(store.save(&draft("b", 2.0)).unwrap(), saved(1)); // ok-panic: #[cfg(test)] module, never compiled into the app
    let (list, bad) = store.list().unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    assert_eq!(
        list.iter().map(|s| s.draft.id.as_str()).collect::<Vec<_>>(),
        ["b", "a"]
    );
    assert!(bad.is_empty());
    assert_eq!(
        store.load("a").unwrap().unwrap().report.value("3.3.1"),
        "1.603"
    ); // ok-panic: #[cfg(test)] module, never compiled into the app
}

#[test]
fn a_corrupt_entry_is_quarantined_and_spoils_nothing_else() {
    let store = DraftStore::new(MemoryStore::default());
    store.save(&draft("good", 1.0)).unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    store
        .backend
        .set(
            &format!("{DRAFT_PREFIX}bad"),
            "{\"kind\":\"bieumau-cchc/draft\",\"format\":1,\"id\":",
        )
        .unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    store.backend.set("unrelated", "x").unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    let (list, bad) = store.list().unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    assert_eq!(list.len(), 1);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].key, format!("{QUARANTINE_PREFIX}bad"));
    assert!(bad[0].raw.ends_with("\"id\":"), "the raw text is kept");
    assert_eq!(
        store.backend.get(&format!("{DRAFT_PREFIX}bad")).unwrap(),
        None
    ); // ok-panic: #[cfg(test)] module, never compiled into the app
    let (list, bad) = store.list().unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    assert_eq!((list.len(), bad.len()), (1, 1), "listing again is stable");
    store.discard_quarantined(&bad[0].key).unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    assert!(store.quarantined().unwrap().is_empty());
    assert_eq!(
        store.backend.get("unrelated").unwrap().as_deref(),
        Some("x")
    );
}

#[test]
fn a_full_store_refuses_and_keeps_what_was_saved() {
    let store = DraftStore::new(MemoryStore {
        quota: Some(6_000),
        ..Default::default()
    });
    let mut d = draft("a", 1.0);
    store.save(&d).unwrap();
    d.revision = 1;
    let mut report = d.report.clone();
    report.set_note("3.3.1", &"x".repeat(10_000));
    d.commit(report, "a", 2.0);
    assert_eq!(store.save(&d), Err(StoreFault::Full));
    assert_eq!(
        store.load("a").unwrap().unwrap().report.notes.get("3.3.1"),
        None
    );
}

#[test]
fn the_revision_is_read_from_the_head_of_the_stored_text() {
    let store = DraftStore::new(MemoryStore::default());
    let mut d = draft("d", 1.0);
    d.name = "\"revision\": 99 — a name that quotes the key".into();
    d.revision = 41;
    for code in ["1.1.1", "1.1.2", "3.3.2"] {
        d.report.set_value(code, &"9".repeat(2_000));
    }
    store
        .backend
        .set(&format!("{DRAFT_PREFIX}d"), &d.to_json())
        .unwrap();
    let head = store
        .backend
        .get_head(&format!("{DRAFT_PREFIX}d"), REVISION_PROBE_CHARS)
        .unwrap()
        .unwrap();
    assert_eq!(revision_in_head(&head), Some(41));
    assert_eq!(store.stored_revision("d").unwrap(), Some(41));
    // Text written in another order is parsed whole.
    let other = format!(
        "{{\"report\":{},\"revision\":5}}",
        crate::core::json_write::to_string(&d.report)
    );
    assert_eq!(revision_in_head(&other[..200]), None);
    store
        .backend
        .set(&format!("{DRAFT_PREFIX}e"), &other)
        .unwrap();
    assert_eq!(store.stored_revision("e").unwrap(), Some(5));
    assert_eq!(
        revision_in_head("{\"revision\":12"),
        None,
        "a number cut by the head is not trusted"
    );
    assert_eq!(store.stored_revision("missing").unwrap(), None);
}

#[test]
fn a_rename_from_an_old_list_keeps_the_newer_edits() {
    let store = DraftStore::new(MemoryStore::default());
    let listed = draft("d", 1.0);
    store.save(&listed).unwrap();
    // Another tab types on after the list was drawn.
    let mut tab = store.load("d").unwrap().unwrap();
    tab = edit(&tab, "1.1.2", "7", "b");
    store.save(&tab).unwrap();
    let renamed = store
        .update(&listed.id, |d| {
            d.set_field("name", "Bản gửi huyện", "c", 10.0)
        })
        .unwrap()
        .unwrap();
    assert_eq!(renamed.revision, 3);
    let stored = store.load("d").unwrap().unwrap();
    assert_eq!(stored.name, "Bản gửi huyện");
    assert_eq!(
        stored.report.value("1.1.2"),
        "7",
        "the other tab's edit is kept"
    );
    assert_eq!(stored.report.value("3.3.1"), "1.603");
    assert_eq!(store.update("gone", |_| {}).unwrap(), None);
}

#[test]
fn undo_delete_puts_back_what_was_stored_and_merges_with_a_copy_stored_since() {
    let store = DraftStore::new(MemoryStore::default());
    store.save(&draft("d", 1.0)).unwrap();
    let tab = edit(&store.load("d").unwrap().unwrap(), "1.1.2", "7", "b");
    store.save(&tab).unwrap();
    let taken = store.take("d").unwrap().unwrap();
    assert_eq!(
        taken.report.value("1.1.2"),
        "7",
        "the stored copy, not a list's"
    );
    assert_eq!(store.load("d").unwrap(), None);
    let (back, merged) = store.merge_in(&taken).unwrap();
    assert!(merged.is_none());
    assert_eq!(store.load("d").unwrap().unwrap().report.value("1.1.2"), "7");

    // Deleted again; an open tab saves it back with a further edit: the
    // undo merges the two.
    let taken = edit(&store.take("d").unwrap().unwrap(), "1.1.1", "4", "c");
    let tab = edit(&back, "1.1.3", "3", "b");
    store.save(&tab).unwrap();
    let (both, merged) = store.merge_in(&taken).unwrap();
    assert!(merged.unwrap().changed);
    assert_eq!(
        (both.report.value("1.1.3"), both.report.value("1.1.1")),
        ("3", "4")
    );
    let stored = store.load("d").unwrap().unwrap();
    assert_eq!(
        (stored.report.value("1.1.3"), stored.report.value("1.1.1")),
        ("3", "4")
    );
    assert_eq!(store.take("gone").unwrap(), None);
}

#[test]
fn two_tabs_merge_each_others_saves() {
    let store = DraftStore::new(MemoryStore::default());
    let start = draft("d", 1.0);
    assert_eq!(store.save(&start).unwrap(), saved(1));
    let (mut tab_a, mut tab_b) = (start.clone(), start.clone());
    tab_a.revision = 1;
    tab_b.revision = 1;
    tab_a = edit(&tab_a, "1.1.1", "5", "a");
    assert_eq!(store.save(&tab_a).unwrap(), saved(2));
    tab_b = edit(&tab_b, "1.1.2", "6", "b");
    let merged = store.save(&tab_b).unwrap().merged.unwrap();
    assert_eq!(merged.taken, ["1.1.1"]);
    let stored = store.load("d").unwrap().unwrap();
    assert_eq!(
        (stored.report.value("1.1.1"), stored.report.value("1.1.2")),
        ("5", "6"),
        "nothing overwritten"
    );
    assert_eq!(stored.revision, 3);
    // A save that brings nothing new writes nothing: two tabs never echo.
    let mut echo = merged.draft.clone();
    echo.revision = 1;
    assert_eq!(store.save(&echo).unwrap().revision, 3);
    // The same field typed in both: both values wait for the clerk.
    let a = edit(&stored, "1.1.1", "8", "a");
    let b = edit(&stored, "1.1.1", "9", "b");
    store.save(&a).unwrap();
    let merged = store.save(&b).unwrap().merged.unwrap();
    assert_eq!(merged.conflicts, ["1.1.1"]);
    assert_eq!(
        merged.draft.report.value("1.1.1"),
        "9",
        "each tab keeps its own value on screen"
    );
}

#[test]
fn a_stored_draft_with_two_rows_of_one_key_is_quarantined() {
    let store = DraftStore::new(MemoryStore::default());
    let t = builtin_template("huyen-cchc").unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    let mut d = Draft::new("huyen".into(), &t, 1.0);
    d.report
        .rows
        .insert("pl5".into(), vec!["1".into(), "1".into()]);
    store
        .backend
        .set(&format!("{DRAFT_PREFIX}huyen"), &d.to_json())
        .unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    let (list, bad) = store.list().unwrap(); // ok-panic: #[cfg(test)] module, never compiled into the app
    assert!(list.is_empty());
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0].reason.contains("hai dòng cùng khóa «1»"),
        "{}",
        bad[0].reason
    );
}
