//! The computed values and rules of a template file, checked against its
//! indicators.

use rustc_hash::FxHashSet;

use super::format::{ComputedFile, RuleFile};
use crate::core::issue::{Comparison, Severity};
use crate::core::loading::{fail, TemplateError};
use crate::core::rules::{default_message, Computed, Formula, MissingPolicy, Rule};
use crate::core::template::{Line, Template};

impl Template {
    pub(super) fn add_computed(
        &mut self,
        computed: Vec<ComputedFile>,
    ) -> Result<(), TemplateError> {
        let mut seen = FxHashSet::default();
        for c in computed {
            let code = c.code.trim().to_string();
            if !super::code_ok(&code) {
                return fail(format!(
                    "Giá trị tính \"{}\" có mã không hợp lệ: {}",
                    c.label,
                    super::CODE_RULE
                ));
            }
            if self.index.contains_key(&code) || !seen.insert(code.clone()) {
                return fail(format!("Mã giá trị tính \"{code}\" trùng với một mã đã có"));
            }
            let formula = match (c.sum.is_empty(), c.rate) {
                (false, None) => Formula::Sum(c.sum),
                (true, Some(rate)) => Formula::Rate {
                    numerator: rate.numerator,
                    denominator: rate.denominator,
                },
                _ => {
                    return fail(format!(
                        "Giá trị tính \"{code}\" phải có đúng một công thức: \"sum\" hoặc \"rate\""
                    ))
                }
            };
            if let Formula::Rate {
                numerator,
                denominator,
            } = &formula
            {
                if numerator.is_empty() || denominator.is_empty() {
                    return fail(format!(
                        "Giá trị tính \"{code}\": tỷ lệ cần cả tử số và mẫu số"
                    ));
                }
            }
            let operands = formula.codes();
            for operand in operands {
                self.require_quantity(operand, &format!("Giá trị tính \"{code}\""))?;
            }
            let position = self.computed.len();
            let after = match &c.after {
                Some(after) => Some(self.index.get(after.as_str()).copied().ok_or_else(|| {
                    TemplateError(format!(
                        "Giá trị tính \"{code}\" đặt sau \"{after}\", nhưng không có chỉ tiêu \"{after}\""
                    ))
                })?),
                None => None,
            };
            let decimals = c.decimals.unwrap_or(match formula {
                Formula::Rate { .. } => 2,
                Formula::Sum(ref codes) => self.decimals_of(codes),
            });
            self.computed.push(Computed {
                code,
                label: c.label,
                unit: c.unit,
                formula,
                decimals,
            });
            self.place_computed(position, after);
        }
        Ok(())
    }

    /// A computed line goes after its anchor and after any computed lines
    /// already placed there, or at the end of the last section.
    pub(super) fn place_computed(&mut self, position: usize, after: Option<usize>) {
        let line = Line::Computed(position);
        for section in &mut self.sections {
            if let Some(anchor) = after {
                if let Some(mut at) = section
                    .lines
                    .iter()
                    .position(|l| *l == Line::Indicator(anchor))
                {
                    at += 1;
                    while matches!(section.lines.get(at), Some(Line::Computed(_))) {
                        at += 1;
                    }
                    section.lines.insert(at, line);
                    return;
                }
            }
        }
        if let Some(last) = self.sections.last_mut() {
            last.lines.push(line);
        }
    }

    pub(super) fn add_rules(&mut self, rules: Vec<RuleFile>) -> Result<(), TemplateError> {
        for (n, rule) in rules.into_iter().enumerate() {
            let number = n + 1;
            let name = match &rule.id {
                Some(id) => format!("Quy tắc \"{id}\""),
                None => format!("Quy tắc thứ {number}"),
            };
            if rule.left.is_empty() {
                return fail(format!("{name} không có vế trái (\"left\")"));
            }
            if rule.right.is_empty() && rule.right_constant.is_none() {
                return fail(format!(
                    "{name} không có vế phải (\"right\" hoặc \"right_constant\")"
                ));
            }
            for code in rule.left.iter().chain(&rule.right) {
                self.require_quantity(code, &name)?;
            }
            let Some(op) = Comparison::from_symbol(&rule.op) else {
                let other = &rule.op;
                return fail(format!(
                    "{name}: phép so sánh \"{other}\" không hợp lệ; dùng =, <= hoặc >="
                ));
            };
            let severity = match rule.severity.as_deref() {
                None | Some("warning") => Severity::Warning,
                Some("error") => Severity::Error,
                Some(other) => {
                    return fail(format!(
                        "{name}: mức \"{other}\" không hợp lệ; dùng error hoặc warning"
                    ))
                }
            };
            let when_missing = match rule.when_missing.as_deref() {
                None | Some("wait") => MissingPolicy::Wait,
                Some("zero") => MissingPolicy::TreatAsZero,
                Some(other) => {
                    return fail(format!(
                        "{name}: \"when_missing\" = \"{other}\" không hợp lệ; dùng wait hoặc zero"
                    ))
                }
            };
            let at = rule.at.clone().unwrap_or_else(|| rule.left[0].clone());
            if !self.index.contains_key(&at) {
                return fail(format!(
                    "{name} gắn vào \"{at}\", nhưng không có chỉ tiêu \"{at}\""
                ));
            }
            if let Some(constant) = rule.right_constant {
                if !constant.is_finite() {
                    return fail(format!("{name}: \"right_constant\" phải là một số"));
                }
            }
            let all: Vec<String> = rule.left.iter().chain(&rule.right).cloned().collect();
            self.rules.push(Rule {
                id: rule.id.unwrap_or_else(|| format!("quy-tac-{number}")),
                message: rule.message.unwrap_or_else(|| default_message(op)),
                decimals: self.decimals_of(&all),
                left: rule.left,
                op,
                right: rule.right,
                right_constant: rule.right_constant.unwrap_or(0.0),
                at,
                severity,
                when_missing,
            });
        }
        Ok(())
    }
}
