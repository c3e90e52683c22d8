//! The structure of local government a report belongs to. Since 1/7/2025
//! Vietnam has two levels: xã, phường and đặc khu report to the province
//! (Resolution 202/2025/QH15). A report whose window of dates ends on or
//! after that day uses the two-level structure: its header names the
//! province above the unit (or no parent body), and it goes to «UBND tỉnh»
//! and «Sở Nội vụ». Earlier reports keep the district.
//!
//! Everything here is worked out from the period and year; nothing touches
//! the browser. The header's hints and defaults under each structure are
//! the header's own (`HeaderField::placeholder_in`,
//! `ReportHeader::two_level_recipients`).

use super::period::{DayMonthYear, PeriodWindow};

/// The day the district level ended.
pub const TWO_LEVELS_FROM: DayMonthYear = DayMonthYear {
    day: 1,
    month: 7,
    year: 2025,
};

/// The recipients a unit's report has by default under two levels.
pub const TWO_LEVEL_RECIPIENTS: &str = "- UBND tỉnh (b/c);\n- Sở Nội vụ (b/c).";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Levels {
    /// Province, district, commune: periods before 1/7/2025.
    Three,
    /// Province, then xã, phường and đặc khu: since 1/7/2025.
    Two,
}

fn on_or_after(a: DayMonthYear, b: DayMonthYear) -> bool {
    (a.year, a.month, a.day) >= (b.year, b.month, b.day)
}

impl Levels {
    /// The structure of a report covering `window`.
    pub fn of(window: &PeriodWindow) -> Levels {
        if on_or_after(window.to, TWO_LEVELS_FROM) {
            Levels::Two
        } else {
            Levels::Three
        }
    }

    /// How the start screen and the template list name the structure.
    pub fn label(self) -> &'static str {
        match self {
            Levels::Two => "Chính quyền hai cấp — kỳ báo cáo từ 01/7/2025",
            Levels::Three => "Ba cấp (có cấp huyện) — kỳ báo cáo trước 01/7/2025",
        }
    }

    /// The key templates use for it (`"levels"` in a template file).
    pub fn key(self) -> &'static str {
        match self {
            Levels::Two => "two",
            Levels::Three => "three",
        }
    }

    pub fn from_key(key: &str) -> Option<Levels> {
        [Levels::Two, Levels::Three]
            .into_iter()
            .find(|l| l.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::header::{HeaderField, ReportHeader};
    use crate::core::period::Period;

    fn header(period: Period, year: &str) -> ReportHeader {
        ReportHeader {
            period,
            year: year.into(),
            ..ReportHeader::default()
        }
    }

    #[test]
    fn the_window_decides_the_structure() {
        let levels = |p, y| header(p, y).levels();
        assert_eq!(levels(Period::SixMonths, "2025"), Some(Levels::Three));
        assert_eq!(levels(Period::QuarterOne, "2025"), Some(Levels::Three));
        assert_eq!(levels(Period::QuarterThree, "2025"), Some(Levels::Two));
        assert_eq!(levels(Period::NineMonths, "2025"), Some(Levels::Two));
        assert_eq!(levels(Period::Year, "2025"), Some(Levels::Two));
        assert_eq!(levels(Period::Year, "2024"), Some(Levels::Three));
        assert_eq!(levels(Period::Year, "2026"), Some(Levels::Two));
        assert_eq!(levels(Period::Year, ""), None);
    }

    #[test]
    fn no_huyen_in_the_hints_of_a_two_level_report() {
        for levels in [Some(Levels::Two), None] {
            for field in HeaderField::ALL {
                let hint = field.placeholder_in(levels);
                assert!(!hint.to_lowercase().contains("huyện"), "{field:?}: {hint}");
            }
        }
        assert!(HeaderField::ParentBody
            .placeholder_in(Some(Levels::Three))
            .contains("HUYỆN"));
    }

    #[test]
    fn recipients_default_only_when_empty_and_two_levels() {
        let mut h = header(Period::Year, "2026");
        assert_eq!(
            h.two_level_recipients(None).as_deref(),
            Some("- UBND tỉnh (b/c);\n- Sở Nội vụ (b/c).")
        );
        assert_eq!(
            h.two_level_recipients(Some("- Bộ Nội vụ (b/c)."))
                .as_deref(),
            Some("- Bộ Nội vụ (b/c).")
        );
        h.recipients = "- Huyện ủy;".into();
        assert_eq!(h.two_level_recipients(None), None);
        assert_eq!(
            header(Period::Year, "2023").two_level_recipients(None),
            None
        );
    }
}
