//! Reads a template file and checks it in full.
//!
//! [`Template::from_json`] refuses a broken file with a precise Vietnamese
//! message (unknown codes, duplicate ids, a rule over a heading, a grid
//! whose sum names a text column), so nothing past loading has to guard
//! against them.

mod breakdown;
mod changes;
mod derived;
mod format;
mod outline;
mod rollup;
mod targets;

use rustc_hash::{FxHashMap, FxHashSet};

use self::format::{RowFile, TemplateFile};
use std::sync::Arc;

use super::grid::Grid;
use super::json_read;
use super::levels::Levels;
use super::loading::{fail, shared_value_kind, TemplateError};
use super::previous::ChangeThreshold;
use super::template::{Indicator, Line, Section, Template, RESERVED_CODES};
use super::value::ValueKind;

/// The template file format this build reads.
pub const TEMPLATE_FORMAT: u32 = 1;

/// The kinds of an indicator row, as a file names them (the template
/// workbook's drop-down lists them too).
pub const ROW_KINDS: &[&str] = &[
    "heading",
    "count",
    "decimal",
    "percentage",
    "yes-no",
    "choice",
    "text",
];

fn change_threshold(row: &RowFile) -> Result<ChangeThreshold, TemplateError> {
    match row.change {
        None => Ok(ChangeThreshold::default()),
        Some(t) if t.ratio.is_finite() && t.ratio >= 0.0 && t.from.is_finite() && t.from >= 0.0 => {
            Ok(t)
        }
        Some(_) => fail(format!(
            "Chỉ tiêu \"{}\" có \"change\" không hợp lệ: \"ratio\" và \"from\" phải là số không âm",
            row.code
        )),
    }
}

fn value_kind(row: &RowFile) -> Result<Option<ValueKind>, TemplateError> {
    let who = format!("Chỉ tiêu \"{}\"", row.code);
    if let Some(kind) = shared_value_kind(&row.kind, row.decimals, &row.options, &who)? {
        return Ok(Some(kind));
    }
    match row.kind.as_str() {
        "heading" => Ok(None),
        "yes-no" if row.options.is_empty() => Ok(Some(ValueKind::YesNo {
            yes: row.yes.clone().unwrap_or_else(|| "Có".into()),
            no: row.no.clone().unwrap_or_else(|| "Không".into()),
        })),
        "yes-no" => fail(format!("{who} có \"options\" nhưng không phải kiểu choice")),
        other => fail(format!(
            "{who} có kiểu \"{other}\" không được hỗ trợ; các kiểu hợp lệ: {}",
            ROW_KINDS.join(", ")
        )),
    }
}

impl Template {
    /// Reads and checks a template file.
    pub fn from_json(text: &str) -> Result<Template, TemplateError> {
        let file: TemplateFile = json_read::read(text)
            .map_err(|e| TemplateError(format!("Tệp biểu mẫu không đọc được: {e}")))?;
        Template::from_file(file, text)
    }

    fn from_file(file: TemplateFile, text: &str) -> Result<Template, TemplateError> {
        if file.format != TEMPLATE_FORMAT {
            return fail(format!(
                "Tệp biểu mẫu dùng định dạng {}, bản này chỉ đọc định dạng {TEMPLATE_FORMAT}",
                file.format
            ));
        }
        let id_ok = !file.id.is_empty()
            && file
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            return fail(format!(
                "Mã biểu mẫu \"{}\" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang",
                file.id
            ));
        }
        if file.sections.is_empty() {
            return fail("Biểu mẫu không có phần nào (\"sections\")");
        }

        let mut indicators = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut section_ids = FxHashSet::default();
        let mut sections = Vec::new();
        let mut first_part_seen: FxHashSet<String> = FxHashSet::default();

        for section in &file.sections {
            if !section_ids.insert(section.id.clone()) {
                return fail(format!("Phần \"{}\" xuất hiện hai lần", section.id));
            }
            let grid = match &section.grid {
                Some(_) if !section.rows.is_empty() => {
                    return fail(format!(
                        "Phần \"{}\" có cả \"rows\" lẫn \"grid\"; chỉ được một",
                        section.id
                    ))
                }
                Some(grid) => Some(Arc::new(Grid::from_file(grid, &section.id)?)),
                None => None,
            };
            if section.id.is_empty() || section.id.contains(['/', ' ', ':']) {
                return fail(format!("Phần \"{}\" có mã không hợp lệ: không được rỗng, chứa dấu cách, \"/\" hay \":\"", section.id));
            }
            let mut lines = Vec::new();
            for row in &section.rows {
                let code = row.code.trim();
                if !code_ok(code) {
                    return fail(format!(
                        "Dòng \"{}\" có mã không hợp lệ: {CODE_RULE}",
                        row.label
                    ));
                }
                if index.contains_key(code) {
                    return fail(format!("Mã chỉ tiêu \"{code}\" xuất hiện hai lần"));
                }
                // A draft keys its other fields by these names (`draft_fields`).
                if RESERVED_CODES.contains(&code) {
                    return fail(format!(
                        "Mã chỉ tiêu \"{code}\" trùng tên dành riêng của ứng dụng ({})",
                        RESERVED_CODES.join(", ")
                    ));
                }
                let kind = value_kind(row)?;
                let group = match &row.part_of {
                    Some(parent) => match index.get(parent.as_str()) {
                        None => {
                            return fail(format!(
                                "Chỉ tiêu \"{code}\" là dòng \"Trong đó\" của \"{parent}\", nhưng \"{parent}\" không có ở phía trên"
                            ))
                        }
                        Some(&i) if indicators_kind(&indicators, i).is_none() => {
                            return fail(format!(
                                "Chỉ tiêu \"{code}\" là dòng \"Trong đó\" của \"{parent}\", nhưng \"{parent}\" là dòng tiêu đề"
                            ))
                        }
                        Some(&i) => breakdown::group_of_part(code, &indicators[i], row.group.as_deref())?,
                    },
                    None if row.group.is_some() => {
                        return fail(format!(
                            "Chỉ tiêu \"{code}\" ghi \"group\" nhưng không phải dòng \"Trong đó\" của dòng nào (thiếu \"part_of\")"
                        ))
                    }
                    None => None,
                };
                let breakdown = breakdown::groups_of(code, row.breakdown.as_ref())?;
                let first_part = row
                    .part_of
                    .as_ref()
                    .is_some_and(|parent| first_part_seen.insert(parent.clone()));
                index.insert(code.to_string(), indicators.len());
                lines.push(Line::Indicator(indicators.len()));
                indicators.push(Indicator {
                    code: code.to_string(),
                    label: row.label.trim().to_string(),
                    unit: row.unit.trim().to_string(),
                    kind,
                    part_of: row.part_of.clone(),
                    group,
                    breakdown,
                    first_part,
                    change: change_threshold(row)?,
                });
            }
            sections.push(Section {
                id: section.id.clone(),
                title: section.title.clone(),
                annex: section.annex.clone(),
                unit_note: section.unit_note.clone(),
                landscape: section.landscape,
                lines,
                grid,
            });
        }

        let mut template = Template {
            id: file.id,
            version: file.version,
            name: file.name,
            description: file.description,
            annex: file.annex,
            title: file.title,
            unit_note: file.unit_note,
            indicators,
            computed: Vec::new(),
            sections,
            rules: Vec::new(),
            targets: Vec::new(),
            rollup: None,
            levels: match file.levels.as_deref() {
                None => None,
                Some(key) => Some(Levels::from_key(key).map_or_else(
                    || fail(format!("\"levels\": «{key}» phải là \"two\" (chính quyền hai cấp, từ 01/7/2025) hoặc \"three\" (trước 01/7/2025)")),
                    Ok,
                )?),
            },
            recipients: file.recipients.filter(|r| !r.trim().is_empty()),
            outline: Default::default(),
            changes: Vec::new(),
            source: Arc::from(text),
            index,
            row_position: FxHashMap::default(),
        };
        template.check_breakdowns()?;
        template.add_computed(file.computed)?;
        template.add_breakdown_rules();
        template.add_rules(file.rules)?;
        template.add_targets(file.targets)?;
        template.add_outline(file.outline)?;
        template.add_changes(file.changes)?;
        if let Some(rollup) = file.rollup {
            template.rollup = Some(template.check_rollup(rollup)?);
        }
        template.row_position = template
            .sections
            .iter()
            .flat_map(|s| s.lines.iter())
            .filter_map(|line| match line {
                Line::Indicator(i) => Some(*i),
                Line::Computed(_) => None,
            })
            .enumerate()
            .map(|(position, i)| (template.indicators[i].code.clone(), position))
            .collect();
        Ok(template)
    }

    fn require_quantity(&self, code: &str, who: &str) -> Result<(), TemplateError> {
        match self.index.get(code).map(|&i| &self.indicators[i].kind) {
            None => fail(format!("{who} nhắc đến mã \"{code}\", nhưng biểu mẫu không có chỉ tiêu này")),
            Some(None) => fail(format!("{who} nhắc đến \"{code}\", là dòng tiêu đề không có số liệu")),
            Some(Some(kind)) if !kind.is_quantity() => fail(format!(
                "{who} nhắc đến \"{code}\", nhưng chỉ tiêu này không phải số lượng hay tỷ lệ để cộng, so sánh"
            )),
            Some(Some(_)) => Ok(()),
        }
    }

    fn decimals_of(&self, codes: &[String]) -> u8 {
        codes
            .iter()
            .filter_map(|c| match self.kind_of(c) {
                Some(ValueKind::Decimal { decimals } | ValueKind::Percentage { decimals }) => {
                    Some(*decimals)
                }
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }
}

/// What a code may not hold: a draft keys fields by `section/row/cN` and
/// `note:code`, and a workbook lists codes in one cell separated by «, »,
/// «;» or a new line.
pub(super) const CODE_RULE: &str =
    "mã không được rỗng, chứa dấu cách, \"/\", \":\", \",\" hay \";\"";

pub(super) fn code_ok(code: &str) -> bool {
    !code.is_empty() && !code.contains(['/', ':', ',', ';']) && !code.contains(char::is_whitespace)
}

fn indicators_kind(indicators: &[Indicator], i: usize) -> Option<&ValueKind> {
    indicators.get(i).and_then(|ind| ind.kind.as_ref())
}

#[cfg(test)]
#[path = "../tests/template_file.rs"]
mod tests;
