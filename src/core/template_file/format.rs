//! The template file as written, before it is checked.

use serde::Deserialize;

use crate::core::grid_file::GridFile;
use crate::core::value::ChoiceOption;

// ---------------------------------------------------------------------------
// The file as written.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TemplateFile {
    pub(super) format: u32,
    pub(super) id: String,
    pub(super) version: u32,
    pub(super) name: String,
    #[serde(default)]
    pub(super) description: String,
    pub(super) annex: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) unit_note: Option<String>,
    pub(super) sections: Vec<SectionFile>,
    #[serde(default)]
    pub(super) computed: Vec<ComputedFile>,
    #[serde(default)]
    pub(super) rules: Vec<RuleFile>,
    #[serde(default)]
    pub(super) targets: Vec<super::targets::TargetFile>,
    #[serde(default)]
    pub(super) rollup: Option<RollupFile>,
    #[serde(default)]
    pub(super) outline: Option<super::outline::OutlineFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SectionFile {
    pub(super) id: String,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) annex: Option<String>,
    #[serde(default)]
    pub(super) unit_note: Option<String>,
    #[serde(default)]
    pub(super) landscape: bool,
    #[serde(default)]
    pub(super) rows: Vec<RowFile>,
    #[serde(default)]
    pub(super) grid: Option<GridFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RollupFile {
    pub(super) from: String,
    pub(super) section: String,
    pub(super) columns: std::collections::BTreeMap<u32, Vec<String>>,
    #[serde(default)]
    pub(super) note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RowFile {
    pub(super) code: String,
    pub(super) label: String,
    #[serde(default)]
    pub(super) unit: String,
    pub(super) kind: String,
    #[serde(default)]
    pub(super) decimals: Option<u8>,
    #[serde(default)]
    pub(super) options: Vec<ChoiceOption>,
    #[serde(default)]
    pub(super) yes: Option<String>,
    #[serde(default)]
    pub(super) no: Option<String>,
    #[serde(default)]
    pub(super) part_of: Option<String>,
    #[serde(default)]
    pub(super) breakdown: Option<String>,
    /// When a change from the report before is a warning.
    #[serde(default)]
    pub(super) change: Option<crate::core::previous::ChangeThreshold>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ComputedFile {
    pub(super) code: String,
    pub(super) label: String,
    #[serde(default)]
    pub(super) unit: String,
    #[serde(default)]
    pub(super) after: Option<String>,
    #[serde(default)]
    pub(super) sum: Vec<String>,
    #[serde(default)]
    pub(super) rate: Option<RateFile>,
    #[serde(default)]
    pub(super) decimals: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RateFile {
    pub(super) numerator: Vec<String>,
    pub(super) denominator: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleFile {
    #[serde(default)]
    pub(super) id: Option<String>,
    pub(super) left: Vec<String>,
    pub(super) op: String,
    #[serde(default)]
    pub(super) right: Vec<String>,
    #[serde(default)]
    pub(super) right_constant: Option<f64>,
    #[serde(default)]
    pub(super) at: Option<String>,
    #[serde(default)]
    pub(super) severity: Option<String>,
    #[serde(default)]
    pub(super) message: Option<String>,
    #[serde(default)]
    pub(super) when_missing: Option<String>,
}

