//! Roll-up: a draft built from its units' report files, a district's from
//! its communes (before 1/7/2025) or a province's from its xã, phường and
//! đặc khu (since). Both are the same mechanism: the template's `rollup`
//! block says, as data, what it rolls up from, which kinds of unit it
//! takes, which columns it fills and how it subtotals by kind; no template
//! is a special case here.
//!
//! Each unit's `.json` (the draft envelope of `core::draft`) becomes one
//! row of the unit table, filled from the unit's dossier figures as the
//! `rollup` says; and the units' indicators are summarised: counts summed,
//! rates recomputed from the summed parts (never averaged or summed),
//! yes/no and coded answers counted by answer. Files that cannot be used
//! are named with the reason, and never stop the others.

use rustc_hash::FxHashMap;

use super::draft::Draft;
use super::grid::{cell_code, Grid};
use super::number::format_vn;
use super::period::{parse_year, Period};
use super::report::Report;
use super::rollup_kinds::subtotal_by_kind;
use super::summarise::summarise;
use super::summary::{CommuneSummary, SummarySource};
use super::template::{RollupSpec, Template};
use super::unit_name::{same_kind, UnitName};
use super::vn_text;

/// What a roll-up produced.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupOutcome {
    pub report: Report,
    pub used: usize,
    pub notices: Vec<String>,
}

/// "ỦY BAN NHÂN DÂN XÃ BA CÙM NAM" → "UBND xã Ba Cùm Nam", the way the
/// district's tables name communes ([`UnitName::row_label`]: decomposed
/// letters composed, the clerk's own tone placement kept). `place`, the
/// commune's place field, spells the name when it is filled.
pub fn commune_row_label(unit: &str, place: &str) -> String {
    let label = UnitName::new(unit, place).row_label();
    if label == "UBND" || label == "HĐND" {
        return vn_text::compose(unit).trim().to_string();
    }
    label
}

/// Two names of the same commune compare equal: spelt in capitals or not,
/// with the old or new tone placement, composed or decomposed, with "UBND"
/// or "Ủy ban nhân dân".
pub fn commune_key(label: &str) -> String {
    key_of_row_label(&commune_row_label(label, ""))
}

/// [`commune_key`] of a name already made a [`commune_row_label`].
fn key_of_row_label(label: &str) -> String {
    vn_text::composed_word_keys(label.strip_prefix("UBND ").unwrap_or(label)).join(" ")
}

fn period_phrase(period: Period, year: &str) -> String {
    match parse_year(year) {
        Ok(year) => period.phrase(year),
        Err(_) => format!("{} (chưa ghi năm)", period.label()),
    }
}

/// One unit's file, read and checked: what the roll-up keeps of it.
pub struct UnitFile {
    file: String,
    unit: String,
    /// The unit as the tables name it, and its [`commune_key`].
    label: String,
    key: String,
    draft: Draft,
}

/// The template's `rollup` block, once the template and the units'
/// template fit it.
pub fn rollup_spec<'a>(
    template: &'a Template,
    unit_template: &Template,
) -> Result<&'a RollupSpec, String> {
    let Some(spec) = &template.rollup else {
        return Err(format!(
            "Biểu mẫu «{}» không có phần tổng hợp từ báo cáo của các đơn vị.",
            template.name
        ));
    };
    if template.grid(&spec.section).is_none() {
        return Err(format!(
            "Biểu mẫu «{}» không có bảng «{}».",
            template.name, spec.section
        ));
    }
    if unit_template.id != spec.from {
        return Err(format!("Cần biểu mẫu «{}» để tổng hợp.", spec.from));
    }
    Ok(spec)
}

/// Reads one unit's file `(file name, text)` for `spec`: the unit, or the
/// notice that names the file and why it is left out. The costly part of a
/// roll-up, file by file, so that the page can read thousands between
/// frames.
pub fn read_unit_file(spec: &RollupSpec, file: &str, text: &str) -> Result<UnitFile, String> {
    let draft = Draft::from_json(text).map_err(|e| format!("Bỏ qua tệp «{file}»: {e}."))?;
    if draft.report.template_id != spec.from {
        return Err(format!(
            "Bỏ qua tệp «{file}»: đây là báo cáo theo biểu mẫu «{}», không phải báo cáo của {} ({}).",
            draft.report.template_id,
            spec.noun(),
            spec.from
        ));
    }
    let unit = draft.report.header.unit.trim().to_string();
    let name = UnitName::new(&unit, &draft.report.header.place);
    let kind = name.kind();
    if !kind.is_empty() && !spec.kinds.is_empty() && !spec.kinds.iter().any(|k| same_kind(k, kind))
    {
        return Err(format!(
            "Bỏ qua tệp «{file}» ({unit}): biểu mẫu này chỉ tổng hợp báo cáo của {} ({}), không phải của {kind}.",
            spec.noun(),
            spec.kinds.join(", ")
        ));
    }
    let label = commune_row_label(&unit, &draft.report.header.place);
    let key = key_of_row_label(&label);
    Ok(UnitFile {
        file: file.to_string(),
        unit,
        label,
        key,
        draft,
    })
}

/// Rolls the units' files `(file name, text)` up into `report`, a draft of
/// `template`. `unit_template` must be the template named by its
/// `rollup.from`.
pub fn roll_up(
    template: &Template,
    report: &Report,
    unit_template: &Template,
    files: &[(String, String)],
) -> Result<RollupOutcome, String> {
    let spec = rollup_spec(template, unit_template)?;
    let mut notices = Vec::new();
    let mut units = Vec::with_capacity(files.len());
    for (file, text) in files {
        match read_unit_file(spec, file, text) {
            Ok(unit) => units.push(unit),
            Err(notice) => notices.push(notice),
        }
    }
    roll_up_read(template, report, unit_template, units, notices)
}

/// The roll-up of files already read ([`read_unit_file`]); `notices`, those
/// of the files left out so far, come first in the outcome's.
pub fn roll_up_read(
    district_template: &Template,
    district: &Report,
    commune_template: &Template,
    mut communes: Vec<UnitFile>,
    mut notices: Vec<String>,
) -> Result<RollupOutcome, String> {
    let spec = rollup_spec(district_template, commune_template)?;
    let Some(grid) = district_template.grid(&spec.section) else {
        return Err(format!("Không có bảng «{}».", spec.section));
    };

    // The period: the district's own, or the one most files share.
    let mut report = district.clone();
    if parse_year(&report.header.year).is_err() {
        let mut seen: FxHashMap<(Period, String), usize> = FxHashMap::default();
        for c in &communes {
            *seen
                .entry((
                    c.draft.report.header.period,
                    c.draft.report.header.year.trim().to_string(),
                ))
                .or_default() += 1;
        }
        if let Some(((period, year), _)) = seen
            .into_iter()
            .filter(|((_, y), _)| parse_year(y).is_ok())
            .max_by_key(|(k, n)| (*n, k.1.clone()))
        {
            report.header.period = period;
            report.header.year = year;
        }
    }
    let (period, year) = (report.header.period, report.header.year.trim().to_string());
    communes.retain(|c| {
        let header = &c.draft.report.header;
        let same = header.period == period && header.year.trim() == year;
        if !same {
            notices.push(format!(
                "Bỏ qua tệp «{}» ({}): báo cáo {}, khác kỳ của {} ({}).",
                c.file,
                if c.unit.is_empty() {
                    "chưa ghi đơn vị"
                } else {
                    &c.unit
                },
                period_phrase(header.period, &header.year),
                spec.to,
                period_phrase(period, &year)
            ));
        }
        same
    });

    // One file per commune: the one saved last.
    let mut chosen: Vec<UnitFile> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for c in communes {
        if c.unit.is_empty() {
            notices.push(format!(
                "Tệp «{}» chưa ghi tên đơn vị (cơ quan ban hành); dòng của nó chưa có tên.",
                c.file
            ));
            chosen.push(c);
            continue;
        }
        match by_key.get(&c.key) {
            Some(&i) => {
                let (kept, dropped) = if c.draft.updated_at > chosen[i].draft.updated_at {
                    let old = std::mem::replace(&mut chosen[i], c);
                    (chosen[i].file.clone(), old.file)
                } else {
                    (chosen[i].file.clone(), c.file)
                };
                notices.push(format!(
                    "Hai tệp của cùng {}: «{dropped}» và «{kept}». Dùng «{kept}» (lưu sau), bỏ qua «{dropped}».",
                    chosen[i].label
                ));
            }
            None => {
                by_key.insert(c.key.clone(), chosen.len());
                chosen.push(c);
            }
        }
    }

    fill_commune_rows(
        &mut report,
        grid,
        &spec.section,
        &spec.columns,
        commune_template,
        &chosen,
    );
    if let Some(by_kind) = &spec.by_kind {
        notices.extend(subtotal_by_kind(
            &mut report,
            district_template,
            spec,
            by_kind,
        ));
    }
    report.commune_summary = Some(CommuneSummary {
        from: spec.from.clone(),
        units: spec.units.clone(),
        sources: chosen
            .iter()
            .map(|c| SummarySource {
                file: c.file.clone(),
                unit: c.unit.clone(),
                period: period_phrase(c.draft.report.header.period, &c.draft.report.header.year),
            })
            .collect(),
        notices: notices.clone(),
        lines: summarise(
            commune_template,
            &chosen.iter().map(|c| &c.draft.report).collect::<Vec<_>>(),
        ),
    });
    Ok(RollupOutcome {
        report,
        used: chosen.len(),
        notices,
    })
}

/// The number an indicator holds in a commune report, if valid.
fn number_of(template: &Template, report: &Report, code: &str) -> Option<f64> {
    template
        .kind_of(code)
        .and_then(|kind| kind.read(report.value(code)).number())
}

fn fill_commune_rows(
    report: &mut Report,
    grid: &Grid,
    section: &str,
    columns: &[(u32, Vec<String>)],
    commune_template: &Template,
    communes: &[UnitFile],
) {
    let label_number = grid
        .columns
        .get(grid.label_column())
        .map_or(2, |c| c.number);
    let mut keys = report.row_keys(section, grid);
    let mut row_of: FxHashMap<String, String> = keys
        .iter()
        .map(|key| {
            (
                commune_key(report.value(&cell_code(section, key, label_number))),
                key.clone(),
            )
        })
        .filter(|(label, _)| !label.is_empty())
        .collect();
    // New rows are numbered on from the largest key, counted once.
    let mut largest = Grid::largest_key(&keys, false);
    let mut texts = Vec::with_capacity(communes.len() * (columns.len() + 1));
    for c in communes {
        let key = match row_of.get(&c.key).filter(|_| !c.label.is_empty()) {
            Some(key) => key.clone(),
            None => {
                largest += 1;
                let key = largest.to_string();
                keys.push(key.clone());
                row_of.insert(c.key.clone(), key.clone());
                key
            }
        };
        texts.push((cell_code(section, &key, label_number), c.label.clone()));
        for (number, codes) in columns {
            let values: Vec<f64> = codes
                .iter()
                .filter_map(|code| number_of(commune_template, &c.draft.report, code))
                .collect();
            let text = if values.is_empty() {
                String::new()
            } else {
                format_vn(values.iter().sum(), 2)
            };
            texts.push((cell_code(section, &key, *number), text));
        }
    }
    report.set_values(texts);
    report.rows.insert(section.to_string(), keys);
}

#[cfg(test)]
#[path = "tests/rollup.rs"]
mod tests;
