//! The header and signature block of a report: who reports, for which
//! period, the document number and date, and who signs.

use super::doc_date::{parse_doc_date, shown, DocDate};
use super::issue::{Issue, Severity};
use super::json_read::json_struct;
use super::levels::{Levels, TWO_LEVEL_RECIPIENTS};
use super::period::{parse_year, Period, PeriodWindow};
use super::unit_name::unit_in_sentence;

/// A field of the report's header and signature block. Its key is the
/// `data-header` page hook and the name in stored drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderField {
    ParentBody,
    Unit,
    Number,
    NumberSuffix,
    Place,
    Date,
    Period,
    Year,
    SigningCapacity,
    SignerTitle,
    Signer,
    Recipients,
}

impl HeaderField {
    pub const ALL: [HeaderField; 12] = [
        HeaderField::ParentBody,
        HeaderField::Unit,
        HeaderField::Number,
        HeaderField::NumberSuffix,
        HeaderField::Place,
        HeaderField::Date,
        HeaderField::Period,
        HeaderField::Year,
        HeaderField::SigningCapacity,
        HeaderField::SignerTitle,
        HeaderField::Signer,
        HeaderField::Recipients,
    ];

    /// The field's place in [`HeaderField::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The field whose [`HeaderField::key`] is `key`.
    pub fn from_key(key: &str) -> Option<HeaderField> {
        HeaderField::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            HeaderField::ParentBody => "parent-body",
            HeaderField::Unit => "unit",
            HeaderField::Number => "number",
            HeaderField::NumberSuffix => "number-suffix",
            HeaderField::Place => "place",
            HeaderField::Date => "date",
            HeaderField::Period => "period",
            HeaderField::Year => "year",
            HeaderField::SigningCapacity => "signing-capacity",
            HeaderField::SignerTitle => "signer-title",
            HeaderField::Signer => "signer",
            HeaderField::Recipients => "recipients",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HeaderField::ParentBody => "Cơ quan chủ quản",
            HeaderField::Unit => "Cơ quan ban hành",
            HeaderField::Number => "Số",
            HeaderField::NumberSuffix => "Ký hiệu",
            HeaderField::Place => "Địa danh",
            HeaderField::Date => "Ngày ban hành",
            HeaderField::Period => "Kỳ báo cáo",
            HeaderField::Year => "Năm",
            HeaderField::SigningCapacity => "Thẩm quyền ký",
            HeaderField::SignerTitle => "Chức vụ người ký",
            HeaderField::Signer => "Người ký",
            HeaderField::Recipients => "Nơi nhận",
        }
    }

    /// The grey hint of an empty field: an example («vd. …») or what to
    /// type, never something that could be read as a value.
    pub fn placeholder(self) -> &'static str {
        match self {
            HeaderField::ParentBody => "vd. ỦY BAN NHÂN DÂN HUYỆN …",
            HeaderField::Unit => "vd. ỦY BAN NHÂN DÂN XÃ …",
            HeaderField::Number => "…",
            HeaderField::NumberSuffix => "vd. BC-UBND",
            HeaderField::Place => "Nhập địa danh",
            HeaderField::Date => "ngày/tháng/năm",
            HeaderField::Period => "",
            HeaderField::Year => "vd. 2024",
            HeaderField::SigningCapacity => "vd. TM. ỦY BAN NHÂN DÂN hoặc KT. CHỦ TỊCH",
            HeaderField::SignerTitle => "vd. CHỦ TỊCH",
            HeaderField::Signer => "Họ và tên người ký",
            HeaderField::Recipients => "Ví dụ:\n- UBND huyện (b/c);\n- Lưu: VT.",
        }
    }
}

impl HeaderField {
    /// The hint under a structure (or, with `None`, while the year is not
    /// there yet): no «huyện» in a report the district no longer receives.
    pub fn placeholder_in(self, levels: Option<Levels>) -> &'static str {
        match (levels, self) {
            (Some(Levels::Three), _) => self.placeholder(),
            (_, HeaderField::ParentBody) => "vd. ỦY BAN NHÂN DÂN TỈNH … (có thể để trống)",
            (_, HeaderField::Unit) => "vd. ỦY BAN NHÂN DÂN XÃ (PHƯỜNG, ĐẶC KHU) …",
            (_, HeaderField::Recipients) => {
                "Ví dụ:\n- UBND tỉnh (b/c);\n- Sở Nội vụ (b/c);\n- Lưu: VT."
            }
            _ => self.placeholder(),
        }
    }

    /// What is wrong with a field's text: an impossible date.
    pub fn issue(self, text: &str) -> Option<String> {
        match self {
            HeaderField::Date => parse_doc_date(text).err(),
            _ => None,
        }
    }

    /// A field's message in the report's list (`header:<key>`, an error):
    /// the document would go out with that line blank, so the pre-flight
    /// asks first. The editor and the batch both read it from here.
    pub fn message(self, text: &str) -> Option<Issue> {
        self.issue(text).map(|message| Issue {
            code: format!("header:{}", self.key()),
            severity: Severity::Error,
            message: format!("{}: {message}", self.label()),
        })
    }

    /// The text a field takes once left: a real date as `15/12/2023`;
    /// anything else, and every other field, as typed.
    pub fn tidied(self, text: &str) -> String {
        match self {
            HeaderField::Date => shown(text),
            _ => text.to_string(),
        }
    }

    /// How a field shows its stored text: the ISO date drafts stored
    /// before (`2023-12-15`) as clerks write it; all else as stored.
    pub fn shown(self, text: &str) -> String {
        if text.len() == 10 && text.as_bytes().get(4) == Some(&b'-') {
            self.tidied(text)
        } else {
            text.to_string()
        }
    }
}

json_struct! { defaults;
    /// The header and signature block, as typed. Each field may be left
    /// out of a file: then it is the default's.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ReportHeader {
        pub parent_body: String,
        pub unit: String,
        pub number: String,
        pub number_suffix: String,
        pub place: String,
        /// As typed (`15/12/2023`; drafts before stored ISO `2023-12-15`),
        /// or empty while the date is left for signing. See [`DocDate`].
        pub date: String,
        pub period: Period,
        pub year: String,
        pub signing_capacity: String,
        pub signer_title: String,
        pub signer: String,
        pub recipients: String,
    }
}

impl Default for ReportHeader {
    fn default() -> Self {
        ReportHeader {
            parent_body: String::new(),
            unit: String::new(),
            number: String::new(),
            number_suffix: "BC-UBND".into(),
            place: String::new(),
            date: String::new(),
            period: Period::Year,
            year: String::new(),
            signing_capacity: String::new(),
            signer_title: String::new(),
            signer: String::new(),
            recipients: String::new(),
        }
    }
}

impl ReportHeader {
    pub fn get(&self, field: HeaderField) -> String {
        match field {
            HeaderField::Period => self.period.key().to_string(),
            _ => self.text(field).cloned().unwrap_or_default(),
        }
    }

    pub fn set(&mut self, field: HeaderField, value: String) {
        if field == HeaderField::Period {
            if let Some(period) = Period::from_key(&value) {
                self.period = period;
            }
        } else if let Some(slot) = self.text_mut(field) {
            *slot = value;
        }
    }

    fn text(&self, field: HeaderField) -> Option<&String> {
        Some(match field {
            HeaderField::ParentBody => &self.parent_body,
            HeaderField::Unit => &self.unit,
            HeaderField::Number => &self.number,
            HeaderField::NumberSuffix => &self.number_suffix,
            HeaderField::Place => &self.place,
            HeaderField::Date => &self.date,
            HeaderField::Year => &self.year,
            HeaderField::SigningCapacity => &self.signing_capacity,
            HeaderField::SignerTitle => &self.signer_title,
            HeaderField::Signer => &self.signer,
            HeaderField::Recipients => &self.recipients,
            HeaderField::Period => return None,
        })
    }

    fn text_mut(&mut self, field: HeaderField) -> Option<&mut String> {
        Some(match field {
            HeaderField::ParentBody => &mut self.parent_body,
            HeaderField::Unit => &mut self.unit,
            HeaderField::Number => &mut self.number,
            HeaderField::NumberSuffix => &mut self.number_suffix,
            HeaderField::Place => &mut self.place,
            HeaderField::Date => &mut self.date,
            HeaderField::Year => &mut self.year,
            HeaderField::SigningCapacity => &mut self.signing_capacity,
            HeaderField::SignerTitle => &mut self.signer_title,
            HeaderField::Signer => &mut self.signer,
            HeaderField::Recipients => &mut self.recipients,
            HeaderField::Period => return None,
        })
    }

    /// The window of dates the figures cover, once the year is valid.
    pub fn window(&self) -> Result<PeriodWindow, String> {
        parse_year(&self.year).map(|year| self.period.window(year))
    }

    /// The structure the report belongs to, once its year is valid.
    pub fn levels(&self) -> Option<Levels> {
        self.window().ok().map(|w| Levels::of(&w))
    }

    /// The recipients to fill in once the period and year make the report
    /// a two-level one and none are typed: the template's own, or the
    /// unit's «UBND tỉnh», «Sở Nội vụ». `None` when nothing is to change.
    pub fn two_level_recipients(&self, template: Option<&str>) -> Option<String> {
        (self.levels() == Some(Levels::Two) && self.recipients.trim().is_empty())
            .then(|| template.unwrap_or(TWO_LEVEL_RECIPIENTS).to_string())
    }

    /// The document's date, when it is a real one.
    pub fn doc_date(&self) -> Option<DocDate> {
        parse_doc_date(&self.date).ok().flatten()
    }

    /// What is wrong with the typed date, if anything.
    pub fn date_issue(&self) -> Option<String> {
        parse_doc_date(&self.date).err()
    }

    /// "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2024 của Ủy ban nhân dân xã …)":
    /// the unit as a sentence writes it, whatever case it was typed in.
    pub fn attachment_line(&self) -> String {
        let number = if self.number.trim().is_empty() {
            "…"
        } else {
            self.number.trim()
        };
        let date = self
            .doc_date()
            .map_or_else(|| "…".to_string(), DocDate::slashed);
        let unit = unit_in_sentence(&self.unit, &self.place);
        let of = if unit.is_empty() {
            String::new()
        } else {
            format!(" của {unit}")
        };
        format!(
            "(Kèm theo Báo cáo số {number}/{} ngày {date}{of})",
            self.number_suffix.trim()
        )
    }

    /// "Kỳ báo cáo: Năm 2023 (số liệu từ ngày 15/12/2022 đến ngày 14/12/2023)".
    pub fn period_line(&self) -> String {
        match parse_year(&self.year) {
            Ok(year) => {
                let w = self.period.window(year);
                let mut phrase = self.period.phrase(year);
                if let Some(first) = phrase.get(..1) {
                    phrase.replace_range(..1, &first.to_ascii_uppercase());
                }
                format!(
                    "Kỳ báo cáo: {phrase} (số liệu từ ngày {} đến ngày {})",
                    w.from, w.to
                )
            }
            Err(_) => format!("Kỳ báo cáo: {}", self.period.label()),
        }
    }

    /// "Hoằng Trường, ngày 05 tháng 01 năm 2024", with blanks left for a
    /// date still to be written in by hand.
    pub fn place_and_date(&self) -> String {
        let place = if self.place.trim().is_empty() {
            "……"
        } else {
            self.place.trim()
        };
        match self.doc_date() {
            Some(date) => format!("{place}, {}", date.words()),
            None => {
                let year = self.year.trim();
                format!(
                    "{place}, ngày     tháng     năm {}",
                    if year.is_empty() { "……" } else { year }
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_round_trip() {
        let mut header = ReportHeader::default();
        for (n, field) in HeaderField::ALL.into_iter().enumerate() {
            assert_eq!(
                field.index(),
                n,
                "ALL lists the fields in their declared order"
            );
            let value = if field == HeaderField::Period {
                "quy-3".to_string()
            } else {
                format!("giá trị {}", field.key())
            };
            header.set(field, value.clone());
            assert_eq!(header.get(field), value);
        }
        header.set(HeaderField::Period, "không-có".into());
        assert_eq!(header.period, Period::QuarterThree);
    }

    #[test]
    fn place_and_date() {
        let mut header = ReportHeader {
            place: "Hoằng Trường".into(),
            year: "2023".into(),
            ..ReportHeader::default()
        };
        assert_eq!(
            header.place_and_date(),
            "Hoằng Trường, ngày     tháng     năm 2023"
        );
        header.date = "2024-01-05".into();
        assert_eq!(
            header.place_and_date(),
            "Hoằng Trường, ngày 05 tháng 01 năm 2024"
        );
        for typed in ["15/12/2023", "15-12-2023", "15.12.2023", "15122023"] {
            header.date = typed.into();
            assert_eq!(
                header.place_and_date(),
                "Hoằng Trường, ngày 15 tháng 12 năm 2023"
            );
            assert_eq!(header.date_issue(), None);
        }
        // An impossible date is kept as typed, and the line is left blank.
        header.date = "31/02/2024".into();
        assert_eq!(
            header.place_and_date(),
            "Hoằng Trường, ngày     tháng     năm 2023"
        );
        assert_eq!(
            header.date_issue().as_deref(),
            Some("«31/02/2024»: tháng 2 năm 2024 không có ngày 31")
        );
        assert!(header.attachment_line().contains("ngày …"));
    }

    #[test]
    fn a_date_field_shows_and_tidies_its_text() {
        let date = HeaderField::Date;
        assert_eq!(date.shown("2023-12-15"), "15/12/2023");
        assert_eq!(date.shown("15122023"), "15122023", "as typed while typing");
        assert_eq!(date.tidied("15122023"), "15/12/2023");
        assert_eq!(date.tidied("31/02/2024"), "31/02/2024");
        assert_eq!(date.shown("2023-02-31"), "2023-02-31");
        assert!(date.issue("2023-02-31").is_some());
        assert_eq!(date.issue("2023-12-15"), None);
        assert_eq!(HeaderField::Number.tidied("2023-12-15"), "2023-12-15");
        assert_eq!(HeaderField::Number.shown("2023-12-15"), "2023-12-15");
        assert_eq!(HeaderField::Year.issue("năm"), None);
    }

    #[test]
    fn lines_of_the_document() {
        let mut header = ReportHeader {
            unit: "UBND XÃ A".into(),
            year: "2023".into(),
            ..ReportHeader::default()
        };
        assert_eq!(
            header.attachment_line(),
            "(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND xã A)"
        );
        header.number = "15".into();
        header.date = "5/1/2024".into();
        assert_eq!(
            header.attachment_line(),
            "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2024 của UBND xã A)"
        );
        assert_eq!(
            header.period_line(),
            "Kỳ báo cáo: Năm 2023 (số liệu từ ngày 15/12/2022 đến ngày 14/12/2023)"
        );
        header.period = Period::QuarterThree;
        assert_eq!(
            header.period_line(),
            "Kỳ báo cáo: Quý III năm 2023 (số liệu từ ngày 15/06/2023 đến ngày 14/09/2023)"
        );
    }
}
