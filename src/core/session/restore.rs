//! Every stored draft and kept template as one backup file, and a backup
//! file restored draft by draft.

use super::drafts::Session;
use crate::core::backup::{self, Outcome, Restored, RestoredTemplates};
use crate::core::draft::Draft;
use crate::core::draft_store::KeyValueStore;
use crate::core::kept_template::{KeptTemplate, TemplateOrigin};
use crate::core::template::Template;

impl<S: KeyValueStore> Session<S> {
    /// Every stored draft and kept template as one backup file, and how many
    /// drafts it holds.
    pub fn backup(&self, now: f64) -> Result<(String, usize), String> {
        let (drafts, _) = self
            .list()
            .map_err(|e| format!("Không đọc được bản nháp để sao lưu: {e}."))?;
        let text = backup::write(
            drafts.iter().map(|s| &s.draft),
            &self.kept_template_texts(),
            now,
        );
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

    /// Whether the clerk closed the hint `name` (the keys of the annex).
    pub fn hint_closed(&self, name: &str) -> bool {
        self.store.hint_closed(name)
    }

    /// The hint `name` stays closed, in every draft and after a reload
    /// (in memory only where the browser refuses storage).
    pub fn close_hint(&self, name: &str) {
        let _ = self.store.close_hint(name);
    }

    /// Keeps the backup's templates that are not loaded (`known` says which
    /// are) and returns them, to be loaded before its drafts are restored,
    /// with a message for each that does not read. Each keeps the origin
    /// and time it was kept with where the backup was made; one whose
    /// origin is not known there (a template of an older backup, which
    /// carried none, or an entry kept before origins were) is kept as
    /// opened from the backup file `file` at `now`.
    pub fn restore_templates(
        &self,
        texts: &[String],
        known: impl Fn(&str) -> bool,
        file: &str,
        now: f64,
    ) -> RestoredTemplates {
        let mut restored = RestoredTemplates::default();
        for (n, text) in texts.iter().enumerate() {
            let kept = match KeptTemplate::read(text) {
                Ok(kept) => kept,
                Err(e) => {
                    restored
                        .refused
                        .push(format!("biểu mẫu thứ {} trong tệp ({e})", n + 1));
                    continue;
                }
            };
            let id = &kept.template.id;
            if known(id) || restored.added.iter().any(|k| &k.template.id == id) {
                continue;
            }
            // A built-in origin is not known either: no browser keeps a
            // shipped template.
            let known_origin = match &kept.origin {
                TemplateOrigin::File { name } => !name.is_empty(),
                TemplateOrigin::Edition { .. } => true,
                TemplateOrigin::BuiltIn => false,
            };
            let (origin, at) = if known_origin {
                (kept.origin, kept.at.unwrap_or(now))
            } else {
                let name = file.to_string();
                (TemplateOrigin::File { name }, now)
            };
            self.keep_template(&kept.template, origin.clone(), at);
            restored.added.push(KeptTemplate {
                template: kept.template,
                origin,
                at: Some(at),
            });
        }
        restored
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
}
