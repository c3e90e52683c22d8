//! Loading a template's `targets`, checked as strictly as its rules.

use crate::core::json_read::json_struct;

use super::format::RateFile;
use crate::core::issue::{Comparison, Severity};
use crate::core::loading::{fail, TemplateError};
use crate::core::rules::{Computed, Formula};
use crate::core::target::Target;
use crate::core::template::Template;

json_struct! { strict;
    pub(super) struct TargetFile {
        id: String,
        label: String,
        sum: Vec<String> = default,
        rate: Option<RateFile> = default,
        op: String,
        limit: f64,
        unit: String = default,
        decimals: Option<u8> = default,
        severity: Option<String> = default,
        met: String,
        not_met: String,
        at: Option<String> = default,
    }
}

impl Template {
    pub(super) fn add_targets(&mut self, targets: Vec<TargetFile>) -> Result<(), TemplateError> {
        for t in targets {
            let name = format!("Mục tiêu \"{}\"", t.id);
            if t.id.trim().is_empty() || self.targets.iter().any(|o| o.id == t.id) {
                return fail(format!("{name}: mã mục tiêu trống hoặc trùng"));
            }
            let formula = match (t.sum.is_empty(), t.rate) {
                (false, None) => Formula::Sum(t.sum),
                (true, Some(rate)) if !rate.numerator.is_empty() && !rate.denominator.is_empty() => {
                    Formula::Rate { numerator: rate.numerator, denominator: rate.denominator }
                }
                _ => return fail(format!("{name} phải có đúng một con số: \"sum\" hoặc \"rate\" (có tử số và mẫu số)")),
            };
            // A row's value, or a grid column's total (`pl5/total/c9`).
            for code in formula.codes() {
                if self.grid_total(code).is_none() {
                    self.require_quantity(code, &name)?;
                }
            }
            let Some(op) = Comparison::from_symbol(&t.op) else {
                return fail(format!("{name}: phép so sánh \"{}\" không hợp lệ; dùng =, <= hoặc >=", t.op));
            };
            if !t.limit.is_finite() {
                return fail(format!("{name}: \"limit\" phải là một số"));
            }
            let severity = match t.severity.as_deref() {
                None | Some("warning") => Severity::Warning,
                Some("error") => Severity::Error,
                Some(other) => return fail(format!("{name}: mức \"{other}\" không hợp lệ; dùng error hoặc warning")),
            };
            let at = t.at.unwrap_or_else(|| formula.codes()[0].clone());
            if !self.index.contains_key(&at) && self.grid_total(&at).is_none() {
                return fail(format!("{name} gắn vào \"{at}\", nhưng không có chỉ tiêu \"{at}\""));
            }
            let decimals = t.decimals.unwrap_or(match formula {
                Formula::Rate { .. } => 2,
                Formula::Sum(ref codes) => self.decimals_of(codes),
            });
            let unit = if t.unit.is_empty() && matches!(formula, Formula::Rate { .. }) { "%".to_string() } else { t.unit };
            let figure = Computed { code: format!("muc-tieu:{}", t.id), label: t.label.clone(), unit, formula, decimals };
            self.targets.push(Target { id: t.id, label: t.label, figure, op, limit: t.limit, severity, met: t.met, not_met: t.not_met, at });
        }
        Ok(())
    }
}
