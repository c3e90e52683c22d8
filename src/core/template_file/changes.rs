//! A template's declared changes between its versions, checked against
//! the template as it is now: what a draft made with an older version
//! needs to be migrated (`core::migration`).

use rustc_hash::FxHashSet;

use crate::core::json_read::json_struct;
use crate::core::key_map::KeyMap;
use crate::core::loading::{fail, TemplateError};
use crate::core::template::{Template, VersionChange};

json_struct! { strict;
    /// What changed in version `version` from the version before it.
    pub(crate) struct ChangeFile {
        pub(crate) version: u32,
        /// Old code → new code.
        pub(crate) renamed: KeyMap<String> = default,
        pub(crate) added: Vec<String> = default,
        pub(crate) removed: Vec<String> = default,
        pub(crate) note: String = default,
    }
}

impl Template {
    /// Checks and keeps the declared changes: versions 2 … `version` in
    /// order, each once; each code named once per version; a code renamed
    /// or added is in the template now unless a later change renames or
    /// removes it; a code removed or renamed away is not, and never comes
    /// back.
    pub(super) fn add_changes(&mut self, files: Vec<ChangeFile>) -> Result<(), TemplateError> {
        let mut last = 1;
        let mut changes: Vec<VersionChange> = Vec::with_capacity(files.len());
        for file in files {
            let v = file.version;
            if v <= last || v > self.version {
                return fail(format!(
                    "\"changes\": phiên bản {v} phải lớn hơn {last} và không quá phiên bản của biểu mẫu ({}), mỗi phiên bản một lần, theo thứ tự",
                    self.version
                ));
            }
            last = v;
            let renamed: Vec<(String, String)> = file
                .renamed
                .iter()
                .map(|(a, b)| (a.clone(), b.trim().to_string()))
                .collect();
            let mut named = FxHashSet::default();
            let arriving = renamed.iter().map(|(_, b)| b).chain(&file.added);
            let leaving = renamed.iter().map(|(a, _)| a).chain(&file.removed);
            for code in leaving.chain(arriving) {
                if !named.insert(code.as_str()) {
                    return fail(format!(
                        "\"changes\" phiên bản {v}: mã \"{code}\" được nêu hai lần"
                    ));
                }
            }
            changes.push(VersionChange {
                version: v,
                renamed,
                added: file.added,
                removed: file.removed,
            });
        }
        // A code that left (removed, or renamed away) never comes back: a
        // draft's old value would become an unrelated row's.
        let mut left: FxHashSet<&str> = FxHashSet::default();
        for (i, change) in changes.iter().enumerate() {
            let v = change.version;
            let later = &changes[i + 1..];
            let moved_on = |code: &str| {
                later.iter().any(|c| {
                    c.removed.iter().any(|r| r == code) || c.renamed.iter().any(|(a, _)| a == code)
                })
            };
            for code in change.renamed.iter().map(|(_, b)| b).chain(&change.added) {
                if left.contains(code.as_str()) {
                    return fail(format!("\"changes\" phiên bản {v}: mã \"{code}\" đã bỏ ở phiên bản trước, không dùng lại được"));
                }
                if self.indicator(code).is_none() && !moved_on(code) {
                    return fail(format!(
                        "\"changes\" phiên bản {v}: biểu mẫu không có chỉ tiêu \"{code}\""
                    ));
                }
            }
            for code in change
                .removed
                .iter()
                .chain(change.renamed.iter().map(|(a, _)| a))
            {
                if self.indicator(code).is_some() {
                    return fail(format!("\"changes\" phiên bản {v}: chỉ tiêu \"{code}\" đã bỏ hoặc đổi mã nhưng vẫn còn trong biểu mẫu"));
                }
                left.insert(code);
            }
        }
        self.changes = changes;
        Ok(())
    }
}
