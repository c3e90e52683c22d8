//! The communes' indicators summarised for the district, line by line in
//! page order: counts summed, rates worked out again from the summed
//! figures (`Formula::value`, as a commune's own), choices counted.

use rustc_hash::FxHashMap;

use super::report::Report;
use super::rules::Formula;
use super::summary::{SummaryLine, SummaryValue};
use super::template::{Line, Template};
use super::value::{FieldState, ValueKind};

/// The communes' indicators, summarised line by line in page order.
pub fn summarise(template: &Template, reports: &[&Report]) -> Vec<SummaryLine> {
    let mut totals: FxHashMap<&str, (f64, u32)> = FxHashMap::default();
    let mut lines = Vec::new();
    for line in template.sections.iter().flat_map(|s| s.lines.iter()) {
        match *line {
            Line::Indicator(i) => {
                let Some(ind) = template.indicators.get(i) else {
                    continue;
                };
                let value = match &ind.kind {
                    None => SummaryValue::Heading,
                    Some(ValueKind::Text) => continue,
                    Some(kind) => {
                        let states: Vec<FieldState> = reports
                            .iter()
                            .map(|r| kind.read(r.value(&ind.code)))
                            .collect();
                        let numbers: Vec<f64> =
                            states.iter().filter_map(FieldState::number).collect();
                        let reporting = numbers.len() as u32;
                        match kind {
                            _ if numbers.is_empty() && kind.options().is_empty() => {
                                SummaryValue::Empty
                            }
                            ValueKind::Count | ValueKind::Decimal { .. } => {
                                let value: f64 = numbers.iter().sum();
                                totals.insert(ind.code.as_str(), (value, reporting));
                                let decimals = if let ValueKind::Decimal { decimals } = kind {
                                    *decimals
                                } else {
                                    0
                                };
                                SummaryValue::Total {
                                    value,
                                    decimals,
                                    reporting,
                                }
                            }
                            ValueKind::Percentage { .. } => SummaryValue::Percentages {
                                min: numbers.iter().copied().fold(f64::INFINITY, f64::min),
                                max: numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                                reporting,
                            },
                            _ => SummaryValue::Answers {
                                counts: kind
                                    .options()
                                    .into_iter()
                                    .map(|(code, label)| {
                                        (
                                            label.to_string(),
                                            numbers.iter().filter(|n| **n == code as f64).count()
                                                as u32,
                                        )
                                    })
                                    .collect(),
                                missing: reports.len() as u32 - reporting,
                            },
                        }
                    }
                };
                lines.push(SummaryLine {
                    code: ind.code.clone(),
                    label: ind.label.clone(),
                    unit: ind.unit.clone(),
                    value,
                });
            }
            Line::Computed(i) => {
                let Some(computed) = template.computed.get(i) else {
                    continue;
                };
                // The district's value is worked out as a commune's is
                // (`Computed::value`), from the summed figures.
                let total_of = |code: &str| totals.get(code).map(|t| t.0);
                let summed = |codes: &[String]| codes.iter().filter_map(|c| total_of(c)).sum();
                let value = match &computed.formula {
                    Formula::Sum(codes) => match computed.value(&total_of) {
                        Some(value) => SummaryValue::Total {
                            value,
                            decimals: computed.decimals,
                            reporting: codes
                                .iter()
                                .filter_map(|c| totals.get(c.as_str()).map(|t| t.1))
                                .max()
                                .unwrap_or(0),
                        },
                        None => SummaryValue::Empty,
                    },
                    Formula::Rate {
                        numerator,
                        denominator,
                    } => SummaryValue::Rate {
                        value: computed.value(&total_of),
                        numerator: summed(numerator),
                        denominator: summed(denominator),
                    },
                };
                lines.push(SummaryLine {
                    code: computed.code.clone(),
                    label: computed.label.clone(),
                    unit: computed.unit.clone(),
                    value,
                });
            }
        }
    }
    lines
}
