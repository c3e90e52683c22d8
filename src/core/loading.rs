//! What the template loader shares between its parts: the error every
//! refusal gives, and the value kinds a table column and an indicator row
//! have in common.

use std::fmt;

use rustc_hash::FxHashSet;

use super::value::{ChoiceOption, ValueKind};

/// Why a template file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

pub(crate) fn fail<T>(message: impl Into<String>) -> Result<T, TemplateError> {
    Err(TemplateError(message.into()))
}

/// The value kinds a table column and an indicator row share, by their
/// name in a template file, with their options checked. `Ok(None)` for any
/// other name; `who` begins each message ("Chỉ tiêu \"3.3.1\"").
pub(crate) fn shared_value_kind(
    name: &str,
    decimals: Option<u8>,
    options: &[ChoiceOption],
    who: &str,
) -> Result<Option<ValueKind>, TemplateError> {
    let decimals = decimals.unwrap_or(2);
    if decimals > 6 {
        return fail(format!("{who}: số chữ số thập phân tối đa là 6"));
    }
    let kind = match name {
        "count" => ValueKind::Count,
        "decimal" => ValueKind::Decimal { decimals },
        "percentage" => ValueKind::Percentage { decimals },
        "text" => ValueKind::Text,
        "choice" => {
            if options.is_empty() {
                return fail(format!(
                    "{who} là lựa chọn nhưng không có phương án nào (\"options\")"
                ));
            }
            let mut seen = FxHashSet::default();
            for option in options {
                if !seen.insert(option.code) {
                    return fail(format!(
                        "{who}: mã lựa chọn {} xuất hiện hai lần",
                        option.code
                    ));
                }
                if option.label.trim().is_empty() {
                    return fail(format!("{who}: lựa chọn {} chưa có tên", option.code));
                }
            }
            ValueKind::Choice {
                options: options.to_vec(),
            }
        }
        _ => return Ok(None),
    };
    if !options.is_empty() && !matches!(kind, ValueKind::Choice { .. }) {
        return fail(format!("{who} có \"options\" nhưng không phải kiểu choice"));
    }
    Ok(Some(kind))
}
