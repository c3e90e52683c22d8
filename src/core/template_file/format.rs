//! The template file as written, before it is checked.

use crate::core::json_read::json_struct;
use crate::core::key_map::NumberKeys;

use crate::core::grid_file::GridFile;
use crate::core::value::ChoiceOption;

// ---------------------------------------------------------------------------
// The file as written.

json_struct! { strict;
    pub(super) struct TemplateFile {
        pub(super) format: u32,
        pub(super) id: String,
        pub(super) version: u32,
        pub(super) name: String,
        pub(super) description: String = default,
        pub(super) annex: String,
        pub(super) title: String,
        pub(super) unit_note: Option<String> = default,
        pub(super) sections: Vec<SectionFile>,
        pub(super) computed: Vec<ComputedFile> = default,
        pub(super) rules: Vec<RuleFile> = default,
        pub(super) targets: Vec<TargetFile> = default,
        pub(super) rollup: Option<RollupFile> = default,
        pub(super) levels: Option<String> = default,
        pub(super) recipients: Option<String> = default,
        pub(super) outline: Option<super::outline::OutlineFile> = default,
        pub(super) changes: Vec<super::changes::ChangeFile> = default,
    }
}

json_struct! { strict;
    pub(super) struct SectionFile {
        pub(super) id: String,
        pub(super) title: String = default,
        pub(super) annex: Option<String> = default,
        pub(super) unit_note: Option<String> = default,
        pub(super) landscape: bool = default,
        pub(super) rows: Vec<RowFile> = default,
        pub(super) grid: Option<GridFile> = default,
    }
}

json_struct! { strict;
    pub(super) struct RollupFile {
        pub(super) from: String,
        pub(super) section: String,
        pub(super) columns: NumberKeys<Vec<String>>,
        pub(super) note: String = default,
        pub(super) kinds: Vec<String> = default,
        pub(super) units: String = default,
        pub(super) to: String = default,
        pub(super) by_kind: Option<ByKindFile> = default,
    }
}

json_struct! { strict;
    pub(super) struct ByKindFile {
        pub(super) section: String,
        pub(super) units_column: Option<u32> = default,
        pub(super) rows: Vec<KindRowFile>,
    }
}

json_struct! { strict;
    pub(super) struct KindRowFile {
        pub(super) row: String,
        pub(super) kinds: Vec<String>,
    }
}

json_struct! { strict;
    pub(super) struct RowFile {
        pub(super) code: String,
        pub(super) label: String,
        pub(super) unit: String = default,
        pub(super) kind: String,
        pub(super) decimals: Option<u8> = default,
        pub(super) options: Vec<ChoiceOption> = default,
        pub(super) yes: Option<String> = default,
        pub(super) no: Option<String> = default,
        pub(super) part_of: Option<String> = default,
        pub(super) breakdown: Option<super::breakdown::BreakdownFile> = default,
        /// For a breakdown row: the parent's group it belongs to.
        pub(super) group: Option<String> = default,
        /// When a change from the report before is a warning.
        pub(super) change: Option<crate::core::previous::ChangeThreshold> = default,
    }
}

json_struct! { strict;
    pub(super) struct ComputedFile {
        pub(super) code: String,
        pub(super) label: String,
        pub(super) unit: String = default,
        pub(super) after: Option<String> = default,
        pub(super) sum: Vec<String> = default,
        pub(super) rate: Option<RateFile> = default,
        pub(super) decimals: Option<u8> = default,
    }
}

json_struct! { strict;
    pub(super) struct RateFile {
        pub(super) numerator: Vec<String>,
        pub(super) denominator: Vec<String>,
    }
}

json_struct! { strict;
    pub(super) struct RuleFile {
        pub(super) id: Option<String> = default,
        pub(super) left: Vec<String>,
        pub(super) op: String,
        pub(super) right: Vec<String> = default,
        pub(super) right_constant: Option<f64> = default,
        pub(super) at: Option<String> = default,
        pub(super) severity: Option<String> = default,
        pub(super) message: Option<String> = default,
        pub(super) when_missing: Option<String> = default,
    }
}

// A target: a sum or a rate against a limit (`targets.rs` loads it).
json_struct! { strict;
    pub(super) struct TargetFile {
        pub(super) id: String,
        pub(super) label: String,
        pub(super) sum: Vec<String> = default,
        pub(super) rate: Option<RateFile> = default,
        pub(super) op: String,
        pub(super) limit: f64,
        pub(super) unit: String = default,
        pub(super) decimals: Option<u8> = default,
        pub(super) severity: Option<String> = default,
        pub(super) met: Option<String> = default,
        pub(super) not_met: Option<String> = default,
        pub(super) at: Option<String> = default,
    }
}
