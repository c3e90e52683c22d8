//! The one-file edition: the page assembled from dist-like files, its CSP
//! hashes, its embedded data read back, and hostile text kept as text.

use proptest::prelude::*;
use sha2::{Digest, Sha256};

use super::*;
use crate::core::catalog::xa_01b_for_tests;
use crate::core::template::Template;

const HOSTILE: &str = "</script><img src=x onerror=\"window.pwned=1\"><!-- & \u{2028}\u{2029}";

/// xa-01b as a province's own template, named `name`, with `label` on its
/// first row, under another id and version.
fn province_template(id: &str, version: u32, name: &str, label: &str) -> Template {
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    let mut value: serde_json::Value = serde_json::from_str(&xa_01b_for_tests().source).unwrap();
    value["id"] = id.into();
    value["version"] = version.into();
    value["name"] = name.into();
    value["sections"][0]["rows"][0]["label"] = label.into();
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    Template::from_json(&serde_json::to_string_pretty(&value).unwrap()).unwrap()
}

const INDEX: &str = r#"<!DOCTYPE html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <title>Biểu mẫu báo cáo CCHC</title>
    <!-- a <script src="./not-this.js"></script> in a comment -->
    <link rel="preload" href="./bieumau-1_bg.wasm" crossorigin="anonymous" integrity="sha384-x" as="fetch" type="application/wasm">
    <link rel="modulepreload" href="./bieumau-1.js" crossorigin="anonymous" integrity="sha384-y">
    <link rel="stylesheet" href="./main-1.css" integrity="sha384-z"/>
    <link rel="icon" href="./icon-1.svg" integrity="sha384-w"/>
    <link rel="manifest" href="pwa/manifest.webmanifest" />
    <script src="./first-1.js"></script>
    <script type="module" src="./start-1.js"></script>
  </head>
  <body><div class="app" data-first-screen="">…</div></body>
</html>
"#;

fn dist() -> Files {
    let mut files = Files::new();
    let mut add = |name: &str, bytes: &[u8]| files.insert(name.to_string(), bytes.to_vec());
    add("first-1.js", b"if(/^#\\/ban-nhap\\//.test(location.hash))document.documentElement.dataset.route=\"draft\";\r\n");
    add("start-1.js", b"import init, * as bindings from './bieumau-1.js';\nconst wasm = await init({ module_or_path: './bieumau-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n");
    add("bieumau-1.js", b"let w;function Xe(a){return a}async function Ye(m){w=m;return '</script>'}export{Xe as initSync,Ye as default};");
    add(
        "bieumau-1_bg.wasm",
        &[0, 97, 115, 109, 1, 0, 0, 0, 255, 254],
    );
    add(
        "main-1.css",
        b"body{margin:0}.a::after{content:\"</style>\"}",
    );
    add("icon-1.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    files
}

/// Every file `needed` asks for, fetched from `dist`, as the app does.
fn fetched(index: &str, dist: &Files) -> Files {
    let mut have = Files::new();
    for _ in 0..4 {
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        for path in needed(index, &have).unwrap() {
            have.insert(path.clone(), dist[path.as_str()].clone());
        }
    }
    have
}

/// The inline elements of a page: (opening tag, text), found independently
/// of the module's own scanner.
fn inline(page: &str, element: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut rest = page;
    while let Some(at) = rest.find(&open) {
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        let tag_end = at + rest[at..].find('>').unwrap() + 1;
        // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
        let end = tag_end + rest[tag_end..].find(&close).unwrap();
        out.push((
            rest[at..tag_end].to_string(),
            rest[tag_end..end].to_string(),
        ));
        rest = &rest[end + close.len()..];
    }
    out
}

fn csp_of(page: &str) -> String {
    let key = "http-equiv=\"Content-Security-Policy\" content=\"";
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    let at = page.find(key).expect("a CSP meta") + key.len();
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

fn sha(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

#[test]
fn base64_and_sha256_known_answers() {
    let cases = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in cases {
        assert_eq!(base64(plain.as_bytes()), encoded);
    }
    // FIPS 180-2's "abc".
    assert_eq!(
        sha256_base64(b"abc"),
        "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
    );
}

#[test]
fn needed_names_the_start_files_then_the_glue_and_wasm_then_nothing() {
    let dist = dist();
    let mut have = Files::new();
    // ok-panic: a test, compiled only under #[cfg(test)] (never in the app); a failure here fails the test.
    let first = needed(INDEX, &have).unwrap();
    assert_eq!(
        first,
        ["first-1.js", "start-1.js", "main-1.css", "icon-1.svg"]
    );
    for p in first {
        have.insert(p.clone(), dist[p.as_str()].clone());
    }
    assert_eq!(
        needed(INDEX, &have).unwrap(),
        ["bieumau-1.js", "bieumau-1_bg.wasm"]
    );
    assert_eq!(
        needed(INDEX, &fetched(INDEX, &dist)).unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn the_page_inlines_every_file_and_its_csp_allows_exactly_its_inline_code() {
    let page = assemble(INDEX, &fetched(INDEX, &dist()), None).unwrap();
    let comment = "<!-- a <script src=\"./not-this.js\"></script> in a comment -->";
    assert!(page.contains(comment), "a comment is left as it is");
    let page = page.replace(comment, "");
    for gone in [
        "src=\"./",
        "rel=\"stylesheet\"",
        "modulepreload",
        "rel=\"preload\"",
        "manifest",
        "integrity",
    ] {
        assert!(!page.contains(gone), "{gone} is left in the page");
    }
    let csp = csp_of(&page);
    assert!(page.find("Content-Security-Policy").unwrap() < page.find("<script").unwrap());
    assert!(!csp.contains("unsafe-inline") && !csp.contains("blob:") && !csp.contains("'self'"));
    assert!(csp.contains("'wasm-unsafe-eval'") && csp.starts_with("default-src 'none';"));
    let scripts = inline(&page, "script");
    let code: Vec<&(String, String)> = scripts
        .iter()
        .filter(|(tag, _)| !tag.contains("application/"))
        .collect();
    assert_eq!(
        code.len(),
        2,
        "the first-screen script and the glue with its start"
    );
    let script_src = csp
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    let hashes: Vec<&str> = script_src
        .split_whitespace()
        .filter(|w| w.starts_with("'sha256-"))
        .collect();
    assert_eq!(
        hashes,
        code.iter().map(|(_, text)| sha(text)).collect::<Vec<_>>()
    );
    let styles = inline(&page, "style");
    assert_eq!(styles.len(), 1);
    assert!(csp.contains(&format!("style-src {};", sha(&styles[0].1))));
    // The classic script as the parser reads it (CR LF is LF), the glue's
    // "</script>" unable to end its element, and its init called.
    assert!(code[0].1.ends_with("\"draft\";\n"));
    assert!(
        code[1].1.contains("'<\\/script>'")
            && code[1].1.contains("await Ye({module_or_path:bieumauWasm})")
    );
    assert!(styles[0].1.contains("\"<\\/style>\""));
    let wasm = scripts
        .iter()
        .find(|(tag, _)| tag.contains(WASM_ID))
        .unwrap();
    assert_eq!(wasm.1, base64(&dist()["bieumau-1_bg.wasm"]));
    assert!(page.contains("href=\"data:image/svg+xml;base64,"));
    assert!(
        !page.contains(DATA_ID),
        "the plain single file carries no edition"
    );
}

#[test]
fn an_edition_carries_its_templates_as_data_and_names_its_province() {
    let hostile = province_template("bieu-rieng", 3, "Biểu riêng", HOSTILE);
    let xa = xa_01b_for_tests();
    let templates = [&xa, &hostile];
    let carried = Carried {
        province: "Tỉnh Thanh Hóa <b>",
        built: "2026-12-07",
        templates: &templates,
    };
    let page = assemble(INDEX, &fetched(INDEX, &dist()), Some(&carried)).unwrap();
    // The hostile label is nowhere as markup: no element but the app's.
    assert!(!page.contains("<img") && !page.contains("<b>") && !page.contains("<!-- &"));
    assert_eq!(
        page.matches("</script>").count(),
        inline(&page, "script").len()
    );
    assert!(
        page.contains("<title>Biểu mẫu báo cáo CCHC — bản của Tỉnh Thanh Hóa &lt;b&gt;</title>")
    );
    assert!(page.contains("tạo ngày 2026-12-07; xa-01b phiên bản 1, bieu-rieng phiên bản 3\">"));
    let data = inline(&page, "script")
        .into_iter()
        .find(|(tag, _)| tag.contains(DATA_ID))
        .unwrap();
    assert!(data.0.contains("type=\"application/json\""));
    // The CSP's hashes are only of code: the data block is not one of them.
    assert!(!csp_of(&page).contains(&sha(&data.1)));
    let read_back = read(&data.1).unwrap();
    assert_eq!(read_back.province, "Tỉnh Thanh Hóa <b>");
    assert_eq!(read_back.built, "2026-12-07");
    let ids: Vec<(&str, u32)> = read_back
        .templates
        .iter()
        .map(|t| (t.id.as_str(), t.version))
        .collect();
    assert_eq!(ids, [("xa-01b", 1), ("bieu-rieng", 3)]);
    assert_eq!(*read_back.templates[1].source, *hostile.source);
    assert!(read_back.templates[1]
        .source
        .contains(&serde_json::to_string(HOSTILE).unwrap()[1..20]));
}

#[test]
fn broken_data_is_refused_with_a_vietnamese_message() {
    let xa = xa_01b_for_tests();
    let good: serde_json::Value =
        serde_json::from_str(&embed("Thanh Hóa", "2026-12-07", &[&xa])).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let cases = [
        ("{\"format\":", "văn bản JSON bị cắt ngang".to_string()),
        ("[]", "phải là".to_string()),
        (
            &*with(&|v| v["format"] = "bieumau-edition/9".into()),
            "định dạng «bieumau-edition/9»".to_string(),
        ),
        (
            &*with(&|v| v["province"] = "  ".into()),
            "tên tỉnh trống".to_string(),
        ),
        (
            &*with(&|v| v["templates"] = serde_json::json!([])),
            "từ 1 đến 64 biểu mẫu".to_string(),
        ),
        (
            &*with(&|v| v["extra"] = 1.into()),
            "có trường \"extra\" không được hỗ trợ".to_string(),
        ),
        (
            &*with(&|v| v["templates"][0]["version"] = 2.into()),
            "ghi «xa-01b» phiên bản 2 nhưng nội dung là «xa-01b» phiên bản 1".to_string(),
        ),
        (
            &*with(&|v| v["templates"][0]["source"] = "{}".into()),
            "biểu mẫu thứ 1 («xa-01b»)".to_string(),
        ),
        (
            &*with(&|v| {
                let t = v["templates"][0].clone();
                v["templates"].as_array_mut().unwrap().push(t)
            }),
            "biểu mẫu «xa-01b» có hai lần".to_string(),
        ),
    ];
    for (text, part) in cases {
        let fault = read(text).unwrap_err();
        assert!(
            fault.starts_with("Dữ liệu biểu mẫu trong bản này bị hỏng: "),
            "{fault}"
        );
        assert!(fault.contains(&part), "{fault} should say {part}");
    }
}

#[test]
fn a_newer_edition_offers_to_replace_older_kept_templates_only() {
    let (v1, v2) = (
        province_template("bieu-rieng", 1, "Biểu riêng", "a"),
        province_template("bieu-rieng", 2, "Biểu riêng", "b"),
    );
    let edition = |t: &Template| read(&embed("Thanh Hóa", "2026-12-07", &[t])).unwrap();
    assert_eq!(
        replacements(std::slice::from_ref(&v1), &edition(&v2)),
        [Replacement {
            id: "bieu-rieng".into(),
            name: "Biểu riêng".into(),
            kept: 1,
            carried: 2
        }]
    );
    assert_eq!(replacements(std::slice::from_ref(&v2), &edition(&v2)), []);
    assert_eq!(replacements(std::slice::from_ref(&v2), &edition(&v1)), []);
    assert_eq!(replacements(&[], &edition(&v2)), []);
}

#[test]
fn the_file_is_named_after_the_province_and_day() {
    assert_eq!(
        file_name("Tỉnh Thanh Hóa", "2026-12-07"),
        "bieumau-tinh-thanh-hoa-2026-12-07.html"
    );
    assert_eq!(
        file_name("<>", "2026-12-07"),
        "bieumau-tinh-2026-12-07.html"
    );
}

#[test]
fn the_province_is_read_from_a_report_of_the_province() {
    assert_eq!(
        province_of("UBND TỈNH THANH HÓA", "").as_deref(),
        Some("Tỉnh Thanh Hóa")
    );
    assert_eq!(
        province_of("Ủy ban nhân dân thành phố Hà Nội", "").as_deref(),
        Some("Thành phố Hà Nội")
    );
    assert_eq!(province_of("UBND xã Hoằng Trường", ""), None);
    assert_eq!(province_of("", ""), None);
}

#[test]
fn a_page_without_its_files_is_refused_not_a_panic() {
    assert!(assemble(INDEX, &Files::new(), None)
        .unwrap_err()
        .contains("thiếu tệp «start-1.js»"));
    assert!(needed("<html><body></body></html>", &Files::new()).is_err());
    let outside = INDEX.replace("./first-1.js", "https://example.com/x.js");
    assert!(needed(&outside, &Files::new())
        .unwrap_err()
        .contains("không phải một tệp của ứng dụng"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Whatever a province types, its data block holds no character that
    /// could end it, and reads back as written.
    #[test]
    fn any_text_round_trips_as_data(province in "[ -~À-ỹ<>&\u{2028}\u{2029}]{1,40}", label in "\\PC{0,60}") {
        prop_assume!(!province.trim().is_empty());
        let t = province_template("bieu-rieng", 1, "Biểu riêng", &label);
        let text = embed(&province, "2026-12-07", &[&t]);
        let forbidden = ['<', '>', '&', '\u{2028}', '\u{2029}'];
        prop_assert!(!text.contains(forbidden), "a character that can end the block");
        let back = read(&text).unwrap();
        prop_assert_eq!(back.province, province.trim());
        prop_assert_eq!(&*back.templates[0].source, &*t.source);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// Any data block and any index.html: a message or a page, never a panic.
    #[test]
    fn no_input_panics(text in "(\\PC|[<>\"'/]|<script|</script>|<link|<!--|-->| src=\"| from '|module_or_path: '){0,40}") {
        let _ = read(&text);
        let _ = needed(&text, &Files::new());
        let _ = assemble(&text, &fetched(INDEX, &dist()), None);
        let mut index = INDEX.to_string();
        index.insert_str(INDEX.find("<body>").unwrap(), &text);
        let _ = needed(&index, &Files::new());
        let _ = assemble(&index, &fetched(INDEX, &dist()), None);
    }
}

#[test]
fn the_day_an_edition_was_built_is_its_kept_time() {
    let on = |built: &str| {
        Edition {
            province: "Tỉnh Thanh Hóa".into(),
            built: built.into(),
            templates: Vec::new(),
        }
        .built_ms()
    };
    assert_eq!(on("2026-12-07"), 1_796_601_600_000.0);
    assert_eq!(on("2000-02-29"), 951_782_400_000.0);
    assert_eq!(on("1970-01-01"), 0.0);
    assert_eq!(on("hôm nay"), 0.0);
}
