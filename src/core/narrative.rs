//! The narrative typed under each outline item: its live figures and its
//! checks.
//!
//! A figure is written in the text as `{3.3.1}` (an indicator or computed
//! value), `{3.3.2/3.3.1}` (a rate, as "99,06 %"), `{pl5/total/c3}` (a grid
//! column's total), `{pl5/r2/c3}` (a cell) or `{nv/count}` and
//! `{nv/count/c4=1}` (a grid's rows, all or those with a choice). It is
//! shown as the annex's current value, never typed. The batch evaluation
//! and the editor resolve figures through [`Figures`], each from its own
//! state, with the same functions here.

pub use super::figures::{choice_matches, computed_text, indicator_text, Figures, Unknown};
use super::issue::{Issue, Severity};
use super::number::{format_count, format_vn};
use super::outline::OutlineItem;
use super::period::Period;
use super::rules::Formula;
use super::template::Template;

/// One piece of a paragraph: text as typed, or a figure's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The token between the braces.
    Figure(&'a str),
}

/// A paragraph split into text and figures. A brace that opens no token
/// (no closing brace, or one too far) is text.
pub fn pieces(paragraph: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find(['}', '{']) {
            Some(close) if after.as_bytes()[close] == b'}' && close > 0 && close <= 80 => {
                if open > 0 {
                    out.push(Piece::Text(&rest[..open]));
                }
                out.push(Piece::Figure(after[..close].trim()));
                rest = &after[close + 1..];
            }
            _ => {
                out.push(Piece::Text(&rest[..open + 1]));
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The paragraphs of an item's text: its non-blank lines.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
}

/// Text pasted from Word or a web page, as the narrative keeps it: its
/// paragraphs, and its bulleted lines as "- " items; tabs, non-breaking
/// spaces, runs of blank lines and decomposed letters tidied.
pub fn clean_paste(text: &str) -> String {
    let text = super::vn_text::compose(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line: String = line
            .chars()
            .map(|c| if c == '\t' || c == '\u{a0}' { ' ' } else { c })
            .collect();
        let line = line.trim();
        let bullet = line
            .strip_prefix(['•', '·', '▪', '◦', '\u{f0b7}', '-', '–', '—', '*', '+'])
            .filter(|rest| rest.starts_with(' '));
        let line = match bullet {
            Some(rest) => format!("- {}", rest.trim_start()),
            None => line.to_string(),
        };
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// A target's token: `{muc-tieu:dung-hen}`.
pub const TARGET_PREFIX: &str = "muc-tieu:";

/// What a figure's token names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    Value(String),
    Rate(String, String),
    Total {
        section: String,
        column: u32,
    },
    Cell {
        section: String,
        key: String,
        column: u32,
    },
    Count {
        section: String,
        choice: Option<(u32, String)>,
    },
    /// A province's target, in words that fit a sentence: "99,06 %, trên
    /// mức tối thiểu 95 % của tỉnh".
    Target(String),
}

fn column(text: &str) -> Option<u32> {
    text.strip_prefix('c')?.parse().ok()
}

impl Figure {
    /// The figure a token names, if its form is right; whether the codes
    /// exist is the source's to say.
    pub fn parse(token: &str) -> Option<Figure> {
        if let Some(id) = token.strip_prefix(TARGET_PREFIX) {
            return Some(Figure::Target(id.trim().into()));
        }
        let parts: Vec<&str> = token.split('/').map(str::trim).collect();
        match parts[..] {
            [code] if !code.is_empty() => Some(Figure::Value(code.into())),
            [section, "count"] => Some(Figure::Count {
                section: section.into(),
                choice: None,
            }),
            [section, "count", choice] => {
                let (c, v) = choice.split_once('=')?;
                Some(Figure::Count {
                    section: section.into(),
                    choice: Some((column(c.trim())?, v.trim().into())),
                })
            }
            [section, "total", c] => Some(Figure::Total {
                section: section.into(),
                column: column(c)?,
            }),
            [section, key, c] if column(c).is_some() => Some(Figure::Cell {
                section: section.into(),
                key: key.into(),
                column: column(c)?,
            }),
            [a, b] if !a.is_empty() && !b.is_empty() => Some(Figure::Rate(a.into(), b.into())),
            _ => None,
        }
    }
}

/// What a figure shows: its text, nothing yet (empty in the annex) or an
/// unknown code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    Text(String),
    Empty,
    Unknown,
}

/// The text a token shows in the narrative.
pub fn show(token: &str, source: &dyn Figures) -> Shown {
    let value = match Figure::parse(token) {
        None => return Shown::Unknown,
        Some(Figure::Value(code)) => source.shown(&code),
        Some(Figure::Rate(a, b)) => match (source.shown(&a), source.shown(&b)) {
            // A rate as a computed value works one out: both figures there,
            // and the denominator not zero.
            (Ok(_), Ok(_)) => Ok(Formula::Rate {
                numerator: vec![a],
                denominator: vec![b],
            }
            .value(&|code| source.number(code))
            .map(|rate| format!("{} %", format_vn(rate, 2)))),
            _ => Err(Unknown),
        },
        Some(Figure::Total { section, column }) => source
            .total(&section, column)
            .map(|v| v.map(|v| format_vn(v, 2))),
        Some(Figure::Cell {
            section,
            key,
            column,
        }) => source
            .cell(&section, &key, column)
            .map(|v| v.map(|v| format_vn(v, 2))),
        Some(Figure::Target(id)) => source.target(&id).and_then(|result| {
            let target = source
                .template()
                .targets
                .iter()
                .find(|t| t.id == id)
                .ok_or(Unknown)?;
            Ok(result.state.map(|_| target.in_sentence(result)))
        }),
        Some(Figure::Count { section, choice }) => source
            .count(&section, choice.as_ref().map(|(c, v)| (*c, v.as_str())))
            .map(|n| Some(format_count(n as f64))),
    };
    match value {
        Ok(Some(text)) => Shown::Text(text),
        Ok(None) => Shown::Empty,
        Err(Unknown) => Shown::Unknown,
    }
}

/// The paragraph as printed: figures as their values, "…" while empty.
pub fn plain(paragraph: &str, source: &dyn Figures) -> String {
    pieces(paragraph)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string(),
            Piece::Figure(token) => match show(token, source) {
                Shown::Text(t) => t,
                Shown::Empty => "…".to_string(),
                Shown::Unknown => format!("{{{token}}}"),
            },
        })
        .collect()
}

/// The code a narrative message is attached to: `outline:<item id>`.
pub fn issue_code(item: &str) -> String {
    format!("outline:{item}")
}

/// The messages about one item's text, in the order of the page.
pub fn item_issues(
    item: &OutlineItem,
    text: &str,
    period: Period,
    year: Option<i32>,
    source: &dyn Figures,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let code = issue_code(&item.id);
    let warn = |message: String| Issue {
        code: code.clone(),
        severity: Severity::Warning,
        message,
    };
    let empty = paragraphs(text).next().is_none();
    let annex_filled = !item.codes.is_empty() && source.filled_under(item);
    if empty && item.required.in_period(period) {
        let also = if annex_filled {
            " (phụ lục đã có số liệu của mục này)"
        } else {
            ""
        };
        issues.push(warn(format!("{} chưa có nội dung{also}", item.named())));
    } else if empty && annex_filled {
        issues.push(warn(format!(
            "{} chưa có nội dung, trong khi phụ lục đã có số liệu của mục này",
            item.named()
        )));
    } else if !empty && !item.codes.is_empty() && !source.filled_under(item) {
        issues.push(warn(format!(
            "{} đã có nội dung nhưng phụ lục chưa có số liệu nào của mục này ({})",
            item.named(),
            item.codes.join(", ")
        )));
    }
    for paragraph in paragraphs(text) {
        for piece in pieces(paragraph) {
            if let Piece::Figure(token) = piece {
                match show(token, source) {
                    Shown::Unknown => issues.push(Issue {
                        code: code.clone(),
                        severity: Severity::Error,
                        message: format!(
                            "{}: số liệu {{{token}}} không có trong biểu mẫu",
                            item.named()
                        ),
                    }),
                    Shown::Empty => issues.push(warn(format!(
                        "{}: số liệu {{{token}}} chưa được nhập ở phụ lục",
                        item.named()
                    ))),
                    Shown::Text(_) => {}
                }
            }
        }
    }
    if let Some(year) = year {
        for words in super::narrative_period::slips(text, period, year) {
            issues.push(warn(format!(
                "{}: «{words}» không khớp kỳ báo cáo ({}) — sửa lại nếu là chữ còn sót từ báo cáo khác",
                item.named(),
                period.phrase(year)
            )));
        }
    }
    issues
}

/// The narrative of a report as its checks read it: each item's text, and
/// whether the clerk marked it left out (`Report::left_out`).
pub struct Written<'a> {
    pub text_of: &'a dyn Fn(&str) -> String,
    pub left_out: &'a dyn Fn(&str) -> bool,
}

/// Whether `issue` says only that an item has no text yet: the messages a
/// summary gathers into one line («7 mục chưa có nội dung»).
pub fn is_empty_item(issue: &Issue) -> bool {
    issue.code.starts_with(&issue_code("")) && issue.message.contains(EMPTY)
}

/// The words after an item's name in [`is_empty_item`]'s messages.
const EMPTY: &str = "\" chưa có nội dung";

/// The messages about the whole narrative, in page order; none before
/// the clerk writes anything in it, and none about items left out.
pub fn narrative_issues(
    template: &Template,
    written: &Written<'_>,
    period: Period,
    year: Option<i32>,
    source: &dyn Figures,
) -> Vec<Issue> {
    checked_if(true, template, written, (period, year), source)
}

/// The messages the page does not show yet because the narrative was never
/// begun, in the words it shows once it is: what a document that carries
/// the narrative lists before it goes out (`core::preflight`). None once
/// begun, when [`narrative_issues`] has them.
pub fn unbegun_narrative_issues(
    template: &Template,
    written: &Written<'_>,
    period: Period,
    year: Option<i32>,
    source: &dyn Figures,
) -> Vec<Issue> {
    checked_if(false, template, written, (period, year), source)
}

/// The narrative's messages, if whether it was begun is `begun`.
fn checked_if(
    begun: bool,
    template: &Template,
    written: &Written<'_>,
    (period, year): (Period, Option<i32>),
    source: &dyn Figures,
) -> Vec<Issue> {
    let texts: Vec<(&OutlineItem, String)> = template
        .outline
        .written()
        .map(|item| (item, (written.text_of)(&item.id)))
        .collect();
    if started(texts.iter().map(|(_, t)| t.as_str())) != begun {
        return Vec::new();
    }
    texts
        .iter()
        .filter(|(item, _)| {
            !template
                .outline
                .is_left_out(&item.id, period, written.left_out)
        })
        .flat_map(|(item, text)| item_issues(item, text, period, year, source))
        .collect()
}

/// Whether the clerk has begun the narrative. Until then it is not
/// checked: a report sent as its annex alone gets no list of empty items.
pub fn started<'a>(mut texts: impl Iterator<Item = &'a str>) -> bool {
    texts.any(|t| paragraphs(t).next().is_some())
}

#[cfg(test)]
#[path = "tests/narrative.rs"]
mod tests;
