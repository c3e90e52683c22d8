//! A stored or imported report is checked as strictly as a template.
//!
//! [`Report::check_shape`] needs no template and runs on every stored
//! and imported draft (a failing stored entry is quarantined): each grid's
//! row list has valid, distinct keys. [`Report::check_against`] runs on an
//! import made with the same template version: every row list belongs to
//! an editable grid, every value to an indicator that takes one or to a
//! typed cell of a known row. A refused file changes nothing.

use rustc_hash::FxHashSet;

use super::grid::{is_group_key, Grid, GridRows};
use super::report::{grid_cell, Report};
use super::template::Template;

/// A row key the app makes: `1`, `2`, … or `g1`, `g2`, … for group headings.
fn valid_key(key: &str) -> bool {
    let digits = key.strip_prefix('g').unwrap_or(key);
    !digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit())
}

impl Report {
    /// The row lists are well formed: keys the app could have made, each
    /// once per list.
    pub fn check_shape(&self) -> Result<(), String> {
        for (section, keys) in &self.rows {
            let mut seen = FxHashSet::with_capacity_and_hasher(keys.len(), Default::default());
            for key in keys {
                if !valid_key(key) {
                    return Err(format!(
                        "phần «{section}» có dòng với khóa «{key}» không hợp lệ"
                    ));
                }
                if !seen.insert(key.as_str()) {
                    let what = if is_group_key(key) { "nhóm" } else { "dòng" };
                    return Err(format!("phần «{section}» có hai {what} cùng khóa «{key}»"));
                }
            }
        }
        Ok(())
    }

    /// Everything in the report belongs to `template` (the version it was
    /// made with or migrated to; a row its changes took out keeps its value
    /// aside): row lists of its editable grids, values of indicators
    /// that take one and of typed cells of known rows, notes of indicators.
    pub fn check_against(&self, template: &Template) -> Result<(), String> {
        self.check_shape()?;
        for section in self.rows.keys() {
            if !template.grid(section).is_some_and(|g| g.is_editable()) {
                return Err(format!(
                    "phần «{section}» không phải bảng thêm được dòng của biểu mẫu «{}»",
                    template.id
                ));
            }
        }
        let holder = Holder::new(self, template);
        for code in self.values.keys() {
            if template.retired(code) {
                continue;
            }
            if holder.holds(code) {
                if template.indicator(code).is_some_and(|i| i.is_heading()) {
                    return Err(format!("«{code}» là dòng tiêu đề, không có số liệu"));
                }
                continue;
            }
            let in_grid = template
                .grids()
                .find_map(|(s, _)| grid_cell(&s.id, code).map(|cell| (s.id.as_str(), cell)));
            return Err(match in_grid {
                Some((section, (key, number))) => {
                    format!("ô «{code}» không thuộc bảng «{section}»: không có dòng «{key}» hoặc cột ({number}) không nhập được")
                }
                None => format!("mã «{code}» không có trong biểu mẫu «{}»", template.id),
            });
        }
        if let Some(code) = self
            .notes
            .keys()
            .find(|c| template.indicator(c).is_none() && !template.retired(c))
        {
            return Err(format!(
                "ghi chú của mã «{code}», không có trong biểu mẫu «{}»",
                template.id
            ));
        }
        Ok(())
    }
}

/// Which values a template holds.
impl Report {
    /// Whether `code` names a typed cell of a row of the grid `section`.
    pub fn holds_cell(&self, section: &str, grid: &Grid, code: &str) -> bool {
        typed_cell_of(section, grid, code, |key| match &grid.rows {
            GridRows::Fixed(rows) => rows.iter().any(|r| r.key == key),
            GridRows::Editable { .. } => self
                .rows
                .get(section)
                .is_some_and(|keys| keys.iter().any(|k| k == key)),
        })
    }

    /// The values and notes the template does not hold (a template changed
    /// since the report was written), kept untouched beside the report.
    pub fn orphans(&self, template: &Template) -> Report {
        let holder = Holder::new(self, template);
        let mut orphans = Report::default();
        for (code, text) in &self.values {
            if !holder.holds(code) {
                orphans.set_value(code, text);
            }
        }
        for (code, text) in &self.notes {
            if template.indicator(code).is_none() {
                orphans.set_note(code, text);
            }
        }
        orphans
    }
}

/// Whether a value belongs to the template: an indicator's, or a typed cell
/// of a row of one of its grids. The rows (fixed, or listed in the report)
/// are looked up by key: one check per value, whatever the rows' count.
/// Make it once per report, not once per value.
struct Holder<'a> {
    template: &'a Template,
    grids: Vec<(&'a str, &'a Grid, FxHashSet<&'a str>)>,
}

impl<'a> Holder<'a> {
    fn new(report: &'a Report, template: &'a Template) -> Self {
        let grids = template
            .grids()
            .map(|(section, grid)| {
                let rows: FxHashSet<&str> = match &grid.rows {
                    GridRows::Fixed(rows) => rows.iter().map(|r| r.key.as_str()).collect(),
                    GridRows::Editable { .. } => report
                        .rows
                        .get(&section.id)
                        .into_iter()
                        .flatten()
                        .map(String::as_str)
                        .collect(),
                };
                (section.id.as_str(), &**grid, rows)
            })
            .collect();
        Holder { template, grids }
    }

    fn holds(&self, code: &str) -> bool {
        self.template.indicator(code).is_some()
            || self.grids.iter().any(|(section, grid, rows)| {
                typed_cell_of(section, grid, code, |key| rows.contains(key))
            })
    }
}

/// Whether `code` is `<section>/<row>/c<n>` of a row `known_row` accepts and
/// a column the clerk types in.
fn typed_cell_of(section: &str, grid: &Grid, code: &str, known_row: impl Fn(&str) -> bool) -> bool {
    grid_cell(section, code).is_some_and(|(key, number)| {
        known_row(key)
            && grid
                .column_by_number(number)
                .is_some_and(|i| grid.is_typed(i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_template;

    fn district() -> (Template, Report) {
        let t = builtin_template("huyen-cchc").unwrap();
        let mut r = Report::new(&t);
        r.rows.insert("pl5".into(), vec!["1".into(), "2".into()]);
        r.set_value("pl5/1/c2", "Tư pháp");
        r.set_value("pl5/2/c3", "5");
        (t, r)
    }

    #[test]
    fn a_well_formed_report_passes() {
        let (t, r) = district();
        assert_eq!(r.check_against(&t), Ok(()));
    }

    #[test]
    fn duplicate_and_made_up_row_keys_are_refused() {
        let (t, mut r) = district();
        r.rows
            .insert("pl5".into(), vec!["1".into(), "2".into(), "1".into()]);
        assert_eq!(
            r.check_shape(),
            Err("phần «pl5» có hai dòng cùng khóa «1»".into())
        );
        r.rows
            .insert("pl5".into(), vec!["1".into(), "x/../1".into()]);
        assert!(r.check_shape().unwrap_err().contains("không hợp lệ"));
        r.rows.insert("pl5".into(), vec!["1".into(), "2".into()]);
        r.rows.insert("khong-co".into(), vec!["1".into()]);
        assert!(r.check_against(&t).unwrap_err().contains("phần «khong-co»"));
    }

    #[test]
    fn cells_and_codes_outside_the_template_are_refused() {
        let (t, mut r) = district();
        r.set_value("pl5/3/c3", "7");
        assert!(
            r.check_against(&t).unwrap_err().contains("ô «pl5/3/c3»"),
            "a row not in the list"
        );
        r.set_value("pl5/3/c3", "");
        r.set_value("pl5/1/c1", "7");
        assert!(
            r.check_against(&t).unwrap_err().contains("cột (1)"),
            "the STT column is not typed"
        );
        r.set_value("pl5/1/c1", "");
        r.set_value("3.3.1", "1.603");
        assert!(
            r.check_against(&t).unwrap_err().contains("mã «3.3.1»"),
            "a commune code in a district report"
        );
    }
}
