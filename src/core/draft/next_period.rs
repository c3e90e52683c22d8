//! A copy of a draft that starts the next period: which period follows
//! which, and what the copy keeps and clears.

use super::Draft;
use crate::core::history::History;
use crate::core::period::{parse_year, Period};

/// Which report periods follow which, for starting the next one.
fn next_period(period: Period, year: i32) -> (Period, i32) {
    match period {
        Period::QuarterOne => (Period::SixMonths, year),
        Period::SixMonths => (Period::NineMonths, year),
        Period::QuarterThree | Period::NineMonths => (Period::Year, year),
        Period::Year => (Period::QuarterOne, year + 1),
    }
}
impl Draft {
    /// A copy that starts the next period from this one. It keeps the
    /// header, signer, recipients, values and notes, moves the period on,
    /// and clears the document number and date, which belong to one report.
    pub fn start_next_period(&self, id: String, now: f64) -> (Draft, String) {
        let mut copy = self.clone();
        copy.id = id;
        copy.created_at = now;
        copy.updated_at = now;
        copy.revision = 0;
        copy.name = String::new();
        // Another report: its history starts with its first save.
        copy.author = String::new();
        copy.history = History::default();
        // A roll-up summarises one period's commune files.
        copy.report.commune_summary = None;
        copy.report.predecessor = None;
        copy.report.compare_with = None;
        // Every copied figure is "chưa cập nhật" until edited or confirmed.
        // The keys come in order, so each insert appends to the sorted set.
        copy.report.unconfirmed.clear();
        for code in copy.report.values.keys() {
            copy.report.unconfirmed.insert(code.clone());
        }
        let header = &mut copy.report.header;
        header.number.clear();
        header.date.clear();
        let moved = match parse_year(&header.year) {
            Ok(year) => {
                let (period, year) = next_period(header.period, year);
                header.period = period;
                header.year = year.to_string();
                true
            }
            Err(_) => false,
        };
        // The copy carries its dossiers over from this report when the period
        // rule names it (the annual report before Quý I); its changes are
        // judged against the same period a year earlier, which the rule finds.
        let (copy_header, own) = (&copy.report.header, &self.report.header);
        let follows = match (parse_year(&copy_header.year), parse_year(&own.year)) {
            (Ok(year), Ok(own_year)) => {
                copy_header.period.predecessor(year) == (own.period, own_year)
            }
            _ => false,
        };
        if follows {
            copy.report.predecessor = Some(self.id.clone());
        }
        let period = copy.period_text();
        let message = if moved {
            format!(
                "Đã tạo bản sao cho kỳ {period}: giữ phần đầu báo cáo, người ký, nơi nhận, số liệu và ghi chú; xóa số và ngày văn bản. Hãy cập nhật số liệu của kỳ mới."
            )
        } else {
            "Đã tạo bản sao: giữ phần đầu báo cáo, người ký, nơi nhận, số liệu và ghi chú; xóa số và ngày văn bản.".to_string()
        };
        (copy, message)
    }
}
