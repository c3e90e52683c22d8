//! A draft's `.json` file read into the session: imported, or merged into
//! the stored copy with a summary of what came from it; and a report
//! before opened from a file.

use std::borrow::Borrow;

use super::drafts::Session;
use crate::core::copies::{field_label, Merged};
use crate::core::draft::Draft;
use crate::core::draft_fields::AUTHOR;
use crate::core::draft_store::KeyValueStore;
use crate::core::number::format_count;
use crate::core::predecessor::{self, Role, Subject};
use crate::core::report::ReportHeader;
use crate::core::template::Template;

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

impl<S: KeyValueStore> Session<S> {
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
