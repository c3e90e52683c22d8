//! A draft as it is stored and exported: a versioned envelope around a
//! report, with its name, timestamps and a revision counter.
//!
//! The envelope is the lossless `.json` file too. Reading one never panics:
//! text that is not a draft, or a draft of a newer format, is refused with a
//! Vietnamese message and nothing is changed.
//!
//! Here: the envelope, its JSON and its counts in the list of drafts;
//! beside it, the names a draft goes by (`names`, `slug`), the copy that
//! starts the next period (`next_period`), and a draft against its
//! template: migrated, checked, imported from a file (`import`).

mod import;
mod names;
mod next_period;
mod slug;

use std::fmt;

use serde_json::Value;

use super::eval::{compared_label, Before, Evaluation};
use super::history::{self, History};
use super::issue::Severity;
use super::json_read::{self, json_struct, At, FromValue};
use super::json_write::{self, Object, ToJson};
use super::report::Report;
use super::template::Template;

pub use self::slug::ascii_slug;

/// The stored format this build writes and reads.
pub const DRAFT_FORMAT: u32 = 1;
/// Marks a JSON file as ours.
pub const DRAFT_KIND: &str = "bieumau-cchc/draft";
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

json_struct! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct Draft {
        pub kind: String,
        pub format: u32,
        pub app_version: String,
        pub id: String,
        /// The clerk's own name for the draft; empty means "derive one".
        pub name: String = default,
        /// Who this copy is for («Bản cho công chức tư pháp»), when it was
        /// made for a colleague; merges like any field.
        pub author: String = omitted,
        /// Milliseconds since the Unix epoch.
        pub created_at: f64,
        pub updated_at: f64,
        /// Raised by each save; two tabs use it to notice each other's saves.
        pub revision: u64 = default,
        pub report: Report,
        /// When and where each field last changed, and what this copy has
        /// seen of the others (`core::history`); after the report.
        pub history: History = omitted,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    NotJson(String),
    NotADraft,
    NewerFormat(u32),
    Malformed(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::NotJson(e) => write!(f, "nội dung không phải JSON hợp lệ ({e})"),
            DraftError::NotADraft => f.write_str("đây không phải tệp báo cáo của ứng dụng này"),
            DraftError::NewerFormat(n) => write!(
                f,
                "tệp được tạo bởi phiên bản mới hơn (định dạng {n}); bản này chỉ đọc định dạng {DRAFT_FORMAT}, hãy cập nhật ứng dụng"
            ),
            DraftError::Malformed(e) => write!(f, "tệp báo cáo bị hỏng hoặc thiếu nội dung ({e})"),
        }
    }
}

/// A draft as stored, with a revision of its own. `revision` comes before
/// the report, so a probe finds it in the first bytes.
struct Stored<'a>(&'a Draft, u64);

impl ToJson for Stored<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let Stored(draft, revision) = *self;
        let mut o = Object::new(out);
        o.field("kind", &draft.kind)
            .field("format", &draft.format)
            .field("app_version", &draft.app_version)
            .field("id", &draft.id)
            .field("name", &draft.name);
        if !draft.author.is_empty() {
            o.field("author", &draft.author);
        }
        o.field("created_at", &draft.created_at)
            .field("updated_at", &draft.updated_at)
            .field("revision", &revision)
            .field("report", &draft.report);
        if !draft.history.is_empty() {
            let (parts, at) = (draft.parts(), std::cell::Cell::new(0));
            o.field(
                "history",
                &history::Stored {
                    history: &draft.history,
                    projected: |key: &str| parts.get_in_order(key, &at),
                },
            );
        }
        o.end();
    }
}

/// Counts shown in the list of drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftStatus {
    pub filled: usize,
    pub fillable: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Draft {
    pub fn new(id: String, template: &Template, now: f64) -> Draft {
        Draft {
            kind: DRAFT_KIND.into(),
            format: DRAFT_FORMAT,
            app_version: APP_VERSION.into(),
            id,
            name: String::new(),
            author: String::new(),
            created_at: now,
            updated_at: now,
            revision: 0,
            report: Report::new(template),
            history: History::default(),
        }
    }

    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        Self::from_parsed(json_read::parse(text).map_err(DraftError::NotJson)?)
    }

    /// Reads a draft from its parsed JSON: its envelope first, to say what
    /// a file is when it is not a draft of this app, then the rest.
    pub fn from_parsed(value: Value) -> Result<Draft, DraftError> {
        if value.get("kind").and_then(Value::as_str) != Some(DRAFT_KIND) {
            return Err(DraftError::NotADraft);
        }
        let format = value.get("format").cloned().unwrap_or(Value::Null);
        match Option::<u32>::from_value(format, At::Field(&At::Root, "format"))
            .map_err(DraftError::Malformed)?
        {
            Some(format) if format > DRAFT_FORMAT => return Err(DraftError::NewerFormat(format)),
            Some(1..) => {}
            _ => return Err(DraftError::Malformed("thiếu số định dạng".into())),
        }
        let mut draft =
            <Draft as FromValue>::from_value(value, At::Root).map_err(DraftError::Malformed)?;
        if draft.id.is_empty() || draft.report.template_id.is_empty() {
            return Err(DraftError::Malformed(
                "thiếu mã bản nháp hoặc mã biểu mẫu".into(),
            ));
        }
        if !draft.created_at.is_finite() || !draft.updated_at.is_finite() {
            return Err(DraftError::Malformed("thời điểm không hợp lệ".into()));
        }
        draft.report.check_shape().map_err(DraftError::Malformed)?;
        draft.settle_history();
        Ok(draft)
    }

    /// Compact, for local storage.
    pub fn to_json(&self) -> String {
        self.to_json_at(self.revision)
    }

    /// Compact, with `revision` in place of the draft's own: what a save
    /// stores, without copying the report to change one number.
    pub fn to_json_at(&self, revision: u64) -> String {
        json_write::to_string(&Stored(self, revision))
    }

    /// Indented, for a file the clerk keeps.
    pub fn to_pretty_json(&self) -> String {
        super::json_text::indent(&self.to_json())
    }

    /// The evaluation against its reports before, `[change, carry]` as
    /// `predecessor::both` finds them.
    pub fn evaluate_with(&self, template: &Template, before: [Option<&Draft>; 2]) -> Evaluation {
        let [change, carry] = before;
        let against = change
            .map(|d| compared_label(&self.report.header, &d.report.header))
            .unwrap_or_default();
        let title = carry.map(Draft::title).unwrap_or_default();
        let before = Before {
            change: change.map(|d| (&d.report, against.as_str())),
            carry: carry.map(|d| (&d.report, title.as_str())),
        };
        self.report.evaluate_against(template, before)
    }

    /// The counts of the list, against its reports before.
    pub fn status(&self, template: &Template, before: [Option<&Draft>; 2]) -> DraftStatus {
        let evaluation = self.evaluate_with(template, before);
        DraftStatus {
            filled: evaluation.filled,
            fillable: evaluation.fillable,
            errors: evaluation.count(Severity::Error),
            warnings: evaluation.count(Severity::Warning),
        }
    }
}

#[cfg(test)]
#[path = "../tests/draft.rs"]
mod tests;
