//! A report being filled in: its header, the typed values and the notes,
//! and the evaluation of all of them against a template.
//!
//! The typed text is stored as typed; numbers, messages and totals are
//! derived from it and never stored. Nothing here touches the browser.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::grid::{cell_code, Grid, GridRows};
use super::period::{parse_year, Period, PeriodWindow};
use super::summary::CommuneSummary;
use super::template::Template;

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

    pub fn placeholder(self) -> &'static str {
        match self {
            HeaderField::ParentBody => "ỦY BAN NHÂN DÂN HUYỆN …",
            HeaderField::Unit => "ỦY BAN NHÂN DÂN XÃ …",
            HeaderField::Number => "…",
            HeaderField::NumberSuffix => "BC-UBND",
            HeaderField::Place => "Tên xã",
            HeaderField::Date => "",
            HeaderField::Period => "",
            HeaderField::Year => "2024",
            HeaderField::SigningCapacity => "TM. ỦY BAN NHÂN DÂN hoặc KT. CHỦ TỊCH",
            HeaderField::SignerTitle => "CHỦ TỊCH",
            HeaderField::Signer => "Họ và tên",
            HeaderField::Recipients => "- UBND huyện (b/c);\n- Lưu: VT.",
        }
    }
}

/// The header and signature block, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportHeader {
    pub parent_body: String,
    pub unit: String,
    pub number: String,
    pub number_suffix: String,
    pub place: String,
    /// ISO `yyyy-mm-dd`, or empty while the date is left for signing.
    pub date: String,
    pub period: Period,
    pub year: String,
    pub signing_capacity: String,
    pub signer_title: String,
    pub signer: String,
    pub recipients: String,
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

    /// "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2024 của ỦY BAN NHÂN DÂN XÃ …)".
    pub fn attachment_line(&self) -> String {
        let number = if self.number.trim().is_empty() { "…" } else { self.number.trim() };
        let date = match self.date.split('-').collect::<Vec<_>>()[..] {
            [y, m, d] if y.len() == 4 => format!("{d}/{m}/{y}"),
            _ => "…".to_string(),
        };
        let of = if self.unit.trim().is_empty() { String::new() } else { format!(" của {}", self.unit.trim()) };
        format!("(Kèm theo Báo cáo số {number}/{} ngày {date}{of})", self.number_suffix.trim())
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
                format!("Kỳ báo cáo: {phrase} (số liệu từ ngày {} đến ngày {})", w.from, w.to)
            }
            Err(_) => format!("Kỳ báo cáo: {}", self.period.label()),
        }
    }

    /// "Hoằng Trường, ngày 05 tháng 01 năm 2024", with blanks left for a
    /// date still to be written in by hand.
    pub fn place_and_date(&self) -> String {
        let place = if self.place.trim().is_empty() { "……" } else { self.place.trim() };
        let mut parts = self.date.split('-');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) if y.len() == 4 && !m.is_empty() && !d.is_empty() => {
                format!("{place}, ngày {d:0>2} tháng {m:0>2} năm {y}")
            }
            _ => {
                let year = self.year.trim();
                format!("{place}, ngày     tháng     năm {}", if year.is_empty() { "……" } else { year })
            }
        }
    }
}

/// A report being filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Report {
    pub template_id: String,
    pub template_version: u32,
    #[serde(default)]
    pub header: ReportHeader,
    /// The text typed for each indicator code, exactly as typed.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    /// The note (Ghi chú) of each indicator code.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// The row keys of each grid whose rows the clerk edits, in order.
    /// Cells are values under `<section>/<row key>/c<column number>`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rows: BTreeMap<String, Vec<String>>,
    /// The district summary of the commune reports rolled up into this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune_summary: Option<CommuneSummary>,
    /// The draft whose figures this one is compared with: `None` lets the
    /// period rule find it (`core::predecessor`), `""` compares with none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<String>,
    /// Codes of values copied from the period before and neither edited
    /// nor confirmed since: "chưa cập nhật".
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unconfirmed: BTreeSet<String>,
    /// The narrative typed under each outline item, by item id, with its
    /// figures as `{code}` tokens (`core::narrative`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub narrative: BTreeMap<String, String>,
    /// Hand-typed figures of the narrative the clerk kept as typed
    /// (`<item id>|<words>`, see `core::hand_figures`).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub dismissed: BTreeSet<String>,
}

impl Report {
    pub fn new(template: &Template) -> Report {
        Report {
            template_id: template.id.clone(),
            template_version: template.version,
            ..Report::default()
        }
    }

    pub fn value(&self, code: &str) -> &str {
        self.values.get(code).map_or("", String::as_str)
    }

    /// Sets the typed text of an indicator; an empty text removes it.
    pub fn set_value(&mut self, code: &str, text: &str) {
        if text.is_empty() {
            self.values.remove(code);
        } else {
            self.values.insert(code.to_string(), text.to_string());
        }
    }

    pub fn set_note(&mut self, code: &str, text: &str) {
        if text.is_empty() {
            self.notes.remove(code);
        } else {
            self.notes.insert(code.to_string(), text.to_string());
        }
    }

    /// The row keys of a grid section, in order: fixed by the template,
    /// or the clerk's list kept in the report.
    pub fn row_keys(&self, section: &str, grid: &Grid) -> Vec<String> {
        match &grid.rows {
            GridRows::Fixed(rows) => rows.iter().map(|r| r.key.clone()).collect(),
            GridRows::Editable { .. } => self.rows.get(section).cloned().unwrap_or_default(),
        }
    }

    /// The typed texts of one grid row, by column number, found with one
    /// search of the values instead of one per cell.
    pub fn row_texts(&self, section: &str, key: &str) -> RowTexts<'_> {
        let prefix = cell_code(section, key, 0);
        let prefix = &prefix[..prefix.len() - 2];
        let texts = self
            .values
            .range::<str, _>((std::ops::Bound::Included(prefix), std::ops::Bound::Unbounded))
            .take_while(|(code, _)| code.starts_with(prefix))
            .filter_map(|(code, text)| {
                // Only the code `cell_code` writes: "c7", never "c07" or "c+7".
                let digits = code[prefix.len()..].strip_prefix('c').filter(|d| !d.starts_with(['0', '+']))?;
                let number = digits.parse::<u32>().ok()?;
                Some((number, text.as_str()))
            })
            .collect();
        RowTexts(texts)
    }

    /// The label of a grid row: typed in a list, fixed by the template otherwise.
    pub fn row_label(&self, section: &str, grid: &Grid, key: &str) -> String {
        match &grid.rows {
            GridRows::Fixed(_) => grid.fixed_label(key).unwrap_or_default().to_string(),
            GridRows::Editable { .. } => {
                let number = grid.columns.get(grid.label_column()).map_or(2, |c| c.number);
                self.value(&cell_code(section, key, number)).trim().to_string()
            }
        }
    }
}

/// A grid row's typed texts by column number (from [`Report::row_texts`]).
pub struct RowTexts<'a>(Vec<(u32, &'a str)>);

impl<'a> RowTexts<'a> {
    /// The text in column `number`; empty when none was typed.
    pub fn get(&self, number: u32) -> &'a str {
        self.0.iter().find(|(n, _)| *n == number).map_or("", |(_, text)| text)
    }
}

/// `<section>/<row key>/c<number>` → the row key and the column number.
pub fn grid_cell<'a>(section: &str, code: &'a str) -> Option<(&'a str, u32)> {
    let rest = code.strip_prefix(section)?.strip_prefix('/')?;
    let (key, column) = rest.rsplit_once('/')?;
    let number = column.strip_prefix('c')?.parse::<u32>().ok()?;
    Some((key, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_round_trip() {
        let mut header = ReportHeader::default();
        for field in HeaderField::ALL {
            let value = if field == HeaderField::Period { "quy-3".to_string() } else { format!("giá trị {}", field.key()) };
            header.set(field, value.clone());
            assert_eq!(header.get(field), value);
        }
        header.set(HeaderField::Period, "không-có".into());
        assert_eq!(header.period, Period::QuarterThree);
    }

    #[test]
    fn place_and_date() {
        let mut header = ReportHeader { place: "Hoằng Trường".into(), year: "2023".into(), ..ReportHeader::default() };
        assert_eq!(header.place_and_date(), "Hoằng Trường, ngày     tháng     năm 2023");
        header.date = "2024-01-05".into();
        assert_eq!(header.place_and_date(), "Hoằng Trường, ngày 05 tháng 01 năm 2024");
    }

    #[test]
    fn lines_of_the_document() {
        let mut header = ReportHeader { unit: "UBND XÃ A".into(), year: "2023".into(), ..ReportHeader::default() };
        assert_eq!(header.attachment_line(), "(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND XÃ A)");
        header.number = "15".into();
        header.date = "2024-01-05".into();
        assert_eq!(header.attachment_line(), "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2024 của UBND XÃ A)");
        assert_eq!(header.period_line(), "Kỳ báo cáo: Năm 2023 (số liệu từ ngày 15/12/2022 đến ngày 14/12/2023)");
        header.period = Period::QuarterThree;
        assert_eq!(header.period_line(), "Kỳ báo cáo: Quý III năm 2023 (số liệu từ ngày 15/06/2023 đến ngày 14/09/2023)");
    }

    #[test]
    fn empty_text_removes_a_value() {
        let mut report = Report::default();
        report.set_value("1.1", "5");
        report.set_value("1.1", "");
        assert!(report.values.is_empty());
    }
}
