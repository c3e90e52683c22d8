//! A draft made with an older version of its template is migrated by the
//! template's own declared changes ([`VersionChange`]): codes renamed (its
//! values, notes, marks, history and the narrative's figure tokens move to
//! the new code), rows added (nothing to move), rows removed (their values
//! stay aside, listed at the bottom of the page). A draft made with a newer
//! version than the app holds is refused: this app cannot know what changed.

use super::history::History;
use super::narrative::{pieces, Piece};
use super::report::Report;
use super::template::{Template, VersionChange};

/// What migrating a draft did, for the clerk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Migration {
    pub from: u32,
    pub to: u32,
    pub renamed: usize,
    /// Codes the template does not have whose values or notes the draft
    /// keeps aside (rows a change removed, or that no change names).
    pub kept_aside: Vec<String>,
}

impl Migration {
    /// «Biểu mẫu đã đổi từ phiên bản 1 sang 2: 1 mã chỉ tiêu đổi theo biểu
    /// mẫu mới; 1 mục không còn trong biểu mẫu (2.2) được giữ lại ở cuối
    /// trang.»; `None` when nothing was migrated.
    pub fn notice(&self) -> Option<String> {
        if self.from == self.to {
            return None;
        }
        let mut text = format!(
            "Biểu mẫu đã đổi từ phiên bản {} sang {}",
            self.from, self.to
        );
        if self.renamed > 0 {
            text.push_str(&format!(
                ": {} mã chỉ tiêu đổi theo biểu mẫu mới",
                self.renamed
            ));
        }
        if !self.kept_aside.is_empty() {
            text.push_str(&format!(
                "{}{} mục không còn trong biểu mẫu ({}) được giữ lại ở cuối trang",
                if self.renamed > 0 { "; " } else { ": " },
                self.kept_aside.len(),
                self.kept_aside.join(", ")
            ));
        }
        text.push('.');
        Some(text)
    }
}

/// The refusal of a draft made with a newer version of `template`, to
/// follow the thing refused ("tệp", "bản nháp").
pub fn newer_version(template: &Template, version: u32) -> String {
    format!(
        "được tạo bằng biểu mẫu «{}» phiên bản {version}, mới hơn phiên bản {} mà ứng dụng này có. Hãy cập nhật ứng dụng (tải lại trang khi có mạng) rồi mở lại tệp",
        template.id, template.version
    )
}

/// Migrates `report` (and its `history`) to `template`'s version.
pub fn migrate(
    report: &mut Report,
    history: &mut History,
    template: &Template,
) -> Result<Migration, String> {
    let from = report.template_version;
    if from > template.version {
        return Err(newer_version(template, from));
    }
    let mut migration = Migration {
        from,
        to: template.version,
        ..Migration::default()
    };
    for change in template.changes.iter().filter(|c| c.version > from) {
        apply(change, report, history, &mut migration);
    }
    let aside = report.orphans(template);
    let mut codes: Vec<String> = aside
        .values
        .keys()
        .chain(aside.notes.keys())
        .cloned()
        .collect();
    codes.sort();
    codes.dedup();
    // A value kept aside is not one to update: no «chưa cập nhật» the clerk
    // could not reach.
    for code in &codes {
        report.unconfirmed.remove(code);
    }
    migration.kept_aside = codes;
    report.template_version = template.version;
    Ok(migration)
}

fn apply(
    change: &VersionChange,
    report: &mut Report,
    history: &mut History,
    migration: &mut Migration,
) {
    for (old, new) in &change.renamed {
        // The new code already holds something (a copy migrated before, a
        // hand-edited file): nothing is overwritten; the old code's value
        // stays aside, listed at the bottom.
        let taken = report.values.contains_key(new)
            || report.notes.contains_key(new)
            || !history.entries(new).is_empty();
        if taken {
            continue;
        }
        let mut moved = false;
        if let Some(value) = report.values.remove(old) {
            report.values.insert(new.clone(), value);
            moved = true;
        }
        if let Some(note) = report.notes.remove(old) {
            report.notes.insert(new.clone(), note);
            moved = true;
        }
        if report.unconfirmed.remove(old) {
            report.unconfirmed.insert(new.clone());
        }
        for prefix in ["", "note:", "unconfirmed:"] {
            history.rename(&format!("{prefix}{old}"), &format!("{prefix}{new}"));
        }
        for text in report.narrative.iter_mut().map(|(_, t)| t) {
            if text.contains(old.as_str()) {
                *text = rename_tokens(text, old, new);
            }
        }
        migration.renamed += usize::from(moved);
    }
}

/// `{old}` and `{old/…}`, `{…/old}` (a value, a rate) in a narrative become
/// the new code; tokens are found as the narrative reads them
/// (`narrative::pieces`), and grid cells and targets are left alone.
fn rename_tokens(text: &str, old: &str, new: &str) -> String {
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.to_string(),
            Piece::Figure(token) => {
                let parts: Vec<&str> = token.split('/').map(str::trim).collect();
                let figure = parts.len() <= 2 && !token.contains(':') && parts.contains(&old);
                let renamed: Vec<&str> = parts
                    .iter()
                    .map(|p| if figure && *p == old { new } else { p })
                    .collect();
                if figure {
                    format!("{{{}}}", renamed.join("/"))
                } else {
                    format!("{{{token}}}")
                }
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "tests/migration.rs"]
mod tests;
