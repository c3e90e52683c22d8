//! Subtotals by kind of unit: a province's xã, phường and đặc khu added
//! up apart. The template's `rollup.by_kind` names a grid with one fixed
//! row per group of kinds; each of its value columns gets the sum of the
//! same-numbered column over the unit table's rows of those kinds, read
//! from the report as it stands (the rows the files filled and the ones
//! the clerk typed), and its `units_column` the number of units.
//! The kind of a row is read from its name by `core::unit_name`, in any
//! case or spelling («ĐẶC KHU PHÚ QUỐC»).

use super::grid::{cell_code, is_group_key, ColumnRole};
use super::number::format_vn;
use super::report::Report;
use super::template::{ByKind, RollupSpec, Template};
use super::unit_name::{same_kind, UnitName};

/// Writes the subtotals into `report`; returns a notice for each unit row
/// whose kind is none of the groups' (its figures are in no subtotal).
pub fn subtotal_by_kind(
    report: &mut Report,
    template: &Template,
    spec: &RollupSpec,
    by_kind: &ByKind,
) -> Vec<String> {
    let (Some(units), Some(kinds)) = (
        template.grid(&spec.section),
        template.grid(&by_kind.section),
    ) else {
        return Vec::new();
    };
    let label_number = units
        .columns
        .get(units.label_column())
        .map_or(2, |c| c.number);
    // The value columns both tables have: (number, the unit table's kind).
    let columns: Vec<(u32, u8, &ColumnRole)> = kinds
        .columns
        .iter()
        .filter(|c| Some(c.number) != by_kind.units_column)
        .filter_map(|c| {
            let i = units.column_by_number(c.number)?;
            let unit_column = &units.columns[i];
            (matches!(c.role, ColumnRole::Value(_)) && unit_column.is_summed()).then_some((
                c.number,
                unit_column.decimals(),
                &unit_column.role,
            ))
        })
        .collect();
    let mut sums = vec![(0usize, vec![None::<f64>; columns.len()]); by_kind.rows.len()];
    let mut notices = Vec::new();
    for key in report.row_keys(&spec.section, units) {
        if is_group_key(&key) {
            continue;
        }
        let label = report.value(&cell_code(&spec.section, &key, label_number));
        if label.trim().is_empty() {
            continue;
        }
        let name = UnitName::new(label, "");
        let Some(group) = by_kind
            .rows
            .iter()
            .position(|(_, kinds)| kinds.iter().any(|k| same_kind(k, name.kind())))
        else {
            notices.push(format!(
                "Dòng «{}» không ghi rõ là {}: số liệu của dòng này không được cộng vào bảng theo loại đơn vị.",
                label.trim(),
                by_kind
                    .rows
                    .iter()
                    .flat_map(|(_, kinds)| kinds.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            continue;
        };
        let (count, totals) = &mut sums[group];
        *count += 1;
        for ((number, _, role), total) in columns.iter().zip(totals.iter_mut()) {
            let ColumnRole::Value(kind) = role else {
                continue;
            };
            let text = report.value(&cell_code(&spec.section, &key, *number));
            if let Some(n) = kind.read(text).number() {
                *total = Some(total.unwrap_or(0.0) + n);
            }
        }
    }
    let mut texts = Vec::new();
    for ((row, _), (count, totals)) in by_kind.rows.iter().zip(&sums) {
        if let Some(number) = by_kind.units_column {
            texts.push((cell_code(&by_kind.section, row, number), count.to_string()));
        }
        for ((number, decimals, _), total) in columns.iter().zip(totals) {
            texts.push((
                cell_code(&by_kind.section, row, *number),
                total.map_or_else(String::new, |t| format_vn(t, *decimals)),
            ));
        }
    }
    report.set_values(texts);
    notices
}
