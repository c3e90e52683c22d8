//! The core is layered without cycles: `src/core/mod.rs` lists its modules
//! from the bottom up, and each module may use only those listed before
//! it. This test reads every `super::…` and `crate::core::…` path in the
//! core's sources (outside `#[cfg(test)]` code) and fails on an edge that
//! points up or sideways, naming the file and the line. It also holds every
//! source file to about 400 lines.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 420;

fn order() -> Vec<String> {
    fs::read_to_string("src/core/mod.rs")
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub mod ")
                .map(|m| m.trim_end_matches(';').to_string())
        })
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

/// The identifiers that follow `prefix` on a line: `use super::{a, b}` gives a, b.
fn targets(line: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

#[test]
fn core_modules_use_only_those_below_them() {
    let order = order();
    assert!(order.len() > 10, "src/core/mod.rs lists the modules");
    let mut files = Vec::new();
    sources(Path::new("src/core"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix("src/core").unwrap();
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts[0] == "tests" || parts[0] == "mod" {
            continue;
        }
        let module = parts[0].clone();
        let Some(level) = order.iter().position(|m| *m == module) else {
            wrong.push(format!(
                "{}: module {module} is not listed in src/core/mod.rs",
                file.display()
            ));
            continue;
        };
        // `super::` in core/x.rs and core/d/mod.rs names a core module; in
        // core/d/f.rs it names a sibling inside d.
        let super_is_core = parts.len() == 1 || parts.last().is_some_and(|p| p == "mod");
        let text = fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            let mut used = targets(line, "crate::core::");
            if super_is_core {
                used.extend(targets(line, "super::"));
            }
            for target in used {
                if target == module || target == "self" {
                    continue;
                }
                match order.iter().position(|m| *m == target) {
                    Some(at) if at < level => {}
                    Some(_) => wrong.push(format!(
                        "{}:{}: {module} uses {target}, which is not below it",
                        file.display(),
                        n + 1
                    )),
                    None => {}
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn no_source_file_is_over_about_400_lines() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{}: {lines} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}
