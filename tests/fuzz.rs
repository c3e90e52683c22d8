//! Hostile input at scale: the number parser, template loading, draft
//! import, the roll-up of commune files and restoring a backup, each fed
//! mutated copies of real inputs and the known nasties (duplicate row keys,
//! cells of another template, 4 MB notes, 100.000 nested brackets, `1e400`,
//! a valid draft of another template), and the .xlsx reader (zip bombs,
//! entities, huge tables, broken relationships). Nothing may panic, and every refusal is a Vietnamese message.
//!
//! `cargo test` runs a few thousand cases of each; `./dev.sh fuzz` runs a
//! million (`FUZZ_CASES`, in release mode).

use bieumau::core::catalog::builtin_template;
use bieumau::core::draft::Draft;
use bieumau::core::number::parse_number;
use bieumau::core::report::Report;
use bieumau::core::rollup::roll_up;
use bieumau::core::template::Template;

/// The .xlsx reader's targets (tests/fuzz/xlsx.rs).
#[path = "fuzz/xlsx.rs"]
mod xlsx;

/// Cases per target: `FUZZ_CASES`, else a count that keeps `cargo test` quick.
fn cases(default: u64) -> u64 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: deterministic, so a failure names the case that reproduces it.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that break parsers: JSON structure, numbers at the edges, letters
/// a Vietnamese clerk types, and the characters that confuse byte offsets.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551616",
    "9007199254740993",
    "1.603",
    "99,06",
    "1.2.3",
    ",,",
    "..",
    "NaN",
    "Infinity",
    "%",
    "\u{a0}",
    "\u{300}",
    "\u{feff}",
    "ỗ",
    "Đ",
    "😀",
    "\u{0}",
    "\n",
    "\t",
    "\"values\":{}",
    "\"rows\":{\"pl5\":[\"1\",\"1\"]}",
    "\"kind\":\"heading\"",
    "\"template_id\":\"huyen-cchc\"",
    "\"format\":2",
    "pl5/1/c3",
    "pl6/x/c99",
    "g1",
];

/// One to four mutations of `seed`: a byte flipped, a span deleted or
/// repeated, a token inserted; always valid UTF-8.
fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut text = seed.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(text.len() + 1);
        match rng.below(5) {
            0 if at < text.len() => text[at] = (rng.next() & 0x7F) as u8,
            1 if at < text.len() => {
                let end = (at + 1 + rng.below(64)).min(text.len());
                text.drain(at..end);
            }
            2 if at < text.len() => {
                let end = (at + 1 + rng.below(64)).min(text.len());
                let span = text[at..end].to_vec();
                text.splice(at..at, span);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                text.splice(at..at, token.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// The letters only Vietnamese writes among the Latin ones: đ, ơ, ư, ă and
/// the tones of the Vietnamese block (U+1EA0–U+1EF9). Accented letters of
/// other languages (é, ñ, ü, å) are not enough.
fn vietnamese_letter(c: char) -> bool {
    "đĐơƠưƯăĂ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// A refusal a clerk can read: not empty, and in Vietnamese.
fn assert_vietnamese(message: &str, input: &str) {
    let vietnamese = message.chars().any(vietnamese_letter);
    assert!(
        vietnamese,
        "not a Vietnamese message: {message:?} for input {:?}",
        input.chars().take(200).collect::<String>()
    );
}

fn template(id: &str) -> Template {
    builtin_template(id).expect("a shipped template")
}

fn commune_draft_json() -> String {
    let template = template("xa-01b");
    let mut draft = Draft::new("xa-1".into(), &template, 1.0);
    for (code, value) in [
        ("3.3.1", "1.603"),
        ("3.3.2", "1588"),
        ("1.1", "1"),
        ("3.2.4", "99,06"),
    ] {
        draft.report.set_value(code, value);
    }
    draft.report.header.unit = "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG".into();
    draft.report.header.year = "2023".into();
    draft.to_json()
}

#[test]
fn the_number_parser_takes_anything() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet: Vec<char> = "0123456789.,-+eE %\u{a0}x₫".chars().collect();
    for case in 0..cases(200_000) {
        let text: String = if case % 4 == 0 {
            let token = TOKENS[rng.below(TOKENS.len())];
            mutate(&mut rng, token)
        } else {
            (0..rng.below(24))
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect()
        };
        if let Err(e) = parse_number(&text) {
            assert_vietnamese(&e.to_string(), &text);
        }
    }
    for text in ["1e400", "-1e400", &"9".repeat(5000), &"1.".repeat(10_000)] {
        if let Err(e) = parse_number(text) {
            assert_vietnamese(&e.to_string(), text);
        }
    }
}

#[test]
fn template_loading_refuses_in_vietnamese() {
    let seeds: Vec<String> = ["xa-01b", "huyen-cchc", "bieu-06", "tinh-cchc"]
        .iter()
        .map(|id| std::fs::read_to_string(format!("templates/{id}.json")).expect("a template file"))
        .collect();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..cases(3_000) {
        let seed = &seeds[rng.below(seeds.len())];
        let text = mutate(&mut rng, seed);
        if let Err(e) = Template::from_json(&text) {
            assert_vietnamese(&e.to_string(), &text);
        }
    }
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let duplicate_keys = seeds[1].replacen("\"id\": \"pl5\"", "\"id\": \"pl6\"", 1);
    for text in [
        nested.as_str(),
        duplicate_keys.as_str(),
        "",
        "null",
        "{}",
        "[]",
    ] {
        match Template::from_json(text) {
            Err(e) => assert_vietnamese(&e.to_string(), text),
            Ok(_) => panic!("accepted {:?}", &text[..text.len().min(80)]),
        }
    }
}

#[test]
fn draft_import_refuses_in_vietnamese() {
    let templates = [
        template("xa-01b"),
        template("huyen-cchc"),
        template("bieu-06"),
        template("tinh-cchc"),
    ];
    let template_of = |id: &str| templates.iter().find(|t| t.id == id).cloned();
    let seed = commune_draft_json();
    let mut rng = Rng(0x94D0_49BB_1331_11EB);
    for _ in 0..cases(20_000) {
        let text = mutate(&mut rng, &seed);
        if let Err(e) = Draft::import(&text, template_of) {
            assert_vietnamese(&e, &text);
        }
    }
    // The known nasties, each with the outcome the README promises.
    let refused = |text: &str, needle: &str| match Draft::import(text, template_of) {
        Err(e) => {
            assert_vietnamese(&e, text);
            assert!(e.contains(needle), "{e:?} should name {needle:?}");
        }
        Ok(_) => panic!("accepted a file that must be refused ({needle})"),
    };
    // A cell of another template.
    refused(
        &seed.replace("\"3.3.1\"", "\"pl5/1/c3\""),
        "mã «pl5/1/c3» không có trong biểu mẫu «xa-01b»",
    );
    let district_file = |rows: &[&str], cell: &str| {
        let mut draft = Draft::new("huyen".into(), &templates[1], 1.0);
        draft
            .report
            .rows
            .insert("pl5".into(), rows.iter().map(|r| r.to_string()).collect());
        draft.report.values.insert(cell.into(), "4".into());
        draft.to_json()
    };
    // Two rows with one key.
    refused(
        &district_file(&["1", "1"], "pl5/1/c3"),
        "hai dòng cùng khóa «1»",
    );
    // A cell of a row, or of a column, the grid does not have.
    refused(&district_file(&["1"], "pl5/9/c3"), "không có dòng «9»");
    refused(&district_file(&["1"], "pl5/1/c99"), "cột (99)");
    // 100.000 brackets.
    refused(
        &format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
        "JSON",
    );
    // A valid draft of a template this app does not have.
    refused(
        &seed.replace(
            "\"template_id\":\"xa-01b\"",
            "\"template_id\":\"tinh-cchc\"",
        ),
        "«tinh-cchc»",
    );
    // Kept as field errors: the file opens, the error is on its field.
    let (opened, _, notice) = Draft::import(&seed.replace("\"1.603\"", "\"1e400\""), template_of)
        .expect("1e400 opens as a field error");
    assert_eq!(opened.report.value("3.3.1"), "1e400", "kept as typed");
    let errors = opened.report.evaluate(&templates[0]).issues;
    assert!(
        errors
            .iter()
            .any(|i| i.code == "3.3.1" && i.severity == bieumau::core::issue::Severity::Error),
        "{errors:?}"
    );
    assert!(notice.is_some_and(|n| n.contains("3.3.1")));
    let long = "ghi chú ".repeat(400_000);
    let (opened, _, _) = Draft::import(
        &seed.replace(
            "\"notes\":{}",
            &format!("\"notes\":{{\"3.3.1\":\"{long}\"}}"),
        ),
        template_of,
    )
    .expect("a 4 MB note opens");
    assert_eq!(
        opened.report.notes.get("3.3.1").map(String::len),
        Some(long.len()),
        "kept whole"
    );
    // A valid draft of another template is refused when a commune's is wanted.
    let district = Draft::new("huyen".into(), &templates[1], 1.0).to_json();
    let files = vec![("huyen.json".to_string(), district)];
    let outcome = roll_up(
        &templates[1],
        &Report::new(&templates[1]),
        &templates[0],
        &files,
    )
    .expect("a roll-up");
    assert_eq!(outcome.used, 0);
    assert!(
        outcome
            .notices
            .iter()
            .all(|n| n.contains("Bỏ qua tệp «huyen.json»")),
        "{:?}",
        outcome.notices
    );
}

#[test]
fn the_roll_up_of_hostile_files_never_panics() {
    let commune = template("xa-01b");
    // The district's roll-up and the province's: one mechanism, both fuzzed.
    let uppers = [template("huyen-cchc"), template("tinh-cchc")];
    let reports = uppers.each_ref().map(Report::new);
    let seed = commune_draft_json();
    let mut rng = Rng(0xBF58_476D_1CE4_E5B9);
    for case in 0..cases(2_000) {
        let files: Vec<(String, String)> = (0..1 + rng.below(4))
            .map(|i| (format!("xa-{i}.json"), mutate(&mut rng, &seed)))
            .collect();
        let side = (case % 2) as usize;
        let (upper, report) = (&uppers[side], &reports[side]);
        match roll_up(upper, report, &commune, &files) {
            Ok(outcome) => outcome
                .notices
                .iter()
                .for_each(|n| assert_vietnamese(n, &files[0].1)),
            Err(e) => assert_vietnamese(&e, &files[0].1),
        }
    }
}

#[test]
fn restoring_a_hostile_backup_never_panics() {
    use bieumau::core::backup::{self, Outcome};
    use bieumau::core::draft_store::MemoryStore;
    use bieumau::core::session::Session;
    let templates = [template("xa-01b"), template("huyen-cchc")];
    let template_of = |id: &str| templates.iter().find(|t| t.id == id);
    let commune = Draft::from_json(&commune_draft_json()).expect("a draft");
    let district = Draft::new("huyen".into(), &templates[1], 1.0);
    let seed = backup::write(
        [&commune, &district],
        &["{\"id\":\"tinh\",\"version\":1}".to_string()],
        1.0,
    );
    let restore = |text: &str| match backup::read(text) {
        Err(e) => assert_vietnamese(&e, text),
        Ok(file) => {
            let session = Session::new(MemoryStore::default(), true, "fuzz".into());
            session.restore_templates(&file.templates, |_| false, "sao-luu.json", 0.0);
            for line in session.restore(file.drafts, template_of) {
                if let Outcome::Refused(_) = line.outcome {
                    assert_vietnamese(&line.text(), text);
                }
            }
        }
    };
    let mut rng = Rng(0xD6E8_FEB8_6659_FD93);
    for _ in 0..cases(5_000) {
        restore(&mutate(&mut rng, &seed));
    }
    // The known nasties, each with its outcome: the commune draft first,
    // the district draft second.
    let outcomes = |text: &str| -> Result<Vec<String>, String> {
        let file = backup::read(text)?;
        let session = Session::new(MemoryStore::default(), true, "fuzz".into());
        Ok(session
            .restore(file.drafts, template_of)
            .iter()
            .map(|l| l.hook().to_string())
            .collect())
    };
    let one = commune.to_json();
    // One id twice: added, then the same again.
    assert_eq!(
        outcomes(&seed.replace(&district.to_json(), &one)),
        Ok(vec!["added".into(), "same".into()])
    );
    // A 4 MB note is kept.
    let long = seed.replacen(
        "\"notes\":{}",
        &format!("\"notes\":{{\"3.3.1\":\"{}\"}}", "ghi chú ".repeat(400_000)),
        1,
    );
    assert_eq!(outcomes(&long), Ok(vec!["added".into(), "added".into()]));
    // A cell of another template: that draft alone is refused.
    assert_eq!(
        outcomes(&seed.replace("\"3.3.1\"", "\"pl5/1/c3\"")),
        Ok(vec!["refused".into(), "added".into()])
    );
    // 100.000 brackets, and a figure that is no text: the file is refused whole.
    for text in [
        seed.replace(
            "\"drafts\":[",
            &format!(
                "\"drafts\":[{}{},",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        ),
        seed.replace("\"1.603\"", "1e400"),
    ] {
        let refused = outcomes(&text).map(|lines| lines.iter().all(|l| l == "refused"));
        match refused {
            Err(e) => assert_vietnamese(&e, &text),
            Ok(all) => assert!(all, "a hostile backup restored something"),
        }
    }
}

/// Copies of one draft that were tampered with, merged into a stored copy:
/// stamps from the future, a replica id reused with other values, a field
/// deleted on one side and changed on the other, broken histories. Nothing
/// panics, a refusal is Vietnamese, and nothing is silently dropped: every
/// field keeps the entry with the newest stamp of either copy (alone, or
/// beside another as a conflict).
#[test]
fn merging_hostile_copies_never_panics_or_drops_a_value() {
    use bieumau::core::copies::merge;
    use bieumau::core::draft_store::MemoryStore;
    use bieumau::core::session::Session;
    let xa = template("xa-01b");
    let template_of = |id: &str| (id == "xa-01b").then_some(&xa);
    let typed = |draft: &Draft, code: &str, value: &str, replica: &str, at: f64| {
        let mut copy = draft.clone();
        let mut report = copy.report.clone();
        report.set_value(code, value);
        copy.commit(report, replica, at);
        copy
    };
    let base = typed(
        &Draft::from_json(&commune_draft_json()).expect("a draft"),
        "1.1.1",
        "5",
        "a",
        1_000.0,
    );
    let ours = typed(&base, "3.3.2", "1.588", "a", 2_000.0);
    let deleted = typed(&base, "1.1.1", "", "b", 3_000.0);
    let theirs = typed(
        &typed(&base, "1.1.1", "6", "c", 2_500.0),
        "2.1",
        "4",
        "c",
        2_600.0,
    );
    let future = base
        .to_json()
        .replace("\"a:1000\"", "\"a:4503599627370000\"")
        .replace("\"a\":1000", "\"a\":4503599627370000");
    let reused = typed(
        &Draft::from_json(&commune_draft_json()).expect("a draft"),
        "1.1.1",
        "9",
        "a",
        1_000.0,
    );
    let seeds = [
        theirs.to_json(),
        deleted.to_json(),
        future,
        reused.to_json(),
    ];
    // The newest entry of each field, of either copy, is in the merge.
    let kept_all = |ours: &Draft, theirs: &Draft, after: &Draft| {
        for (key, entries) in ours
            .history
            .fields()
            .iter()
            .chain(theirs.history.fields().iter())
        {
            let newest = ours
                .history
                .entries(key)
                .iter()
                .chain(theirs.history.entries(key))
                .max();
            let Some(newest) = newest.filter(|_| !entries.is_empty()) else {
                continue;
            };
            assert!(
                after.history.entries(key).contains(newest),
                "{key}: {newest:?} lost"
            );
        }
    };
    for text in &seeds {
        let other = Draft::from_json(text).expect("a draft");
        let merged = merge(&ours, &other);
        kept_all(&ours, &other, &merged.draft);
        assert_eq!(
            merge(&merged.draft, &other).draft.history,
            merged.draft.history,
            "merging twice changes nothing"
        );
    }
    // 1.1.1 changed to 6 in one copy and deleted in another: the clerk is asked.
    let merged = merge(&theirs, &deleted).draft;
    assert!(
        merged
            .conflicts()
            .iter()
            .any(|c| c.key == "1.1.1" && c.others == [""]),
        "{:?}",
        merged.conflicts()
    );
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..cases(2_000) {
        let seed = &seeds[rng.below(seeds.len())];
        let text = mutate(&mut rng, seed);
        let session = Session::new(MemoryStore::default(), true, "fuzz".into());
        session.save(&ours).expect("memory takes it");
        match session.merge_file(&text, "dong-nghiep.json", template_of) {
            Err(e) => assert_vietnamese(&e, &text),
            Ok(done) => {
                if done.draft.id == ours.id {
                    kept_all(
                        &ours,
                        &Draft::from_json(&text).expect("it was read"),
                        &done.draft,
                    );
                }
                let read_back =
                    Draft::from_json(&done.draft.to_json()).expect("a merged draft reads back");
                assert_eq!(read_back.history, done.draft.history);
            }
        }
    }
}
