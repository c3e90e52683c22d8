//! Loading a template's `targets`, checked as strictly as its rules.

use super::format::TargetFile;
use crate::core::issue::{Comparison, Severity};
use crate::core::loading::{fail, TemplateError};
use crate::core::rules::{Computed, Formula, MissingPolicy, Rule};
use crate::core::target::Target;
use crate::core::template::Template;

impl Template {
    pub(super) fn add_targets(&mut self, targets: Vec<TargetFile>) -> Result<(), TemplateError> {
        for t in targets {
            let name = format!("Mục tiêu \"{}\"", t.id);
            if t.id.trim().is_empty() || self.targets.iter().any(|o| o.id == t.id) {
                return fail(format!("{name}: mã mục tiêu trống hoặc trùng"));
            }
            let formula = match (t.sum.is_empty(), t.rate) {
                (false, None) => Formula::Sum(t.sum),
                (true, Some(rate))
                    if !rate.numerator.is_empty() && !rate.denominator.is_empty() =>
                {
                    Formula::Rate {
                        numerator: rate.numerator,
                        denominator: rate.denominator,
                    }
                }
                _ => {
                    return fail(format!(
                    "{name} phải có đúng một con số: \"sum\" hoặc \"rate\" (có tử số và mẫu số)"
                ))
                }
            };
            // A row's value, or a grid column's total (`pl5/total/c9`).
            for code in formula.codes() {
                if self.grid_total(code).is_none() {
                    self.require_quantity(code, &name)?;
                }
            }
            let Some(op) = Comparison::from_symbol(&t.op) else {
                return fail(format!(
                    "{name}: phép so sánh \"{}\" không hợp lệ; dùng =, <= hoặc >=",
                    t.op
                ));
            };
            if !t.limit.is_finite() {
                return fail(format!("{name}: \"limit\" phải là một số"));
            }
            let severity = match t.severity.as_deref() {
                None | Some("warning") => Severity::Warning,
                Some("error") => Severity::Error,
                Some(other) => {
                    return fail(format!(
                        "{name}: mức \"{other}\" không hợp lệ; dùng error hoặc warning"
                    ))
                }
            };
            let at = t.at.unwrap_or_else(|| formula.codes()[0].clone());
            if !self.index.contains_key(&at) && self.grid_total(&at).is_none() {
                return fail(format!(
                    "{name} gắn vào \"{at}\", nhưng không có chỉ tiêu \"{at}\""
                ));
            }
            let decimals = t.decimals.unwrap_or(match formula {
                Formula::Rate { .. } => 2,
                Formula::Sum(ref codes) => self.decimals_of(codes),
            });
            let unit = if t.unit.is_empty() && matches!(formula, Formula::Rate { .. }) {
                "%".to_string()
            } else {
                t.unit
            };
            let words = |given: Option<String>, default: &str, field: &str| match given
                .map(|w| w.trim().to_string())
            {
                None => Ok(default.to_string()),
                Some(w) if w.is_empty() => fail(format!(
                    "{name}: \"{field}\" trống; bỏ trường này để dùng «{default}»"
                )),
                Some(w) => Ok(w),
            };
            let (met, not_met) = (
                words(t.met, "đạt", "met")?,
                words(t.not_met, "chưa đạt", "not_met")?,
            );
            if t.label.trim().is_empty() {
                return fail(format!("{name}: \"label\" trống"));
            }
            if let Formula::Rate {
                numerator,
                denominator,
            } = &formula
            {
                self.add_share_rule(&t.id, &t.label, numerator, denominator, &at);
            }
            let figure = Computed {
                code: format!("muc-tieu:{}", t.id),
                label: t.label.clone(),
                unit,
                formula,
                decimals,
            };
            self.targets.push(Target {
                id: t.id,
                label: t.label,
                figure,
                op,
                limit: t.limit,
                severity,
                met,
                not_met,
                at,
            });
        }
        Ok(())
    }

    /// A rate target is a share: its numerator is at most its denominator.
    /// Unless a rule of the template already says so, the loader adds that
    /// rule, so figures that disagree are named once, beside the row, while
    /// the target itself shows «số liệu không khớp». Grid totals are left
    /// to the grid's identities, row by row.
    fn add_share_rule(
        &mut self,
        id: &str,
        label: &str,
        numerator: &[String],
        denominator: &[String],
        at: &str,
    ) {
        if numerator
            .iter()
            .chain(denominator)
            .any(|c| self.indicator(c).is_none())
            || self.indicator(at).is_none()
        {
            return;
        }
        let same =
            |a: &[String], b: &[String]| a.len() == b.len() && a.iter().all(|c| b.contains(c));
        // Said either way round: numerator ≤ denominator, or denominator ≥ numerator.
        let said = self.rules.iter().any(|r| {
            let (small, large) = match r.op {
                Comparison::AtMost | Comparison::Equal => (&r.left, &r.right),
                Comparison::AtLeast => (&r.right, &r.left),
            };
            r.right_constant == 0.0 && same(small, numerator) && same(large, denominator)
        });
        if said {
            return;
        }
        let all: Vec<String> = numerator.iter().chain(denominator).cloned().collect();
        self.rules.push(Rule {
            id: format!("muc-tieu-ty-le:{id}"),
            left: numerator.to_vec(),
            op: Comparison::AtMost,
            right: denominator.to_vec(),
            right_constant: 0.0,
            at: at.to_string(),
            severity: Severity::Warning,
            message: format!("{{left_codes}} ({{left}}) lớn hơn {{right_codes}} ({{right}}): «{label}» là tỷ lệ, không thể quá 100 %"),
            when_missing: MissingPolicy::Wait,
            decimals: self.decimals_of(&all),
        });
    }
}
