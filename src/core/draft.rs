//! A draft as it is stored and exported: a versioned envelope around a
//! report, with its name, timestamps and a revision counter.
//!
//! The envelope is the lossless `.json` file too. Reading one never panics:
//! text that is not a draft, or a draft of a newer format, is refused with a
//! Vietnamese message and nothing is changed.

use std::borrow::Borrow;
use std::fmt;

use serde_json::Value;

use super::eval::{compared_label, Before, Evaluation};
use super::history::{self, History};
use super::issue::Severity;
use super::json_read::{self, json_struct, At, FromValue};
use super::json_write::{self, Object, ToJson};
use super::migration::{self, Migration};
use super::period::{parse_year, Period};
use super::report::{HeaderField, Report};
use super::template::Template;
use super::unit_name::UnitName;

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

/// Which report periods follow which, for starting the next one.
fn next_period(period: Period, year: i32) -> (Period, i32) {
    match period {
        Period::QuarterOne => (Period::SixMonths, year),
        Period::SixMonths => (Period::NineMonths, year),
        Period::QuarterThree | Period::NineMonths => (Period::Year, year),
        Period::Year => (Period::QuarterOne, year + 1),
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

    /// The name shown in lists: the clerk's, or "<unit> — <period> <year>".
    pub fn title(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_string();
        }
        let header = &self.report.header;
        let unit = if header.unit.trim().is_empty() {
            "Chưa ghi đơn vị"
        } else {
            header.unit.trim()
        };
        format!("{unit} — {}", self.period_text())
    }

    /// "Năm 2023", "Quý I năm 2024", or the period alone while the year is missing.
    pub fn period_text(&self) -> String {
        let header = &self.report.header;
        match parse_year(&header.year) {
            Ok(year) => {
                let mut text = header.period.phrase(year);
                if let Some(first) = text.get(..1) {
                    text.replace_range(..1, &first.to_ascii_uppercase());
                }
                text
            }
            Err(_) => header.period.label().to_string(),
        }
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

    /// Values and notes whose code the template no longer has. They are kept
    /// in the draft and shown to the clerk, never dropped.
    pub fn orphans(&self, template: &Template) -> Vec<(String, String, String)> {
        let orphans = self.report.orphans(template);
        // Both key lists are sorted (B-tree maps): merged in order.
        let mut codes: Vec<&String> = orphans.values.keys().collect();
        for code in orphans.notes.keys() {
            if let Err(at) = codes.binary_search(&code) {
                codes.insert(at, code);
            }
        }
        codes
            .into_iter()
            .map(|code| {
                (
                    code.clone(),
                    orphans.value(code).to_string(),
                    orphans.notes.get(code).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Migrates the draft to `template`'s version by its declared changes
    /// (`core::migration`); a draft of a newer version is refused.
    pub fn migrate(&mut self, template: &Template) -> Result<Migration, String> {
        migration::migrate(&mut self.report, &mut self.history, template)
    }

    /// A copy that starts the next period from this one. It keeps the
    /// header, signer, recipients, values and notes, moves the period on,
    /// and clears the document number and date, which belong to one report.
    pub fn start_next_period(&self, id: String, now: f64) -> (Draft, String) {
        let mut copy = self.clone();
        copy.id = id;
        copy.created_at = now;
        copy.updated_at = now;
        copy.revision = 0;
        copy.name = String::new();
        // Another report: its history starts with its first save.
        copy.author = String::new();
        copy.history = History::default();
        // A roll-up summarises one period's commune files.
        copy.report.commune_summary = None;
        copy.report.predecessor = None;
        copy.report.compare_with = None;
        // Every copied figure is "chưa cập nhật" until edited or confirmed.
        // The keys come in order, so each insert appends to the sorted set.
        copy.report.unconfirmed.clear();
        for code in copy.report.values.keys() {
            copy.report.unconfirmed.insert(code.clone());
        }
        let header = &mut copy.report.header;
        header.number.clear();
        header.date.clear();
        let moved = match parse_year(&header.year) {
            Ok(year) => {
                let (period, year) = next_period(header.period, year);
                header.period = period;
                header.year = year.to_string();
                true
            }
            Err(_) => false,
        };
        // The copy carries its dossiers over from this report when the period
        // rule names it (the annual report before Quý I); its changes are
        // judged against the same period a year earlier, which the rule finds.
        let (copy_header, own) = (&copy.report.header, &self.report.header);
        let follows = match (parse_year(&copy_header.year), parse_year(&own.year)) {
            (Ok(year), Ok(own_year)) => {
                copy_header.period.predecessor(year) == (own.period, own_year)
            }
            _ => false,
        };
        if follows {
            copy.report.predecessor = Some(self.id.clone());
        }
        let period = copy.period_text();
        let message = if moved {
            format!(
                "Đã tạo bản sao cho kỳ {period}: giữ phần đầu báo cáo, người ký, nơi nhận, số liệu và ghi chú; xóa số và ngày văn bản. Hãy cập nhật số liệu của kỳ mới."
            )
        } else {
            "Đã tạo bản sao: giữ phần đầu báo cáo, người ký, nơi nhận, số liệu và ghi chú; xóa số và ngày văn bản.".to_string()
        };
        (copy, message)
    }

    /// Reads a `.json` file the clerk picked. A file that is not ours, of a
    /// newer format or template version, of a template this app does not
    /// have, or holding anything its template does not is refused with a
    /// message; values that fail their checks open as field errors, named
    /// in the notice.
    /// The template comes as the caller keeps it (`Arc<Template>` in the
    /// app), never copied.
    /// A file of an older template version is migrated first, then checked
    /// as strictly (the notice says what the migration did); one of a
    /// newer version is refused.
    pub fn import<T: Borrow<Template>>(
        text: &str,
        template_of: impl Fn(&str) -> Option<T>,
    ) -> Result<(Draft, T, Option<String>), String> {
        let mut draft = Draft::from_json(text).map_err(|e| format!("Không nhập được: {e}."))?;
        let kept = template_of(&draft.report.template_id).ok_or_else(|| {
            format!(
                "Không nhập được: tệp thuộc biểu mẫu «{}», ứng dụng chưa có biểu mẫu này. Hãy mở tệp biểu mẫu đó trước.",
                draft.report.template_id
            )
        })?;
        let template = kept.borrow();
        let mut notice = draft
            .migrate(template)
            .map_err(|e| format!("Không nhập được: tệp {e}."))?
            .notice();
        draft
            .check_strictly(template, "tệp")
            .map_err(|e| format!("Không nhập được: {e}."))?;
        let errors: Vec<String> = draft
            .report
            .evaluate(template)
            .issues
            .into_iter()
            .filter(|i| i.severity == Severity::Error)
            .map(|i| format!("{}: {}", i.code, i.message))
            .collect();
        // A value that fails its check is the clerk's to mend, not a reason
        // to lose the file: it opens with the error on its field.
        if !errors.is_empty() {
            let shown: Vec<&str> = errors.iter().take(5).map(String::as_str).collect();
            let said = format!(
                "Tệp có {} số liệu không hợp lệ, được đánh dấu lỗi trên trang ({}{}).",
                errors.len(),
                shown.join("; "),
                if errors.len() > 5 { "; …" } else { "" }
            );
            notice = Some(notice.map_or(said.clone(), |n| format!("{n} {said}")));
        }
        Ok((draft, kept, notice))
    }

    /// The report and its history hold nothing `template` does not have
    /// (but the values of rows its changes took out, kept aside); `what`
    /// names the report in the message ("tệp").
    pub fn check_strictly(&self, template: &Template, what: &str) -> Result<(), String> {
        self.report
            .check_against(template)
            .map_err(|e| format!("{what} có {e}"))?;
        self.check_history(template)
            .map_err(|e| format!("lịch sử sửa trong {what} có {e}"))
    }

    /// A file name safe on every system, e.g. `xa-01b_hoang-truong_nam-2023`.
    pub fn file_stem(&self) -> String {
        let header = &self.report.header;
        // The place, or else the name in the unit ("ỦY BAN NHÂN DÂN XÃ
        // HOẰNG TRƯỜNG" → "Hoằng Trường"): the same slug either way.
        let unit = header.get(HeaderField::Place);
        let unit = if unit.trim().is_empty() {
            UnitName::new(&header.unit, "").name
        } else {
            unit
        };
        let mut parts = vec![self.report.template_id.clone()];
        let unit = ascii_slug(&unit);
        if !unit.is_empty() {
            parts.push(unit);
        }
        let mut period = header.period.key().to_string();
        if let Ok(year) = parse_year(&header.year) {
            period.push_str(&format!("-{year}"));
        }
        parts.push(period);
        parts.join("_")
    }
}

/// Removes Vietnamese diacritics and keeps `a-z0-9`, joined by `-`.
pub fn ascii_slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in super::vn_text::compose(text).chars() {
        let base = match super::vn_text::ascii_base(c) {
            Some(c) if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if base == '-' {
            dash = !out.is_empty();
        } else {
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(base);
        }
        if out.len() >= 60 {
            break;
        }
    }
    out
}

#[cfg(test)]
#[path = "tests/draft.rs"]
mod tests;
