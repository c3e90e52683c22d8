//! Report templates: the forms, described as data.
//!
//! A template file (JSON, documented in `templates/README.md`) lists the rows
//! of a statistical annex, the values computed from them and the rules that
//! tie them together. [`Template::from_json`] checks a file in full and
//! refuses a broken one with a precise Vietnamese message, so nothing past
//! loading has to guard against unknown codes or missing options.
//! This module knows nothing about the browser.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use serde::Deserialize;

use super::grid::{ColumnRole, Grid, GridFile};
use super::rules::{Comparison, Issue, MissingPolicy, Rule, Severity};
use super::value::{ChoiceOption, ValueKind};

/// The template file format this build reads.
pub const TEMPLATE_FORMAT: u32 = 1;

/// Why a template file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

fn fail<T>(message: impl Into<String>) -> Result<T, TemplateError> {
    Err(TemplateError(message.into()))
}

// ---------------------------------------------------------------------------
// The file as written.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    format: u32,
    id: String,
    version: u32,
    name: String,
    #[serde(default)]
    description: String,
    annex: String,
    title: String,
    #[serde(default)]
    unit_note: Option<String>,
    sections: Vec<SectionFile>,
    #[serde(default)]
    computed: Vec<ComputedFile>,
    #[serde(default)]
    rules: Vec<RuleFile>,
    #[serde(default)]
    rollup: Option<RollupFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    annex: Option<String>,
    #[serde(default)]
    unit_note: Option<String>,
    #[serde(default)]
    landscape: bool,
    #[serde(default)]
    rows: Vec<RowFile>,
    #[serde(default)]
    grid: Option<GridFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RollupFile {
    from: String,
    section: String,
    columns: std::collections::BTreeMap<u32, Vec<String>>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RowFile {
    code: String,
    label: String,
    #[serde(default)]
    unit: String,
    kind: String,
    #[serde(default)]
    decimals: Option<u8>,
    #[serde(default)]
    options: Vec<ChoiceOption>,
    #[serde(default)]
    yes: Option<String>,
    #[serde(default)]
    no: Option<String>,
    #[serde(default)]
    part_of: Option<String>,
    #[serde(default)]
    breakdown: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComputedFile {
    code: String,
    label: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    sum: Vec<String>,
    #[serde(default)]
    rate: Option<RateFile>,
    #[serde(default)]
    decimals: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateFile {
    numerator: Vec<String>,
    denominator: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    id: Option<String>,
    left: Vec<String>,
    op: String,
    #[serde(default)]
    right: Vec<String>,
    #[serde(default)]
    right_constant: Option<f64>,
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    when_missing: Option<String>,
}

// ---------------------------------------------------------------------------
// The checked model.

/// One row of an indicator table. A heading has no value of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub code: String,
    pub label: String,
    pub unit: String,
    /// `None` for a heading row.
    pub kind: Option<ValueKind>,
    /// The row this one is a "Trong đó" breakdown of.
    pub part_of: Option<String>,
    /// The first breakdown row under its parent, printed with "Trong đó".
    pub first_part: bool,
}

impl Indicator {
    pub fn is_heading(&self) -> bool {
        self.kind.is_none()
    }
    /// How deep the row sits in the outline, for indentation: `3.3.1` is 2.
    pub fn depth(&self) -> usize {
        if self.part_of.is_some() {
            return self.code.matches('.').count();
        }
        self.code.trim_end_matches('.').matches('.').count()
    }
}

/// How a computed value is worked out.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    Sum(Vec<String>),
    /// numerator / denominator, in percent.
    Rate { numerator: Vec<String>, denominator: Vec<String> },
}

/// A value the app works out and shows read-only.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub code: String,
    pub label: String,
    pub unit: String,
    pub formula: Formula,
    pub decimals: u8,
}

/// One line of a section, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Indicator(usize),
    Computed(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// For a template of several annexes: this section's own "Phụ lục …",
    /// printed with `title` above its table, on its own sheet.
    pub annex: Option<String>,
    pub unit_note: Option<String>,
    /// Printed landscape (wide tables).
    pub landscape: bool,
    pub lines: Vec<Line>,
    /// A grid section has columns and rows instead of indicator lines.
    pub grid: Option<Arc<Grid>>,
}

impl Section {
    /// The annex name and title printed above this section's table.
    pub fn heading<'a>(&'a self, template: &'a Template) -> (&'a str, &'a str) {
        match &self.annex {
            Some(annex) => (annex.as_str(), self.title.as_str()),
            None => (template.annex.as_str(), template.title.as_str()),
        }
    }
}

/// How a district template fills one of its grids from commune reports:
/// a row per commune file, column number ← the sum of these indicator codes.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupSpec {
    /// The commune template id the files must have.
    pub from: String,
    /// The grid section that gets a row per commune.
    pub section: String,
    pub columns: Vec<(u32, Vec<String>)>,
    /// Shown to the clerk: how the columns were filled.
    pub note: String,
}

/// A checked template, ready to fill in.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub description: String,
    pub annex: String,
    pub title: String,
    pub unit_note: Option<String>,
    pub indicators: Vec<Indicator>,
    pub computed: Vec<Computed>,
    pub sections: Vec<Section>,
    pub rules: Vec<Rule>,
    pub rollup: Option<RollupSpec>,
    index: HashMap<String, usize>,
    /// Each indicator's position on the page, for ordering messages.
    row_position: HashMap<String, usize>,
}

const KINDS: &str = "heading, count, decimal, percentage, yes-no, choice, text";

/// The value kinds a table column and an indicator row share, by their
/// name in a template file, with their options checked. `Ok(None)` for any
/// other name; `who` begins each message ("Chỉ tiêu \"3.3.1\"").
pub(crate) fn shared_value_kind(
    name: &str,
    decimals: Option<u8>,
    options: &[ChoiceOption],
    who: &str,
) -> Result<Option<ValueKind>, TemplateError> {
    let decimals = decimals.unwrap_or(2);
    if decimals > 6 {
        return fail(format!("{who}: số chữ số thập phân tối đa là 6"));
    }
    let kind = match name {
        "count" => ValueKind::Count,
        "decimal" => ValueKind::Decimal { decimals },
        "percentage" => ValueKind::Percentage { decimals },
        "text" => ValueKind::Text,
        "choice" => {
            if options.is_empty() {
                return fail(format!("{who} là lựa chọn nhưng không có phương án nào (\"options\")"));
            }
            let mut seen = HashSet::new();
            for option in options {
                if !seen.insert(option.code) {
                    return fail(format!("{who}: mã lựa chọn {} xuất hiện hai lần", option.code));
                }
                if option.label.trim().is_empty() {
                    return fail(format!("{who}: lựa chọn {} chưa có tên", option.code));
                }
            }
            ValueKind::Choice { options: options.to_vec() }
        }
        _ => return Ok(None),
    };
    if !options.is_empty() && !matches!(kind, ValueKind::Choice { .. }) {
        return fail(format!("{who} có \"options\" nhưng không phải kiểu choice"));
    }
    Ok(Some(kind))
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
        other => fail(format!("{who} có kiểu \"{other}\" không được hỗ trợ; các kiểu hợp lệ: {KINDS}")),
    }
}

impl Template {
    /// Reads and checks a template file.
    pub fn from_json(text: &str) -> Result<Template, TemplateError> {
        let file: TemplateFile = serde_json::from_str(text).map_err(|e| {
            TemplateError(format!(
                "Tệp biểu mẫu không đọc được (dòng {}, cột {}): {}",
                e.line(),
                e.column(),
                e
            ))
        })?;
        Template::from_file(file)
    }

    fn from_file(file: TemplateFile) -> Result<Template, TemplateError> {
        if file.format != TEMPLATE_FORMAT {
            return fail(format!(
                "Tệp biểu mẫu dùng định dạng {}, bản này chỉ đọc định dạng {TEMPLATE_FORMAT}",
                file.format
            ));
        }
        let id_ok = !file.id.is_empty()
            && file.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
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
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut section_ids = HashSet::new();
        let mut sections = Vec::new();
        let mut first_part_seen: HashSet<String> = HashSet::new();
        let mut partitions: Vec<String> = Vec::new();

        for section in &file.sections {
            if !section_ids.insert(section.id.clone()) {
                return fail(format!("Phần \"{}\" xuất hiện hai lần", section.id));
            }
            let grid = match &section.grid {
                Some(_) if !section.rows.is_empty() => {
                    return fail(format!("Phần \"{}\" có cả \"rows\" lẫn \"grid\"; chỉ được một", section.id))
                }
                Some(grid) => Some(Arc::new(Grid::from_file(grid, &section.id)?)),
                None => None,
            };
            if section.id.is_empty() || section.id.contains(['/', ' ']) {
                return fail(format!("Phần \"{}\" có mã không hợp lệ: không được rỗng, chứa dấu cách hay \"/\"", section.id));
            }
            let mut lines = Vec::new();
            for row in &section.rows {
                let code = row.code.trim();
                if code.is_empty() || code.contains('/') || code.contains(char::is_whitespace) {
                    return fail(format!(
                        "Dòng \"{}\" có mã không hợp lệ: mã không được rỗng, chứa dấu cách hay \"/\"",
                        row.label
                    ));
                }
                if index.contains_key(code) {
                    return fail(format!("Mã chỉ tiêu \"{code}\" xuất hiện hai lần"));
                }
                let kind = value_kind(row)?;
                if let Some(parent) = &row.part_of {
                    match index.get(parent.as_str()) {
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
                        _ => {}
                    }
                }
                match row.breakdown.as_deref() {
                    None | Some("parts") => {}
                    Some("partition") => partitions.push(code.to_string()),
                    Some(other) => {
                        return fail(format!(
                            "Chỉ tiêu \"{code}\": \"breakdown\" phải là \"parts\" hoặc \"partition\", không phải \"{other}\""
                        ))
                    }
                }
                let first_part =
                    row.part_of.as_ref().is_some_and(|parent| first_part_seen.insert(parent.clone()));
                index.insert(code.to_string(), indicators.len());
                lines.push(Line::Indicator(indicators.len()));
                indicators.push(Indicator {
                    code: code.to_string(),
                    label: row.label.trim().to_string(),
                    unit: row.unit.trim().to_string(),
                    kind,
                    part_of: row.part_of.clone(),
                    first_part,
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
            rollup: None,
            index,
            row_position: HashMap::new(),
        };
        for parent in &partitions {
            if template.parts_of(parent).is_empty() {
                return fail(format!(
                    "Chỉ tiêu \"{parent}\" ghi \"breakdown\": \"partition\" nhưng không có dòng \"Trong đó\" nào"
                ));
            }
        }
        template.add_computed(file.computed)?;
        template.add_breakdown_rules(&partitions);
        template.add_rules(file.rules)?;
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

    fn add_computed(&mut self, computed: Vec<ComputedFile>) -> Result<(), TemplateError> {
        let mut seen = HashSet::new();
        for c in computed {
            let code = c.code.trim().to_string();
            if self.index.contains_key(&code) || !seen.insert(code.clone()) {
                return fail(format!("Mã giá trị tính \"{code}\" trùng với một mã đã có"));
            }
            let formula = match (c.sum.is_empty(), c.rate) {
                (false, None) => Formula::Sum(c.sum),
                (true, Some(rate)) => Formula::Rate { numerator: rate.numerator, denominator: rate.denominator },
                _ => {
                    return fail(format!(
                        "Giá trị tính \"{code}\" phải có đúng một công thức: \"sum\" hoặc \"rate\""
                    ))
                }
            };
            let operands: Vec<&String> = match &formula {
                Formula::Sum(codes) => codes.iter().collect(),
                Formula::Rate { numerator, denominator } => {
                    if numerator.is_empty() || denominator.is_empty() {
                        return fail(format!("Giá trị tính \"{code}\": tỷ lệ cần cả tử số và mẫu số"));
                    }
                    numerator.iter().chain(denominator).collect()
                }
            };
            for operand in operands {
                self.require_quantity(operand, &format!("Giá trị tính \"{code}\""))?;
            }
            let position = self.computed.len();
            let after = match &c.after {
                Some(after) => Some(self.index.get(after.as_str()).copied().ok_or_else(|| {
                    TemplateError(format!(
                        "Giá trị tính \"{code}\" đặt sau \"{after}\", nhưng không có chỉ tiêu \"{after}\""
                    ))
                })?),
                None => None,
            };
            let decimals = c.decimals.unwrap_or(match formula {
                Formula::Rate { .. } => 2,
                Formula::Sum(ref codes) => self.decimals_of(codes),
            });
            self.computed.push(Computed { code, label: c.label, unit: c.unit, formula, decimals });
            self.place_computed(position, after);
        }
        Ok(())
    }

    /// A computed line goes after its anchor and after any computed lines
    /// already placed there, or at the end of the last section.
    fn place_computed(&mut self, position: usize, after: Option<usize>) {
        let line = Line::Computed(position);
        for section in &mut self.sections {
            if let Some(anchor) = after {
                if let Some(mut at) = section.lines.iter().position(|l| *l == Line::Indicator(anchor)) {
                    at += 1;
                    while matches!(section.lines.get(at), Some(Line::Computed(_))) {
                        at += 1;
                    }
                    section.lines.insert(at, line);
                    return;
                }
            }
        }
        if let Some(last) = self.sections.last_mut() {
            last.lines.push(line);
        }
    }

    /// Rules that the "Trong đó" structure implies: each part is at most its
    /// parent, and the parts of a partition add up to it.
    fn add_breakdown_rules(&mut self, partitions: &[String]) {
        let mut rules = Vec::new();
        for indicator in &self.indicators {
            let (Some(parent), Some(kind)) = (&indicator.part_of, &indicator.kind) else { continue };
            if !kind.is_quantity() || self.kind_of(parent) != Some(kind) {
                continue;
            }
            rules.push(Rule {
                id: format!("trong-do-khong-vuot:{}", indicator.code),
                left: vec![indicator.code.clone()],
                op: Comparison::AtMost,
                right: vec![parent.clone()],
                right_constant: 0.0,
                at: indicator.code.clone(),
                severity: Severity::Warning,
                message: "{at}: {left} lớn hơn dòng tổng {right_codes} ({right})".into(),
                when_missing: MissingPolicy::Wait,
                decimals: self.decimals_of(std::slice::from_ref(parent)),
            });
        }
        for parent in partitions {
            let Some(kind) = self.kind_of(parent) else { continue };
            let parts: Vec<String> = self
                .parts_of(parent)
                .into_iter()
                .filter(|part| self.kind_of(part) == Some(kind))
                .collect();
            if parts.is_empty() {
                continue;
            }
            rules.push(Rule {
                id: format!("trong-do-cong-lai:{parent}"),
                left: parts,
                op: Comparison::Equal,
                right: vec![parent.clone()],
                right_constant: 0.0,
                at: parent.clone(),
                severity: Severity::Warning,
                message: "{at}: các dòng \"Trong đó\" cộng lại {left}, khác tổng {right} (lệch {diff})".into(),
                when_missing: MissingPolicy::Wait,
                decimals: self.decimals_of(std::slice::from_ref(parent)),
            });
        }
        self.rules.extend(rules);
    }

    fn add_rules(&mut self, rules: Vec<RuleFile>) -> Result<(), TemplateError> {
        for (n, rule) in rules.into_iter().enumerate() {
            let number = n + 1;
            let name = match &rule.id {
                Some(id) => format!("Quy tắc \"{id}\""),
                None => format!("Quy tắc thứ {number}"),
            };
            if rule.left.is_empty() {
                return fail(format!("{name} không có vế trái (\"left\")"));
            }
            if rule.right.is_empty() && rule.right_constant.is_none() {
                return fail(format!("{name} không có vế phải (\"right\" hoặc \"right_constant\")"));
            }
            for code in rule.left.iter().chain(&rule.right) {
                self.require_quantity(code, &name)?;
            }
            let op = match rule.op.as_str() {
                "=" | "==" => Comparison::Equal,
                "<=" | "≤" => Comparison::AtMost,
                ">=" | "≥" => Comparison::AtLeast,
                other => return fail(format!("{name}: phép so sánh \"{other}\" không hợp lệ; dùng =, <= hoặc >=")),
            };
            let severity = match rule.severity.as_deref() {
                None | Some("warning") => Severity::Warning,
                Some("error") => Severity::Error,
                Some(other) => return fail(format!("{name}: mức \"{other}\" không hợp lệ; dùng error hoặc warning")),
            };
            let when_missing = match rule.when_missing.as_deref() {
                None | Some("wait") => MissingPolicy::Wait,
                Some("zero") => MissingPolicy::TreatAsZero,
                Some(other) => return fail(format!("{name}: \"when_missing\" = \"{other}\" không hợp lệ; dùng wait hoặc zero")),
            };
            let at = rule.at.clone().unwrap_or_else(|| rule.left[0].clone());
            if !self.index.contains_key(&at) {
                return fail(format!("{name} gắn vào \"{at}\", nhưng không có chỉ tiêu \"{at}\""));
            }
            if let Some(constant) = rule.right_constant {
                if !constant.is_finite() {
                    return fail(format!("{name}: \"right_constant\" phải là một số"));
                }
            }
            let all: Vec<String> = rule.left.iter().chain(&rule.right).cloned().collect();
            self.rules.push(Rule {
                id: rule.id.unwrap_or_else(|| format!("quy-tac-{number}")),
                message: rule.message.unwrap_or_else(|| op.default_message().to_string()),
                decimals: self.decimals_of(&all),
                left: rule.left,
                op,
                right: rule.right,
                right_constant: rule.right_constant.unwrap_or(0.0),
                at,
                severity,
                when_missing,
            });
        }
        Ok(())
    }

    fn check_rollup(&self, file: RollupFile) -> Result<RollupSpec, TemplateError> {
        let Some(grid) = self.grid(&file.section) else {
            return fail(format!("\"rollup\" ghi vào phần \"{}\", nhưng đó không phải một bảng (grid)", file.section));
        };
        if !grid.is_editable() {
            return fail(format!("\"rollup\": bảng \"{}\" phải là danh sách thêm dòng (\"add_rows\")", file.section));
        }
        for number in file.columns.keys() {
            let quantity = grid
                .column_by_number(*number)
                .is_some_and(|i| matches!(&grid.columns[i].role, ColumnRole::Value(kind) if kind.is_quantity()));
            if !quantity {
                return fail(format!("\"rollup\": cột ({number}) của bảng \"{}\" không phải cột số để điền", file.section));
            }
        }
        Ok(RollupSpec { from: file.from, section: file.section, columns: file.columns.into_iter().collect(), note: file.note })
    }

    /// The grid of the section `id`, if that section is a grid.
    pub fn grid(&self, id: &str) -> Option<&Arc<Grid>> {
        self.sections.iter().find(|s| s.id == id).and_then(|s| s.grid.as_ref())
    }

    /// The grid sections, with their ids.
    pub fn grids(&self) -> impl Iterator<Item = (&Section, &Arc<Grid>)> {
        self.sections.iter().filter_map(|s| s.grid.as_ref().map(|g| (s, g)))
    }

    /// Whether a report's value under `code` belongs to this template: an
    /// indicator's, or a typed cell of one of its grids.
    pub fn holds(&self, code: &str, report: &super::report::Report) -> bool {
        self.indicator(code).is_some() || self.grids().any(|(section, grid)| grid.holds(&section.id, code, report))
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
                Some(ValueKind::Decimal { decimals } | ValueKind::Percentage { decimals }) => Some(*decimals),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.index.get(code).map(|&i| &self.indicators[i])
    }

    pub fn kind_of(&self, code: &str) -> Option<&ValueKind> {
        self.indicator(code).and_then(|i| i.kind.as_ref())
    }

    /// The "Trong đó" rows under `parent`, in order.
    pub fn parts_of(&self, parent: &str) -> Vec<String> {
        self.indicators
            .iter()
            .filter(|i| i.part_of.as_deref() == Some(parent))
            .map(|i| i.code.clone())
            .collect()
    }

    /// Puts messages in the order of the rows they are about, errors first on a row.
    pub fn sort_issues(&self, issues: &mut [Issue]) {
        issues.sort_by_key(|issue| {
            (self.row_position.get(issue.code.as_str()).copied().unwrap_or(usize::MAX), issue.severity)
        });
    }

    /// Indicators that take a value (not headings).
    pub fn fillable(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| !i.is_heading())
    }
}

fn indicators_kind(indicators: &[Indicator], i: usize) -> Option<&ValueKind> {
    indicators.get(i).and_then(|ind| ind.kind.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(rows: &str, extra: &str) -> String {
        format!(
            r#"{{"format":1,"id":"thu","version":1,"name":"Thử","annex":"Phụ lục","title":"THỬ",
            "sections":[{{"id":"chi-tieu","rows":[{rows}]}}]{extra}}}"#
        )
    }

    const ROWS: &str = r#"{"code":"1","label":"Tổng","unit":"Hồ sơ","kind":"count","breakdown":"partition"},
        {"code":"1.a","label":"Trực tiếp","unit":"Hồ sơ","kind":"count","part_of":"1"},
        {"code":"1.b","label":"Trực tuyến","unit":"Hồ sơ","kind":"count","part_of":"1"},
        {"code":"2","label":"Hình thức","kind":"choice","options":[{"code":0,"label":"A"},{"code":1,"label":"B"}]}"#;

    #[test]
    fn loads_and_derives_breakdown_rules() {
        let t = Template::from_json(&minimal(ROWS, "")).unwrap();
        assert_eq!(t.indicators.len(), 4);
        assert_eq!(t.parts_of("1"), vec!["1.a", "1.b"]);
        assert!(t.indicator("1.a").unwrap().first_part);
        assert!(!t.indicator("1.b").unwrap().first_part);
        let ids: Vec<&str> = t.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["trong-do-khong-vuot:1.a", "trong-do-khong-vuot:1.b", "trong-do-cong-lai:1"]);
    }

    #[test]
    fn refuses_duplicate_codes() {
        let rows = r#"{"code":"1","label":"A","kind":"count"},{"code":"1","label":"B","kind":"count"}"#;
        let err = Template::from_json(&minimal(rows, "")).unwrap_err();
        assert_eq!(err.0, "Mã chỉ tiêu \"1\" xuất hiện hai lần");
    }

    #[test]
    fn refuses_rules_with_unknown_codes() {
        let err = Template::from_json(&minimal(ROWS, r#","rules":[{"left":["1.a"],"op":"<=","right":["9.9"]}]"#))
            .unwrap_err();
        assert_eq!(err.0, "Quy tắc thứ 1 nhắc đến mã \"9.9\", nhưng biểu mẫu không có chỉ tiêu này");
    }

    #[test]
    fn refuses_choices_without_options() {
        let rows = r#"{"code":"1","label":"A","kind":"choice"}"#;
        let err = Template::from_json(&minimal(rows, "")).unwrap_err();
        assert!(err.0.contains("\"1\" là lựa chọn nhưng không có phương án nào"), "{err}");
    }

    #[test]
    fn refuses_other_mistakes_precisely() {
        let cases = [
            (minimal(r#"{"code":"1","label":"A","kind":"number"}"#, ""), "kiểu \"number\" không được hỗ trợ"),
            (minimal(r#"{"code":"1","label":"A","kind":"count","part_of":"0"}"#, ""), "\"0\" không có ở phía trên"),
            (minimal(ROWS, r#","rules":[{"left":["2"],"op":"<=","right":["1"]}]"#), "không phải số lượng hay tỷ lệ"),
            (minimal(ROWS, r#","rules":[{"left":["1"],"op":"<","right":["1"]}]"#), "phép so sánh \"<\" không hợp lệ"),
            (minimal(ROWS, r#","computed":[{"code":"1","label":"x","sum":["1.a"]}]"#), "trùng với một mã đã có"),
            (minimal(ROWS, r#","computed":[{"code":"c","label":"x","sum":["7"]}]"#), "nhắc đến mã \"7\""),
            (minimal(ROWS, r#","unknown":1"#), "unknown field"),
            ("{".to_string(), "dòng 1"),
            (minimal(ROWS, "").replace("\"format\":1", "\"format\":2"), "định dạng 2"),
        ];
        for (json, expected) in cases {
            let err = Template::from_json(&json).unwrap_err();
            assert!(err.0.contains(expected), "expected «{expected}» in «{err}»");
        }
    }

    #[test]
    fn computed_lines_follow_their_anchor() {
        let extra = r#","computed":[{"code":"c1","label":"Cộng","after":"1.b","sum":["1.a","1.b"]},
            {"code":"c2","label":"Tỷ lệ","after":"1.b","rate":{"numerator":["1.a"],"denominator":["1"]}}]"#;
        let t = Template::from_json(&minimal(ROWS, extra)).unwrap();
        let lines = &t.sections[0].lines;
        assert_eq!(lines[3], Line::Computed(0));
        assert_eq!(lines[4], Line::Computed(1));
        assert_eq!(lines[5], Line::Indicator(3));
    }
}
