//! The templates kept beside the drafts: kept with their origin, listed
//! (a broken entry reported and left in storage), removed, and the drafts
//! that use one counted before it is.

use super::drafts::Session;
use crate::core::draft_store::KeyValueStore;
use crate::core::kept_template::{stored_text, BrokenKept, KeptTemplate, TemplateOrigin};
use crate::core::template::Template;

/// The kept templates that read, and the entries that did not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeptList {
    pub kept: Vec<KeptTemplate>,
    pub broken: Vec<BrokenKept>,
}

impl<S: KeyValueStore> Session<S> {
    /// Keeps `template` (its own text) with where it came from and when
    /// (`at`, ms), so its drafts reopen; false when the browser would not
    /// keep it.
    pub fn keep_template(&self, template: &Template, origin: TemplateOrigin, at: f64) -> bool {
        let stored = stored_text(template, &origin, Some(at));
        self.store.save_template(&template.id, &stored).is_ok()
    }

    /// The templates kept in earlier sessions, each read as strictly as a
    /// template file; an entry that does not read is reported in `broken`
    /// and stays in storage as it is.
    pub fn kept_templates(&self) -> KeptList {
        let mut list = KeptList::default();
        let entries = match self.store.templates() {
            Ok(entries) => entries,
            Err(fault) => {
                list.broken.push(BrokenKept {
                    key: String::new(),
                    raw: String::new(),
                    reason: format!("không đọc được các biểu mẫu đã lưu: {fault}"),
                });
                return list;
            }
        };
        for (id, raw) in entries {
            match KeptTemplate::from_stored(&id, &raw) {
                Ok(kept) => list.kept.push(kept),
                Err(reason) => list.broken.push(BrokenKept {
                    key: id,
                    raw,
                    reason,
                }),
            }
        }
        list
    }

    /// Every kept template that reads, with its origin and when it was
    /// kept (the stored entry's text), for a backup.
    pub fn kept_template_texts(&self) -> Vec<String> {
        self.kept_templates()
            .kept
            .into_iter()
            .map(|k| k.to_stored())
            .collect()
    }

    /// Takes the kept template `id` out of storage. Its drafts stay; they
    /// open again once the template is loaded again.
    pub fn remove_template(&self, id: &str) -> Result<(), String> {
        self.store
            .remove_template(id)
            .map_err(|e| format!("Không gỡ được biểu mẫu: {e}"))
    }

    /// How many stored drafts are of template `id`.
    pub fn drafts_using(&self, id: &str) -> usize {
        self.list()
            .map(|(drafts, _)| {
                drafts
                    .iter()
                    .filter(|s| s.draft.report.template_id == id)
                    .count()
            })
            .unwrap_or(0)
    }
}
