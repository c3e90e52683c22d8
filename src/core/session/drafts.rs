//! The session and its storage writes: the list and its actions (rename,
//! copy to the next period, delete and undo), the editor's save, a field
//! set from the page; and a stored draft opened with its
//! template.

use crate::core::draft::Draft;
use crate::core::draft_fields::NAME;
use crate::core::draft_store::{
    DraftStore, KeyValueStore, Quarantined, Saved, StoreFault, StoredDraft,
};
use crate::core::template::Template;

/// The drafts and unreadable entries in storage, newest first.
pub type Listing = Result<(Vec<StoredDraft>, Vec<Quarantined>), StoreFault>;

pub struct Session<S> {
    pub(super) store: DraftStore<S>,
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

    /// Migrates the stored copy of draft `id` to `template`'s version, so
    /// that a file migrated on reading merges with a copy of the same
    /// version (never with codes it renamed).
    pub(super) fn migrate_stored(&self, id: &str, template: &Template) {
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
        report: crate::core::report::Report,
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
