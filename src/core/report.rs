//! A report being filled in: its header, the typed values and the notes,
//! and the evaluation of all of them against a template.
//!
//! The typed text is stored as typed; numbers, messages and totals are
//! derived from it and never stored. Nothing here touches the browser.

use super::json_read::json_struct;
use super::key_map::KeyMap;
use super::key_set::KeySet;

use super::grid::{cell_code, Grid, GridRows};
pub use super::header::{HeaderField, ReportHeader};
use super::summary::CommuneSummary;
use super::template::Template;

json_struct! {
    /// A report being filled in.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Report {
        pub template_id: String,
        pub template_version: u32,
        pub header: ReportHeader = default,
        /// The text typed for each indicator code, exactly as typed.
        pub values: KeyMap<String> = default,
        /// The note (Ghi chú) of each indicator code.
        pub notes: KeyMap<String> = default,
        /// The row keys of each grid whose rows the clerk edits, in order.
        /// Cells are values under `<section>/<row key>/c<column number>`.
        pub rows: KeyMap<Vec<String>> = omitted,
        /// The district summary of the commune reports rolled up into this one.
        pub commune_summary: Option<CommuneSummary> = omitted,
        /// The draft whose dossiers in progress this one carries over (the
        /// report whose window ends where this one's starts): `None` lets the
        /// period rule find it (`core::predecessor`), `""` is none.
        pub predecessor: Option<String> = omitted,
        /// The draft whose figures this one's changes are judged against:
        /// `None` lets the rule find the same period a year earlier, `""`
        /// compares with none.
        pub compare_with: Option<String> = omitted,
        /// Codes of values copied from the period before and neither edited
        /// nor confirmed since: "chưa cập nhật".
        pub unconfirmed: KeySet = omitted,
        /// The narrative typed under each outline item, by item id, with its
        /// figures as `{code}` tokens (`core::narrative`).
        pub narrative: KeyMap<String> = omitted,
        /// Hand-typed figures of the narrative the clerk kept as typed
        /// (`<item id>|<words>`, see `core::hand_figures`).
        pub dismissed: KeySet = omitted,
        /// Outline items the clerk left out of this report (not required
        /// by the template): neither printed nor checked, their text kept.
        pub left_out: KeySet = omitted,
    }
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
        set_texts(&mut self.values, vec![(code.to_string(), text.to_string())]);
    }

    pub fn set_note(&mut self, code: &str, text: &str) {
        set_texts(&mut self.notes, vec![(code.to_string(), text.to_string())]);
    }

    /// Sets many typed texts at once (an empty text removes its code): one
    /// sort and one merge, for a whole form or grid.
    pub fn set_values(&mut self, texts: Vec<(String, String)>) {
        set_texts(&mut self.values, texts);
    }

    /// Sets many notes at once, as [`Report::set_values`] does the values.
    pub fn set_notes(&mut self, texts: Vec<(String, String)>) {
        set_texts(&mut self.notes, texts);
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
            .from_key(prefix)
            .take_while(|(code, _)| code.starts_with(prefix))
            .filter_map(|(code, text)| {
                // Only the code `cell_code` writes: "c7", never "c07" or "c+7".
                let digits = code[prefix.len()..]
                    .strip_prefix('c')
                    .filter(|d| !d.starts_with(['0', '+']))?;
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
                let number = grid
                    .columns
                    .get(grid.label_column())
                    .map_or(2, |c| c.number);
                self.value(&cell_code(section, key, number))
                    .trim()
                    .to_string()
            }
        }
    }
}

/// Sets texts by code; an empty text is no text, and its code is removed.
fn set_texts(map: &mut KeyMap<String>, texts: Vec<(String, String)>) {
    map.set_many(
        texts
            .into_iter()
            .map(|(code, text)| (code, Some(text).filter(|t| !t.is_empty())))
            .collect(),
    );
}

/// A grid row's typed texts by column number (from [`Report::row_texts`]).
pub struct RowTexts<'a>(Vec<(u32, &'a str)>);

impl<'a> RowTexts<'a> {
    /// The text in column `number`; empty when none was typed.
    pub fn get(&self, number: u32) -> &'a str {
        self.0
            .iter()
            .find(|(n, _)| *n == number)
            .map_or("", |(_, text)| text)
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
    fn empty_text_removes_a_value() {
        let mut report = Report::default();
        report.set_value("1.1", "5");
        report.set_value("1.1", "");
        assert!(report.values.is_empty());
    }
}
