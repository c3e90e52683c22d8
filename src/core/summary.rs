//! The district summary of rolled-up commune reports, as a district draft
//! keeps it: the files used, the notices, and one line per indicator.

use serde_json::Value;

use super::json_read::{json_struct, one_of, At, Fields, FromValue};
use super::json_write::{Object, ToJson};
use super::number::format_vn;
use super::vn_text::upper;

json_struct! {
    /// The district summary of the commune reports, kept in the district draft.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct CommuneSummary {
        /// The commune template the files were made with.
        pub from: String,
        /// The units in words ("đơn vị"); empty for "xã", as drafts
        /// rolled up before the province's template were.
        pub units: String = omitted,
        /// The files used, in the order given.
        pub sources: Vec<SummarySource>,
        /// Files left out or worth a second look, with the reason.
        pub notices: Vec<String>,
        pub lines: Vec<SummaryLine>,
    }
}

json_struct! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct SummarySource {
        pub file: String,
        pub unit: String,
        pub period: String,
    }
}

json_struct! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct SummaryLine {
        pub code: String,
        pub label: String,
        pub unit: String,
        pub value: SummaryValue,
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum SummaryValue {
    #[default]
    Heading,
    /// No commune gave a value.
    Empty,
    /// Counts and decimals, summed over the communes that gave one.
    Total {
        value: f64,
        decimals: u8,
        reporting: u32,
    },
    /// A rate recomputed from the summed numerator and denominator, in %.
    Rate {
        value: Option<f64>,
        numerator: f64,
        denominator: f64,
    },
    /// Percentages each commune worked out itself: they cannot be added
    /// or averaged without their parts, so only their range is shown.
    Percentages { min: f64, max: f64, reporting: u32 },
    /// How many communes gave each answer.
    Answers {
        counts: Vec<(String, u32)>,
        missing: u32,
    },
}

/// The variants' names in a stored draft, in declaration order.
const NAMES: [&str; 6] = [
    "heading",
    "empty",
    "total",
    "rate",
    "percentages",
    "answers",
];

/// As serde wrote it: `"heading"`, `"empty"`, or `{"total": {…}}` and the
/// like, one key naming the variant.
impl ToJson for SummaryValue {
    fn write_json(&self, out: &mut Vec<u8>) {
        let variant = match self {
            SummaryValue::Heading => 0,
            SummaryValue::Empty => 1,
            SummaryValue::Total { .. } => 2,
            SummaryValue::Rate { .. } => 3,
            SummaryValue::Percentages { .. } => 4,
            SummaryValue::Answers { .. } => 5,
        };
        if variant < 2 {
            return NAMES[variant].write_json(out);
        }
        let mut outer = Object::new(out);
        outer.field(NAMES[variant], &Fieldwise(self));
        outer.end();
    }
}

/// A variant's fields, as the object under its name.
struct Fieldwise<'a>(&'a SummaryValue);

impl ToJson for Fieldwise<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        match self.0 {
            SummaryValue::Heading | SummaryValue::Empty => {}
            SummaryValue::Total {
                value,
                decimals,
                reporting,
            } => {
                o.field("value", value)
                    .field("decimals", decimals)
                    .field("reporting", reporting);
            }
            SummaryValue::Rate {
                value,
                numerator,
                denominator,
            } => {
                o.field("value", value)
                    .field("numerator", numerator)
                    .field("denominator", denominator);
            }
            SummaryValue::Percentages {
                min,
                max,
                reporting,
            } => {
                o.field("min", min)
                    .field("max", max)
                    .field("reporting", reporting);
            }
            SummaryValue::Answers { counts, missing } => {
                o.field("counts", counts).field("missing", missing);
            }
        }
        o.end();
    }
}

/// Read as [`SummaryValue`]'s `ToJson` writes it.
impl FromValue for SummaryValue {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        let (name, body) = match value {
            Value::Object(map) => {
                let mut entries = map.into_iter();
                match (entries.next(), entries.next()) {
                    (Some((name, body)), None) => (Value::String(name), body),
                    _ => return Err(at.fault("phải là một đối tượng có đúng một trường")),
                }
            }
            name => (name, Value::Null),
        };
        let variant = one_of(name, at, &NAMES)?;
        if variant < 2 {
            return Ok(if variant == 0 {
                SummaryValue::Heading
            } else {
                SummaryValue::Empty
            });
        }
        let mut f = Fields::of(body, At::Field(&at, NAMES[variant]))?;
        let read = match variant {
            2 => SummaryValue::Total {
                value: f.req("value"),
                decimals: f.req("decimals"),
                reporting: f.req("reporting"),
            },
            3 => SummaryValue::Rate {
                value: f.opt("value"),
                numerator: f.req("numerator"),
                denominator: f.req("denominator"),
            },
            4 => SummaryValue::Percentages {
                min: f.req("min"),
                max: f.req("max"),
                reporting: f.req("reporting"),
            },
            _ => SummaryValue::Answers {
                counts: f.req("counts"),
                missing: f.req("missing"),
            },
        };
        f.end()?;
        Ok(read)
    }
}

impl CommuneSummary {
    /// The units in words: "xã" unless the template named them.
    pub fn noun(&self) -> &str {
        if self.units.is_empty() {
            "xã"
        } else {
            &self.units
        }
    }

    /// "TỔNG HỢP CHỈ TIÊU THỐNG KÊ CỦA 12 XÃ, THỊ TRẤN".
    pub fn title(&self) -> String {
        let units = if self.units.is_empty() {
            "XÃ, THỊ TRẤN".to_string()
        } else {
            upper(&self.units)
        };
        format!(
            "TỔNG HỢP CHỈ TIÊU THỐNG KÊ CỦA {} {units}",
            self.sources.len()
        )
    }
}

impl SummaryValue {
    /// The figure as the clerk reads it; `units` counts the units ("xã").
    pub fn text(&self, units: &str) -> String {
        match self {
            SummaryValue::Heading => String::new(),
            SummaryValue::Empty => "—".to_string(),
            SummaryValue::Total {
                value, decimals, ..
            } => format_vn(*value, *decimals),
            SummaryValue::Rate { value: Some(v), .. } => format_vn(*v, 2),
            SummaryValue::Rate { value: None, .. } => "—".to_string(),
            SummaryValue::Percentages { min, max, .. } if min == max => {
                format!("{} (mọi {units})", format_vn(*min, 2))
            }
            SummaryValue::Percentages { min, max, .. } => {
                format!("từ {} đến {}", format_vn(*min, 2), format_vn(*max, 2))
            }
            SummaryValue::Answers { counts, missing } => {
                let mut parts: Vec<String> = counts
                    .iter()
                    .map(|(label, n)| format!("{label}: {n} {units}"))
                    .collect();
                if *missing > 0 {
                    parts.push(format!("chưa trả lời: {missing} {units}"));
                }
                parts.join("; ")
            }
        }
    }

    /// How the figure was made, for the note column.
    pub fn detail(&self, communes: usize, units: &str) -> String {
        match self {
            SummaryValue::Total { reporting, .. } => {
                format!("Cộng {reporting}/{communes} {units}")
            }
            SummaryValue::Rate {
                numerator,
                denominator,
                value: Some(_),
            } => {
                format!(
                    "Tính lại từ tổng: {} / {}",
                    format_vn(*numerator, 2),
                    format_vn(*denominator, 2)
                )
            }
            SummaryValue::Rate { .. } => "Chưa đủ số liệu để tính".to_string(),
            SummaryValue::Percentages { reporting, .. } => {
                format!("Tỷ lệ do {reporting} {units} tự tính, không cộng hay lấy trung bình được")
            }
            _ => String::new(),
        }
    }
}
