//! Rules between indicators, and the messages they give.
//!
//! A rule compares the sum of some indicators with the sum of others.
//! It waits while a value it needs is empty, so a half-filled form is not
//! flooded with warnings. Checking is a pure function of the values; it
//! never panics, whatever the values.

use super::issue::{Comparison, Issue, Severity};
use super::number::format_vn;

/// How a computed value is worked out.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    Sum(Vec<String>),
    /// numerator / denominator, in percent.
    Rate {
        numerator: Vec<String>,
        denominator: Vec<String>,
    },
}

impl Formula {
    /// The one rule for working a value out, wherever it is shown (the
    /// annex, a narrative's `{a/b}`, a roll-up's summary):
    /// - a sum counts what is filled so far, and is `None` while nothing is;
    /// - a rate waits for every code of its numerator and denominator, and
    ///   is `None` when the denominator is zero. A missing figure is never
    ///   taken as 0: "0 %" would read as a real result.
    pub fn value(&self, value_of: &dyn Fn(&str) -> Option<f64>) -> Option<f64> {
        match self {
            Formula::Sum(codes) => {
                let (total, filled) = sum(codes, value_of, MissingPolicy::TreatAsZero)?;
                (filled > 0).then_some(total)
            }
            Formula::Rate {
                numerator,
                denominator,
            } => {
                let (num, _) = sum(numerator, value_of, MissingPolicy::Wait)?;
                let (den, _) = sum(denominator, value_of, MissingPolicy::Wait)?;
                (den != 0.0).then(|| num / den * 100.0)
            }
        }
    }

    /// The codes the formula reads.
    pub fn codes(&self) -> Vec<&String> {
        match self {
            Formula::Sum(codes) => codes.iter().collect(),
            Formula::Rate {
                numerator,
                denominator,
            } => numerator.iter().chain(denominator).collect(),
        }
    }
}

/// A value the app works out and shows read-only.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub code: String,
    pub label: String,
    pub unit: String,
    pub formula: Formula,
    pub decimals: u8,
}

/// The message a rule gives when its template names none.
pub(crate) fn default_message(op: Comparison) -> String {
    let (verb, gap) = op.failure_words();
    format!("{{left_codes}} ({{left}}) {verb} {{right_codes}} ({{right}}), {gap} {{diff}}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingPolicy {
    /// The rule waits until every value it names is filled.
    Wait,
    /// Empty values count as zero, once at least one is filled.
    TreatAsZero,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub left: Vec<String>,
    pub op: Comparison,
    pub right: Vec<String>,
    pub right_constant: f64,
    /// The row the message is shown beside.
    pub at: String,
    pub severity: Severity,
    /// With `{at}`, `{left}`, `{right}`, `{diff}`, `{left_codes}`, `{right_codes}`.
    pub message: String,
    pub when_missing: MissingPolicy,
    /// Decimals for the figures in the message.
    pub decimals: u8,
}

/// Sums the values of `codes`; `None` when the policy says to wait.
fn sum(
    codes: &[String],
    value_of: &dyn Fn(&str) -> Option<f64>,
    policy: MissingPolicy,
) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut filled = 0;
    for code in codes {
        match value_of(code) {
            Some(v) => {
                total += v;
                filled += 1;
            }
            None if policy == MissingPolicy::Wait => return None,
            None => {}
        }
    }
    Some((total, filled))
}

impl Rule {
    /// Every code the rule reads.
    pub fn codes(&self) -> impl Iterator<Item = &String> {
        self.left.iter().chain(&self.right)
    }

    /// Checks the rule: `None` while it waits or when it holds.
    pub fn check(&self, value_of: &dyn Fn(&str) -> Option<f64>) -> Option<Issue> {
        let (left, left_filled) = sum(&self.left, value_of, self.when_missing)?;
        let (right, right_filled) = sum(&self.right, value_of, self.when_missing)?;
        if left_filled == 0 || (right_filled == 0 && !self.right.is_empty()) {
            return None;
        }
        let right = right + self.right_constant;
        if self.op.holds(left, right) {
            return None;
        }
        Some(Issue {
            code: self.at.clone(),
            severity: self.severity,
            message: self.render(left, right),
        })
    }

    fn render(&self, left: f64, right: f64) -> String {
        let figure = |v: f64| format_vn(v, self.decimals);
        let mut right_codes = self.right.join(" + ");
        if self.right_constant != 0.0 || self.right.is_empty() {
            if !right_codes.is_empty() {
                right_codes.push_str(" + ");
            }
            right_codes.push_str(&figure(self.right_constant));
        }
        self.message
            .replace("{at}", &self.at)
            .replace("{left_codes}", &self.left.join(" + "))
            .replace("{right_codes}", &right_codes)
            .replace("{left}", &figure(left))
            .replace("{right}", &figure(right))
            .replace("{diff}", &figure((left - right).abs()))
    }
}

impl Computed {
    /// Every code the value reads.
    pub fn codes(&self) -> Vec<&String> {
        self.formula.codes()
    }

    /// The value, or `None` while nothing it needs is filled (or a rate's
    /// denominator is zero). A sum counts what is filled so far.
    pub fn value(&self, value_of: &dyn Fn(&str) -> Option<f64>) -> Option<f64> {
        self.formula.value(value_of)
    }

    /// The value as the clerk reads it: `1.597`, `99,06`, or `—`.
    pub fn display(&self, value: Option<f64>) -> String {
        value.map_or_else(|| "—".to_string(), |v| format_vn(v, self.decimals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    fn rule(left: &[&str], op: Comparison, right: &[&str], message: &str) -> Rule {
        Rule {
            id: "r".into(),
            left: left.iter().map(|s| s.to_string()).collect(),
            op,
            right: right.iter().map(|s| s.to_string()).collect(),
            right_constant: 0.0,
            at: left[0].into(),
            severity: Severity::Warning,
            message: message.into(),
            when_missing: MissingPolicy::Wait,
            decimals: 0,
        }
    }

    fn values(pairs: &[(&str, f64)]) -> impl Fn(&str) -> Option<f64> {
        let map: FxHashMap<String, f64> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        move |code: &str| map.get(code).copied()
    }

    #[test]
    fn partition_message_names_rows_and_figures() {
        let mut r = rule(
            &["a", "b", "c", "d"],
            Comparison::Equal,
            &["3.3.1"],
            "{at}: các dòng \"Trong đó\" cộng lại {left}, khác tổng {right} (lệch {diff})",
        );
        r.at = "3.3.1".into();
        let v = values(&[
            ("a", 581.0),
            ("b", 2.0),
            ("c", 525.0),
            ("d", 489.0),
            ("3.3.1", 1603.0),
        ]);
        let issue = r.check(&v).unwrap();
        assert_eq!(
            issue.message,
            "3.3.1: các dòng \"Trong đó\" cộng lại 1.597, khác tổng 1.603 (lệch 6)"
        );
        assert_eq!(issue.code, "3.3.1");
    }

    #[test]
    fn waits_for_missing_values() {
        let r = rule(&["1.3.2", "1.3.3"], Comparison::AtMost, &["1.3.1"], "x");
        assert_eq!(r.check(&values(&[("1.3.2", 20.0), ("1.3.1", 12.0)])), None);
        assert!(r
            .check(&values(&[("1.3.2", 20.0), ("1.3.3", 0.0), ("1.3.1", 12.0)]))
            .is_some());
        let mut zero = r.clone();
        zero.when_missing = MissingPolicy::TreatAsZero;
        assert!(zero
            .check(&values(&[("1.3.2", 20.0), ("1.3.1", 12.0)]))
            .is_some());
        assert_eq!(zero.check(&values(&[("1.3.1", 12.0)])), None);
    }

    #[test]
    fn comparisons() {
        let at_most = rule(
            &["a"],
            Comparison::AtMost,
            &["b"],
            "{left_codes} ({left}) > {right_codes} ({right}), vượt {diff}",
        );
        assert_eq!(at_most.check(&values(&[("a", 5.0), ("b", 5.0)])), None);
        assert_eq!(
            at_most
                .check(&values(&[("a", 1599.0), ("b", 189.0)]))
                .unwrap()
                .message,
            "a (1.599) > b (189), vượt 1.410"
        );
        let at_least = rule(&["a"], Comparison::AtLeast, &["b"], "x");
        assert!(at_least.check(&values(&[("a", 4.0), ("b", 5.0)])).is_some());
        assert_eq!(at_least.check(&values(&[("a", 6.0), ("b", 5.0)])), None);
    }

    #[test]
    fn decimals_compare_with_tolerance() {
        let mut r = rule(
            &["a", "b"],
            Comparison::AtMost,
            &[],
            "{left} > {right_codes}",
        );
        r.right_constant = 100.0;
        r.decimals = 2;
        assert_eq!(r.check(&values(&[("a", 33.33), ("b", 66.67)])), None);
        assert_eq!(
            r.check(&values(&[("a", 33.34), ("b", 66.67)]))
                .unwrap()
                .message,
            "100,01 > 100"
        );
    }

    #[test]
    fn computed_values() {
        let rate = Computed {
            code: "r".into(),
            label: String::new(),
            unit: "%".into(),
            decimals: 2,
            formula: Formula::Rate {
                numerator: vec!["n".into()],
                denominator: vec!["d".into()],
            },
        };
        let v = values(&[("n", 1588.0), ("d", 1603.0)]);
        assert_eq!(rate.display(rate.value(&v)), "99,06");
        assert_eq!(rate.value(&values(&[("n", 1.0), ("d", 0.0)])), None);
        assert_eq!(rate.display(None), "—");
        let total = Computed {
            code: "s".into(),
            label: String::new(),
            unit: String::new(),
            decimals: 0,
            formula: Formula::Sum(vec!["a".into(), "b".into()]),
        };
        assert_eq!(total.display(total.value(&values(&[("a", 581.0)]))), "581");
        assert_eq!(total.value(&values(&[])), None);
    }

    /// The one rule for a rate, wherever it is shown: the annex's computed
    /// value, a narrative's `{a/b}` and a roll-up's summary all call
    /// `Formula::value`. A figure not there yet is never 0: "0 %" or a sum
    /// of what happens to be typed would read as a real result.
    #[test]
    fn a_rate_waits_for_every_figure_and_never_divides_by_zero() {
        let rate = Formula::Rate {
            numerator: vec!["a".into(), "b".into()],
            denominator: vec!["d".into()],
        };
        let all = values(&[("a", 1.0), ("b", 2.0), ("d", 4.0)]);
        assert_eq!(rate.value(&all), Some(75.0));
        // One part of the numerator missing: no rate, not 25 %.
        assert_eq!(rate.value(&values(&[("a", 1.0), ("d", 4.0)])), None);
        // The denominator missing or zero: no rate, not 0 % nor infinity.
        assert_eq!(rate.value(&values(&[("a", 1.0), ("b", 2.0)])), None);
        let zero = values(&[("a", 1.0), ("b", 2.0), ("d", 0.0)]);
        assert_eq!(rate.value(&zero), None);
        // A sum counts what is there, once something is.
        let sum = Formula::Sum(vec!["a".into(), "b".into()]);
        assert_eq!(sum.value(&values(&[("a", 1.0)])), Some(1.0));
        assert_eq!(sum.value(&values(&[])), None);
    }
}
