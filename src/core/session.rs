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

use super::backup::{self, Keep, Outcome, Restored};
use super::draft::Draft;
use super::draft_store::{DraftStore, KeyValueStore, ListWrite, Quarantined, SaveOutcome, StoreFault, StoredDraft};
use super::template::Template;

/// The drafts and unreadable entries in storage, newest first.
pub type Listing = Result<(Vec<StoredDraft>, Vec<Quarantined>), StoreFault>;

/// What undoing a delete did.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// Put back, or could not be: the message says which.
    Done(String),
    /// Another tab stored the draft again since: nothing written; the clerk
    /// chooses between the stored copy and the deleted one.
    StoredSince { deleted: Box<Draft>, stored: Box<Draft> },
}

/// What reading a file as a draft gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Import {
    /// A new draft: stored and ready to open, with the notice to show.
    Open(Draft, String),
    /// A draft with this id is stored already: the clerk chooses first.
    Replaces { draft: Draft, existing_title: String },
    /// Refused; nothing changed.
    Refused(String),
}

pub struct Session<S> {
    store: DraftStore<S>,
    /// False when the browser refuses storage and drafts live in memory only.
    pub persistent: bool,
}

pub const GONE: &str = "Bản nháp này không còn trong trình duyệt (có thể đã bị xóa ở thẻ khác).";

impl<S: KeyValueStore> Session<S> {
    pub fn new(backend: S, persistent: bool) -> Session<S> {
        Session { store: DraftStore::new(backend), persistent }
    }

    pub fn list(&self) -> Listing {
        self.store.list()
    }

    /// The saved drafts other than `current`, for the clerk to free space.
    pub fn others(&self, current: &str) -> Vec<StoredDraft> {
        self.list().map(|(list, _)| list.into_iter().filter(|s| s.draft.id != current).collect()).unwrap_or_default()
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

    /// Renames the stored draft; `Err` with the message when it could not.
    pub fn rename(&self, id: &str, name: &str) -> Result<(), String> {
        match self.store.rename(id, name) {
            Ok(ListWrite::Done(_)) | Ok(ListWrite::Newer(_)) => Ok(()),
            Ok(ListWrite::Gone) => Err(GONE.to_string()),
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
        let (copy, text) = draft.start_next_period(new_id, now);
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
        self.store.delete(id).map_err(|e| format!("Không xóa được: {e}"))
    }

    pub fn undo_delete(&self, deleted: Draft) -> Undo {
        let title = deleted.title();
        Undo::Done(match self.store.restore(&deleted) {
            Ok(ListWrite::Done(_)) => format!("Đã khôi phục «{title}»."),
            Ok(ListWrite::Newer(stored)) => return Undo::StoredSince { deleted: Box::new(deleted), stored },
            Ok(ListWrite::Gone) => format!("Không khôi phục được «{title}»: chỗ lưu của nó đang có nội dung không đọc được."),
            Err(e) => format!("Không khôi phục được: {e}. Hãy tải tệp .json của bản nháp."),
        })
    }

    /// The clerk chose the deleted copy over the one stored since.
    pub fn restore_over(&self, deleted: &Draft) -> String {
        match self.store.put(deleted) {
            Ok(_) => format!("Đã khôi phục «{}» như lúc xóa.", deleted.title()),
            Err(e) => format!("Không khôi phục được: {e}."),
        }
    }

    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreFault> {
        self.store.discard_quarantined(key)
    }

    /// Reads a `.json` file as a draft, checked as strictly as a template:
    /// a refused file changes nothing.
    pub fn import<T: Borrow<Template>>(&self, text: &str, file_name: &str, template_of: impl Fn(&str) -> Option<T>) -> Import {
        match Draft::import(text, template_of) {
            Err(e) => Import::Refused(format!("«{file_name}»: {e}")),
            Ok((draft, _)) => match self.store.load(&draft.id) {
                Ok(Some(existing)) => Import::Replaces { draft, existing_title: existing.title() },
                _ => {
                    let (draft, notice) = self.store_import(draft);
                    Import::Open(draft, notice)
                }
            },
        }
    }

    /// Stores an imported draft (over the stored one, after the clerk chose
    /// so) and returns it exactly as stored, revision included: the editor
    /// compares revisions, and a stale one would read as "saved in another
    /// tab" and stop every save after the import.
    pub fn store_import(&self, draft: Draft) -> (Draft, String) {
        let title = draft.title();
        match self.store.put(&draft) {
            Ok(stored) => (stored, format!("Đã nhập «{title}» từ tệp.")),
            Err(e) => (draft, format!("Đã mở «{title}» từ tệp nhưng chưa lưu được vào trình duyệt ({e}). Hãy giữ tệp .json.")),
        }
    }

    /// The editor's save: refused with the other copy when another tab
    /// saved this draft since.
    pub fn save(&self, draft: &Draft) -> Result<SaveOutcome, StoreFault> {
        self.store.save(draft)
    }

    /// The clerk keeps this tab's copy over another tab's.
    pub fn save_over(&self, draft: &Draft) -> Result<SaveOutcome, StoreFault> {
        self.store.save_over(draft)
    }

    /// Stores a report the app rebuilt (a roll-up) over the draft; returns
    /// the draft as stored and, when storing failed, what to tell the clerk.
    pub fn replace(&self, mut draft: Draft) -> (Draft, Option<String>) {
        match self.store.save_over(&draft) {
            Ok(SaveOutcome::Saved(revision)) => {
                draft.revision = revision;
                (draft, None)
            }
            Ok(SaveOutcome::Conflict(_)) => (draft, None),
            Err(fault) => (draft, Some(format!(" Chưa lưu được vào trình duyệt ({fault}); hãy tải tệp .json để giữ kết quả."))),
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
        let (drafts, _) = self.list().map_err(|e| format!("Không đọc được bản nháp để sao lưu: {e}."))?;
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
    pub fn restore_templates(&self, texts: &[String], known: impl Fn(&str) -> bool) -> Vec<Template> {
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
                Err(why) => Restored { id: String::new(), title: String::new(), outcome: Outcome::Refused(why) },
                Ok(draft) => {
                    let (id, title) = (draft.id.clone(), draft.title());
                    Restored { id, title, outcome: self.restore_one(draft, &template_of) }
                }
            })
            .collect()
    }

    fn restore_one<T: std::ops::Deref<Target = Template>>(&self, draft: Draft, template_of: &impl Fn(&str) -> Option<T>) -> Outcome {
        if let Some(template) = template_of(&draft.report.template_id) {
            if template.version == draft.report.template_version {
                if let Err(e) = draft.report.check_against(&template) {
                    return Outcome::Refused(format!("không khôi phục được, bản nháp trong tệp có {e}."));
                }
            }
        }
        let stored = match self.store.load(&draft.id) {
            Ok(stored) => stored,
            Err(e) => return Outcome::Refused(format!("không đọc được bản trong trình duyệt ({e}).")),
        };
        let written = match (backup::keep(&draft, stored.as_ref()), stored) {
            (Keep::Ask, Some(stored)) => Ok(Outcome::Ask { backup: Box::new(draft), stored: Box::new(stored) }),
            (Keep::Stored, _) => Ok(Outcome::KeptStored),
            (Keep::Same, _) => Ok(Outcome::Same),
            (Keep::Backup, _) => self.store.put_as_backed_up(&draft).map(|_| Outcome::Updated),
            // `keep` asks only where the browser has a copy.
            (Keep::Add | Keep::Ask, _) => self.store.put_as_backed_up(&draft).map(|_| Outcome::Added),
        };
        written.unwrap_or_else(|e| Outcome::Refused(format!("chưa lưu được vào trình duyệt ({e}).")))
    }

    /// A report before opened from a file: read as strictly as an import,
    /// of `template`, and stored (unless the very draft is stored already)
    /// so that it is there next time. Its id and what to tell the clerk.
    pub fn keep_predecessor(&self, text: &str, file_name: &str, template: &Template) -> Result<(String, String), String> {
        let (draft, _) = Draft::import(text, |id| (id == template.id).then(|| template.clone())).map_err(|e| format!("«{file_name}»: {e}"))?;
        let title = draft.title();
        if matches!(self.store.load(&draft.id), Ok(Some(_))) {
            return Ok((draft.id, format!("So sánh với «{title}» (đã có trong danh sách bản nháp).")));
        }
        match self.store.put(&draft) {
            Ok(stored) => Ok((stored.id, format!("So sánh với «{title}»; báo cáo này được giữ trong danh sách bản nháp."))),
            Err(e) => Err(format!("Không lưu được báo cáo kỳ trước vào trình duyệt: {e}.")),
        }
    }

    /// Where both changed, the clerk took the backup's copy.
    pub fn take_from_backup(&self, draft: &Draft) -> String {
        match self.store.put(draft) {
            Ok(_) => format!("Đã thay «{}» bằng bản trong tệp sao lưu.", draft.title()),
            Err(e) => format!("Không thay được «{}»: {e}.", draft.title()),
        }
    }

    /// Where both changed, the clerk keeps both: the backup's copy becomes
    /// a new draft beside the browser's.
    pub fn keep_both(&self, draft: &Draft, new_id: String) -> String {
        let mut copy = draft.clone();
        copy.name = format!("{} (bản trong tệp sao lưu)", draft.title());
        copy.id = new_id;
        copy.revision = 0;
        match self.store.put(&copy) {
            Ok(_) => format!("Đã thêm bản trong tệp sao lưu thành bản nháp mới «{}».", copy.name),
            Err(e) => format!("Không thêm được bản nháp mới: {e}."),
        }
    }
}

/// Opens `draft` with its template, adopting the template's current
/// version: values of codes the template no longer has are kept and the
/// notice says so. `Err` when the template is not loaded.
pub fn adopt(mut draft: Draft, template: Option<&Template>, notice: Option<String>) -> Result<(Draft, Option<String>), String> {
    let Some(template) = template else {
        return Err(format!(
            "Không có biểu mẫu «{}» để mở bản nháp này. Hãy mở tệp biểu mẫu đó trước.",
            draft.report.template_id
        ));
    };
    let mut notices: Vec<String> = notice.into_iter().collect();
    if draft.report.template_version != template.version {
        let kept = draft.orphans(template).len();
        notices.push(format!(
            "Biểu mẫu đã đổi từ phiên bản {} sang {}: số liệu của các chỉ tiêu không đổi được giữ nguyên{}.",
            draft.report.template_version,
            template.version,
            if kept > 0 { format!("; {kept} mục không còn trong biểu mẫu được giữ lại ở cuối trang") } else { String::new() }
        ));
        draft.adopt(template);
    }
    Ok((draft, (!notices.is_empty()).then(|| notices.join(" "))))
}

#[cfg(test)]
#[path = "tests/session.rs"]
mod tests;
