//! The reports a draft is read against, each the one the clerk chose or the
//! one a period rule finds among the stored drafts (the same template, the
//! same unit):
//! - [`Role::Change`]: the report its changes are judged against, the same
//!   period a year earlier ([`Period::same_period_before`]): a quarter with a
//!   quarter, never with a whole year;
//! - [`Role::Carry`]: the report whose window ends where this one's starts
//!   ([`Period::predecessor`]), whose dossiers in progress it carries over.

use super::draft::Draft;
pub use super::eval::compared_label;
use super::period::{parse_year, Period};
use super::report::{Report, ReportHeader};
use super::vn_text::name_key;

/// What a report before is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Changes in the figures: the same period a year earlier.
    Change,
    /// Carried-over dossiers: the report whose window ends where this starts.
    Carry,
}

impl Role {
    /// The clerk's choice for this role in `report`: `None` lets the rule
    /// find it, `""` is none.
    pub fn choice(self, report: &Report) -> Option<&str> {
        match self {
            Role::Change => report.compare_with.as_deref(),
            Role::Carry => report.predecessor.as_deref(),
        }
    }

    fn wanted(self, header: &ReportHeader) -> Option<(Period, i32)> {
        let year = parse_year(&header.year).ok()?;
        Some(match self {
            Role::Change => header.period.same_period_before(year),
            Role::Carry => header.period.predecessor(year),
        })
    }
}

/// What finding a draft's reports before needs of it; the editor makes one
/// from its signals, the list from a stored draft.
pub struct Subject<'a> {
    pub id: &'a str,
    pub template_id: &'a str,
    pub header: &'a ReportHeader,
    pub role: Role,
    /// The clerk's choice: `None` lets the rule find it, `""` is none.
    pub choice: Option<&'a str>,
}

impl<'a> Subject<'a> {
    pub fn of(draft: &'a Draft, role: Role) -> Subject<'a> {
        Subject {
            id: &draft.id,
            template_id: &draft.report.template_id,
            header: &draft.report.header,
            role,
            choice: role.choice(&draft.report),
        }
    }
}

/// The draft `subject` is read against, among `stored`.
pub fn resolve<'a>(
    subject: &Subject,
    stored: impl IntoIterator<Item = &'a Draft>,
) -> Option<&'a Draft> {
    match subject.choice {
        Some("") => None,
        Some(id) => stored
            .into_iter()
            .find(|d| d.id == id && d.id != subject.id),
        None => find(subject, stored),
    }
}

/// Both reports before of `draft` among `stored`: for changes, for carrying over.
pub fn both<'a>(draft: &Draft, stored: &[&'a Draft]) -> [Option<&'a Draft>; 2] {
    [Role::Change, Role::Carry]
        .map(|role| resolve(&Subject::of(draft, role), stored.iter().copied()))
}

/// The draft the period rule names: of the same template and unit (names
/// compared as people read them), for the period wanted; the newest if
/// there are several.
pub fn find<'a>(
    subject: &Subject,
    stored: impl IntoIterator<Item = &'a Draft>,
) -> Option<&'a Draft> {
    let (period, year) = subject.role.wanted(subject.header)?;
    let unit = name_key(&subject.header.unit);
    stored
        .into_iter()
        .filter(|d| {
            d.id != subject.id
                && d.report.template_id == subject.template_id
                && d.report.header.period == period
                && parse_year(&d.report.header.year) == Ok(year)
                && name_key(&d.report.header.unit) == unit
        })
        .max_by(|a, b| a.updated_at.total_cmp(&b.updated_at))
}

/// The period and year the rule looks for, as words: "Năm 2023".
pub fn wanted_text(header: &ReportHeader, role: Role) -> Option<String> {
    role.wanted(header)
        .map(|(period, year)| format!("{} {year}", period.label()))
}

/// The drafts a clerk may choose from: the same template, not itself, in
/// the order of `stored`.
pub fn candidates<'a>(
    subject: &'a Subject<'a>,
    stored: impl IntoIterator<Item = &'a Draft> + 'a,
) -> impl Iterator<Item = &'a Draft> + 'a {
    stored
        .into_iter()
        .filter(move |d| d.id != subject.id && d.report.template_id == subject.template_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_template;

    fn draft(id: &str, unit: &str, period: Period, year: &str, updated_at: f64) -> Draft {
        let mut d = Draft::new(id.into(), &builtin_template("xa-01b").unwrap(), 1.0);
        d.report.header.unit = unit.into();
        d.report.header.period = period;
        d.report.header.year = year.into();
        d.updated_at = updated_at;
        d
    }

    #[test]
    fn the_rule_finds_the_previous_annual_report_of_the_same_unit() {
        use Role::Carry;
        let stored = vec![
            draft(
                "nam-2023",
                "UBND xã Hoằng Trường",
                Period::Year,
                "2023",
                5.0,
            ),
            draft(
                "nam-2023-cu",
                "UBND XÃ HOẰNG TRƯỜNG",
                Period::Year,
                "2023",
                2.0,
            ),
            draft("khac", "UBND xã Hoằng Hà", Period::Year, "2023", 9.0),
            draft(
                "6t-2024",
                "UBND xã Hoằng Trường",
                Period::SixMonths,
                "2024",
                6.0,
            ),
        ];
        let q1 = draft(
            "q1",
            "UBND xã Hoằng Trường",
            Period::QuarterOne,
            "2024",
            7.0,
        );
        let at = |d: &Draft| resolve(&Subject::of(d, Carry), &stored).map(|d| d.id.clone());
        assert_eq!(
            at(&q1).as_deref(),
            Some("nam-2023"),
            "the newest of the unit's"
        );
        assert_eq!(
            wanted_text(&q1.report.header, Carry).as_deref(),
            Some("Năm 2023")
        );
        let q3 = draft(
            "q3",
            "Ubnd xã Hoằng Trường",
            Period::QuarterThree,
            "2024",
            7.0,
        );
        assert_eq!(at(&q3).as_deref(), Some("6t-2024"));
        let nine = draft(
            "9t",
            "UBND xã Hoằng Trường",
            Period::NineMonths,
            "2025",
            7.0,
        );
        assert_eq!(at(&nine), None, "no annual report of 2024");
        let mut chosen = q1.clone();
        chosen.report.predecessor = Some("khac".into());
        assert_eq!(at(&chosen).as_deref(), Some("khac"));
        chosen.report.predecessor = Some(String::new());
        assert_eq!(at(&chosen), None, "compared with none");
        chosen.report.predecessor = Some("q1".into());
        assert_eq!(
            resolve(&Subject::of(&chosen, Carry), [&q1]),
            None,
            "never itself"
        );
        assert_eq!(candidates(&Subject::of(&q1, Carry), &stored).count(), 4);
    }

    #[test]
    fn changes_are_judged_against_the_same_period_a_year_earlier() {
        let stored = [
            draft(
                "nam-2023",
                "UBND xã Hoằng Trường",
                Period::Year,
                "2023",
                5.0,
            ),
            draft(
                "q1-2023",
                "UBND xã Hoằng Trường",
                Period::QuarterOne,
                "2023",
                1.0,
            ),
            draft(
                "6t-2023",
                "UBND xã Hoằng Trường",
                Period::SixMonths,
                "2023",
                1.0,
            ),
            draft(
                "6t-2024",
                "UBND xã Hoằng Trường",
                Period::SixMonths,
                "2024",
                6.0,
            ),
        ];
        let refs: Vec<&Draft> = stored.iter().collect();
        let ids = |d: &Draft| both(d, &refs).map(|d| d.map(|d| d.id.clone()));
        let q1 = draft(
            "q1",
            "UBND xã Hoằng Trường",
            Period::QuarterOne,
            "2024",
            7.0,
        );
        assert_eq!(
            ids(&q1),
            [Some("q1-2023".into()), Some("nam-2023".into())],
            "a quarter with a quarter; dossiers from the year"
        );
        let six = draft("6t", "UBND xã Hoằng Trường", Period::SixMonths, "2024", 7.0);
        assert_eq!(ids(&six), [Some("6t-2023".into()), Some("nam-2023".into())]);
        let q3 = draft(
            "q3",
            "UBND xã Hoằng Trường",
            Period::QuarterThree,
            "2024",
            7.0,
        );
        assert_eq!(
            ids(&q3),
            [None, Some("6t-2024".into())],
            "no Quý III 2023: no change warnings"
        );
        let year = draft("nam", "UBND xã Hoằng Trường", Period::Year, "2024", 7.0);
        assert_eq!(
            ids(&year),
            [Some("nam-2023".into()), Some("nam-2023".into())],
            "a year against the year before, both ways"
        );
        assert_eq!(
            wanted_text(&q3.report.header, Role::Change).as_deref(),
            Some("Quý III 2023")
        );
        assert_eq!(
            compared_label(&q1.report.header, &stored[1].report.header),
            "cùng kỳ 2023"
        );
        assert_eq!(
            compared_label(&q1.report.header, &stored[0].report.header),
            "năm 2023"
        );
        let mut chosen = q1.clone();
        chosen.report.compare_with = Some("nam-2023".into());
        assert_eq!(
            ids(&chosen)[0].as_deref(),
            Some("nam-2023"),
            "the clerk's choice wins"
        );
        chosen.report.compare_with = Some(String::new());
        assert_eq!(ids(&chosen)[0], None);
    }
}
