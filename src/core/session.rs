//! The session: the one owner of the stored drafts, and every operation on
//! them (open, create, save, save over, rename, copy to the next period,
//! delete and undo, import, template migration, the two-tab conflict,
//! backup and restore).
//!
//! Components ask the session and show the typed outcome it returns, with
//! its message already worded; they never reach the store. Each list
//! action starts from what is stored now, never from a list drawn earlier.
//! Generic over the key-value store, so all of it is tested natively with
//! a store that fails on demand.

use std::borrow::Borrow;

use super::backup::{self, Outcome, Restored};
use super::copies::{field_label, Merged};
use super::draft::Draft;
use super::draft_fields::{AUTHOR, NAME};
use super::draft_store::{DraftStore, KeyValueStore, Quarantined, Saved, StoreFault, StoredDraft};
use super::number::format_count;
use super::predecessor::{self, Role, Subject};
use super::report::ReportHeader;
use super::template::Template;

/// The drafts and unreadable entries in storage, newest first.
pub type Listing = Result<(Vec<StoredDraft>, Vec<Quarantined>), StoreFault>;

/// What reading a file as a draft gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Import {
    /// Stored (added, or merged into the copy this browser had) and ready
    /// to open, with the notice to show.
    Open(Box<Draft>, String),
    /// Refused; nothing changed.
    Refused(String),
}

/// What merging a colleague's file did: the draft as stored now, and what
/// came from the file, line by line.
#[derive(Debug, Clone, PartialEq)]
pub struct FileMerge {
    pub draft: Draft,
    pub summary: String,
    /// The fields that came from the file, as the clerk knows them.
    pub taken: Vec<String>,
    /// The fields both changed, waiting for a choice.
    pub conflicts: Vec<String>,
}

pub struct Session<S> {
    store: DraftStore<S>,
    /// False when the browser refuses storage and drafts live in memory only.
    pub persistent: bool,
    /// This copy's id in drafts' histories (`core::history`): the browser's
    /// own, with a part of this tab's.
    pub replica: String,
}

pub const GONE: &str = "Bản nháp này không còn trong trình duyệt (có thể đã bị xóa ở thẻ khác).";

impl<S: KeyValueStore> Session<S> {
    pub fn new(backend: S, persistent: bool, replica: String) -> Session<S> {
        Session {
            store: DraftStore::new(backend),
            persistent,
            replica,
        }
    }

    pub fn list(&self) -> Listing {
        self.store.list()
    }

    /// The saved drafts other than `current`, for the clerk to free space.
    pub fn others(&self, current: &str) -> Vec<StoredDraft> {
        self.list()
            .map(|(list, _)| list.into_iter().filter(|s| s.draft.id != current).collect())
            .unwrap_or_default()
    }

    /// The draft as stored now, or why it cannot be had.
    pub fn stored(&self, id: &str) -> Result<Draft, String> {
        match self.store.load(id) {
            Ok(Some(draft)) => Ok(draft),
            Ok(None) => Err(GONE.to_string()),
            Err(e) => Err(format!("Không đọc được bản nháp: {e}")),
        }
    }

    /// A new draft of `template`. It is stored by the editor's first save,
    /// so a form opened and left empty leaves nothing in the list.
    pub fn create(&self, id: String, template: &Template, now: f64) -> Draft {
        Draft::new(id, template, now)
    }

    /// Renames the stored draft, as an edit of its name: a tab that has it
    /// open merges the new name and goes on saving.
    pub fn rename(&self, id: &str, name: &str, now: f64) -> Result<(), String> {
        let replica = &self.replica;
        match self
            .store
            .update(id, |d| d.set_field(NAME, name.trim(), replica, now))
        {
            Ok(Some(_)) => Ok(()),
            Ok(None) => Err(GONE.to_string()),
            Err(e) => Err(format!("Không đổi tên được: {e}")),
        }
    }

    /// Copies the stored draft to the next period; the message says what
    /// was done.
    pub fn copy_to_next_period(&self, id: &str, new_id: String, now: f64) -> String {
        let draft = match self.stored(id) {
            Ok(draft) => draft,
            Err(message) => return message,
        };
        let (mut copy, text) = draft.start_next_period(new_id, now);
        let report = copy.report.clone();
        copy.commit(report, &self.replica, now);
        match self.store.save(&copy) {
            Ok(_) => text,
            Err(e) => format!("Không tạo được bản sao: {e}"),
        }
    }

    /// Deletes the draft and returns it as stored, for the undo.
    pub fn delete(&self, id: &str) -> Result<Draft, String> {
        match self.store.take(id) {
            Ok(Some(stored)) => Ok(stored),
            Ok(None) => Err(GONE.to_string()),
            Err(e) => Err(format!("Không xóa được: {e}")),
        }
    }

    /// Deletes a draft to free space (from the "storage full" banner).
    pub fn delete_for_space(&self, id: &str) -> Result<(), String> {
        self.store
            .delete(id)
            .map_err(|e| format!("Không xóa được: {e}"))
    }

    /// Puts a deleted draft back; where a tab stored it again since, the
    /// two copies are merged.
    pub fn undo_delete(&self, deleted: Draft) -> String {
        let title = deleted.title();
        match self.store.merge_in(&deleted) {
            Ok((_, None)) => format!("Đã khôi phục «{title}»."),
            Ok((_, Some(_))) => format!(
                "Đã khôi phục «{title}» và gộp với bản được lưu lại ở thẻ khác sau khi xóa."
            ),
            Err(e) => format!("Không khôi phục được: {e}. Hãy tải tệp .json của bản nháp."),
        }
    }

    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreFault> {
        self.store.discard_quarantined(key)
    }

    /// Reads a `.json` file as a draft, checked as strictly as a template:
    /// a refused file changes nothing. A draft this browser has already is
    /// merged into it, field by field.
    pub fn import<T: Borrow<Template>>(
        &self,
        text: &str,
        file_name: &str,
        template_of: impl Fn(&str) -> Option<T>,
    ) -> Import {
        match self.merge_file(text, file_name, template_of) {
            Err(e) => Import::Refused(e),
            Ok(merge) => Import::Open(Box::new(merge.draft), merge.summary),
        }
    }

    /// Merges a draft's `.json` (a colleague's copy, or this draft saved
    /// elsewhere) into the stored copy, or adds it where this browser has
    /// none. The summary names what came from the file and what waits for
    /// the clerk's choice.
    pub fn merge_file<T: Borrow<Template>>(
        &self,
        text: &str,
        file_name: &str,
        template_of: impl Fn(&str) -> Option<T>,
    ) -> Result<FileMerge, String> {
        let (draft, template, notice) = self.read_copy(text, file_name, template_of)?;
        self.migrate_stored(&draft.id, template.borrow());
        let (stored, merged) = self.store.merge_in(&draft).map_err(|e| {
            format!(
                "Đã đọc «{}» nhưng chưa lưu được vào trình duyệt ({e}). Hãy giữ tệp .json.",
                draft.title()
            )
        })?;
        let mut outcome = match merged {
            Some(merged) => file_merge(template.borrow(), &draft, file_name, &merged, stored),
            None => FileMerge {
                summary: format!("Đã nhập «{}» từ tệp.", stored.title()),
                draft: stored,
                taken: Vec::new(),
                conflicts: Vec::new(),
            },
        };
        if let Some(notice) = notice {
            outcome.summary = format!("{} {notice}", outcome.summary);
        }
        Ok(outcome)
    }

    /// A draft's `.json` read as a copy to merge, as strictly as an import;
    /// the message names the file.
    pub fn read_copy<T: Borrow<Template>>(
        &self,
        text: &str,
        file_name: &str,
        template_of: impl Fn(&str) -> Option<T>,
    ) -> Result<(Draft, T, Option<String>), String> {
        Draft::import(text, template_of).map_err(|e| format!("«{file_name}»: {e}"))
    }

    /// Migrates the stored copy of draft `id` to `template`'s version, so
    /// that a file migrated on reading merges with a copy of the same
    /// version (never with codes it renamed).
    fn migrate_stored(&self, id: &str, template: &Template) {
        if matches!(self.store.load(id), Ok(Some(d)) if d.report.template_version < template.version)
        {
            let _ = self.store.update(id, |d| {
                let _ = d.migrate(template);
            });
        }
    }

    /// The editor's save: another tab's save since is merged in.
    pub fn save(&self, draft: &Draft) -> Result<Saved, StoreFault> {
        self.store.save(draft)
    }

    /// Stores a report the app rebuilt (a roll-up) as an edit of the
    /// draft; returns the draft as stored and, when storing failed, what
    /// to tell the clerk.
    pub fn replace(
        &self,
        mut draft: Draft,
        report: super::report::Report,
        now: f64,
    ) -> (Draft, Option<String>) {
        draft.commit(report, &self.replica, now);
        match self.store.save(&draft) {
            Ok(saved) => {
                draft.revision = saved.revision;
                (saved.merged.map_or(draft, |m| m.draft), None)
            }
            Err(fault) => (
                draft,
                Some(format!(
                    " Chưa lưu được vào trình duyệt ({fault}); hãy tải tệp .json để giữ kết quả."
                )),
            ),
        }
    }

    /// The clerk's choice in a conflict, or another field set from the
    /// page (the author of a copy), as an edit of the stored draft.
    pub fn set_field(&self, id: &str, key: &str, value: &str, now: f64) -> Result<Draft, String> {
        let replica = &self.replica;
        match self
            .store
            .update(id, |d| d.set_field(key, value, replica, now))
        {
            Ok(Some(draft)) => Ok(draft),
            Ok(None) => Err(GONE.to_string()),
            Err(e) => Err(format!("Chưa lưu được: {e}")),
        }
    }

    /// Keeps a template opened from a file, so its drafts reopen; false
    /// when the browser would not keep it.
    pub fn keep_template(&self, id: &str, json: &str) -> bool {
        self.store.save_template(id, json).is_ok()
    }

    /// The templates opened from files in earlier sessions.
    pub fn kept_templates(&self) -> Vec<String> {
        self.store.templates().unwrap_or_default()
    }
}

impl<S: KeyValueStore> Session<S> {
    /// Every stored draft and kept template as one backup file, and how many
    /// drafts it holds.
    pub fn backup(&self, now: f64) -> Result<(String, usize), String> {
        let (drafts, _) = self
            .list()
            .map_err(|e| format!("Không đọc được bản nháp để sao lưu: {e}."))?;
        let text = backup::write(drafts.iter().map(|s| &s.draft), &self.kept_templates(), now);
        Ok((text, drafts.len()))
    }

    /// The backup file was handed to the browser: the time is kept, for
    /// the reminder.
    pub fn backed_up(&self, at: f64) {
        let _ = self.store.set_last_backup(at);
    }

    pub fn last_backup(&self) -> Option<f64> {
        self.store.last_backup()
    }

    /// Keeps the backup's templates that are not loaded (`known` says which
    /// are) and returns them, to be loaded before its drafts are restored.
    pub fn restore_templates(
        &self,
        texts: &[String],
        known: impl Fn(&str) -> bool,
    ) -> Vec<Template> {
        let mut added = Vec::new();
        for text in texts {
            if let Ok(template) = Template::from_json(text) {
                if !known(&template.id) && !added.iter().any(|t: &Template| t.id == template.id) {
                    self.keep_template(&template.id, text);
                    added.push(template);
                }
            }
        }
        added
    }

    /// Restores the drafts of a backup file one by one, keeping the newer
    /// copy of each ([`backup::keep`]); where both changed nothing is
    /// written and the clerk is asked. A draft is checked against its
    /// template as a draft file is.
    pub fn restore<T: std::ops::Deref<Target = Template>>(
        &self,
        drafts: Vec<Result<Draft, String>>,
        template_of: impl Fn(&str) -> Option<T>,
    ) -> Vec<Restored> {
        drafts
            .into_iter()
            .map(|draft| match draft {
                Err(why) => Restored {
                    id: String::new(),
                    title: String::new(),
                    outcome: Outcome::Refused(why),
                },
                Ok(draft) => {
                    let (id, title) = (draft.id.clone(), draft.title());
                    Restored {
                        id,
                        title,
                        outcome: self.restore_one(draft, &template_of),
                    }
                }
            })
            .collect()
    }

    fn restore_one<T: std::ops::Deref<Target = Template>>(
        &self,
        draft: Draft,
        template_of: &impl Fn(&str) -> Option<T>,
    ) -> Outcome {
        let mut draft = draft;
        if let Some(template) = template_of(&draft.report.template_id) {
            // Migrated first, then checked as strictly as a draft file.
            let migrated = draft
                .migrate(&template)
                .map_err(|e| format!("bản nháp {e}"));
            if let Err(e) =
                migrated.and_then(|_| draft.check_strictly(&template, "bản nháp trong tệp"))
            {
                return Outcome::Refused(format!("không khôi phục được, {e}."));
            }
            self.migrate_stored(&draft.id, &template);
        }
        match self.store.merge_in(&draft) {
            Err(e) => Outcome::Refused(format!("chưa lưu được vào trình duyệt ({e}).")),
            Ok((_, None)) => Outcome::Added,
            Ok((_, Some(merged))) if !merged.changed && merged.kept.is_empty() => Outcome::Same,
            Ok((_, Some(merged))) if !merged.changed => Outcome::KeptStored,
            Ok((_, Some(merged))) => Outcome::Merged {
                taken: merged.taken.len(),
                kept: merged.kept.len(),
                conflicts: merged.conflicts.len(),
            },
        }
    }

    /// A report before opened from a file: read as strictly as an import,
    /// of `template`, and stored (unless the very draft is stored already)
    /// so that it is there next time. Its id, whether a period rule finds
    /// it for a report with `header` (else the clerk's choice should name
    /// it), and what to tell the clerk.
    pub fn keep_predecessor(
        &self,
        text: &str,
        file_name: &str,
        template: &Template,
        header: &ReportHeader,
    ) -> Result<(String, bool, String), String> {
        let (draft, _, _) = Draft::import(text, |id| (id == template.id).then(|| template.clone()))
            .map_err(|e| format!("«{file_name}»: {e}"))?;
        let title = draft.title();
        // Whether a period rule names it among everything stored (a newer
        // report of the same period would win, and then the clerk's choice
        // must name this one).
        let found = |id: &str| {
            let stored: Vec<Draft> = self
                .list()
                .map(|(list, _)| list.into_iter().map(|s| s.draft).collect())
                .unwrap_or_default();
            [Role::Change, Role::Carry].into_iter().any(|role| {
                let subject = Subject {
                    id: "",
                    template_id: &template.id,
                    header,
                    role,
                    choice: None,
                };
                predecessor::find(&subject, stored.iter()).is_some_and(|d| d.id == id)
            })
        };
        if matches!(self.store.load(&draft.id), Ok(Some(_))) {
            return Ok((
                draft.id.clone(),
                found(&draft.id),
                format!("So sánh với «{title}» (đã có trong danh sách bản nháp)."),
            ));
        }
        match self.store.merge_in(&draft) {
            Ok((stored, _)) => Ok((
                stored.id.clone(),
                found(&stored.id),
                format!("So sánh với «{title}»; báo cáo này được giữ trong danh sách bản nháp."),
            )),
            Err(e) => Err(format!(
                "Không lưu được báo cáo kỳ trước vào trình duyệt: {e}."
            )),
        }
    }
}

/// What merging `file` (read from `file_name`) did, for the clerk: the
/// sentence, and the fields that came from it and that wait for a choice,
/// by the names the clerk knows; `stored` is the draft as stored now.
pub fn file_merge(
    template: &Template,
    file: &Draft,
    file_name: &str,
    merged: &Merged,
    stored: Draft,
) -> FileMerge {
    let from = if file.author.trim().is_empty() {
        format!("tệp «{file_name}»")
    } else {
        format!("«{}»", file.author.trim())
    };
    let label = |key: &String| field_label(template, &stored.report, key);
    // Who the copy is for names the file; it is no field of the report.
    let taken: Vec<String> = merged
        .taken
        .iter()
        .filter(|k| *k != AUTHOR)
        .map(label)
        .collect();
    let conflicts: Vec<String> = merged.conflicts.iter().map(label).collect();
    FileMerge {
        summary: merge_summary(&stored.title(), &from, merged),
        draft: stored,
        taken,
        conflicts,
    }
}

/// What a merge did, in one sentence: how many fields came from `from`,
/// how many kept this browser's value, how many wait for a choice.
pub fn merge_summary(title: &str, from: &str, merged: &Merged) -> String {
    if !merged.changed {
        return format!("«{title}»: trình duyệt đã có mọi thay đổi trong {from}; không đổi gì.");
    }
    let count = |items: &[String]| format_count(items.len() as f64);
    let mut text = format!(
        "«{title}»: đã gộp {from}: {} mục lấy từ tệp",
        count(&merged.taken)
    );
    if !merged.kept.is_empty() {
        text.push_str(&format!(
            ", {} mục giữ bản trong trình duyệt (mới hơn)",
            count(&merged.kept)
        ));
    }
    if !merged.conflicts.is_empty() {
        text.push_str(&format!(
            ", {} mục cả hai bên cùng sửa đang chờ bạn chọn (đánh dấu «Hai bản khác nhau» trên trang)",
            count(&merged.conflicts)
        ));
    }
    text.push('.');
    text
}

/// Opens `draft` with its template, adopting the template's current
/// version: values of codes the template no longer has are kept and the
/// notice says so. `Err` when the template is not loaded.
pub fn adopt(
    mut draft: Draft,
    template: Option<&Template>,
    notice: Option<String>,
) -> Result<(Draft, Option<String>), String> {
    let Some(template) = template else {
        return Err(format!(
            "Không có biểu mẫu «{}» để mở bản nháp này. Hãy mở tệp biểu mẫu đó trước.",
            draft.report.template_id
        ));
    };
    let mut notices: Vec<String> = notice.into_iter().collect();
    // A stored draft is migrated as a file is; what the changes do not
    // name stays aside at the bottom of the page, never dropped.
    let migration = draft
        .migrate(template)
        .map_err(|e| format!("Không mở được bản nháp: bản nháp {e}."))?;
    notices.extend(migration.notice());
    Ok((draft, (!notices.is_empty()).then(|| notices.join(" "))))
}

#[cfg(test)]
#[path = "tests/session.rs"]
mod tests;
