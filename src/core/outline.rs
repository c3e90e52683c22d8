//! The report's narrative outline, as a template gives it: the sections
//! I–V and their items, each with a hint for the clerk, whether it must be
//! written (and in which periods), and the annex rows it reports on.
//!
//! Read and checked by `template_file::outline`; everything here can trust
//! it. The narrative typed under each item is kept in the report
//! (`Report::narrative`) and checked by `core::narrative`.

use super::grid::roman;
use super::period::Period;
use super::unit_name::unit_in_sentence;
use super::vn_text::{lower, upper};

/// When an item must have text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Required {
    No,
    Always,
    /// Only in reports of these periods (the annual report's "Phương hướng").
    In(Vec<Period>),
}

impl Required {
    pub fn in_period(&self, period: Period) -> bool {
        match self {
            Required::No => false,
            Required::Always => true,
            Required::In(periods) => periods.contains(&period),
        }
    }
}

/// One heading or item of the outline, in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineItem {
    /// Stable id: the key of its text in the report and the `data-outline` hook.
    pub id: String,
    /// As printed before the title: "I", "2", "a".
    pub number: String,
    pub title: String,
    pub hint: String,
    pub required: Required,
    /// Annex indicator codes (a heading's code covers the rows under it)
    /// and grid section ids this item reports on.
    pub codes: Vec<String>,
    /// 0 for I–V, 1 for 1, 2 …, 2 for a), b) ….
    pub depth: usize,
    /// Whether the clerk writes under this item; a section with items of
    /// its own is only their heading.
    pub writes: bool,
}

impl OutlineItem {
    /// "I. CÔNG TÁC CHỈ ĐẠO …", "2. Công tác kiểm tra …", "a) …".
    pub fn heading(&self) -> String {
        self.heading_as(&self.number)
    }

    /// Its heading with the number `number` (the items before it left out).
    pub fn heading_as(&self, number: &str) -> String {
        match self.depth {
            0 | 1 => format!("{number}. {}", self.title),
            _ => format!("{number}) {}", self.title),
        }
    }

    /// How messages name it: «Mục I.2 "Công tác kiểm tra CCHC"».
    pub fn named(&self) -> String {
        format!("Mục {} \"{}\"", self.id, self.title)
    }

    /// Whether the clerk may leave it out of a report of `period`: an item
    /// written under that the template does not require then.
    pub fn optional_in(&self, period: Period) -> bool {
        self.writes && !self.required.in_period(period)
    }

    /// Whether an annex code falls under this item.
    pub fn covers(&self, code: &str) -> bool {
        self.codes.iter().any(|c| {
            code == c
                || code
                    .strip_prefix(c.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('/'))
        })
    }
}

/// The number printed before an item at `depth`, for its `n`th place (from 1).
pub fn item_number(depth: usize, n: usize) -> String {
    match depth {
        0 => roman(n),
        1 => n.to_string(),
        _ => char::from(b'a' + ((n.max(1) - 1) % 26) as u8).to_string(),
    }
}

/// The narrative outline of a template; empty when it has none.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    /// The opening sentence, with `{don-vi}`, `{ky}` and `{ky-toi}` filled from the header.
    pub opening: String,
    /// The subject line under "BÁO CÁO", filled the same way.
    pub subject: String,
    pub items: Vec<OutlineItem>,
}

impl Outline {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn item(&self, id: &str) -> Option<&OutlineItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The items the clerk writes under.
    pub fn written(&self) -> impl Iterator<Item = &OutlineItem> {
        self.items.iter().filter(|i| i.writes)
    }
}

/// The id of the closing paragraph after the last section («Trên đây là
/// báo cáo …»): its text is kept as an item's, under `outline:closing`.
pub const CLOSING: &str = "closing";

impl Outline {
    /// Whether item `id` is left out of a report of `period`: the clerk
    /// marked it (`marked`), and the template does not require it then.
    pub fn is_left_out(&self, id: &str, period: Period, marked: &dyn Fn(&str) -> bool) -> bool {
        marked(id) && self.item(id).is_some_and(|i| i.optional_in(period))
    }

    /// The items a document prints, each with its heading, in page order:
    /// items left out are dropped (a section whose items are all left out
    /// with them) and the rest numbered on without a gap, as a report
    /// written by hand is ("1, 2, 3", never "1, 2, 4").
    pub fn printed(
        &self,
        period: Period,
        marked: &dyn Fn(&str) -> bool,
    ) -> Vec<(&OutlineItem, String)> {
        let out_of = |i: &OutlineItem| i.writes && self.is_left_out(&i.id, period, marked);
        let mut counts = [0usize; 3];
        let mut out = Vec::new();
        for (n, item) in self.items.iter().enumerate() {
            let kept = if item.writes {
                !out_of(item)
            } else {
                // A heading stays while an item under it does.
                self.items[n + 1..]
                    .iter()
                    .take_while(|i| i.depth > item.depth)
                    .any(|i| i.writes && !out_of(i))
            };
            if !kept {
                continue;
            }
            let depth = item.depth.min(2);
            counts[depth] += 1;
            counts[depth + 1..].iter_mut().for_each(|c| *c = 0);
            out.push((item, item.heading_as(&item_number(depth, counts[depth]))));
        }
        out
    }
}

/// The words of a report's period, to fill an outline's sentences.
pub struct PeriodWords {
    pub unit: String,
    pub this: String,
    pub next: String,
}

impl PeriodWords {
    /// From the header: the unit as written in a sentence ("Ủy ban nhân dân
    /// xã Hoằng Trường", not in capitals), "năm 2023" and "năm 2024".
    pub fn new(unit: &str, place: &str, period: Period, year: Option<i32>) -> PeriodWords {
        let written = unit_in_sentence(unit, place);
        let unit = if written.is_empty() {
            "…".to_string()
        } else {
            written
        };
        let (this, next) = match year {
            Some(y) => (period.phrase(y), next_period(period, y)),
            None => (period.phrase_with("…"), "kỳ tới".to_string()),
        };
        PeriodWords { unit, this, next }
    }

    /// The hint of the closing paragraph, from the report's subject:
    /// «Trên đây là báo cáo kết quả … của Ủy ban nhân dân xã …./.».
    pub fn closing_hint(&self, subject: &str) -> String {
        let subject = self.fill(subject);
        let mut chars = subject.trim().chars();
        let subject = match chars.next() {
            Some(first) => lower(&first.to_string()) + chars.as_str(),
            None => format!("công tác {}", self.this),
        };
        format!(
            "Trên đây là báo cáo {subject} của {}, kính gửi cấp trên xem xét, tổng hợp./.",
            self.unit
        )
    }

    /// `template` with its placeholders filled.
    /// A sentence that opens with the unit ("xã Hoằng Trường báo cáo …")
    /// opens with a capital.
    pub fn fill(&self, template: &str) -> String {
        let filled = template
            .replace("{don-vi}", &self.unit)
            .replace("{ky-toi}", &self.next)
            .replace("{ky}", &self.this);
        if template.starts_with("{don-vi}") {
            let mut chars = filled.chars();
            if let Some(first) = chars.next() {
                return upper(&first.to_string()) + chars.as_str();
            }
        }
        filled
    }
}

/// The period a report's "Phương hướng, nhiệm vụ" is for.
fn next_period(period: Period, year: i32) -> String {
    match period {
        Period::QuarterOne => format!("quý II năm {year}"),
        Period::SixMonths => format!("6 tháng cuối năm {year}"),
        Period::QuarterThree | Period::NineMonths => format!("quý IV năm {year}"),
        Period::Year => format!("năm {}", year + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_depth() {
        assert_eq!(
            (item_number(0, 4), item_number(1, 2), item_number(2, 3)),
            ("IV".into(), "2".into(), "c".into())
        );
    }

    #[test]
    fn the_unit_in_a_sentence() {
        let words = PeriodWords::new(
            "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG",
            "Hoằng Trường",
            Period::Year,
            Some(2023),
        );
        assert_eq!(words.unit, "Ủy ban nhân dân xã Hoằng Trường");
        assert_eq!(
            words.fill("{don-vi} báo cáo {ky}, nhiệm vụ {ky-toi}"),
            "Ủy ban nhân dân xã Hoằng Trường báo cáo năm 2023, nhiệm vụ năm 2024"
        );
        assert_eq!(
            PeriodWords::new("UBND xã Hoằng Trường", "", Period::SixMonths, Some(2024))
                .fill("{don-vi}: {ky-toi}"),
            "UBND xã Hoằng Trường: 6 tháng cuối năm 2024"
        );
        // All caps with the place empty: the name still gets its capitals.
        let caps = PeriodWords::new(
            "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG",
            "",
            Period::Year,
            Some(2023),
        );
        assert_eq!(
            caps.fill("Trên địa bàn, {don-vi} báo cáo {ky}"),
            "Trên địa bàn, Ủy ban nhân dân xã Hoằng Trường báo cáo năm 2023"
        );
        assert_eq!(
            PeriodWords::new("UBND XÃ HOẰNG TRƯỜNG", "", Period::Year, Some(2023)).unit,
            "UBND xã Hoằng Trường"
        );
        assert_eq!(
            PeriodWords::new("XÃ HOẰNG TRƯỜNG", "", Period::Year, Some(2023))
                .fill("{don-vi} báo cáo"),
            "Xã Hoằng Trường báo cáo"
        );
        assert_eq!(PeriodWords::new(" ", "", Period::Year, None).unit, "…");
        // Before a year is typed: "năm …", never "năm năm …".
        assert_eq!(PeriodWords::new("", "", Period::Year, None).this, "năm …");
        assert_eq!(
            PeriodWords::new("", "", Period::SixMonths, None).this,
            "6 tháng năm …"
        );
    }

    #[test]
    fn a_heading_covers_its_rows() {
        let item = OutlineItem {
            id: "II.2".into(),
            number: "2".into(),
            title: "Cải cách TTHC".into(),
            hint: String::new(),
            required: Required::Always,
            codes: vec!["3".into(), "pl5".into()],
            depth: 1,
            writes: true,
        };
        assert!(item.covers("3.3.1") && item.covers("3") && item.covers("pl5/r1/c3"));
        assert!(!item.covers("30.1") && !item.covers("4.1") && !item.covers("pl50/r1/c3"));
    }
}
