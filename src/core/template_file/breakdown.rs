//! The "Trong đó" rows of a template file: a parent's `breakdown` (one
//! default group, `"parts"` or `"partition"`, or several named groups) and
//! each part's `group`; and the rules the loader derives from them.

use serde_json::Value;

use crate::core::issue::{Comparison, Severity};
use crate::core::json_read::{json_struct, At, FromValue};
use crate::core::json_write::ToJson;
use crate::core::loading::{fail, TemplateError};
use crate::core::rules::{MissingPolicy, Rule};
use crate::core::template::{BreakdownGroup, BreakdownKind, Indicator, Template};

/// A parent row's `breakdown` as written: `"partition"`, or
/// `[{"group": "tra-ket-qua", "kind": "partition", "label": "…"}, …]`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum BreakdownFile {
    Kind(String),
    Groups(Vec<GroupFile>),
}

json_struct! { strict;
    #[derive(Debug, Clone, PartialEq)]
    pub(super) struct GroupFile {
        pub(super) group: String,
        pub(super) kind: String,
        pub(super) label: String = default,
    }
}

impl FromValue for BreakdownFile {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        match value {
            Value::String(kind) => Ok(BreakdownFile::Kind(kind)),
            Value::Array(_) => Vec::<GroupFile>::from_value(value, at).map(BreakdownFile::Groups),
            _ => Err(at.fault(
                "phải là \"parts\", \"partition\" hoặc một danh sách nhóm [{\"group\": …, \"kind\": …, \"label\": …}]",
            )),
        }
    }
}

impl ToJson for BreakdownFile {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            BreakdownFile::Kind(kind) => kind.write_json(out),
            BreakdownFile::Groups(groups) => groups.write_json(out),
        }
    }
}

fn kind_of(word: &str) -> Option<BreakdownKind> {
    match word {
        "parts" => Some(BreakdownKind::Parts),
        "partition" => Some(BreakdownKind::Partition),
        _ => None,
    }
}

fn names(groups: &[BreakdownGroup]) -> String {
    groups
        .iter()
        .map(|g| format!("\"{}\"", g.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The groups of the row `code`'s breakdowns, checked.
pub(super) fn groups_of(
    code: &str,
    file: Option<&BreakdownFile>,
) -> Result<Vec<BreakdownGroup>, TemplateError> {
    match file {
        None => Ok(Vec::new()),
        Some(BreakdownFile::Kind(word)) => match kind_of(word) {
            Some(kind) => Ok(vec![BreakdownGroup { id: String::new(), kind, label: String::new() }]),
            None => fail(format!(
                "Chỉ tiêu \"{code}\": \"breakdown\" phải là \"parts\", \"partition\" hoặc một danh sách nhóm, không phải \"{word}\""
            )),
        },
        Some(BreakdownFile::Groups(files)) => {
            if files.is_empty() {
                return fail(format!("Chỉ tiêu \"{code}\": danh sách nhóm \"breakdown\" trống"));
            }
            let mut groups: Vec<BreakdownGroup> = Vec::new();
            for file in files {
                let id = file.group.trim();
                if id.is_empty() || id.contains(char::is_whitespace) || id.contains(':') {
                    return fail(format!(
                        "Chỉ tiêu \"{code}\": nhóm \"{id}\" trong \"breakdown\" có mã không hợp lệ: không được rỗng, chứa dấu cách hay \":\""
                    ));
                }
                if groups.iter().any(|g| g.id == id) {
                    return fail(format!("Chỉ tiêu \"{code}\": nhóm \"{id}\" xuất hiện hai lần trong \"breakdown\""));
                }
                let Some(kind) = kind_of(&file.kind) else {
                    return fail(format!(
                        "Chỉ tiêu \"{code}\": nhóm \"{id}\" có \"kind\" là \"{}\"; phải là \"parts\" (mỗi dòng không quá tổng) hoặc \"partition\" (các dòng cộng lại bằng tổng)",
                        file.kind
                    ));
                };
                groups.push(BreakdownGroup { id: id.to_string(), kind, label: file.label.trim().to_string() });
            }
            Ok(groups)
        }
    }
}

/// The group of the breakdown row `code` under `parent` (`None`: the
/// default group), checked against the groups the parent declares.
pub(super) fn group_of_part(
    code: &str,
    parent: &Indicator,
    group: Option<&str>,
) -> Result<Option<String>, TemplateError> {
    let named = parent.breakdown.iter().any(|g| !g.id.is_empty());
    let p = &parent.code;
    match group.map(str::trim) {
        None if named => fail(format!(
            "Chỉ tiêu \"{code}\" là dòng \"Trong đó\" của \"{p}\" nên phải ghi \"group\", một trong các nhóm của \"{p}\": {}",
            names(&parent.breakdown)
        )),
        None => Ok(None),
        Some(id) if parent.breakdown.iter().any(|g| g.id == id && !id.is_empty()) => Ok(Some(id.to_string())),
        Some(id) if named => fail(format!(
            "Chỉ tiêu \"{code}\" thuộc nhóm \"{id}\", nhưng \"breakdown\" của \"{p}\" không có nhóm này (các nhóm: {})",
            names(&parent.breakdown)
        )),
        Some(id) => fail(format!(
            "Chỉ tiêu \"{code}\" thuộc nhóm \"{id}\", nhưng \"{p}\" không khai báo nhóm nào trong \"breakdown\""
        )),
    }
}

impl Template {
    /// Every group a parent declares has its rows.
    pub(super) fn check_breakdowns(&self) -> Result<(), TemplateError> {
        for parent in &self.indicators {
            for group in &parent.breakdown {
                let id = (!group.id.is_empty()).then_some(group.id.as_str());
                let code = &parent.code;
                let parts = self.parts_in(code, id);
                // A part of another kind cannot add up with the others: a
                // partition of it would warn on correct figures.
                if group.kind == BreakdownKind::Partition {
                    if let Some(odd) = parts
                        .iter()
                        .find(|p| self.kind_of(p) != parent.kind.as_ref())
                    {
                        return fail(format!(
                            "Chỉ tiêu \"{code}\": dòng \"{odd}\" của nhóm cộng lại (\"partition\") phải cùng loại số liệu với dòng tổng"
                        ));
                    }
                }
                if !parts.is_empty() {
                    continue;
                }
                match id {
                    Some(id) => {
                        return fail(format!(
                            "Chỉ tiêu \"{code}\": nhóm \"{id}\" trong \"breakdown\" không có dòng \"Trong đó\" nào"
                        ))
                    }
                    None if group.kind == BreakdownKind::Partition => {
                        return fail(format!(
                            "Chỉ tiêu \"{code}\" ghi \"breakdown\": \"partition\" nhưng không có dòng \"Trong đó\" nào"
                        ))
                    }
                    None => {}
                }
            }
        }
        Ok(())
    }

    /// Rules that the "Trong đó" structure implies: each part is at most its
    /// parent, and the parts of each `partition` group add up to it.
    pub(super) fn add_breakdown_rules(&mut self) {
        let mut rules = Vec::new();
        for indicator in &self.indicators {
            let (Some(parent), Some(kind)) = (&indicator.part_of, &indicator.kind) else {
                continue;
            };
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
        for parent in &self.indicators {
            let Some(kind) = &parent.kind else { continue };
            for group in parent
                .breakdown
                .iter()
                .filter(|g| g.kind == BreakdownKind::Partition)
            {
                let id = (!group.id.is_empty()).then_some(group.id.as_str());
                let parts: Vec<String> = self
                    .parts_in(&parent.code, id)
                    .into_iter()
                    .filter(|part| self.kind_of(part) == Some(kind))
                    .collect();
                if parts.is_empty() {
                    continue;
                }
                // The group's words when it has any: «các dòng "Trong đó"
                // theo hình thức trả kết quả cộng lại …».
                let words = if group.label.is_empty() {
                    String::new()
                } else {
                    format!(" {}", group.label)
                };
                rules.push(Rule {
                    id: match id {
                        Some(id) => format!("trong-do-cong-lai:{}:{id}", parent.code),
                        None => format!("trong-do-cong-lai:{}", parent.code),
                    },
                    left: parts,
                    op: Comparison::Equal,
                    right: vec![parent.code.clone()],
                    right_constant: 0.0,
                    at: parent.code.clone(),
                    severity: Severity::Warning,
                    message: format!(
                        "{{at}}: các dòng \"Trong đó\"{words} cộng lại {{left}}, khác tổng {{right}} (lệch {{diff}})"
                    ),
                    when_missing: MissingPolicy::Wait,
                    decimals: self.decimals_of(std::slice::from_ref(&parent.code)),
                });
            }
        }
        self.rules.extend(rules);
    }
}

#[cfg(test)]
#[path = "../tests/breakdown_groups.rs"]
mod tests;
