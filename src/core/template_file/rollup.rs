//! A template's `rollup` block checked: the grid that gets a row per unit,
//! the columns it fills, the kinds of unit it accepts and the grid of
//! subtotals by kind.

use super::format::{ByKindFile, RollupFile};
use crate::core::grid::{ColumnRole, GridRows};
use crate::core::loading::{fail, TemplateError};
use crate::core::template::{ByKind, RollupSpec, Template};
use crate::core::unit_name::is_unit_kind;

impl Template {
    pub(super) fn check_rollup(&self, file: RollupFile) -> Result<RollupSpec, TemplateError> {
        let Some(grid) = self.grid(&file.section) else {
            return fail(format!(
                "\"rollup\" ghi vào phần \"{}\", nhưng đó không phải một bảng (grid)",
                file.section
            ));
        };
        if !grid.is_editable() {
            return fail(format!(
                "\"rollup\": bảng \"{}\" phải là danh sách thêm dòng (\"add_rows\")",
                file.section
            ));
        }
        for (number, _) in &file.columns.0 {
            let quantity = grid.column_by_number(*number).is_some_and(
                |i| matches!(&grid.columns[i].role, ColumnRole::Value(kind) if kind.is_quantity()),
            );
            if !quantity {
                return fail(format!(
                    "\"rollup\": cột ({number}) của bảng \"{}\" không phải cột số để điền",
                    file.section
                ));
            }
        }
        check_kinds(&file.kinds, "\"rollup\".\"kinds\"")?;
        let by_kind = match file.by_kind {
            Some(by_kind) => Some(self.check_by_kind(by_kind, &file.section)?),
            None => None,
        };
        Ok(RollupSpec {
            from: file.from,
            section: file.section,
            columns: file.columns.0,
            note: file.note,
            kinds: file.kinds,
            units: file.units.trim().to_string(),
            to: if file.to.trim().is_empty() {
                "báo cáo tổng hợp".to_string()
            } else {
                file.to
            },
            by_kind,
        })
    }

    fn check_by_kind(&self, file: ByKindFile, units: &str) -> Result<ByKind, TemplateError> {
        let who = "\"rollup\".\"by_kind\"";
        if file.section == units {
            return fail(format!(
                "{who}: bảng cộng theo loại đơn vị phải khác bảng \"{units}\""
            ));
        }
        let Some(grid) = self.grid(&file.section) else {
            return fail(format!(
                "{who} ghi vào phần \"{}\", nhưng đó không phải một bảng (grid)",
                file.section
            ));
        };
        let GridRows::Fixed(fixed) = &grid.rows else {
            return fail(format!(
                "{who}: bảng \"{}\" phải có các dòng cố định (\"rows\"), mỗi dòng một loại đơn vị",
                file.section
            ));
        };
        let mut rows = Vec::with_capacity(file.rows.len());
        for row in file.rows {
            if !fixed.iter().any(|f| f.key == row.row) {
                return fail(format!(
                    "{who}: bảng \"{}\" không có dòng \"{}\"",
                    file.section, row.row
                ));
            }
            check_kinds(&row.kinds, who)?;
            rows.push((row.row, row.kinds));
        }
        if let Some(number) = file.units_column {
            let count = grid.column_by_number(number).is_some_and(
                |i| matches!(&grid.columns[i].role, ColumnRole::Value(kind) if kind.is_quantity()),
            );
            if !count {
                return fail(format!(
                    "{who}: cột ({number}) của bảng \"{}\" không phải cột số để đếm đơn vị",
                    file.section
                ));
            }
        }
        Ok(ByKind {
            section: file.section,
            units_column: file.units_column,
            rows,
        })
    }
}

fn check_kinds(kinds: &[String], who: &str) -> Result<(), TemplateError> {
    match kinds.iter().find(|k| !is_unit_kind(k)) {
        Some(kind) => fail(format!(
            "{who}: «{kind}» không phải một loại đơn vị (xã, phường, đặc khu, thị trấn, huyện, quận, thị xã, thành phố, tỉnh)"
        )),
        None => Ok(()),
    }
}
