//! The names a draft goes by: its title in lists, its period in words, and
//! the stem of its files.

use super::slug::ascii_slug;
use super::Draft;
use crate::core::period::parse_year;
use crate::core::report::HeaderField;
use crate::core::unit_name::UnitName;

impl Draft {
    /// The name shown in lists: the clerk's, or "<unit> — <period> <year>".
    pub fn title(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_string();
        }
        let header = &self.report.header;
        let unit = if header.unit.trim().is_empty() {
            "Chưa ghi đơn vị"
        } else {
            header.unit.trim()
        };
        format!("{unit} — {}", self.period_text())
    }

    /// "Năm 2023", "Quý I năm 2024", or the period alone while the year is missing.
    pub fn period_text(&self) -> String {
        let header = &self.report.header;
        match parse_year(&header.year) {
            Ok(year) => {
                let mut text = header.period.phrase(year);
                if let Some(first) = text.get(..1) {
                    text.replace_range(..1, &first.to_ascii_uppercase());
                }
                text
            }
            Err(_) => header.period.label().to_string(),
        }
    }

    /// A file name safe on every system, e.g. `xa-01b_hoang-truong_nam-2023`.
    pub fn file_stem(&self) -> String {
        let header = &self.report.header;
        // The place, or else the name in the unit ("ỦY BAN NHÂN DÂN XÃ
        // HOẰNG TRƯỜNG" → "Hoằng Trường"): the same slug either way.
        let unit = header.get(HeaderField::Place);
        let unit = if unit.trim().is_empty() {
            UnitName::new(&header.unit, "").name
        } else {
            unit
        };
        let mut parts = vec![self.report.template_id.clone()];
        let unit = ascii_slug(&unit);
        if !unit.is_empty() {
            parts.push(unit);
        }
        let mut period = header.period.key().to_string();
        if let Ok(year) = parse_year(&header.year) {
            period.push_str(&format!("-{year}"));
        }
        parts.push(period);
        parts.join("_")
    }
}
