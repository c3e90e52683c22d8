//! A draft against its template: migrated to the template's version,
//! checked strictly, imported from a `.json` file; and what it holds that
//! the template no longer has, kept aside.

use std::borrow::Borrow;

use super::Draft;
use crate::core::issue::Severity;
use crate::core::migration::{self, Migration};
use crate::core::template::Template;

impl Draft {
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
}
