//! The import graph of the crate's sources, file by file, read from their
//! tokens (comments and literals left out, `#[cfg(test)]` items left out).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub struct File {
    pub path: PathBuf,
    /// `core::eval`, `ui`, or `` for lib.rs.
    pub module: String,
    pub lines: usize,
    pub lines_without_tests: usize,
}

/// A file using another, at the first line where it does.
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub line: usize,
}

pub struct Crate {
    pub files: Vec<File>,
    pub edges: Vec<Edge>,
}

#[derive(Clone, PartialEq)]
enum Tok {
    Ident(String),
    Path, // ::
    Punct(char),
}

fn tokens(text: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('#') || next == Some('"')) {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push((Tok::Ident("r".into()), line));
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                line += usize::from(chars[j] == '\n');
                j += 1;
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                line += usize::from(chars.get(i) == Some(&'\n'));
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // 'x' and '\n' are characters; 'a is a lifetime.
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Tok::Ident(chars[start..i].iter().collect()), line));
        } else if c == ':' && next == Some(':') {
            out.push((Tok::Path, line));
            i += 2;
        } else {
            out.push((Tok::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// The tokens without `#[cfg(test)]` items, and the lines those items take.
fn without_tests(toks: Vec<(Tok, usize)>) -> (Vec<(Tok, usize)>, BTreeSet<usize>) {
    let cfg_test = [
        Tok::Punct('#'),
        Tok::Punct('['),
        Tok::Ident("cfg".into()),
        Tok::Punct('('),
        Tok::Ident("test".into()),
        Tok::Punct(')'),
        Tok::Punct(']'),
    ];
    let mut kept = Vec::new();
    let mut removed = BTreeSet::new();
    let mut i = 0;
    while i < toks.len() {
        let is_cfg = toks.len() >= i + cfg_test.len()
            && toks[i..i + cfg_test.len()]
                .iter()
                .zip(&cfg_test)
                .all(|((t, _), want)| t == want);
        if !is_cfg {
            kept.push(toks[i].clone());
            i += 1;
            continue;
        }
        let start = toks[i].1;
        let mut j = i + cfg_test.len();
        let mut depth = 0i32;
        while j < toks.len() {
            match toks[j].0 {
                Tok::Punct('{') => depth += 1,
                Tok::Punct('}') => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Tok::Punct(';') if depth == 0 => break,
                _ => {}
            }
            j += 1;
        }
        let end = toks.get(j).map_or(usize::MAX, |t| t.1);
        removed.extend(start..=end.min(start + 100_000));
        i = j + 1;
    }
    (kept, removed)
}

/// The paths a `use` tree names, from `use` to its `;`.
fn use_paths(
    toks: &[(Tok, usize)],
    at: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    let mut path = prefix;
    while *at < toks.len() {
        match &toks[*at].0 {
            Tok::Ident(name) if name == "as" => {
                *at += 2;
            }
            Tok::Ident(name) => {
                path.push(name.clone());
                *at += 1;
            }
            Tok::Path => *at += 1,
            Tok::Punct('{') => {
                *at += 1;
                loop {
                    use_paths(toks, at, path.clone(), out);
                    match toks.get(*at).map(|t| &t.0) {
                        Some(Tok::Punct(',')) => *at += 1,
                        _ => break,
                    }
                    if toks.get(*at).map(|t| &t.0) == Some(&Tok::Punct('}')) {
                        break;
                    }
                }
                *at += 1; // the '}'
                return;
            }
            Tok::Punct('*') => *at += 1,
            _ => break,
        }
    }
    out.push(path);
}

impl Crate {
    pub fn read(root: &str) -> Crate {
        let mut paths = Vec::new();
        sources(Path::new(root), &mut paths);
        paths.sort();
        let mut files = Vec::new();
        let mut tokens_of = Vec::new();
        for path in paths {
            let relative = path.strip_prefix(root).unwrap();
            let parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            if parts.iter().any(|p| p == "tests") || parts == ["main"] {
                continue;
            }
            let mut module: Vec<String> = parts;
            if module.last().is_some_and(|p| p == "mod" || p == "lib") {
                module.pop();
            }
            let text = fs::read_to_string(&path).unwrap();
            let lines = text.lines().count();
            let (kept, removed) = without_tests(tokens(&text));
            let removed = removed.iter().filter(|l| **l <= lines).count();
            files.push(File {
                path,
                module: module.join("::"),
                lines,
                lines_without_tests: lines - removed,
            });
            tokens_of.push(kept);
        }
        let index: BTreeMap<String, usize> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.module.clone(), i))
            .collect();
        let mut edges = Vec::new();
        for (from, toks) in tokens_of.iter().enumerate() {
            let here: Vec<String> = split(&files[from].module);
            let mut found: BTreeMap<usize, usize> = BTreeMap::new();
            let mut note = |path: Vec<String>, line: usize| {
                if let Some(to) = resolve(&index, &here, &path) {
                    if to != from {
                        found.entry(to).or_insert(line);
                    }
                }
            };
            let mut i = 0;
            while i < toks.len() {
                let line = toks[i].1;
                if toks[i].0 == Tok::Ident("use".into()) {
                    let mut at = i + 1;
                    let mut paths = Vec::new();
                    use_paths(toks, &mut at, Vec::new(), &mut paths);
                    for p in paths {
                        note(p, line);
                    }
                    i = at.max(i + 1);
                    continue;
                }
                // A path in code: a::b::c, not itself the tail of a path.
                let starts = matches!(toks[i].0, Tok::Ident(_))
                    && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Path)
                    && (i == 0 || toks[i - 1].0 != Tok::Path);
                if starts {
                    let mut path = Vec::new();
                    let mut j = i;
                    while let Some((Tok::Ident(name), _)) = toks.get(j) {
                        path.push(name.clone());
                        if toks.get(j + 1).map(|t| &t.0) != Some(&Tok::Path) {
                            break;
                        }
                        j += 2;
                    }
                    note(path, line);
                    i = j + 1;
                    continue;
                }
                i += 1;
            }
            edges.extend(found.into_iter().map(|(to, line)| Edge { from, to, line }));
        }
        Crate { files, edges }
    }

    pub fn index(&self, module: &str) -> Option<usize> {
        self.files.iter().position(|f| f.module == module)
    }

    /// Every folder of the crate, as a module path (`[]` is `src/`).
    pub fn folders(&self) -> Vec<Vec<String>> {
        let mut folders = BTreeSet::new();
        for file in &self.files {
            let parts = split(&file.module);
            for n in 0..parts.len() {
                folders.insert(parts[..n].to_vec());
            }
        }
        folders.into_iter().collect()
    }

    /// The circles among a folder's files and subfolders, each with the uses
    /// that make it.
    pub fn circles_in(&self, folder: &[String]) -> Vec<String> {
        // A file's room in the folder: a file of it, or the subfolder it is in.
        let room = |i: usize| -> Option<String> {
            let parts = split(&self.files[i].module);
            if parts.len() < folder.len() || parts[..folder.len()] != *folder {
                return None;
            }
            Some(
                parts
                    .get(folder.len())
                    .cloned()
                    .unwrap_or_else(|| "mod".into()),
            )
        };
        let mut uses: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        for edge in &self.edges {
            if let (Some(a), Some(b)) = (room(edge.from), room(edge.to)) {
                if a != b {
                    uses.entry((a, b)).or_default().push(format!(
                        "{}:{}",
                        self.files[edge.from].path.display(),
                        edge.line
                    ));
                }
            }
        }
        let rooms: BTreeSet<String> = uses
            .keys()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .collect();
        let mut out = Vec::new();
        for component in strongly_connected(&rooms, &uses) {
            if component.len() < 2 {
                continue;
            }
            let mut text = format!("in src/{}: {}", folder.join("/"), component.join(", "));
            for ((a, b), at) in &uses {
                if component.contains(a) && component.contains(b) {
                    text.push_str(&format!("\n  {a} → {b} ({})", at[0]));
                }
            }
            out.push(text);
        }
        out
    }
}

fn split(module: &str) -> Vec<String> {
    module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file a path leads to, from the module `here`: the longest prefix of
/// the path that is a module of the crate. None for other crates.
fn resolve(index: &BTreeMap<String, usize>, here: &[String], path: &[String]) -> Option<usize> {
    let mut base: Vec<String>;
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base = Vec::new();
            rest = &path[1..];
        }
        Some("self") => {
            base = here.to_vec();
            rest = &path[1..];
        }
        Some("super") => {
            base = here.to_vec();
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        Some(first) => {
            // A child module in scope, as in `mod x; … x::y()`.
            let mut child = here.to_vec();
            child.push(first.to_string());
            if !index.contains_key(&child.join("::")) {
                return None;
            }
            base = here.to_vec();
        }
        None => return None,
    }
    let mut best = index.get(&base.join("::")).copied();
    for segment in rest {
        base.push(segment.clone());
        match index.get(&base.join("::")) {
            Some(i) => best = Some(*i),
            None => break,
        }
    }
    best
}

/// Tarjan's strongly connected components.
fn strongly_connected(
    nodes: &BTreeSet<String>,
    edges: &BTreeMap<(String, String), Vec<String>>,
) -> Vec<Vec<String>> {
    let names: Vec<&String> = nodes.iter().collect();
    let at = |n: &String| names.iter().position(|m| *m == n).unwrap();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (a, b) in edges.keys() {
        next[at(a)].push(at(b));
    }
    struct State {
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on: Vec<bool>,
        stack: Vec<usize>,
        count: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(v: usize, next: &[Vec<usize>], s: &mut State) {
        s.index[v] = Some(s.count);
        s.low[v] = s.count;
        s.count += 1;
        s.stack.push(v);
        s.on[v] = true;
        for &w in &next[v] {
            match s.index[w] {
                None => {
                    visit(w, next, s);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on[w] => s.low[v] = s.low[v].min(iw),
                _ => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(component);
        }
    }
    let n = names.len();
    let mut s = State {
        index: vec![None; n],
        low: vec![0; n],
        on: vec![false; n],
        stack: Vec::new(),
        count: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(v, &next, &mut s);
        }
    }
    s.out
        .into_iter()
        .map(|c| c.into_iter().map(|i| names[i].clone()).collect())
        .collect()
}
