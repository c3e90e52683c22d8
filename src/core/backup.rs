//! The one-file backup of every draft in the browser, and reading it back
//! draft by draft: which copy to keep where the browser has one too, and the
//! reminder when drafts changed since the last backup long ago.
//!
//! The file holds each draft's own envelope (the lossless `.json`) and the
//! templates opened from files or brought by a province's edition, so
//! that a new browser opens every draft,
//! each with where it came from and when (the stored entry of
//! `core::kept_template`; format 1 held the template's JSON alone, and is
//! still read). A draft in it is read as strictly as a draft file; one that
//! is refused is named and the others are still restored.

use serde_json::Value;

use super::draft::{Draft, APP_VERSION, DRAFT_KIND};
use super::draft_store::StoredDraft;
use super::json_read::{self, json_struct, At, FromValue};
use super::json_write;
use super::kept_template::KeptTemplate;
use super::number::format_count;

pub const BACKUP_KIND: &str = "bieumau-cchc/backup";
pub const BACKUP_FORMAT: u32 = 2;
const DAY_MS: f64 = 86_400_000.0;
/// Drafts changed since a backup older than this are worth a reminder.
pub const REMIND_AFTER_DAYS: f64 = 7.0;

/// The backup file of `drafts` and the kept `templates` (their stored
/// texts, with their origins).
pub fn write<'a>(
    drafts: impl IntoIterator<Item = &'a Draft>,
    templates: &[String],
    now: f64,
) -> String {
    let mut out = format!(
        "{{\"kind\":\"{BACKUP_KIND}\",\"format\":{BACKUP_FORMAT},\"app_version\":\"{APP_VERSION}\",\"created_at\":{},\"drafts\":[",
        json_write::to_string(&now)
    );
    for (n, draft) in drafts.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&draft.to_json());
    }
    out.push_str("],\"templates\":[");
    // A kept text that is not JSON any more would spoil the whole file.
    let templates = templates.iter().filter(|t| json_read::parse(t).is_ok());
    for (n, template) in templates.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(template.trim());
    }
    out.push_str("]}");
    out
}

/// A backup file as read: each draft, or why it was refused, and the
/// templates' texts.
#[derive(Debug)]
pub struct Backup {
    /// When it was made; `None` for the `.json` file of one draft.
    pub created_at: Option<f64>,
    pub drafts: Vec<Result<Draft, String>>,
    pub templates: Vec<String>,
}

json_struct! {
    /// A backup as written by [`write`], past its `kind`; its drafts are
    /// read one by one.
    struct File {
        format: u32 = default,
        created_at: Option<f64> = default,
        drafts: Vec<Value> = default,
        templates: Vec<Value> = default,
    }
}

/// Reads a backup file; the `.json` file of one draft is read as a backup
/// of that draft. `Err` is the message for the clerk; nothing was changed.
pub fn read(text: &str) -> Result<Backup, String> {
    let value = json_read::parse(text).map_err(|e| format!("Tệp không phải JSON hợp lệ ({e})."))?;
    if value.get("kind").and_then(Value::as_str) == Some(DRAFT_KIND) {
        let draft = Draft::from_parsed(value)
            .map_err(|e| format!("Không đọc được bản nháp trong tệp: {e}."))?;
        return Ok(Backup {
            created_at: None,
            drafts: vec![Ok(draft)],
            templates: Vec::new(),
        });
    }
    if value.get("kind").and_then(Value::as_str) != Some(BACKUP_KIND) {
        return Err(
            "Đây không phải tệp sao lưu của ứng dụng này (tệp do nút «Sao lưu tất cả» tải về)."
                .into(),
        );
    }
    let file =
        File::from_value(value, At::Root).map_err(|e| format!("Tệp sao lưu bị hỏng ({e})."))?;
    if file.format > BACKUP_FORMAT {
        return Err(format!(
            "Tệp sao lưu được tạo bởi phiên bản mới hơn (định dạng {}); hãy cập nhật ứng dụng rồi khôi phục lại.",
            file.format
        ));
    }
    let drafts = file
        .drafts
        .into_iter()
        .enumerate()
        .map(|(n, value)| {
            Draft::from_parsed(value).map_err(|e| format!("Bản nháp thứ {} trong tệp: {e}.", n + 1))
        })
        .collect();
    let templates = file.templates.iter().map(Value::to_string).collect();
    Ok(Backup {
        created_at: file.created_at.filter(|t| t.is_finite()),
        drafts,
        templates,
    })
}

/// What restoring did with one draft of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The draft's id; empty when the file's entry could not be read.
    pub id: String,
    pub title: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The browser did not have it.
    Added,
    /// Merged field by field: how many fields came from the file, how many
    /// kept the browser's newer value, how many both changed (those wait
    /// for the clerk's choice in the draft).
    Merged {
        taken: usize,
        kept: usize,
        conflicts: usize,
    },
    /// The browser had every change in the file, and more.
    KeptStored,
    /// Both hold the same.
    Same,
    /// Not restored; the message says why.
    Refused(String),
}

impl Restored {
    pub fn of(draft: &Draft, outcome: Outcome) -> Restored {
        Restored {
            id: draft.id.clone(),
            title: draft.title(),
            outcome,
        }
    }

    /// The page hook `data-restore-outcome`.
    pub fn hook(&self) -> &'static str {
        match self.outcome {
            Outcome::Added => "added",
            Outcome::Merged { conflicts: 0, .. } => "updated",
            Outcome::Merged { .. } => "conflict",
            Outcome::KeptStored => "kept",
            Outcome::Same => "same",
            Outcome::Refused(_) => "refused",
        }
    }

    pub fn text(&self) -> String {
        let title = &self.title;
        match &self.outcome {
            Outcome::Added => format!("«{title}»: đã khôi phục (trình duyệt chưa có bản này)."),
            Outcome::Merged {
                taken,
                kept,
                conflicts,
            } => {
                let n = |count: &usize| format_count(*count as f64);
                let mut text = format!("«{title}»: đã gộp từng mục: {} mục lấy từ tệp", n(taken));
                if *kept > 0 {
                    text.push_str(&format!(
                        ", {} mục giữ bản trong trình duyệt (mới hơn)",
                        n(kept)
                    ));
                }
                if *conflicts > 0 {
                    text.push_str(&format!(
                        ", {} mục cả hai bên cùng sửa đang chờ bạn chọn: mở bản nháp, các mục này được đánh dấu «Hai bản khác nhau»",
                        n(conflicts)
                    ));
                }
                text + "."
            }
            Outcome::KeptStored => format!(
                "«{title}»: trình duyệt đã có mọi thay đổi trong tệp (và mới hơn), không đổi."
            ),
            Outcome::Same => format!("«{title}»: giống hệt bản trong tệp, không đổi."),
            Outcome::Refused(why) if title.is_empty() => why.clone(),
            Outcome::Refused(why) => format!("«{title}»: {why}"),
        }
    }
}

/// One line for the whole restore: how many drafts had each outcome.
pub fn summary(lines: &[Restored]) -> String {
    let count = |hook: &str| lines.iter().filter(|l| l.hook() == hook).count();
    let parts: Vec<String> = [
        ("added", "khôi phục"),
        ("updated", "gộp từ tệp"),
        ("conflict", "gộp, có mục chờ bạn chọn"),
        ("kept", "giữ bản trong trình duyệt"),
        ("same", "không đổi"),
        ("refused", "không khôi phục được"),
    ]
    .into_iter()
    .filter_map(|(hook, words)| {
        let n = count(hook);
        (n > 0).then(|| format!("{n} {words}"))
    })
    .collect();
    if parts.is_empty() {
        return "Tệp sao lưu không có bản nháp nào.".into();
    }
    format!("{} bản nháp trong tệp: {}.", lines.len(), parts.join(", "))
}

/// The templates of a backup file as a restore left them: those it added,
/// and each one that did not read, with why.
#[derive(Debug, Default)]
pub struct RestoredTemplates {
    pub added: Vec<KeptTemplate>,
    pub refused: Vec<String>,
}

/// The templates a restore added and refused, as sentences ("" for none).
pub fn summary_of_templates(restored: &RestoredTemplates) -> String {
    let mut out = String::new();
    if !restored.added.is_empty() {
        let names: Vec<String> = restored
            .added
            .iter()
            .map(|k| format!("«{}»", k.template.name))
            .collect();
        out.push_str(&format!("Đã thêm biểu mẫu {}. ", names.join(", ")));
    }
    for why in &restored.refused {
        out.push_str(&format!("Không đọc được {why}. "));
    }
    out
}

/// The reminder for the list: drafts changed since the last backup, which
/// was more than [`REMIND_AFTER_DAYS`] ago (or never, and the oldest of
/// those drafts is that old).
pub fn reminder(drafts: &[StoredDraft], last_backup: Option<f64>, now: f64) -> Option<String> {
    let changed: Vec<&Draft> = drafts
        .iter()
        .map(|s| &s.draft)
        .filter(|d| last_backup.is_none_or(|at| d.updated_at > at))
        .collect();
    let since = match last_backup {
        Some(at) => at,
        None => changed
            .iter()
            .map(|d| d.created_at)
            .fold(f64::INFINITY, f64::min),
    };
    let days = ((now - since) / DAY_MS).floor();
    if changed.is_empty() || !days.is_finite() || days < REMIND_AFTER_DAYS {
        return None;
    }
    let days = days as u64;
    Some(match last_backup {
        Some(_) => format!(
            "Lần sao lưu gần nhất đã cách đây {days} ngày, và {} bản nháp đã thay đổi từ đó. Hãy bấm «Sao lưu tất cả» và cất tệp ra ngoài trình duyệt (USB, thư điện tử).",
            changed.len()
        ),
        None => format!(
            "Chưa sao lưu lần nào, và {} bản nháp có từ {days} ngày trước chỉ nằm trong trình duyệt này. Hãy bấm «Sao lưu tất cả» và cất tệp ra ngoài trình duyệt (USB, thư điện tử).",
            changed.len()
        ),
    })
}

#[cfg(test)]
#[path = "tests/backup.rs"]
mod tests;
