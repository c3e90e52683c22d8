//! Report periods and the window of dates their figures cover.
//!
//! Under the Ministry of Home Affairs regime for CCHC reports, figures run
//! from the 15th of the last month of the previous period to the 14th of the
//! last month of this one; the report is due on the 20th.

use std::fmt;

use super::json_read::{one_of, At, FromValue};
use super::json_write::ToJson;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Period {
    QuarterOne,
    SixMonths,
    QuarterThree,
    NineMonths,
    #[default]
    Year,
}

/// The names of the periods in a stored draft, in the order of
/// [`Period::ALL`] (serde's kebab-case names, which drafts have always had).
const STORED: [&str; 5] = [
    "quarter-one",
    "six-months",
    "quarter-three",
    "nine-months",
    "year",
];

impl FromValue for Period {
    fn from_value(value: serde_json::Value, at: At<'_>) -> Result<Self, String> {
        Ok(Period::ALL[one_of(value, at, &STORED)?])
    }
}

impl ToJson for Period {
    fn write_json(&self, out: &mut Vec<u8>) {
        STORED[*self as usize].write_json(out);
    }
}

/// A calendar date as printed on reports: `15/12/2022`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMonthYear {
    pub day: u8,
    pub month: u8,
    pub year: i32,
}

impl fmt::Display for DayMonthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

/// The dates a period's figures cover, and when the report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodWindow {
    pub from: DayMonthYear,
    pub to: DayMonthYear,
    pub due: DayMonthYear,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::QuarterOne,
        Period::SixMonths,
        Period::QuarterThree,
        Period::NineMonths,
        Period::Year,
    ];

    /// How the period is written on the report: "Quý I", "6 tháng", "Năm".
    pub fn label(self) -> &'static str {
        match self {
            Period::QuarterOne => "Quý I",
            Period::SixMonths => "6 tháng",
            Period::QuarterThree => "Quý III",
            Period::NineMonths => "9 tháng",
            Period::Year => "Năm",
        }
    }

    /// A stable key for storage and page hooks.
    pub fn key(self) -> &'static str {
        match self {
            Period::QuarterOne => "quy-1",
            Period::SixMonths => "6-thang",
            Period::QuarterThree => "quy-3",
            Period::NineMonths => "9-thang",
            Period::Year => "nam",
        }
    }

    pub fn from_key(key: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.key() == key)
    }

    /// "quý I năm 2023", "6 tháng năm 2023", "năm 2023".
    pub fn phrase(self, year: i32) -> String {
        self.phrase_with(&year.to_string())
    }

    /// The same, with the year as written: "năm …" while there is none
    /// (never "năm năm …").
    pub fn phrase_with(self, year: &str) -> String {
        match self {
            Period::Year => format!("năm {year}"),
            Period::QuarterOne => format!("quý I năm {year}"),
            Period::QuarterThree => format!("quý III năm {year}"),
            other => format!("{} năm {year}", other.label()),
        }
    }

    /// The report before this one in time, whose dossiers in progress it
    /// carries over: every period but Quý III
    /// starts on 15/12, where the previous year's annual report ends; Quý
    /// III starts where this year's 6-month report ends.
    pub fn predecessor(self, year: i32) -> (Period, i32) {
        match self {
            Period::QuarterThree => (Period::SixMonths, year),
            _ => (Period::Year, year - 1),
        }
    }

    /// The report a change is judged against: the same period a year
    /// earlier (a quarter with a quarter, never with a whole year).
    pub fn same_period_before(self, year: i32) -> (Period, i32) {
        (self, year - 1)
    }

    pub fn window(self, year: i32) -> PeriodWindow {
        let date = |day, month, year| DayMonthYear { day, month, year };
        let start_of_year = date(15, 12, year - 1);
        let (from, to_month) = match self {
            Period::QuarterOne => (start_of_year, 3),
            Period::SixMonths => (start_of_year, 6),
            Period::QuarterThree => (date(15, 6, year), 9),
            Period::NineMonths => (start_of_year, 9),
            Period::Year => (start_of_year, 12),
        };
        PeriodWindow {
            from,
            to: date(14, to_month, year),
            due: date(20, to_month, year),
        }
    }
}

/// Reads a report year, refusing what cannot be one.
pub fn parse_year(text: &str) -> Result<i32, String> {
    let text = text.trim();
    match text.parse::<i32>() {
        Ok(year) if (2000..=2100).contains(&year) && text.len() == 4 => Ok(year),
        _ if text.is_empty() => Err("Chưa nhập năm báo cáo".into()),
        _ => Err(format!(
            "«{text}» không phải là năm hợp lệ (từ 2000 đến 2100)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_follow_the_regime() {
        let w = Period::QuarterOne.window(2024);
        assert_eq!(
            (w.from.to_string(), w.to.to_string(), w.due.to_string()),
            (
                "15/12/2023".into(),
                "14/03/2024".into(),
                "20/03/2024".into()
            )
        );
        let w = Period::SixMonths.window(2024);
        assert_eq!(
            (w.from.to_string(), w.to.to_string()),
            ("15/12/2023".into(), "14/06/2024".into())
        );
        let w = Period::QuarterThree.window(2024);
        assert_eq!(
            (w.from.to_string(), w.to.to_string()),
            ("15/06/2024".into(), "14/09/2024".into())
        );
        let w = Period::NineMonths.window(2024);
        assert_eq!(
            (w.from.to_string(), w.to.to_string()),
            ("15/12/2023".into(), "14/09/2024".into())
        );
        let w = Period::Year.window(2023);
        assert_eq!(
            (w.from.to_string(), w.to.to_string(), w.due.to_string()),
            (
                "15/12/2022".into(),
                "14/12/2023".into(),
                "20/12/2023".into()
            )
        );
    }

    #[test]
    fn each_period_follows_the_report_whose_window_ends_where_it_starts() {
        for p in Period::ALL {
            let (before, year) = p.predecessor(2024);
            let (start, end) = (p.window(2024).from, before.window(year).to);
            assert_eq!(
                (start.day, start.month, start.year),
                (end.day + 1, end.month, end.year),
                "{p:?}"
            );
        }
        assert_eq!(Period::QuarterOne.predecessor(2024), (Period::Year, 2023));
        assert_eq!(
            Period::QuarterThree.predecessor(2024),
            (Period::SixMonths, 2024)
        );
    }

    #[test]
    fn keys_round_trip() {
        for p in Period::ALL {
            assert_eq!(Period::from_key(p.key()), Some(p));
        }
        assert_eq!(Period::from_key("quy-2"), None);
    }

    #[test]
    fn years() {
        assert_eq!(parse_year(" 2023 "), Ok(2023));
        assert!(parse_year("23").is_err());
        assert!(parse_year("hai nghìn").is_err());
        assert!(parse_year("").unwrap_err().contains("Chưa nhập"));
    }
}
