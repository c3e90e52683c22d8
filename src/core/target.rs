//! The province's targets, as template data: a figure (a row's value, a sum
//! or a rate of rows), a comparison with a constant, and the words for met
//! and not met. Not met is a message of the target's severity beside its
//! row; the summary lists every target as «Tỷ lệ …: 90 % (chỉ tiêu ≥ 95 %)
//! — chưa đạt» with its figure. A rate is a share of its denominator: when
//! the numerator is larger, the figures disagree and the target is never
//! «đạt».

use super::issue::{Comparison, Issue, Severity};
use super::number::format_vn;
use super::rules::{Computed, Formula};

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub label: String,
    /// The figure, worked out as a computed value is.
    pub figure: Computed,
    pub op: Comparison,
    pub limit: f64,
    pub severity: Severity,
    pub met: String,
    pub not_met: String,
    /// The row its message is shown beside.
    pub at: String,
}

/// Where a target stands once its figure can be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetState {
    Met,
    NotMet,
    /// A rate whose numerator is larger than its denominator: the figures
    /// disagree, so the target is neither met nor not met.
    Mismatch,
}

impl TargetState {
    /// The `data-target-state` page hook.
    pub fn hook(self) -> &'static str {
        match self {
            TargetState::Met => "met",
            TargetState::NotMet => "not-met",
            TargetState::Mismatch => "mismatch",
        }
    }
}

/// A target's figure now, and where it stands (`None` while the figure
/// cannot be worked out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetResult {
    pub value: Option<f64>,
    pub state: Option<TargetState>,
    /// A rate's numerator and denominator, once both are filled.
    pub shares: Option<(f64, f64)>,
}

impl TargetResult {
    /// Met (`data-met`): a target whose figures disagree is not met.
    pub fn met(&self) -> Option<bool> {
        self.state.map(|s| s == TargetState::Met)
    }
}

/// A code as the clerk reads it in a message: a grid column's total
/// `pl5/total/c9` is its column, «(9)».
fn code_name(code: &str) -> String {
    match code.split_once("/total/c") {
        Some((_, number)) => format!("({number})"),
        None => code.to_string(),
    }
}

impl Target {
    pub fn codes(&self) -> Vec<&String> {
        self.figure.codes()
    }

    pub fn result(&self, value_of: &dyn Fn(&str) -> Option<f64>) -> TargetResult {
        let value = self.figure.value(value_of);
        let shares = match &self.figure.formula {
            Formula::Rate {
                numerator,
                denominator,
            } => {
                let sum = |codes: &[String]| {
                    codes
                        .iter()
                        .try_fold(0.0, |total, c| value_of(c).map(|v| total + v))
                };
                sum(numerator).zip(sum(denominator))
            }
            Formula::Sum(_) => None,
        };
        let state = match (shares, value) {
            (Some((num, den)), _) if num > den || num < 0.0 || den < 0.0 => {
                Some(TargetState::Mismatch)
            }
            (_, Some(v)) if self.op.holds(v, self.limit) => Some(TargetState::Met),
            (_, Some(_)) => Some(TargetState::NotMet),
            (_, None) => None,
        };
        TargetResult {
            value,
            state,
            shares,
        }
    }

    fn figure_text(&self, value: f64) -> String {
        let unit = if self.figure.unit == "%" {
            " %".to_string()
        } else {
            String::new()
        };
        format!("{}{unit}", format_vn(value, self.figure.decimals))
    }

    /// "≥ 95 %": the target as a comparison.
    pub fn goal(&self) -> String {
        let sign = match self.op {
            Comparison::Equal => "=",
            Comparison::AtMost => "≤",
            Comparison::AtLeast => "≥",
        };
        format!("{sign} {}", self.figure_text(self.limit))
    }

    /// Why the figures cannot be right: «3.4.3 (1.599) lớn hơn 3.1.3 (189)».
    fn mismatch(&self, (num, den): (f64, f64)) -> String {
        let Formula::Rate {
            numerator,
            denominator,
        } = &self.figure.formula
        else {
            return String::new();
        };
        let names = |codes: &[String]| {
            codes
                .iter()
                .map(|c| code_name(c))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let figure = |v: f64| format_vn(v, 2);
        if num < 0.0 || den < 0.0 {
            return format!(
                "{} ({}) và {} ({}) phải là số không âm",
                names(numerator),
                figure(num),
                names(denominator),
                figure(den)
            );
        }
        format!(
            "{} ({}) lớn hơn {} ({})",
            names(numerator),
            figure(num),
            names(denominator),
            figure(den)
        )
    }

    /// The figure and where it stands, as the summary and the narrative's
    /// `{muc-tieu:<id>}` show it: «90 % (chỉ tiêu ≥ 95 %) — chưa đạt».
    pub fn text(&self, result: TargetResult) -> String {
        let goal = self.goal();
        match (result.state, result.value, result.shares) {
            (Some(TargetState::Mismatch), value, Some(shares)) => {
                let figure = value
                    .map(|v| format!("{} ", self.figure_text(v)))
                    .unwrap_or_default();
                format!(
                    "{figure}(chỉ tiêu {goal}) — số liệu không khớp: {}",
                    self.mismatch(shares)
                )
            }
            (Some(TargetState::Met), Some(value), _) => format!(
                "{} (chỉ tiêu {goal}) — {}",
                self.figure_text(value),
                self.met
            ),
            (Some(_), Some(value), _) => format!(
                "{} (chỉ tiêu {goal}) — {}",
                self.figure_text(value),
                self.not_met
            ),
            _ => format!("chưa đủ số liệu để tính (chỉ tiêu {goal})"),
        }
    }

    /// The figure in words that fit a sentence, as the narrative's
    /// `{muc-tieu:<id>}` prints it: «99,06 %, trên mức tối thiểu 95 % của
    /// tỉnh», «90 %, dưới mức tối thiểu 95 % của tỉnh». The same words in
    /// the live paragraph, the .docx and print.
    pub fn in_sentence(&self, result: TargetResult) -> String {
        let limit = self.figure_text(self.limit);
        let Some(value) = result.value else {
            return format!("… (chưa đủ số liệu để tính, mức {limit} của tỉnh)");
        };
        let figure = self.figure_text(value);
        if let (Some(TargetState::Mismatch), Some(shares)) = (result.state, result.shares) {
            return format!("{figure} (số liệu không khớp: {})", self.mismatch(shares));
        }
        // Equal as the figure is printed: 95,00 % is «bằng», not «trên».
        let decimals = self.figure.decimals;
        let same = format_vn(value, decimals) == format_vn(self.limit, decimals);
        let place = match (self.op, same, value > self.limit) {
            (Comparison::AtLeast, true, _) => "bằng mức tối thiểu",
            (Comparison::AtLeast, false, true) => "trên mức tối thiểu",
            (Comparison::AtLeast, false, false) => "dưới mức tối thiểu",
            (Comparison::AtMost, true, _) => "bằng mức tối đa",
            (Comparison::AtMost, false, false) => "dưới mức tối đa",
            (Comparison::AtMost, false, true) => "vượt mức tối đa",
            (Comparison::Equal, true, _) => "đúng mức",
            (Comparison::Equal, false, true) => "cao hơn mức",
            (Comparison::Equal, false, false) => "thấp hơn mức",
        };
        format!("{figure}, {place} {limit} của tỉnh")
    }

    /// The whole line: «Tỷ lệ hồ sơ giải quyết đúng hẹn: 90 % (chỉ tiêu ≥
    /// 95 %) — chưa đạt».
    pub fn sentence(&self, result: TargetResult) -> String {
        format!("{}: {}", self.label, self.text(result))
    }

    /// The message beside the target's row when it is not met. Figures that
    /// disagree are the rules' to name (the loader makes sure one does), so
    /// the slip is told once.
    pub fn issue(&self, result: TargetResult) -> Option<Issue> {
        (result.state == Some(TargetState::NotMet)).then(|| Issue {
            code: self.at.clone(),
            severity: self.severity,
            message: self.sentence(result),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::Formula;
    use rustc_hash::FxHashMap;

    fn on_time() -> Target {
        Target {
            id: "dung-hen".into(),
            label: "Tỷ lệ hồ sơ giải quyết đúng hẹn".into(),
            figure: Computed {
                code: "muc-tieu:dung-hen".into(),
                label: String::new(),
                unit: "%".into(),
                formula: Formula::Rate {
                    numerator: vec!["3.3.2".into()],
                    denominator: vec!["3.3.1".into()],
                },
                decimals: 2,
            },
            op: Comparison::AtLeast,
            limit: 95.0,
            severity: Severity::Warning,
            met: "đạt".into(),
            not_met: "chưa đạt".into(),
            at: "3.3.2".into(),
        }
    }

    #[test]
    fn met_not_met_and_waiting() {
        let t = on_time();
        let values: FxHashMap<&str, f64> =
            [("3.3.1", 1603.0), ("3.3.2", 1588.0)].into_iter().collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(
            (result.met(), result.state),
            (Some(true), Some(TargetState::Met))
        );
        assert_eq!(t.text(result), "99,06 % (chỉ tiêu ≥ 95 %) — đạt");
        assert_eq!(t.issue(result), None);
        let values: FxHashMap<&str, f64> =
            [("3.3.1", 1000.0), ("3.3.2", 900.0)].into_iter().collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(result.met(), Some(false));
        let issue = t.issue(result).unwrap();
        assert_eq!(
            (issue.code.as_str(), issue.severity),
            ("3.3.2", Severity::Warning)
        );
        assert_eq!(
            issue.message,
            "Tỷ lệ hồ sơ giải quyết đúng hẹn: 90 % (chỉ tiêu ≥ 95 %) — chưa đạt"
        );
        let waiting = t.result(&|_| None);
        assert_eq!(
            (waiting.met(), t.text(waiting)),
            (
                None,
                "chưa đủ số liệu để tính (chỉ tiêu ≥ 95 %)".to_string()
            )
        );
    }

    #[test]
    fn a_target_in_a_sentence_reads_as_words() {
        let t = on_time();
        let at = |done: f64, all: f64| {
            let values: FxHashMap<&str, f64> =
                [("3.3.1", all), ("3.3.2", done)].into_iter().collect();
            t.in_sentence(t.result(&|c| values.get(c).copied()))
        };
        assert_eq!(
            at(1588.0, 1603.0),
            "99,06 %, trên mức tối thiểu 95 % của tỉnh"
        );
        assert_eq!(at(900.0, 1000.0), "90 %, dưới mức tối thiểu 95 % của tỉnh");
        assert_eq!(at(95.0, 100.0), "95 %, bằng mức tối thiểu 95 % của tỉnh");
        assert!(at(1599.0, 189.0).starts_with("846,03 % (số liệu không khớp: 3.3.2 (1.599)"));
        let at_most = Target {
            op: Comparison::AtMost,
            limit: 5.0,
            ..on_time()
        };
        let values: FxHashMap<&str, f64> = [("3.3.1", 100.0), ("3.3.2", 8.0)].into_iter().collect();
        assert_eq!(
            at_most.in_sentence(at_most.result(&|c| values.get(c).copied())),
            "8 %, vượt mức tối đa 5 % của tỉnh"
        );
    }

    #[test]
    fn a_rate_whose_figures_disagree_is_never_met() {
        // Seed 001: 1.599 procedures with online payment of 189 in force.
        let mut t = on_time();
        t.figure.formula = Formula::Rate {
            numerator: vec!["3.4.3".into()],
            denominator: vec!["3.1.3".into()],
        };
        t.limit = 30.0;
        t.at = "3.4.3".into();
        let values: FxHashMap<&str, f64> =
            [("3.4.3", 1599.0), ("3.1.3", 189.0)].into_iter().collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(result.state, Some(TargetState::Mismatch));
        assert_eq!(
            result.met(),
            Some(false),
            "846 % is above 30 %, and still not met"
        );
        assert_eq!(
            t.text(result),
            "846,03 % (chỉ tiêu ≥ 30 %) — số liệu không khớp: 3.4.3 (1.599) lớn hơn 3.1.3 (189)"
        );
        assert_eq!(t.issue(result), None, "a rule names the slip once");
        // A share of nothing: no rate at all, and still the figures disagree.
        let values: FxHashMap<&str, f64> = [("3.4.3", 5.0), ("3.1.3", 0.0)].into_iter().collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(
            (result.value, result.state),
            (None, Some(TargetState::Mismatch))
        );
        assert_eq!(
            t.text(result),
            "(chỉ tiêu ≥ 30 %) — số liệu không khớp: 3.4.3 (5) lớn hơn 3.1.3 (0)"
        );
        // A ceiling is not met by figures that disagree either, and a grid
        // total is named by its column.
        t.op = Comparison::AtMost;
        t.limit = 5.0;
        t.figure.formula = Formula::Rate {
            numerator: vec!["pl5/total/c9".into()],
            denominator: vec!["pl5/total/c6".into()],
        };
        let values: FxHashMap<&str, f64> = [("pl5/total/c9", 30.0), ("pl5/total/c6", 20.0)]
            .into_iter()
            .collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(result.state, Some(TargetState::Mismatch));
        assert_eq!(
            t.text(result),
            "150 % (chỉ tiêu ≤ 5 %) — số liệu không khớp: (9) (30) lớn hơn (6) (20)"
        );
    }

    #[test]
    fn the_loader_refuses_a_target_it_cannot_check() {
        use crate::core::template::Template;
        let (_, text) = crate::core::catalog::BUILTIN_TEMPLATE_FILES
            .iter()
            .find(|(n, _)| *n == "xa-01b.json")
            .unwrap();
        let template = Template::from_json(text).unwrap();
        assert_eq!(
            template
                .targets
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>(),
            ["dung-hen", "thanh-toan-truc-tuyen"]
        );
        let with = |target: &str| {
            let mut file: serde_json::Value = serde_json::from_str(text).unwrap();
            file["targets"] = serde_json::from_str(&format!("[{target}]")).unwrap();
            Template::from_json(&file.to_string())
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        let fine = r#"{"id":"a","label":"A","sum":["3.3.1"],"op":"<=","limit":5,"met":"đạt","not_met":"chưa đạt"}"#;
        assert_eq!(with(fine), Ok(()));
        let cases = [
            (fine.replace("3.3.1", "9.9.9"), "9.9.9"),
            (fine.replace("<=", "<"), "phép so sánh \"<\" không hợp lệ"),
            (
                fine.replace(
                    r#""sum":["3.3.1"]"#,
                    r#""rate":{"numerator":["3.3.2"],"denominator":[]}"#,
                ),
                "có đúng một con số",
            ),
            (
                fine.replace(r#""limit":5"#, r#""limit":5,"severity":"fatal""#),
                "mức \"fatal\"",
            ),
            (
                fine.replace(r#""limit":5"#, r#""limit":5,"at":"9.9""#),
                "gắn vào \"9.9\"",
            ),
            (
                fine.replace(r#""limit":5"#, r#""limit":5,"extra":1"#),
                "extra",
            ),
        ];
        for (target, words) in cases {
            let e = with(&target).unwrap_err();
            assert!(e.contains(words), "{e}");
        }
    }

    #[test]
    fn a_share_without_a_rule_gets_one_and_the_wording_has_defaults() {
        use crate::core::template::Template;
        let (_, text) = crate::core::catalog::BUILTIN_TEMPLATE_FILES
            .iter()
            .find(|(n, _)| *n == "xa-01b.json")
            .unwrap();
        let with = |target: &str| {
            let mut file: serde_json::Value = serde_json::from_str(text).unwrap();
            file["targets"] = serde_json::from_str(&format!("[{target}]")).unwrap();
            Template::from_json(&file.to_string())
        };
        // 3.2.2 over 3.2.1: no rule of xa-01b says 3.2.2 ≤ 3.2.1 alone.
        let share = r#"{"id":"a","label":"Tỷ lệ A","rate":{"numerator":["3.2.2"],"denominator":["3.2.1"]},"op":">=","limit":30}"#;
        let t = with(share).unwrap();
        assert_eq!(
            (t.targets[0].met.as_str(), t.targets[0].not_met.as_str()),
            ("đạt", "chưa đạt")
        );
        let mut r = crate::core::report::Report::new(&t);
        r.set_value("3.2.1", "10");
        r.set_value("3.2.2", "12");
        let e = r.evaluate(&t);
        let messages: Vec<&str> = e.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            messages,
            ["3.2.2 (12) lớn hơn 3.2.1 (10): «Tỷ lệ A» là tỷ lệ, không thể quá 100 %"]
        );
        assert_eq!(e.targets[0].state, Some(TargetState::Mismatch));
        // Where the template has the rule already (3.3.2 ≤ 3.3.1), none is added.
        let on_time = r#"{"id":"b","label":"B","rate":{"numerator":["3.3.2"],"denominator":["3.3.1"]},"op":">=","limit":95}"#;
        let t = with(on_time).unwrap();
        assert!(!t.rules.iter().any(|r| r.id.starts_with("muc-tieu-ty-le")));
        let blank = with(&on_time.replace(r#""limit":95"#, r#""limit":95,"met":" ""#)).unwrap_err();
        assert_eq!(
            blank.0,
            "Mục tiêu \"b\": \"met\" trống; bỏ trường này để dùng «đạt»"
        );
    }
}
