//! What a document lists before it goes out: one pre-flight for the
//! `.docx`, print, the `.xlsx` and the `.csv`. Each lists only what
//! concerns it: a document without the narrative lists no narrative item.

use super::issue::Issue;
use super::narrative::{issue_code, unbegun_narrative_issues, Figures, Written};
use super::period::Period;
use super::template::Template;

/// A document the clerk downloads or prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Docx,
    Print,
    Xlsx,
    Csv,
}

impl Document {
    /// Whether the document carries the narrative (sections I–V).
    pub fn has_narrative(self) -> bool {
        matches!(self, Document::Docx | Document::Print)
    }
}

/// One message in the list; `explained` when the clerk wrote a note
/// (Ghi chú) on its row, as the prompt advises.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub issue: Issue,
    pub explained: bool,
}

/// Everything still open before a document goes out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preflight {
    /// Errors and warnings, in page order; with the required narrative
    /// items still empty even while the narrative was never begun.
    pub listed: Vec<Listed>,
    /// Values still marked «chưa cập nhật».
    pub stale: usize,
    /// Fields changed on both sides, not yet chosen.
    pub conflicts: usize,
}

impl Preflight {
    /// Nothing to ask: the document goes out at once.
    pub fn is_clear(&self) -> bool {
        self.listed.is_empty() && self.stale == 0 && self.conflicts == 0
    }

    pub fn explained(&self) -> usize {
        self.listed.iter().filter(|l| l.explained).count()
    }
}

/// What the report in the editor (or stored) reads like to the pre-flight.
pub struct Open<'a> {
    pub issues: &'a [Issue],
    /// The note on a row, by code ("" when none).
    pub note_of: &'a dyn Fn(&str) -> String,
    /// The narrative text of an outline item, by id.
    pub text_of: &'a dyn Fn(&str) -> String,
    /// Whether the clerk left an outline item out of the report.
    pub left_out: &'a dyn Fn(&str) -> bool,
    pub period: Period,
    pub year: Option<i32>,
    /// The report's figures, as the narrative reads them.
    pub source: &'a dyn Figures,
    pub stale: usize,
    pub conflicts: usize,
}

/// The pre-flight of `document` for a report of `template`.
pub fn preflight(document: Document, template: &Template, open: &Open<'_>) -> Preflight {
    let with_narrative = document.has_narrative();
    let mut listed: Vec<Listed> = Vec::new();
    // Until the narrative is begun its checks are quiet on screen; a
    // document that carries it still lists them (once begun, they are
    // among the evaluation's issues already).
    if with_narrative {
        let written = Written {
            text_of: open.text_of,
            left_out: open.left_out,
        };
        let items =
            unbegun_narrative_issues(template, &written, open.period, open.year, open.source);
        listed.extend(items.into_iter().map(|issue| Listed {
            issue,
            explained: false,
        }));
    }
    for issue in open.issues {
        if !with_narrative && issue.code.starts_with(&issue_code("")) {
            continue;
        }
        let explained = template.indicator(&issue.code).is_some()
            && !(open.note_of)(&issue.code).trim().is_empty();
        listed.push(Listed {
            issue: issue.clone(),
            explained,
        });
    }
    Preflight {
        listed,
        stale: open.stale,
        conflicts: open.conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_template;
    use crate::core::eval::EvaluatedFigures;
    use crate::core::issue::Severity;
    use crate::core::report::Report;

    fn issue(code: &str) -> Issue {
        Issue {
            code: code.into(),
            severity: Severity::Warning,
            message: format!("{code}: cảnh báo"),
        }
    }

    #[test]
    fn each_document_lists_what_concerns_it() {
        let t = builtin_template("xa-01b").unwrap();
        let issues = vec![issue("3.3.1"), issue("3.4.3"), issue("outline:II.1")];
        let note_of = |code: &str| {
            if code == "3.4.3" {
                "đã đối chiếu với một cửa".to_string()
            } else {
                String::new()
            }
        };
        let nothing = |_: &str| String::new();
        let mut report = Report::new(&t);
        report.set_value("1.1", "1");
        let evaluation = report.evaluate(&t);
        let source = EvaluatedFigures {
            template: &t,
            evaluation: &evaluation,
        };
        let open = Open {
            issues: &issues,
            note_of: &note_of,
            text_of: &nothing,
            left_out: &|_| false,
            period: Period::Year,
            year: Some(2023),
            source: &source,
            stale: 2,
            conflicts: 1,
        };
        // The narrative never begun: the .docx lists its required items, the .xlsx does not.
        let docx = preflight(Document::Docx, &t, &open);
        let empty: Vec<&str> = docx
            .listed
            .iter()
            .filter(|l| l.issue.code.starts_with("outline:"))
            .map(|l| l.issue.code.as_str())
            .collect();
        assert!(empty.len() > 3, "the required items of a year: {empty:?}");
        // In the words the page uses once the narrative is begun.
        let i1 = docx
            .listed
            .iter()
            .find(|l| l.issue.code == "outline:I.1")
            .expect("I.1 is required");
        assert!(
            i1.issue
                .message
                .ends_with("chưa có nội dung (phụ lục đã có số liệu của mục này)"),
            "{}",
            i1.issue.message
        );
        let xlsx = preflight(Document::Xlsx, &t, &open);
        assert_eq!(
            xlsx.listed
                .iter()
                .map(|l| l.issue.code.as_str())
                .collect::<Vec<_>>(),
            ["3.3.1", "3.4.3"],
            "no narrative in a spreadsheet"
        );
        assert_eq!(
            xlsx.listed.iter().map(|l| l.explained).collect::<Vec<_>>(),
            [false, true],
            "a note explains a warning"
        );
        assert_eq!((xlsx.stale, xlsx.conflicts, xlsx.explained()), (2, 1, 1));
        assert!(!xlsx.is_clear());
        // A begun narrative lists its own messages once, from the evaluation.
        let written = |id: &str| {
            if id == "I.1" {
                "Đã ban hành kế hoạch.".to_string()
            } else {
                String::new()
            }
        };
        let begun = Open {
            text_of: &written,
            ..open
        };
        let docx = preflight(Document::Docx, &t, &begun);
        assert_eq!(docx.listed.len(), 3, "{:?}", docx.listed);
        let clear = Open {
            issues: &[],
            stale: 0,
            conflicts: 0,
            ..begun
        };
        assert!(preflight(Document::Xlsx, &t, &clear).is_clear());
    }
}
