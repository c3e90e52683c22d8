//! What kind of value an indicator holds, and how typed text becomes one.
//!
//! The typed text is the source of truth: it is what the draft stores and
//! what the field shows, so a mistake stays on screen exactly as typed.
//! This module turns it into a [`FieldState`]; it never panics.

use super::json_read::json_struct;

use super::issue::{Issue, Severity};
use super::number::{format_count, format_vn, parse_number, NumberError};
use super::vn_text;

json_struct! {
    /// One allowed answer of a coded choice: `Phát phiếu = 1`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct ChoiceOption {
        pub code: i64,
        pub label: String,
    }
}

/// The kind of value an indicator takes.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// A whole, non-negative number of things: dossiers, people, documents.
    Count,
    /// A non-negative decimal with at most `decimals` places.
    Decimal { decimals: u8 },
    /// A percentage from 0 to 100.
    Percentage { decimals: u8 },
    /// Yes (1) or no (0), with the row's own wording.
    YesNo { yes: String, no: String },
    /// A small integer code from a fixed list.
    Choice { options: Vec<ChoiceOption> },
    /// Free text.
    Text,
}

/// A typed value once read.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldState {
    Empty,
    Number(f64),
    Text(String),
    Invalid(String),
    /// «Không phát sinh»: nothing happened in the period, which differs
    /// from 0. Done for the completion meter, but no number: sums, rules,
    /// rates, the roll-up and the comparison with the report before skip it.
    NoneToReport,
}

/// The words a clerk types, or the row's button writes, for a row with
/// nothing to report in the period.
pub const NONE_TO_REPORT: &str = "Không phát sinh";

/// Whether `text` says «Không phát sinh», whatever its case, marks or
/// spacing («không phát sinh», «KHONG PHAT SINH», «Không  phát sinh.»).
pub fn says_none_to_report(text: &str) -> bool {
    let mut words = String::with_capacity(text.len());
    for c in vn_text::compose(text).chars() {
        match vn_text::ascii_base(c) {
            Some(b) if b.is_ascii_alphanumeric() => words.push(b.to_ascii_lowercase()),
            _ => {
                if !words.is_empty() && !words.ends_with(' ') {
                    words.push(' ');
                }
            }
        }
    }
    // Without `str::trim_end`, whose Unicode tables the bundle need not carry.
    words.strip_suffix(' ').unwrap_or(&words) == "khong phat sinh"
}

impl FieldState {
    pub fn number(&self) -> Option<f64> {
        match self {
            FieldState::Number(n) => Some(*n),
            _ => None,
        }
    }
    /// A figure or a text: something the narrative may speak of.
    pub fn is_filled(&self) -> bool {
        matches!(self, FieldState::Number(_) | FieldState::Text(_))
    }
    /// Filled or marked «Không phát sinh»: what the completion meter counts.
    pub fn is_done(&self) -> bool {
        self.is_filled() || *self == FieldState::NoneToReport
    }
    pub fn error(&self) -> Option<&str> {
        match self {
            FieldState::Invalid(message) => Some(message),
            _ => None,
        }
    }
    /// The error message on the field `code`, if its text is not a valid value.
    pub fn issue(&self, code: &str) -> Option<Issue> {
        self.error().map(|message| Issue {
            code: code.to_string(),
            severity: Severity::Error,
            message: message.to_string(),
        })
    }
}

fn describe(raw: &str, err: &NumberError) -> String {
    format!("«{}» {}", raw.trim(), err)
}

impl ValueKind {
    pub fn is_numeric(&self) -> bool {
        !matches!(self, ValueKind::Text)
    }

    /// Whether values of this kind may be added up with each other.
    pub fn is_quantity(&self) -> bool {
        matches!(
            self,
            ValueKind::Count | ValueKind::Decimal { .. } | ValueKind::Percentage { .. }
        )
    }

    /// The choices a clerk may type, as `(code, label)`.
    pub fn options(&self) -> Vec<(i64, &str)> {
        match self {
            ValueKind::YesNo { yes, no } => vec![(1, yes.as_str()), (0, no.as_str())],
            ValueKind::Choice { options } => {
                options.iter().map(|o| (o.code, o.label.as_str())).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Reads what the clerk typed.
    pub fn read(&self, raw: &str) -> FieldState {
        let text = raw.trim();
        if text.is_empty() {
            return FieldState::Empty;
        }
        if says_none_to_report(text) {
            return FieldState::NoneToReport;
        }
        match self {
            ValueKind::Text => FieldState::Text(text.to_string()),
            ValueKind::Count => match parse_number(text) {
                Err(e) => FieldState::Invalid(describe(text, &e)),
                Ok(n) if n < 0.0 => {
                    FieldState::Invalid(format!("«{text}»: số lượng không được âm"))
                }
                Ok(n) if n.fract() != 0.0 => {
                    FieldState::Invalid(format!("«{text}»: số lượng phải là số nguyên"))
                }
                Ok(n) => FieldState::Number(n),
            },
            ValueKind::Decimal { .. } => match parse_number(text) {
                Err(e) => FieldState::Invalid(describe(text, &e)),
                Ok(n) if n < 0.0 => FieldState::Invalid(format!("«{text}»: giá trị không được âm")),
                Ok(n) => FieldState::Number(n),
            },
            ValueKind::Percentage { .. } => {
                let number_part = text.strip_suffix('%').unwrap_or(text).trim();
                match parse_number(number_part) {
                    Err(e) => FieldState::Invalid(describe(text, &e)),
                    Ok(n) if !(0.0..=100.0).contains(&n) => {
                        FieldState::Invalid(format!("«{text}»: tỷ lệ phần trăm phải từ 0 đến 100"))
                    }
                    Ok(n) => FieldState::Number(n),
                }
            }
            ValueKind::YesNo { .. } | ValueKind::Choice { .. } => self.read_choice(text),
        }
    }

    /// A choice may be typed as its code (`1`) or as its label (`Có`).
    fn read_choice(&self, text: &str) -> FieldState {
        let options = self.options();
        let by_code = parse_number(text).ok().and_then(|n| {
            options
                .iter()
                .find(|(code, _)| (*code as f64) == n)
                .map(|(code, _)| *code)
        });
        let by_label = || {
            let wanted = vn_text::lower(text);
            options
                .iter()
                .find(|(_, label)| vn_text::lower(label) == wanted)
                .map(|(code, _)| *code)
        };
        match by_code.or_else(by_label) {
            Some(code) => FieldState::Number(code as f64),
            None => {
                let allowed: Vec<String> = options
                    .iter()
                    .map(|(code, label)| format!("{code} = {label}"))
                    .collect();
                FieldState::Invalid(format!(
                    "«{text}» không phải là một lựa chọn; chọn một trong: {}",
                    allowed.join("; ")
                ))
            }
        }
    }

    /// How a valid value is written back into its field once the field is left.
    pub fn display(&self, state: &FieldState) -> Option<String> {
        match (self, state) {
            (ValueKind::Count, FieldState::Number(n)) => Some(format_count(*n)),
            (ValueKind::Decimal { decimals }, FieldState::Number(n))
            | (ValueKind::Percentage { decimals }, FieldState::Number(n)) => {
                Some(format_vn(*n, *decimals))
            }
            (ValueKind::YesNo { .. } | ValueKind::Choice { .. }, FieldState::Number(n)) => {
                Some(format_count(*n))
            }
            (ValueKind::Text, FieldState::Text(t)) => Some(t.clone()),
            (_, FieldState::NoneToReport) => Some(NONE_TO_REPORT.to_string()),
            _ => None,
        }
    }

    /// The label of a chosen code, shown next to the field: `1` → `Phát phiếu`.
    pub fn choice_label(&self, state: &FieldState) -> Option<String> {
        let n = state.number()?;
        self.options()
            .into_iter()
            .find(|(code, _)| *code as f64 == n)
            .map(|(_, l)| l.to_string())
    }

    /// Formats a number of this kind for reports and messages.
    pub fn format(&self, value: f64) -> String {
        match self {
            ValueKind::Decimal { decimals } | ValueKind::Percentage { decimals } => {
                format_vn(value, *decimals)
            }
            _ => format_count(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn choice() -> ValueKind {
        ValueKind::Choice {
            options: vec![
                ChoiceOption {
                    code: 0,
                    label: "Trực tuyến".into(),
                },
                ChoiceOption {
                    code: 1,
                    label: "Phát phiếu".into(),
                },
                ChoiceOption {
                    code: 2,
                    label: "Kết hợp".into(),
                },
            ],
        }
    }

    #[test]
    fn counts() {
        assert_eq!(ValueKind::Count.read("1.603"), FieldState::Number(1603.0));
        assert_eq!(ValueKind::Count.read("  "), FieldState::Empty);
        assert!(ValueKind::Count
            .read("-3")
            .error()
            .unwrap()
            .contains("không được âm"));
        assert!(ValueKind::Count
            .read("1,5")
            .error()
            .unwrap()
            .contains("số nguyên"));
        assert!(ValueKind::Count
            .read("mười")
            .error()
            .unwrap()
            .contains("không phải là số"));
    }

    #[test]
    fn percentages() {
        let pct = ValueKind::Percentage { decimals: 2 };
        assert_eq!(pct.read("99,06"), FieldState::Number(99.06));
        assert_eq!(pct.read("99,06 %"), FieldState::Number(99.06));
        assert_eq!(pct.read("100"), FieldState::Number(100.0));
        assert!(pct.read("100,5").error().unwrap().contains("từ 0 đến 100"));
        assert!(pct.read("-1").error().is_some());
        assert_eq!(pct.display(&pct.read("99.06")), Some("99,06".into()));
    }

    #[test]
    fn choices() {
        let kind = choice();
        assert_eq!(kind.read("1"), FieldState::Number(1.0));
        assert_eq!(kind.read("kết hợp"), FieldState::Number(2.0));
        assert_eq!(
            kind.choice_label(&FieldState::Number(1.0)),
            Some("Phát phiếu".into())
        );
        let err = kind.read("3");
        assert!(
            err.error().unwrap().contains("không phải là một lựa chọn"),
            "{err:?}"
        );
        assert!(err.error().unwrap().contains("2 = Kết hợp"));
        let yes_no = ValueKind::YesNo {
            yes: "Có".into(),
            no: "Không".into(),
        };
        assert_eq!(yes_no.read("0"), FieldState::Number(0.0));
        assert_eq!(yes_no.read("Có"), FieldState::Number(1.0));
        assert!(yes_no.read("2").error().is_some());
    }

    #[test]
    fn display_after_leaving_the_field() {
        assert_eq!(
            ValueKind::Count.display(&ValueKind::Count.read("1603")),
            Some("1.603".into())
        );
        assert_eq!(
            ValueKind::Count.display(&ValueKind::Count.read("1 603")),
            Some("1.603".into())
        );
        assert_eq!(
            ValueKind::Count.display(&ValueKind::Count.read("abc")),
            None
        );
    }

    #[test]
    fn none_to_report_is_not_zero() {
        for kind in [
            ValueKind::Count,
            ValueKind::Percentage { decimals: 2 },
            choice(),
            ValueKind::Text,
        ] {
            for typed in [
                "Không phát sinh",
                "không phát sinh",
                "KHÔNG PHÁT SINH",
                "khong phat sinh",
                " Không  phát sinh. ",
                // Decomposed (NFD), as some keyboards type it.
                "Kho\u{302}ng pha\u{301}t sinh",
            ] {
                let state = kind.read(typed);
                assert_eq!(state, FieldState::NoneToReport, "{typed:?}");
                assert!(state.is_done() && !state.is_filled());
                assert_eq!(state.number(), None);
                assert_eq!(state.error(), None);
                assert_eq!(kind.display(&state), Some(NONE_TO_REPORT.into()));
            }
        }
        assert_eq!(ValueKind::Count.read("0"), FieldState::Number(0.0));
        assert!(ValueKind::Count.read("không").error().is_some());
        assert!(ValueKind::Count
            .read("không phát sinh thêm")
            .error()
            .is_some());
        assert_eq!(
            ValueKind::Text.read("Không phát sinh vụ việc"),
            FieldState::Text("Không phát sinh vụ việc".into())
        );
        assert!(!FieldState::Empty.is_done());
        assert!(FieldState::Number(0.0).is_done());
    }

    proptest! {
        #[test]
        fn no_kind_panics_on_any_text(s in "\\PC{0,60}") {
            for kind in [ValueKind::Count, ValueKind::Decimal { decimals: 2 }, ValueKind::Percentage { decimals: 2 }, choice(), ValueKind::Text] {
                let state = kind.read(&s);
                let _ = kind.display(&state);
                let _ = kind.choice_label(&state);
            }
        }

        #[test]
        fn valid_counts_are_whole_and_non_negative(s in "[-0-9., ]{0,20}") {
            if let FieldState::Number(n) = ValueKind::Count.read(&s) {
                prop_assert!(n >= 0.0 && n.fract() == 0.0);
            }
        }

        #[test]
        fn valid_percentages_are_within_range(s in "[-0-9.,% ]{0,20}") {
            if let FieldState::Number(n) = (ValueKind::Percentage { decimals: 2 }).read(&s) {
                prop_assert!((0.0..=100.0).contains(&n));
            }
        }
    }
}
