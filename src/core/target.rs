//! The province's targets, as template data: a figure (a row's value, a sum
//! or a rate of rows), a comparison with a constant, and the words for met
//! and not met. Not met is a message of the target's severity beside its
//! row; the summary lists every target as đạt / chưa đạt with its figure.

use super::issue::{Comparison, Issue, Severity};
use super::number::format_vn;
use super::rules::Computed;

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

/// A target's figure now, and whether it is met (`None` while the figure
/// cannot be worked out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetResult {
    pub value: Option<f64>,
    pub met: Option<bool>,
}

impl Target {
    pub fn codes(&self) -> Vec<&String> {
        self.figure.codes()
    }

    pub fn result(&self, value_of: &dyn Fn(&str) -> Option<f64>) -> TargetResult {
        let value = self.figure.value(value_of);
        TargetResult { value, met: value.map(|v| self.op.holds(v, self.limit)) }
    }

    fn figure_text(&self, value: f64) -> String {
        let unit = if self.figure.unit == "%" { " %".to_string() } else { String::new() };
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

    /// The line of the summary: "96,5 % — đạt …", or why there is none yet.
    pub fn text(&self, result: TargetResult) -> String {
        match (result.value, result.met) {
            (Some(value), Some(true)) => format!("{} — {}", self.figure_text(value), self.met),
            (Some(value), _) => format!("{} — {}", self.figure_text(value), self.not_met),
            (None, _) => "chưa đủ số liệu để tính".to_string(),
        }
    }

    /// The message beside the target's row when it is not met.
    pub fn issue(&self, result: TargetResult) -> Option<Issue> {
        let value = result.value.filter(|_| result.met == Some(false))?;
        Some(Issue {
            code: self.at.clone(),
            severity: self.severity,
            message: format!("{}: {} — {} (chỉ tiêu {})", self.label, self.figure_text(value), self.not_met, self.goal()),
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
                formula: Formula::Rate { numerator: vec!["3.3.2".into()], denominator: vec!["3.3.1".into()] },
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
        let values: FxHashMap<&str, f64> = [("3.3.1", 1603.0), ("3.3.2", 1588.0)].into_iter().collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(result.met, Some(true));
        assert_eq!(t.text(result), "99,06 % — đạt");
        assert_eq!(t.issue(result), None);
        let values: FxHashMap<&str, f64> = [("3.3.1", 1000.0), ("3.3.2", 900.0)].into_iter().collect();
        let result = t.result(&|c| values.get(c).copied());
        assert_eq!(result.met, Some(false));
        let issue = t.issue(result).unwrap();
        assert_eq!((issue.code.as_str(), issue.severity), ("3.3.2", Severity::Warning));
        assert_eq!(issue.message, "Tỷ lệ hồ sơ giải quyết đúng hẹn: 90 % — chưa đạt (chỉ tiêu ≥ 95 %)");
        let waiting = t.result(&|_| None);
        assert_eq!((waiting.met, t.text(waiting)), (None, "chưa đủ số liệu để tính".to_string()));
    }

    #[test]
    fn the_loader_refuses_a_target_it_cannot_check() {
        use crate::core::template::Template;
        let (_, text) = crate::core::catalog::BUILTIN_TEMPLATE_FILES.iter().find(|(n, _)| *n == "xa-01b.json").unwrap();
        let template = Template::from_json(text).unwrap();
        assert_eq!(template.targets.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["dung-hen", "thanh-toan-truc-tuyen"]);
        let with = |target: &str| {
            let mut file: serde_json::Value = serde_json::from_str(text).unwrap();
            file["targets"] = serde_json::from_str(&format!("[{target}]")).unwrap();
            Template::from_json(&file.to_string()).map(|_| ()).map_err(|e| e.to_string())
        };
        let fine = r#"{"id":"a","label":"A","sum":["3.3.1"],"op":"<=","limit":5,"met":"đạt","not_met":"chưa đạt"}"#;
        assert_eq!(with(fine), Ok(()));
        let cases = [
            (fine.replace("3.3.1", "9.9.9"), "9.9.9"),
            (fine.replace("<=", "<"), "phép so sánh \"<\" không hợp lệ"),
            (fine.replace(r#""sum":["3.3.1"]"#, r#""rate":{"numerator":["3.3.2"],"denominator":[]}"#), "có đúng một con số"),
            (fine.replace(r#""limit":5"#, r#""limit":5,"severity":"fatal""#), "mức \"fatal\""),
            (fine.replace(r#""limit":5"#, r#""limit":5,"at":"9.9""#), "gắn vào \"9.9\""),
            (fine.replace(r#""limit":5"#, r#""limit":5,"extra":1"#), "extra"),
        ];
        for (target, words) in cases {
            let e = with(&target).unwrap_err();
            assert!(e.contains(words), "{e}");
        }
    }
}
