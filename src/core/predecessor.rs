//! The report a draft is compared with: the one the clerk chose, or the one
//! the period rule finds among the stored drafts ([`Period::predecessor`]):
//! the same template, the same unit, the period before.

use super::draft::Draft;
use super::period::{parse_year, Period};
use super::report::ReportHeader;
use super::vn_text::name_key;

/// What finding a draft's predecessor needs of it; the editor makes one
/// from its signals, the list from a stored draft.
pub struct Subject<'a> {
    pub id: &'a str,
    pub template_id: &'a str,
    pub header: &'a ReportHeader,
    /// The clerk's choice: `None` lets the rule find it, `""` is none.
    pub choice: Option<&'a str>,
}

impl<'a> Subject<'a> {
    pub fn of(draft: &'a Draft) -> Subject<'a> {
        Subject {
            id: &draft.id,
            template_id: &draft.report.template_id,
            header: &draft.report.header,
            choice: draft.report.predecessor.as_deref(),
        }
    }
}

/// The draft `subject` is compared with, among `stored`.
pub fn resolve<'a>(subject: &Subject, stored: impl IntoIterator<Item = &'a Draft>) -> Option<&'a Draft> {
    match subject.choice {
        Some("") => None,
        Some(id) => stored.into_iter().find(|d| d.id == id && d.id != subject.id),
        None => find(subject, stored),
    }
}

/// The draft the period rule names: of the same template and unit (names
/// compared as people read them), for the period before; the newest if
/// there are several.
pub fn find<'a>(subject: &Subject, stored: impl IntoIterator<Item = &'a Draft>) -> Option<&'a Draft> {
    let (period, year) = wanted(subject.header)?;
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

/// The period and year of the report before, as words: "Năm 2023".
pub fn wanted_text(header: &ReportHeader) -> Option<String> {
    wanted(header).map(|(period, year)| format!("{} {year}", period.label()))
}

fn wanted(header: &ReportHeader) -> Option<(Period, i32)> {
    Some(header.period.predecessor(parse_year(&header.year).ok()?))
}

/// The drafts a clerk may choose to compare with: the same template, not
/// itself, in the order of `stored`.
pub fn candidates<'a>(subject: &'a Subject<'a>, stored: impl IntoIterator<Item = &'a Draft> + 'a) -> impl Iterator<Item = &'a Draft> + 'a {
    stored.into_iter().filter(move |d| d.id != subject.id && d.report.template_id == subject.template_id)
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
        let stored = vec![
            draft("nam-2023", "UBND xã Hoằng Trường", Period::Year, "2023", 5.0),
            draft("nam-2023-cu", "UBND XÃ HOẰNG TRƯỜNG", Period::Year, "2023", 2.0),
            draft("khac", "UBND xã Hoằng Hà", Period::Year, "2023", 9.0),
            draft("6t-2024", "UBND xã Hoằng Trường", Period::SixMonths, "2024", 6.0),
        ];
        let q1 = draft("q1", "UBND xã Hoằng Trường", Period::QuarterOne, "2024", 7.0);
        let at = |d: &Draft| resolve(&Subject::of(d), &stored).map(|d| d.id.clone());
        assert_eq!(at(&q1).as_deref(), Some("nam-2023"), "the newest of the unit's");
        assert_eq!(wanted_text(&q1.report.header).as_deref(), Some("Năm 2023"));
        let q3 = draft("q3", "Ubnd xã Hoằng Trường", Period::QuarterThree, "2024", 7.0);
        assert_eq!(at(&q3).as_deref(), Some("6t-2024"));
        let nine = draft("9t", "UBND xã Hoằng Trường", Period::NineMonths, "2025", 7.0);
        assert_eq!(at(&nine), None, "no annual report of 2024");
        let mut chosen = q1.clone();
        chosen.report.predecessor = Some("khac".into());
        assert_eq!(at(&chosen).as_deref(), Some("khac"));
        chosen.report.predecessor = Some(String::new());
        assert_eq!(at(&chosen), None, "compared with none");
        chosen.report.predecessor = Some("q1".into());
        assert_eq!(resolve(&Subject::of(&chosen), [&q1]), None, "never itself");
        assert_eq!(candidates(&Subject::of(&q1), &stored).count(), 4);
    }
}
