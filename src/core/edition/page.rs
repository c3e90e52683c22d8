//! The page of a one-file build, made from `dist/index.html` and the files
//! it names: its classic scripts and the JS glue inline, the style inline,
//! the icon as a `data:` URL, the wasm as base64 in a data block, and a
//! Content-Security-Policy `<meta>` allowing exactly those inline script
//! and style by their SHA-256, with `'wasm-unsafe-eval'` and no
//! `'unsafe-inline'`. The glue is a module script of its own (its exports
//! are legal there and unused), followed by the call to its init: no
//! `blob:` import, so no `blob:` in `script-src`.

use super::data::{embed, DATA_ID};
use super::files::Files;
use super::hash::{base64, sha256_base64};
use crate::core::template::Template;

/// The id of the wasm's data block.
pub const WASM_ID: &str = "bieumau-wasm";

/// What an edition carries beyond the app (the plain single file has none).
pub struct Carried<'a> {
    pub province: &'a str,
    /// `YYYY-MM-DD`.
    pub built: &'a str,
    pub templates: &'a [&'a Template],
}

/// An element's opening tag and where the whole element is.
struct Tag<'a> {
    start: usize,
    end: usize,
    open: &'a str,
    /// A script's text (empty for a `<link>`).
    body: &'a str,
}

impl<'a> Tag<'a> {
    fn attr(&self, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let at = self.open.find(&key)? + key.len();
        let len = self.open[at..].find('"')?;
        Some(&self.open[at..at + len])
    }
}

/// The `<script>` or `<link>` elements of `html`, outside comments.
fn tags<'a>(html: &'a str, name: &str) -> Vec<Tag<'a>> {
    let lower = html.to_ascii_lowercase();
    let opening = format!("<{name}");
    let (mut out, mut at) = (Vec::new(), 0);
    while let Some(found) = lower[at..].find(&opening) {
        let start = at + found;
        if let Some(comment) = lower[at..start].rfind("<!--").map(|c| at + c) {
            if !lower[comment..start].contains("-->") {
                at = lower[start..]
                    .find("-->")
                    .map_or(html.len(), |e| start + e + 3);
                continue;
            }
        }
        let after = lower[start + opening.len()..].chars().next();
        let Some(close) = lower[start..].find('>').map(|c| start + c + 1) else {
            break;
        };
        if !matches!(after, Some(c) if c.is_whitespace() || c == '>' || c == '/') {
            at = close;
            continue;
        }
        let (end, body) = if name == "script" {
            match lower[close..].find("</script>") {
                Some(e) => (close + e + "</script>".len(), &html[close..close + e]),
                None => (html.len(), &html[close..]),
            }
        } else {
            (close, "")
        };
        out.push(Tag {
            start,
            end,
            open: &html[start..close],
            body,
        });
        at = end;
    }
    out
}

/// A path of `dist/`, relative and inside it.
fn path(raw: &str) -> Result<String, String> {
    let p = raw.trim_start_matches("./");
    if p.is_empty() || p.starts_with('/') || p.contains(':') || p.contains("..") {
        return Err(format!(
            "index.html trỏ tới «{raw}», không phải một tệp của ứng dụng"
        ));
    }
    Ok(p.to_string())
}

/// The quoted text after `key` in `text` ('…' or "…").
fn quoted_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let rest = text[text.find(key)? + key.len()..].trim_start();
    let quote = rest.chars().next().filter(|q| *q == '\'' || *q == '"')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

/// The parts of index.html a one-file build changes.
struct Page<'a> {
    classic: Vec<(Tag<'a>, String)>,
    start: (Tag<'a>, String),
    style: (Tag<'a>, String),
    icon: Option<(Tag<'a>, String)>,
    dropped: Vec<Tag<'a>>,
    inline: Vec<Tag<'a>>,
}

fn page(html: &str) -> Result<Page<'_>, String> {
    let (mut classic, mut start, mut inline) = (Vec::new(), None, Vec::new());
    for tag in tags(html, "script") {
        match (tag.attr("src"), tag.attr("type")) {
            (Some(src), Some("module")) => start = Some((path(src)?, tag)),
            (Some(src), None) => classic.push((path(src)?, tag)),
            (None, None | Some("module")) => inline.push(tag),
            _ => {}
        }
    }
    let (mut style, mut icon, mut dropped) = (None, None, Vec::new());
    for tag in tags(html, "link") {
        match (tag.attr("rel"), tag.attr("href")) {
            (Some("stylesheet"), Some(href)) => style = Some((path(href)?, tag)),
            (Some("icon"), Some(href)) => icon = Some((path(href)?, tag)),
            (Some("modulepreload" | "preload" | "manifest"), _) => dropped.push(tag),
            _ => {}
        }
    }
    let (Some(start), Some(style)) = (start, style) else {
        return Err("index.html không có tệp khởi động hoặc tệp CSS của ứng dụng".into());
    };
    Ok(Page {
        classic: classic.into_iter().map(|(p, t)| (t, p)).collect(),
        start: (start.1, start.0),
        style: (style.1, style.0),
        icon: icon.map(|(p, t)| (t, p)),
        dropped,
        inline,
    })
}

/// The glue and the wasm the start-up script loads.
fn start_files(start: &str) -> Result<(String, String), String> {
    let glue = quoted_after(start, " from");
    let wasm = quoted_after(start, "module_or_path:");
    match (glue, wasm) {
        (Some(g), Some(w)) if g.ends_with(".js") && w.ends_with(".wasm") => {
            Ok((path(g)?, path(w)?))
        }
        _ => Err("tệp khởi động không nêu tệp JS và tệp wasm của ứng dụng".into()),
    }
}

fn text(files: &Files, path: &str) -> Result<String, String> {
    let bytes = files
        .get(path)
        .ok_or_else(|| format!("thiếu tệp «{path}» của ứng dụng"))?;
    let text = String::from_utf8(bytes.clone())
        .map_err(|_| format!("tệp «{path}» không phải văn bản UTF-8"))?;
    // As the HTML parser reads it, so that the hash is of the same text.
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The files of `index` not yet in `have`: fetch them and ask again, until
/// none is missing (the glue and the wasm are named by the start-up script).
pub fn needed(index: &str, have: &Files) -> Result<Vec<String>, String> {
    let page = page(index)?;
    let mut paths: Vec<String> = page.classic.iter().map(|(_, p)| p.clone()).collect();
    paths.push(page.start.1.clone());
    paths.push(page.style.1.clone());
    paths.extend(page.icon.iter().map(|(_, p)| p.clone()));
    if have.contains_key(&page.start.1) {
        let (glue, wasm) = start_files(&text(have, &page.start.1)?)?;
        paths.extend([glue, wasm]);
    }
    paths.retain(|p| !have.contains_key(p));
    paths.dedup();
    Ok(paths)
}

/// Text inside `<script>`/`<style>` that cannot end it early.
fn inside(text: &str, element: &str) -> Result<String, String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("<!--") {
        return Err(format!(
            "một tệp của ứng dụng có «<!--», không đặt được trong <{element}>"
        ));
    }
    let closing = format!("</{element}");
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find(&closing) {
        out.push_str(&text[at..at + found]);
        out.push_str("<\\/");
        at += found + 2;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// The local name the glue exports as `default` (its init function).
fn default_export(glue: &str) -> Option<&str> {
    let ident = |s: &str| -> Option<usize> {
        let n = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(s.len());
        (n > 0).then_some(n)
    };
    if let Some(at) = glue.rfind("export default ") {
        let rest = glue[at + "export default ".len()..].trim_start();
        let rest = rest.strip_prefix("async ").unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix("function ").unwrap_or(rest).trim_start();
        return ident(rest).map(|n| &rest[..n]);
    }
    let at = glue.rfind("export{").or_else(|| glue.rfind("export {"))?;
    let list = &glue[at..];
    let list = &list[list.find('{')? + 1..list.find('}')?];
    list.split(',').find_map(|item| {
        let mut words = item.split_whitespace();
        let (local, as_, name) = (words.next()?, words.next(), words.next());
        (as_ == Some("as") && name == Some("default")).then_some(local)
    })
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The one page: `index` with every file it names inside it, and, for an
/// edition, its templates, its title and meta naming the province.
pub fn assemble(index: &str, have: &Files, carried: Option<&Carried>) -> Result<String, String> {
    let page = page(index)?;
    let (glue_path, wasm_path) = start_files(&text(have, &page.start.1)?)?;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let (mut scripts, mut styles) = (Vec::new(), Vec::new());
    for (tag, path) in &page.classic {
        let js = inside(&text(have, path)?, "script")?;
        scripts.push(sha256_base64(js.as_bytes()));
        edits.push((tag.start, tag.end, format!("<script>{js}</script>")));
    }
    for tag in &page.inline {
        scripts.push(sha256_base64(tag.body.as_bytes()));
    }
    let glue = text(have, &glue_path)?;
    let init = default_export(&glue).ok_or("tệp JS của ứng dụng không có hàm khởi động")?;
    let boot = format!(
        "\n{{const bieumauWasmText=atob(document.getElementById(\"{WASM_ID}\").textContent),\
         bieumauWasm=new Uint8Array(bieumauWasmText.length);\
         for(let i=0;i<bieumauWasmText.length;i++)bieumauWasm[i]=bieumauWasmText.charCodeAt(i);\
         await {init}({{module_or_path:bieumauWasm}});}}\n"
    );
    let module = inside(&format!("{glue}{boot}"), "script")?;
    scripts.push(sha256_base64(module.as_bytes()));
    let (start, _) = &page.start;
    edits.push((
        start.start,
        start.end,
        format!("<script type=\"module\">{module}</script>"),
    ));
    let css = inside(&text(have, &page.style.1)?, "style")?;
    styles.push(sha256_base64(css.as_bytes()));
    edits.push((
        page.style.0.start,
        page.style.0.end,
        format!("<style>{css}</style>"),
    ));
    if let Some((tag, path)) = &page.icon {
        let bytes = have
            .get(path)
            .ok_or_else(|| format!("thiếu tệp «{path}» của ứng dụng"))?;
        let mime = if path.ends_with(".svg") {
            "image/svg+xml"
        } else {
            "image/png"
        };
        let url = format!("data:{mime};base64,{}", base64(bytes));
        edits.push((
            tag.start,
            tag.end,
            format!("<link rel=\"icon\" href=\"{url}\">"),
        ));
    }
    for tag in &page.dropped {
        edits.push((tag.start, tag.end, String::new()));
    }
    let wasm = have
        .get(&wasm_path)
        .ok_or_else(|| format!("thiếu tệp «{wasm_path}» của ứng dụng"))?;
    let mut tail = format!(
        "<script type=\"application/octet-stream\" id=\"{WASM_ID}\">{}</script>",
        base64(wasm)
    );
    let mut head = csp(&scripts, &styles);
    if let Some(c) = carried {
        tail.push_str(&format!(
            "<script type=\"application/json\" id=\"{DATA_ID}\">{}</script>",
            embed(c.province, c.built, c.templates)
        ));
        head.push_str(&format!(
            "<meta name=\"bieumau-edition\" content=\"{}\">",
            escape_attr(&describe(c))
        ));
        if let Some(title) = tags_between(index, "<title>", "</title>") {
            let name = format!("Biểu mẫu báo cáo CCHC — bản của {}", c.province);
            edits.push((title.0, title.1, escape_attr(&name)));
        }
    }
    let lower = index.to_ascii_lowercase();
    let head_at = lower
        .find("<meta charset")
        .and_then(|m| lower[m..].find('>').map(|e| m + e + 1))
        .or_else(|| lower.find("<head>").map(|h| h + "<head>".len()))
        .ok_or("index.html không có <head>")?;
    edits.push((head_at, head_at, head));
    let body_end = lower
        .rfind("</body>")
        .ok_or("index.html không có </body>")?;
    edits.push((body_end, body_end, tail));
    // In page order (no sort: its code is kilobytes of wasm for ten items).
    let mut ordered: Vec<(usize, usize, String)> = Vec::with_capacity(edits.len());
    for edit in edits {
        let at = ordered.partition_point(|e| (e.0, e.1) <= (edit.0, edit.1));
        ordered.insert(at, edit);
    }
    let edits = ordered;
    let mut out = String::with_capacity(index.len() + wasm.len() * 4 / 3 + glue.len() + css.len());
    let mut at = 0;
    for (start, end, with) in edits {
        if start < at {
            return Err("index.html có các phần chồng lên nhau".into());
        }
        out.push_str(&index[at..start]);
        out.push_str(&with);
        at = end;
    }
    out.push_str(&index[at..]);
    Ok(out)
}

/// The text between `open` and `close`, as a range.
fn tags_between(html: &str, open: &str, close: &str) -> Option<(usize, usize)> {
    let start = html.find(open)? + open.len();
    Some((start, start + html[start..].find(close)?))
}

/// «tỉnh Thanh Hóa; tạo ngày 2026-12-07; xa-01b phiên bản 1, …»
fn describe(c: &Carried) -> String {
    let list: Vec<String> = c
        .templates
        .iter()
        .map(|t| format!("{} phiên bản {}", t.id, t.version))
        .collect();
    format!("{}; tạo ngày {}; {}", c.province, c.built, list.join(", "))
}

/// The policy: only these inline scripts and styles, the wasm, and `data:`
/// images (the icon); nothing fetched, framed or posted.
fn csp(scripts: &[String], styles: &[String]) -> String {
    let list = |hashes: &[String]| {
        hashes
            .iter()
            .map(|h| format!("'sha256-{h}'"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'; object-src 'none'\">",
        list(scripts),
        list(styles)
    )
}
