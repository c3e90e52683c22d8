//! Tests of `core::backup` and of restoring through the session: the file
//! read back, the copy kept for each draft, each outcome's message, and the
//! reminder.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;
use crate::core::catalog::builtin_template;
use crate::core::draft_store::{KeyValueStore, MemoryStore, LAST_BACKUP_KEY};
use crate::core::kept_template::{stored_text, KeptTemplate, TemplateOrigin};
use crate::core::session::Session;
use crate::core::template::Template;

const DAY: f64 = 86_400_000.0;

fn xa() -> Template {
    builtin_template("xa-01b").unwrap()
}

/// A session holding drafts `ids`, each with 3.3.1 typed and saved once.
fn session_with(ids: &[&str]) -> Session<MemoryStore> {
    let session = Session::new(MemoryStore::default(), true, "here".into());
    for (n, id) in ids.iter().enumerate() {
        let mut draft = session.create(id.to_string(), &xa(), 1_000.0 + n as f64);
        let mut report = draft.report.clone();
        report.set_value("3.3.1", "1.603");
        report.header.unit = format!("UBND xã {id}");
        draft.commit(report, "here", 1_000.0 + n as f64);
        session.save(&draft).unwrap();
    }
    session
}

/// `draft` with 3.3.2 typed as `value` in the browser `replica`.
fn typed(draft: &Draft, value: &str, replica: &str, at: f64) -> Draft {
    draft.typed(&[("3.3.2", value)], replica, at)
}

/// Edits the stored draft `id` as the editor would: one more saved revision.
fn edit(session: &Session<MemoryStore>, id: &str, value: &str, at: f64) {
    let draft = typed(&session.stored(id).unwrap(), value, "here", at);
    session.save(&draft).unwrap();
}

/// "<id> <outcome>" for each line, by id.
fn outcomes(lines: &[Restored]) -> Vec<String> {
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| format!("{} {}", l.id, l.hook()))
        .collect();
    out.sort();
    out
}

/// A province's template: the commune's annex under another id, compact.
fn province_text() -> String {
    let (_, xa_text) = crate::core::catalog::BUILTIN_TEMPLATE_FILES
        .iter()
        .find(|(name, _)| *name == "xa-01b.json")
        .unwrap();
    let mut province = serde_json::from_str::<serde_json::Value>(xa_text).unwrap();
    province["id"] = "tinh-x".into();
    province.to_string()
}

fn template_of(id: &str) -> Option<Box<Template>> {
    builtin_template(id).map(Box::new)
}

#[test]
fn a_backup_reads_back_every_draft_and_template() {
    let session = session_with(&["a", "b", "c"]);
    let province = province_text();
    let template = Template::from_json(&province).unwrap();
    session.keep_template(
        &template,
        TemplateOrigin::File {
            name: "x.json".into(),
        },
        1.0,
    );
    let (text, count) = session.backup(5.0 * DAY).unwrap();
    assert_eq!(count, 3);
    assert_eq!(
        session.last_backup(),
        None,
        "kept once the file is handed over"
    );
    session.backed_up(5.0 * DAY);
    assert_eq!(session.last_backup(), Some(5.0 * DAY));
    let backup = read(&text).unwrap();
    assert_eq!(backup.created_at, Some(5.0 * DAY));
    let (stored, _) = session.list().unwrap();
    let read_back: Vec<Draft> = backup.drafts.into_iter().map(Result::unwrap).collect();
    assert_eq!(
        read_back,
        stored.into_iter().map(|s| s.draft).collect::<Vec<_>>()
    );
    // Each template with where it came from and when.
    let kept: Vec<KeptTemplate> = backup
        .templates
        .iter()
        .map(|t| KeptTemplate::read(t).unwrap())
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(&*kept[0].template.source, province.as_str());
    assert_eq!(
        kept[0].origin,
        TemplateOrigin::File {
            name: "x.json".into()
        }
    );
    assert_eq!(kept[0].at, Some(1.0));
}

#[test]
fn a_restored_template_keeps_its_origin_and_time() {
    let here = session_with(&["a"]);
    let province = Template::from_json(&province_text()).unwrap();
    let mut edition = serde_json::from_str::<serde_json::Value>(&province_text()).unwrap();
    edition["id"] = "tinh-y".into();
    let edition = Template::from_json(&edition.to_string()).unwrap();
    let from_file = TemplateOrigin::File {
        name: "biểu tỉnh.xlsx".into(),
    };
    let from_edition = TemplateOrigin::Edition {
        province: "Thanh Hóa".into(),
        built: 3.0 * DAY,
    };
    here.keep_template(&province, from_file.clone(), 7.0 * DAY);
    here.keep_template(&edition, from_edition.clone(), 8.0 * DAY);
    let (text, _) = here.backup(9.0 * DAY).unwrap();
    assert!(text.contains(r#""format":2"#), "{text}");

    let there = session_with(&[]);
    let backup = read(&text).unwrap();
    let restored =
        there.restore_templates(&backup.templates, |_| false, "sao-luu.json", 20.0 * DAY);
    assert!(restored.refused.is_empty());
    let mut got: Vec<(String, TemplateOrigin, Option<f64>)> = restored
        .added
        .iter()
        .map(|k| (k.template.id.clone(), k.origin.clone(), k.at))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let want = vec![
        ("tinh-x".to_string(), from_file, Some(7.0 * DAY)),
        ("tinh-y".to_string(), from_edition, Some(8.0 * DAY)),
    ];
    assert_eq!(got, want, "as the start screen shows them");
    let mut stored: Vec<(String, TemplateOrigin, Option<f64>)> = there
        .kept_templates()
        .kept
        .into_iter()
        .map(|k| (k.template.id.clone(), k.origin, k.at))
        .collect();
    stored.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(stored, want, "and as they are kept, over a reload");
    assert_eq!(
        summary_of_templates(&restored),
        "Đã thêm biểu mẫu «Phụ lục 01b — Thống kê CCHC cấp xã», «Phụ lục 01b — Thống kê CCHC cấp xã». "
    );
}

#[test]
fn a_template_of_unknown_origin_is_kept_as_from_the_backup_and_a_broken_one_is_named() {
    let session = session_with(&[]);
    let template = Template::from_json(&province_text()).unwrap();
    // Kept before file names were (no name, no time), and one marked as
    // shipped, which no browser keeps: both as from the backup, now.
    let nameless = stored_text(
        &template,
        &TemplateOrigin::File {
            name: String::new(),
        },
        None,
    );
    let mut shipped = serde_json::from_str::<serde_json::Value>(&province_text()).unwrap();
    shipped["id"] = "tinh-y".into();
    let shipped = stored_text(
        &Template::from_json(&shipped.to_string()).unwrap(),
        &TemplateOrigin::BuiltIn,
        Some(1.0),
    );
    let unknown = nameless.replace(r#""origin":"file""#, r#""origin":"cloud""#);
    let texts = vec![nameless, unknown, shipped];
    let restored = session.restore_templates(&texts, |_| false, "sao-luu.json", 5.0);
    let backup_file = TemplateOrigin::File {
        name: "sao-luu.json".into(),
    };
    let got: Vec<(&str, &TemplateOrigin, Option<f64>)> = restored
        .added
        .iter()
        .map(|k| (k.template.id.as_str(), &k.origin, k.at))
        .collect();
    assert_eq!(
        got,
        [
            ("tinh-x", &backup_file, Some(5.0)),
            ("tinh-y", &backup_file, Some(5.0))
        ]
    );
    assert_eq!(restored.refused.len(), 1);
    let summary = summary_of_templates(&restored);
    assert!(
        summary.contains(
            "Không đọc được biểu mẫu thứ 2 trong tệp (nguồn biểu mẫu \"cloud\" không hợp lệ"
        ),
        "{summary}"
    );
}

#[test]
fn a_kept_template_that_is_not_json_does_not_spoil_the_file() {
    let text = write([], &["{\"id\":".to_string()], 1.0);
    assert!(read(&text).unwrap().templates.is_empty());
}

#[test]
fn the_file_of_one_draft_restores_that_draft() {
    let draft = Draft::new("d".into(), &xa(), 1.0);
    let backup = read(&draft.to_pretty_json()).unwrap();
    assert_eq!(backup.created_at, None);
    assert_eq!(backup.drafts.len(), 1);
    assert_eq!(
        backup.drafts[0].as_ref().map(|d| &d.report),
        Ok(&draft.report)
    );
}

#[test]
fn files_that_are_not_backups_are_refused_in_vietnamese() {
    assert!(read("không phải json")
        .unwrap_err()
        .starts_with("Tệp không phải JSON hợp lệ"));
    assert!(read(r#"{"id":"xa-01b","version":3}"#)
        .unwrap_err()
        .starts_with("Đây không phải tệp sao lưu"));
    let newer = format!(r#"{{"kind":"{BACKUP_KIND}","format":9,"drafts":[]}}"#);
    assert!(read(&newer).unwrap_err().contains("định dạng 9"));
    let draft_kind = format!(
        r#"{{"kind":"{}","format":1}}"#,
        crate::core::draft::DRAFT_KIND
    );
    assert!(read(&draft_kind)
        .unwrap_err()
        .starts_with("Không đọc được bản nháp trong tệp"));
}

#[test]
fn a_broken_draft_in_the_file_is_named_and_the_others_are_read() {
    let good = Draft::new("g".into(), &xa(), 1.0);
    let text = format!(
        r#"{{"kind":"{BACKUP_KIND}","format":1,"drafts":[{},{{"kind":"x"}},{}]}}"#,
        good.to_json(),
        good.to_json()
    );
    let backup = read(&text).unwrap();
    assert_eq!(backup.drafts.len(), 3);
    assert!(backup.drafts[0].is_ok() && backup.drafts[2].is_ok());
    assert!(backup.drafts[1]
        .as_ref()
        .unwrap_err()
        .starts_with("Bản nháp thứ 2 trong tệp: đây không phải tệp báo cáo"));
}

#[test]
fn restoring_adds_merges_and_keeps_draft_by_draft() {
    let session = session_with(&["a", "b", "c", "d", "e"]);
    edit(&session, "e", "10", 2_000.0);
    let (text, _) = session.backup(3_000.0).unwrap();
    // After the backup: a deleted, b changed here, d changed here and in the
    // file's browser, e changed only in the file's browser.
    session.delete("a").unwrap();
    edit(&session, "b", "1.600", 4_000.0);
    edit(&session, "d", "1.500", 4_000.0);
    let mut file = read(&text).unwrap();
    for draft in file.drafts.iter_mut().flatten() {
        match draft.id.as_str() {
            "d" => *draft = typed(draft, "1.400", "there", 5_000.0),
            "e" => {
                let mut report = draft.report.clone();
                report.set_note("3.3.1", "đã đối chiếu");
                draft.commit(report, "there", 5_000.0);
            }
            _ => {}
        }
    }
    let lines = session.restore(file.drafts, template_of);
    assert_eq!(
        outcomes(&lines),
        ["a added", "b kept", "c same", "d conflict", "e updated"]
    );
    assert_eq!(session.stored("b").unwrap().report.value("3.3.2"), "1.600");
    let d = session.stored("d").unwrap();
    assert_eq!(
        d.report.value("3.3.2"),
        "1.500",
        "this browser's value stays shown"
    );
    assert_eq!(
        d.conflicts()[0].others,
        ["1.400"],
        "the file's waits for the clerk"
    );
    let e = session.stored("e").unwrap();
    assert_eq!(
        (
            e.report.value("3.3.2"),
            e.report.notes.get("3.3.1").map(String::as_str)
        ),
        ("10", Some("đã đối chiếu"))
    );
    assert_eq!(
        summary(&lines),
        "5 bản nháp trong tệp: 1 khôi phục, 1 gộp từ tệp, 1 gộp, có mục chờ bạn chọn, 1 giữ bản trong trình duyệt, 1 không đổi."
    );
    let asked = lines.iter().find(|l| l.id == "d").unwrap();
    assert!(
        asked
            .text()
            .contains("1 mục cả hai bên cùng sửa đang chờ bạn chọn"),
        "{}",
        asked.text()
    );
    // Restoring the same file again changes nothing.
    let again = session.restore(read(&text).unwrap().drafts, template_of);
    assert_eq!(
        outcomes(&again),
        ["a same", "b kept", "c same", "d kept", "e kept"]
    );
}

#[test]
fn a_draft_that_does_not_fit_its_template_or_the_store_is_refused_alone() {
    let session = session_with(&[]);
    let mut foreign = Draft::new("f".into(), &xa(), 1.0);
    foreign.report.values.insert("pl5/1/c3".into(), "4".into());
    let fine = Draft::new("g".into(), &xa(), 1.0);
    let lines = session.restore(vec![Ok(foreign), Ok(fine)], template_of);
    assert!(lines[0].text().contains("»: không khôi phục được, bản nháp trong tệp có mã «pl5/1/c3» không có trong biểu mẫu «xa-01b»."), "{}", lines[0].text());
    assert_eq!(lines[1].hook(), "added");
    assert!(session.stored("f").is_err());

    let mut store = MemoryStore::default();
    store.quota = Some(10);
    let full = Session::new(store, true, "here".into());
    let lines = full.restore(vec![Ok(Draft::new("h".into(), &xa(), 1.0))], template_of);
    assert!(
        lines[0]
            .text()
            .contains("chưa lưu được vào trình duyệt (bộ nhớ lưu trữ của trình duyệt đã đầy)"),
        "{}",
        lines[0].text()
    );
}

#[test]
fn unreadable_text_under_the_key_is_set_aside_not_overwritten() {
    let store = MemoryStore::default();
    store.set("bieumau.v1.draft.a", "{hỏng").unwrap();
    let session = Session::new(store, true, "here".into());
    let lines = session.restore(vec![Ok(Draft::new("a".into(), &xa(), 1.0))], template_of);
    assert_eq!(lines[0].hook(), "added");
    let (_, quarantined) = session.list().unwrap();
    assert_eq!(
        quarantined
            .iter()
            .map(|q| q.raw.as_str())
            .collect::<Vec<_>>(),
        ["{hỏng"]
    );
}

#[test]
fn templates_of_the_file_are_kept_unless_loaded() {
    let session = session_with(&[]);
    let (_, xa_text) = crate::core::catalog::BUILTIN_TEMPLATE_FILES
        .iter()
        .find(|(name, _)| *name == "xa-01b.json")
        .unwrap();
    let mut province = serde_json::from_str::<serde_json::Value>(xa_text).unwrap();
    province["id"] = "tinh-x".into();
    let texts = vec![province.to_string(), "{}".to_string(), province.to_string()];
    let restored = session.restore_templates(&texts, |id| id == "xa-01b", "sao-luu.json", 2.0);
    assert_eq!(
        restored.refused,
        ["biểu mẫu thứ 2 trong tệp (Tệp biểu mẫu không đọc được: thiếu trường \"format\")"]
    );
    let added = restored.added;
    assert_eq!(
        added
            .iter()
            .map(|k| k.template.id.as_str())
            .collect::<Vec<_>>(),
        ["tinh-x"]
    );
    // A template of an older backup (its JSON alone): as opened from the
    // backup file, when it was restored.
    let kept = session.kept_templates().kept;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].origin,
        TemplateOrigin::File {
            name: "sao-luu.json".into()
        }
    );
    assert_eq!(kept[0].at, Some(2.0));
    assert_eq!(added[0].at, Some(2.0));
    assert!(session
        .restore_templates(&texts, |id| id == "tinh-x", "sao-luu.json", 3.0)
        .added
        .is_empty());
}

fn stored(id: &str, created_at: f64, updated_at: f64) -> StoredDraft {
    let mut draft = Draft::new(id.into(), &xa(), created_at);
    draft.updated_at = updated_at;
    StoredDraft { draft, bytes: 0 }
}

#[test]
fn the_reminder_comes_after_seven_days_with_changes() {
    let now = 100.0 * DAY;
    let drafts = [
        stored("a", 50.0 * DAY, 95.0 * DAY),
        stored("b", 50.0 * DAY, 80.0 * DAY),
    ];
    let text = reminder(&drafts, Some(90.0 * DAY), now).expect("10 days, one change");
    assert!(
        text.starts_with(
            "Lần sao lưu gần nhất đã cách đây 10 ngày, và 1 bản nháp đã thay đổi từ đó."
        ),
        "{text}"
    );
    assert_eq!(
        reminder(&drafts, Some(96.0 * DAY), now),
        None,
        "nothing changed since"
    );
    assert_eq!(reminder(&drafts, Some(94.0 * DAY), now), None, "6 days");
    let never = reminder(&drafts, None, now).expect("never, drafts 50 days old");
    assert!(
        never.starts_with("Chưa sao lưu lần nào, và 2 bản nháp có từ 50 ngày trước"),
        "{never}"
    );
    assert_eq!(
        reminder(&[stored("c", 99.0 * DAY, 99.0 * DAY)], None, now),
        None,
        "a new user is not nagged"
    );
    assert_eq!(reminder(&[], None, now), None);
    let store = MemoryStore::default();
    store.set(LAST_BACKUP_KEY, "NaN").unwrap();
    assert_eq!(Session::new(store, true, "here".into()).last_backup(), None);
}

#[test]
fn a_backup_written_before_drafts_had_a_history_restores_and_merges() {
    let legacy = r#"{"kind":"bieumau-cchc/draft","format":1,"app_version":"0.1.0","id":"cu","name":"","created_at":1,"updated_at":2,"revision":3,"report":{"template_id":"xa-01b","template_version":1,"header":{"unit":"UBND xã A","year":"2024"},"values":{"3.3.1":"400"},"notes":{}}}"#;
    let file = format!(
        r#"{{"kind":"bieumau-cchc/backup","format":1,"app_version":"0.1.0","created_at":5,"drafts":[{legacy}],"templates":[]}}"#
    );
    let session = session_with(&[]);
    assert_eq!(
        outcomes(&session.restore(read(&file).unwrap().drafts, template_of)),
        ["cu added"]
    );
    assert_eq!(
        outcomes(&session.restore(read(&file).unwrap().drafts, template_of)),
        ["cu same"]
    );
    // Typed in since: the old backup brings nothing and takes nothing.
    edit(&session, "cu", "390", 10.0);
    assert_eq!(
        outcomes(&session.restore(read(&file).unwrap().drafts, template_of)),
        ["cu kept"]
    );
    let stored = session.stored("cu").unwrap();
    assert_eq!(
        (stored.report.value("3.3.1"), stored.report.value("3.3.2")),
        ("400", "390")
    );
}
