//! Roll-up: a district draft built from its communes' report files.
//!
//! Each commune `.json` (the draft envelope of `core::draft`) becomes one
//! row of the district's commune table, filled from the commune's dossier
//! figures as the district template's `rollup` says; and the communes'
//! indicators are summarised for the district: counts summed, rates
//! recomputed from the summed parts (never averaged or summed), yes/no and
//! coded answers counted by answer. Files that cannot be used are named
//! with the reason, and never stop the others.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::draft::Draft;
use super::grid::{cell_code, Grid};
use super::number::format_vn;
use super::period::{parse_year, Period};
use super::report::Report;
use super::summary::{CommuneSummary, SummaryLine, SummarySource, SummaryValue};
use super::rules::Formula;
use super::template::{Line, Template};
use super::value::{FieldState, ValueKind};
use super::vn_text;

/// What a roll-up produced.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupOutcome {
    pub report: Report,
    pub used: usize,
    pub notices: Vec<String>,
}

/// "ỦY BAN NHÂN DÂN XÃ BA CÙM NAM" → "UBND xã Ba Cùm Nam", the way the
/// district's tables name communes. Decomposed letters are composed; the
/// clerk's own tone placement is kept.
pub fn commune_row_label(unit: &str) -> String {
    /// The leading words the label rewrites, as keys, worked out once.
    struct Forms {
        council: Vec<String>,
        short: Vec<String>,
        kinds: Vec<(&'static str, Vec<String>)>,
    }
    static FORMS: OnceLock<Forms> = OnceLock::new();
    let forms = FORMS.get_or_init(|| Forms {
        council: vn_text::word_keys("ủy ban nhân dân"),
        short: vn_text::word_keys("ubnd"),
        kinds: ["xã", "phường", "thị trấn"].into_iter().map(|k| (k, vn_text::word_keys(k))).collect(),
    });
    let composed = vn_text::compose(unit);
    let words: Vec<&str> = composed.split_whitespace().collect();
    let keys = vn_text::composed_word_keys(&composed);
    let starts_with = |at: usize, wanted: &[String]| keys.len() >= at + wanted.len() && keys[at..at + wanted.len()] == *wanted;
    let mut at = 0;
    let mut out: Vec<String> = Vec::new();
    if starts_with(0, &forms.council) {
        out.push("UBND".to_string());
        at = forms.council.len();
    } else if starts_with(0, &forms.short) {
        out.push("UBND".to_string());
        at = 1;
    }
    for (kind, wanted) in &forms.kinds {
        if words.len() > at + wanted.len() && starts_with(at, wanted) {
            out.push(kind.to_string());
            at += wanted.len();
            break;
        }
    }
    out.extend(words[at.min(words.len())..].iter().map(|w| vn_text::capitalise(w)));
    if out.len() == 1 && out[0] == "UBND" {
        return composed.trim().to_string();
    }
    out.join(" ")
}

/// Two names of the same commune compare equal: spelt in capitals or not,
/// with the old or new tone placement, composed or decomposed, with "UBND"
/// or "Ủy ban nhân dân".
pub fn commune_key(label: &str) -> String {
    let label = commune_row_label(label);
    vn_text::composed_word_keys(label.strip_prefix("UBND ").unwrap_or(&label)).join(" ")
}

fn period_phrase(period: Period, year: &str) -> String {
    match parse_year(year) {
        Ok(year) => period.phrase(year),
        Err(_) => format!("{} (chưa ghi năm)", period.label()),
    }
}

struct Commune {
    file: String,
    unit: String,
    draft: Draft,
}

/// Rolls the commune files `(file name, text)` up into the district report.
/// `commune_template` must be the template named by the district
/// template's `rollup.from`.
pub fn roll_up(
    district_template: &Template,
    district: &Report,
    commune_template: &Template,
    files: &[(String, String)],
) -> Result<RollupOutcome, String> {
    let Some(spec) = &district_template.rollup else {
        return Err(format!("Biểu mẫu «{}» không có phần tổng hợp từ báo cáo của xã.", district_template.name));
    };
    let Some(grid) = district_template.grid(&spec.section) else {
        return Err(format!("Biểu mẫu «{}» không có bảng «{}».", district_template.name, spec.section));
    };
    if commune_template.id != spec.from {
        return Err(format!("Cần biểu mẫu «{}» để tổng hợp.", spec.from));
    }
    let mut notices = Vec::new();
    let mut communes: Vec<Commune> = Vec::new();
    for (file, text) in files {
        let draft = match Draft::from_json(text) {
            Ok(draft) => draft,
            Err(e) => {
                notices.push(format!("Bỏ qua tệp «{file}»: {e}."));
                continue;
            }
        };
        if draft.report.template_id != spec.from {
            notices.push(format!(
                "Bỏ qua tệp «{file}»: đây là báo cáo theo biểu mẫu «{}», không phải báo cáo của xã ({}).",
                draft.report.template_id, spec.from
            ));
            continue;
        }
        let unit = draft.report.header.unit.trim().to_string();
        communes.push(Commune { file: file.clone(), unit, draft });
    }

    // The period: the district's own, or the one most files share.
    let mut report = district.clone();
    if parse_year(&report.header.year).is_err() {
        let mut seen: HashMap<(Period, String), usize> = HashMap::new();
        for c in &communes {
            *seen.entry((c.draft.report.header.period, c.draft.report.header.year.trim().to_string())).or_default() += 1;
        }
        if let Some(((period, year), _)) = seen.into_iter().filter(|((_, y), _)| parse_year(y).is_ok()).max_by_key(|(k, n)| (*n, k.1.clone())) {
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
                "Bỏ qua tệp «{}» ({}): báo cáo {}, khác kỳ của báo cáo huyện ({}).",
                c.file,
                if c.unit.is_empty() { "chưa ghi đơn vị" } else { &c.unit },
                period_phrase(header.period, &header.year),
                period_phrase(period, &year)
            ));
        }
        same
    });

    // One file per commune: the one saved last.
    let mut chosen: Vec<Commune> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for c in communes {
        if c.unit.is_empty() {
            notices.push(format!("Tệp «{}» chưa ghi tên đơn vị (cơ quan ban hành); dòng của nó chưa có tên.", c.file));
            chosen.push(c);
            continue;
        }
        let key = commune_key(&c.unit);
        match by_key.get(&key) {
            Some(&i) => {
                let (kept, dropped) = if c.draft.updated_at > chosen[i].draft.updated_at {
                    let old = std::mem::replace(&mut chosen[i], c);
                    (chosen[i].file.clone(), old.file)
                } else {
                    (chosen[i].file.clone(), c.file)
                };
                notices.push(format!(
                    "Hai tệp của cùng {}: «{dropped}» và «{kept}». Dùng «{kept}» (lưu sau), bỏ qua «{dropped}».",
                    commune_row_label(&chosen[i].unit)
                ));
            }
            None => {
                by_key.insert(key, chosen.len());
                chosen.push(c);
            }
        }
    }

    fill_commune_rows(&mut report, grid, &spec.section, &spec.columns, commune_template, &chosen);
    report.commune_summary = Some(CommuneSummary {
        from: spec.from.clone(),
        sources: chosen
            .iter()
            .map(|c| SummarySource {
                file: c.file.clone(),
                unit: c.unit.clone(),
                period: period_phrase(c.draft.report.header.period, &c.draft.report.header.year),
            })
            .collect(),
        notices: notices.clone(),
        lines: summarise(commune_template, &chosen.iter().map(|c| &c.draft.report).collect::<Vec<_>>()),
    });
    Ok(RollupOutcome { report, used: chosen.len(), notices })
}

/// The number an indicator holds in a commune report, if valid.
fn number_of(template: &Template, report: &Report, code: &str) -> Option<f64> {
    template.kind_of(code).and_then(|kind| kind.read(report.value(code)).number())
}

fn fill_commune_rows(
    report: &mut Report,
    grid: &Grid,
    section: &str,
    columns: &[(u32, Vec<String>)],
    commune_template: &Template,
    communes: &[Commune],
) {
    let label_number = grid.columns.get(grid.label_column()).map_or(2, |c| c.number);
    let mut keys = report.row_keys(section, grid);
    let mut row_of: HashMap<String, String> = keys
        .iter()
        .map(|key| (commune_key(report.value(&cell_code(section, key, label_number))), key.clone()))
        .filter(|(label, _)| !label.is_empty())
        .collect();
    for c in communes {
        let label = commune_row_label(&c.unit);
        let key = match row_of.get(&commune_key(&label)).filter(|_| !label.is_empty()) {
            Some(key) => key.clone(),
            None => {
                let key = Grid::next_key(&keys, false);
                keys.push(key.clone());
                row_of.insert(commune_key(&label), key.clone());
                key
            }
        };
        report.set_value(&cell_code(section, &key, label_number), &label);
        for (number, codes) in columns {
            let values: Vec<f64> =
                codes.iter().filter_map(|code| number_of(commune_template, &c.draft.report, code)).collect();
            let text = if values.is_empty() { String::new() } else { format_vn(values.iter().sum(), 2) };
            report.set_value(&cell_code(section, &key, *number), &text);
        }
    }
    report.rows.insert(section.to_string(), keys);
}

/// The communes' indicators, summarised line by line in page order.
pub fn summarise(template: &Template, reports: &[&Report]) -> Vec<SummaryLine> {
    let mut totals: HashMap<&str, (f64, u32)> = HashMap::new();
    let mut lines = Vec::new();
    for line in template.sections.iter().flat_map(|s| s.lines.iter()) {
        match *line {
            Line::Indicator(i) => {
                let Some(ind) = template.indicators.get(i) else { continue };
                let value = match &ind.kind {
                    None => SummaryValue::Heading,
                    Some(ValueKind::Text) => continue,
                    Some(kind) => {
                        let states: Vec<FieldState> = reports.iter().map(|r| kind.read(r.value(&ind.code))).collect();
                        let numbers: Vec<f64> = states.iter().filter_map(FieldState::number).collect();
                        let reporting = numbers.len() as u32;
                        match kind {
                            _ if numbers.is_empty() && kind.options().is_empty() => SummaryValue::Empty,
                            ValueKind::Count | ValueKind::Decimal { .. } => {
                                let value: f64 = numbers.iter().sum();
                                totals.insert(ind.code.as_str(), (value, reporting));
                                let decimals = if let ValueKind::Decimal { decimals } = kind { *decimals } else { 0 };
                                SummaryValue::Total { value, decimals, reporting }
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
                                        (label.to_string(), numbers.iter().filter(|n| **n == code as f64).count() as u32)
                                    })
                                    .collect(),
                                missing: reports.len() as u32 - reporting,
                            },
                        }
                    }
                };
                lines.push(SummaryLine { code: ind.code.clone(), label: ind.label.clone(), unit: ind.unit.clone(), value });
            }
            Line::Computed(i) => {
                let Some(computed) = template.computed.get(i) else { continue };
                let summed = |codes: &[String]| -> Option<f64> {
                    let found: Vec<f64> = codes.iter().filter_map(|c| totals.get(c.as_str()).map(|t| t.0)).collect();
                    (!found.is_empty()).then(|| found.iter().sum())
                };
                let value = match &computed.formula {
                    Formula::Sum(codes) => match summed(codes) {
                        Some(value) => SummaryValue::Total {
                            value,
                            decimals: computed.decimals,
                            reporting: codes.iter().filter_map(|c| totals.get(c.as_str()).map(|t| t.1)).max().unwrap_or(0),
                        },
                        None => SummaryValue::Empty,
                    },
                    Formula::Rate { numerator, denominator } => {
                        let (num, den) = (summed(numerator).unwrap_or(0.0), summed(denominator).unwrap_or(0.0));
                        SummaryValue::Rate {
                            value: (den != 0.0 && summed(numerator).is_some()).then(|| num / den * 100.0),
                            numerator: num,
                            denominator: den,
                        }
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::{builtin_template, xa_01b_for_tests};

    fn commune(unit: &str, period: Period, year: &str, values: &[(&str, &str)], updated_at: f64) -> String {
        let template = xa_01b_for_tests();
        let mut draft = Draft::new(format!("id-{unit}"), &template, updated_at);
        draft.report.header.unit = unit.into();
        draft.report.header.period = period;
        draft.report.header.year = year.into();
        for (code, text) in values {
            draft.report.set_value(code, text);
        }
        draft.to_json()
    }

    fn district() -> Template {
        builtin_template("huyen-cchc").expect("huyen-cchc ships with the app")
    }

    #[test]
    fn commune_names_as_the_district_writes_them() {
        assert_eq!(commune_row_label("ỦY BAN NHÂN DÂN XÃ BA CÙM NAM"), "UBND xã Ba Cùm Nam");
        assert_eq!(commune_row_label("UBND thị trấn Tô Hạp"), "UBND thị trấn Tô Hạp");
        assert_eq!(commune_row_label("Phường Đông Vệ"), "phường Đông Vệ");
        assert_eq!(commune_key("UBND XÃ SƠN BÌNH"), commune_key("Ủy ban nhân dân xã Sơn Bình"));
    }

    #[test]
    fn fills_a_row_per_commune_and_sums_the_summary() {
        let files = vec![
            ("a.json".to_string(), commune("ỦY BAN NHÂN DÂN XÃ A", Period::Year, "2023", &[("3.3.1", "1.603"), ("3.3.2", "1.588"), ("1.1", "1"), ("1.1.1", "10"), ("1.1.2", "9"), ("3.2.4", "80")], 1.0)),
            ("b.json".to_string(), commune("ỦY BAN NHÂN DÂN XÃ B", Period::Year, "2023", &[("3.3.1", "400"), ("3.3.2", "397"), ("1.1", "0"), ("1.1.1", "30"), ("1.1.2", "15"), ("3.2.4", "100")], 1.0)),
            ("hong.json".to_string(), "{không phải json".to_string()),
            ("c.json".to_string(), commune("ỦY BAN NHÂN DÂN XÃ C", Period::QuarterThree, "2023", &[("3.3.1", "5")], 1.0)),
            ("a-moi.json".to_string(), commune("UBND xã A", Period::Year, "2023", &[("3.3.1", "1.700"), ("3.3.2", "1.600"), ("1.1", "1")], 2.0)),
        ];
        let t = district();
        let out = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &files).unwrap();
        assert_eq!(out.used, 2);
        assert_eq!(out.report.header.year, "2023", "the period comes from the files");
        assert_eq!(out.report.rows["pl6"], ["1", "2"]);
        assert_eq!(out.report.value("pl6/1/c2"), "UBND xã A");
        assert_eq!(out.report.value("pl6/1/c5"), "1.700", "the file saved last wins");
        assert_eq!(out.report.value("pl6/2/c5"), "400");
        assert_eq!(out.report.value("pl6/2/c8"), "397");
        let notices = out.notices.join("\n");
        assert!(notices.contains("«hong.json»"), "{notices}");
        assert!(notices.contains("«c.json»") && notices.contains("quý III năm 2023"), "{notices}");
        assert!(notices.contains("Hai tệp của cùng UBND xã A"), "{notices}");

        let summary = out.report.commune_summary.unwrap();
        let line = |code: &str| summary.lines.iter().find(|l| l.code == code).unwrap().value.clone();
        assert_eq!(line("3.3.1"), SummaryValue::Total { value: 2100.0, decimals: 0, reporting: 2 });
        // (1.600 + 397) / (1.700 + 400), not the mean of the two rates.
        let SummaryValue::Rate { value: Some(rate), .. } = line("3.3.2.ty-le-dung-hen") else { panic!() };
        assert!((rate - 1997.0 / 2100.0 * 100.0).abs() < 1e-9);
        assert_eq!(line("1.1").text(), "Có ban hành KH: 1 xã; Không ban hành KH: 1 xã");
        assert_eq!(line("3.2.4").text(), "100 (mọi xã)", "only b gave 3.2.4: a's newer file has none");
        assert_eq!(line("1.1.1"), SummaryValue::Total { value: 30.0, decimals: 0, reporting: 1 });
    }

    #[test]
    fn spelling_variants_of_one_commune_give_one_row() {
        let variants = [
            ("XÃ HOẰNG HÒA", "XÃ HOẰNG HOÀ"),
            ("XÃ HOẰNG HÒA", "Xa\u{303} Hoa\u{306}\u{300}ng Ho\u{300}a"),
            ("ỦY BAN NHÂN DÂN XÃ HOẰNG HÒA", "UBND xã Hoằng Hoà"),
            ("UỶ BAN NHÂN DÂN XÃ THỦY AN", "Ủy ban nhân dân xã Thuỷ An"),
            ("UBND  xã   Thúy  Sơn", "UBND XÃ THUÝ SƠN"),
            ("UBND thị trấn Khoẻ", "ỦY BAN NHÂN DÂN THỊ TRẤN KHỎE"),
            ("Phường Đông Vệ", "PHƯỜNG ĐÔNG VỆ"),
        ];
        let t = district();
        for (first, second) in variants {
            let files = vec![
                ("1.json".to_string(), commune(first, Period::Year, "2023", &[("3.3.1", "10")], 1.0)),
                ("2.json".to_string(), commune(second, Period::Year, "2023", &[("3.3.1", "12")], 2.0)),
            ];
            let out = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &files).unwrap();
            assert_eq!(out.used, 1, "{first} ~ {second}");
            assert_eq!(out.report.rows["pl6"], ["1"], "{first} ~ {second}");
            assert_eq!(out.report.value("pl6/1/c5"), "12", "the later file: {first} ~ {second}");
            assert!(out.notices.iter().any(|n| n.starts_with("Hai tệp của cùng")), "{first} ~ {second}: {:?}", out.notices);
            let summary = out.report.commune_summary.unwrap();
            let total = summary.lines.iter().find(|l| l.code == "3.3.1").unwrap().value.clone();
            assert_eq!(total, SummaryValue::Total { value: 12.0, decimals: 0, reporting: 1 }, "{first} ~ {second}");
        }
        // A row typed by the district in the other spelling is updated, not doubled.
        let mut report = Report::new(&t);
        report.rows.insert("pl6".into(), vec!["1".into()]);
        report.set_value("pl6/1/c2", "UBND xã Hoằng Hoà");
        let files = vec![("1.json".to_string(), commune("XA\u{303} HOA\u{306}\u{300}NG HO\u{300}A", Period::Year, "2023", &[("3.3.1", "9")], 1.0))];
        let out = roll_up(&t, &report, &xa_01b_for_tests(), &files).unwrap();
        assert_eq!(out.report.rows["pl6"], ["1"]);
        assert_eq!(out.report.value("pl6/1/c2"), "xã Hoằng Hòa", "composed, as the file spells it");
        assert_eq!(out.report.value("pl6/1/c5"), "9");
        assert_ne!(commune_key("UBND xã Hoằng Hòa"), commune_key("UBND xã Hoằng Hóa"), "another tone is another commune");
    }

    #[test]
    fn rolling_up_again_updates_the_same_rows() {
        let t = district();
        let first = vec![("a.json".to_string(), commune("UBND XÃ A", Period::Year, "2023", &[("3.3.1", "10")], 1.0))];
        let once = roll_up(&t, &Report::new(&t), &xa_01b_for_tests(), &first).unwrap().report;
        let second = vec![
            ("a.json".to_string(), commune("UBND XÃ A", Period::Year, "2023", &[("3.3.1", "12")], 2.0)),
            ("b.json".to_string(), commune("UBND XÃ B", Period::Year, "2023", &[("3.3.1", "7")], 2.0)),
        ];
        let twice = roll_up(&t, &once, &xa_01b_for_tests(), &second).unwrap().report;
        assert_eq!(twice.rows["pl6"], ["1", "2"]);
        assert_eq!(twice.value("pl6/1/c5"), "12");
        assert_eq!(twice.value("pl6/2/c5"), "7");
    }

    #[test]
    fn a_district_year_rules_out_other_years() {
        let t = district();
        let mut report = Report::new(&t);
        report.header.year = "2024".into();
        let files = vec![("a.json".to_string(), commune("UBND XÃ A", Period::Year, "2023", &[("3.3.1", "10")], 1.0))];
        let out = roll_up(&t, &report, &xa_01b_for_tests(), &files).unwrap();
        assert_eq!(out.used, 0);
        assert!(out.notices[0].contains("khác kỳ của báo cáo huyện (năm 2024)"), "{:?}", out.notices);
    }
}
