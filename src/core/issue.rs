//! Messages about a report, and the comparisons that raise them.
//!
//! The lowest layer above numbers: an [`Issue`] is a message attached to a
//! row or cell, with its [`Severity`]. A [`Comparison`] is the one check
//! behind both indicator rules and grid identities: its tolerance, whether
//! it holds, and the words that say how it fails.

/// An error is impossible input; a warning is an inconsistency the clerk may
/// explain in the note, as published figures often are out of balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Lỗi",
            Severity::Warning => "Cảnh báo",
        }
    }
}

/// One message about the report, attached to the row or cell `code`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    pub code: String,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Equal,
    AtMost,
    AtLeast,
}

/// Tolerance for comparing decimals that went through binary floating point.
fn tolerance(a: f64, b: f64) -> f64 {
    1e-9 * a.abs().max(b.abs()).max(1.0)
}

impl Comparison {
    /// The comparison by its name in a template file.
    pub fn from_symbol(op: &str) -> Option<Comparison> {
        match op {
            "=" | "==" => Some(Comparison::Equal),
            "<=" | "≤" => Some(Comparison::AtMost),
            ">=" | "≥" => Some(Comparison::AtLeast),
            _ => None,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Equal => "=",
            Comparison::AtMost => "≤",
            Comparison::AtLeast => "≥",
        }
    }

    /// Whether `left op right` holds, within the tolerance of decimals.
    pub fn holds(self, left: f64, right: f64) -> bool {
        let eps = tolerance(left, right);
        match self {
            Comparison::Equal => (left - right).abs() <= eps,
            Comparison::AtMost => left <= right + eps,
            Comparison::AtLeast => left + eps >= right,
        }
    }

    /// How a failure reads: the verb between the two sides ("khác") and
    /// the word before the gap ("lệch").
    pub fn failure_words(self) -> (&'static str, &'static str) {
        match self {
            Comparison::Equal => ("khác", "lệch"),
            Comparison::AtMost => ("lớn hơn", "vượt"),
            Comparison::AtLeast => ("nhỏ hơn", "thiếu"),
        }
    }
}

/// The sum of the values present, or `None` when none is.
pub fn sum_present(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |sum, v| Some(sum.unwrap_or(0.0) + v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_hold_within_decimal_tolerance() {
        assert!(Comparison::Equal.holds(0.1 + 0.2, 0.3));
        assert!(!Comparison::Equal.holds(1603.0, 1602.0));
        assert!(Comparison::AtMost.holds(3.0, 3.0));
        assert!(!Comparison::AtMost.holds(4.0, 3.0));
        assert!(Comparison::AtLeast.holds(4.0, 3.0));
        assert!(!Comparison::AtLeast.holds(2.0, 3.0));
    }

    #[test]
    fn sums_only_what_is_present() {
        assert_eq!(sum_present([None, None]), None);
        assert_eq!(sum_present([Some(0.0), None]), Some(0.0));
        assert_eq!(sum_present([Some(2.0), None, Some(3.5)]), Some(5.5));
    }
}
