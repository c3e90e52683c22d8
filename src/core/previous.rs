//! Figures against the report before: the change shown beside a figure, and
//! the warning when it changed more than a row's threshold.
//!
//! Never an error: a figure may double for good reasons, and the clerk says
//! why in the note.

use super::json_read::json_struct;

use super::issue::{Issue, Severity};
use super::number::format_vn;
use super::vn_text::{lower, upper};

json_struct! { strict;
    /// When a change is worth a warning: by more than `ratio` of the previous
    /// figure, when that figure is at least `from`. A template row may set its
    /// own; `ratio: 0` turns the warning off for the row.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct ChangeThreshold {
        pub ratio: f64,
        pub from: f64,
    }
}

impl Default for ChangeThreshold {
    fn default() -> Self {
        ChangeThreshold {
            ratio: 0.5,
            from: 20.0,
        }
    }
}

/// The change from `before` to `now` as shown beside the figure: "+6,2 %",
/// "−50 %", "không đổi"; `None` when there was nothing to compare with.
pub fn change_text(now: f64, before: f64) -> Option<String> {
    if !now.is_finite() || !before.is_finite() || before == 0.0 {
        return None;
    }
    let percent = (now - before) / before.abs() * 100.0;
    let shown = format_vn(percent.abs(), 1);
    Some(match shown.as_str() {
        "0" => "không đổi".to_string(),
        _ if percent > 0.0 => format!("+{shown} %"),
        _ => format!("−{shown} %"),
    })
}

/// The warning on `code` when `now` differs from `before` by more than the
/// threshold, `against` naming the report compared with: «3.206 hồ sơ, gấp
/// 2,0 lần so với cùng kỳ 2023 (1.603) — ghi chú lý do nếu đúng».
pub fn change_issue(
    code: &str,
    unit: &str,
    now: f64,
    before: f64,
    threshold: ChangeThreshold,
    against: &str,
) -> Option<Issue> {
    // `before` below `from`, or not a number at all (NaN compares false): no warning.
    let big_enough = before >= threshold.from;
    if threshold.ratio <= 0.0 || !big_enough || before <= 0.0 || !now.is_finite() {
        return None;
    }
    let ratio = now / before;
    if (ratio - 1.0).abs() <= threshold.ratio {
        return None;
    }
    let unit = unit_words(unit);
    let figure = |n: f64| {
        if unit.is_empty() {
            format_vn(n, 2)
        } else {
            format!("{} {unit}", format_vn(n, 2))
        }
    };
    let how = if ratio >= 2.0 {
        // "gấp 2,0 lần": one decimal always, as reports write it.
        let times = format_vn(ratio, 1);
        format!(
            "gấp {times}{} lần",
            if times.contains(',') { "" } else { ",0" }
        )
    } else if ratio > 1.0 {
        format!("tăng {} %", format_vn((ratio - 1.0) * 100.0, 1))
    } else {
        format!("giảm {} %", format_vn((1.0 - ratio) * 100.0, 1))
    };
    Some(Issue {
        code: code.to_string(),
        severity: Severity::Warning,
        message: format!(
            "{}, {how} so với {against} ({}) — ghi chú lý do nếu đúng",
            figure(now),
            format_vn(before, 2)
        ),
    })
}

/// A row's unit as words after a figure: "Số lượng hồ sơ" → "hồ sơ",
/// "Văn bản" → "văn bản", "TTHC" stays; "%" and coded units give none.
fn unit_words(unit: &str) -> String {
    let unit = unit.trim();
    if unit.contains('\n') || unit.contains('=') || unit == "%" {
        return String::new();
    }
    let rest = ["Số lượng", "Số"].iter().find_map(|p| {
        unit.strip_prefix(p)
            .filter(|r| r.is_empty() || r.starts_with(' '))
    });
    let rest = rest.unwrap_or(unit).trim();
    // An acronym stays as it is. (No `char::to_lowercase`: its Unicode
    // tables cost the bundle; `vn_text` knows the Vietnamese letters.)
    if upper(rest) == rest {
        rest.to_string()
    } else {
        lower(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_after_a_figure() {
        assert_eq!(unit_words("Số lượng hồ sơ"), "hồ sơ");
        assert_eq!(unit_words("Số hồ sơ đã giải quyết"), "hồ sơ đã giải quyết");
        assert_eq!(unit_words("Văn bản"), "văn bản");
        assert_eq!(unit_words("TTHC"), "TTHC");
        assert_eq!(unit_words("Số lượng"), "");
        assert_eq!(unit_words("Có = 1\nKhông = 0"), "");
    }

    #[test]
    fn the_change_beside_a_figure() {
        assert_eq!(change_text(1703.0, 1603.0).as_deref(), Some("+6,2 %"));
        assert_eq!(change_text(801.5, 1603.0).as_deref(), Some("−50 %"));
        assert_eq!(change_text(1603.0, 1603.0).as_deref(), Some("không đổi"));
        assert_eq!(change_text(5.0, 0.0), None);
    }

    #[test]
    fn a_change_over_the_threshold_is_a_warning_with_both_figures() {
        let t = ChangeThreshold::default();
        let issue = change_issue("3.3.1", "Hồ sơ", 3206.0, 1603.0, t, "kỳ trước").expect("doubled");
        assert_eq!(issue.severity, Severity::Warning);
        assert_eq!(
            issue.message,
            "3.206 hồ sơ, gấp 2,0 lần so với kỳ trước (1.603) — ghi chú lý do nếu đúng"
        );
        let issue =
            change_issue("3.3.1", "Hồ sơ", 2500.0, 1603.0, t, "cùng kỳ 2023").expect("up 56 %");
        assert_eq!(
            issue.message,
            "2.500 hồ sơ, tăng 56 % so với cùng kỳ 2023 (1.603) — ghi chú lý do nếu đúng"
        );
        let issue = change_issue("3.2.4", "%", 40.0, 99.06, t, "kỳ trước").expect("down 60 %");
        assert_eq!(
            issue.message,
            "40, giảm 59,6 % so với kỳ trước (99,06) — ghi chú lý do nếu đúng"
        );
        assert_eq!(
            change_issue("3.3.1", "Hồ sơ", 2400.0, 1603.0, t, "kỳ trước"),
            None,
            "49,7 % is within"
        );
        assert_eq!(
            change_issue("1.1", "Văn bản", 40.0, 10.0, t, "kỳ trước"),
            None,
            "a small figure may quadruple"
        );
        assert_eq!(
            change_issue(
                "3.3.1",
                "Hồ sơ",
                0.0,
                1603.0,
                ChangeThreshold {
                    ratio: 0.0,
                    from: 0.0
                },
                "kỳ trước"
            ),
            None,
            "off for the row"
        );
        assert_eq!(
            change_issue("3.3.1", "Hồ sơ", 5.0, f64::NAN, t, "kỳ trước"),
            None
        );
    }
}
