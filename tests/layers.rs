//! The house's rules, read from the sources:
//! - every folder of `src/` is layered without circles: inside a folder, the
//!   files and subfolders that use one another (a `use`, or a path such as
//!   `crate::core::eval::x` or `super::grid::y`) never form a circle, so no
//!   file of `src/` takes part in an import circle;
//! - the core's top level is in the order `src/core/mod.rs` lists it, each
//!   module using only those listed before it;
//! - no source file is over 400 lines once formatted (the test command runs
//!   `cargo fmt --check` first), leaving out `#[cfg(test)]` code and the
//!   files under `src/**/tests/`.
//!
//! `#[cfg(test)]` code is left out everywhere: tests may reach anywhere.

#![cfg(not(target_arch = "wasm32"))]

#[path = "layers/graph.rs"]
mod graph;

use graph::{Crate, Edge};
use std::collections::BTreeMap;

const MAX_LINES: usize = 400;

#[test]
fn no_folder_of_src_has_an_import_circle() {
    let krate = Crate::read("src");
    assert!(krate.files.len() > 50, "the sources are read");
    assert!(
        krate.edges.len() > 200,
        "the uses are read: {}",
        krate.edges.len()
    );
    let mut circles = Vec::new();
    for folder in krate.folders() {
        for circle in krate.circles_in(&folder) {
            circles.push(circle);
        }
    }
    assert!(
        circles.is_empty(),
        "import circles (a → b means a file of a uses one of b):\n{}",
        circles.join("\n\n")
    );
}

#[test]
fn the_graph_sees_the_uses_it_must_see() {
    // A test that could not fail would prove nothing: these edges exist.
    let krate = Crate::read("src");
    let has = |from: &str, to: &str| {
        krate
            .edges
            .iter()
            .any(|e: &Edge| krate.files[e.from].module == from && krate.files[e.to].module == to)
    };
    assert!(
        has("ui::context", "core::session"),
        "the context owns the session"
    );
    assert!(
        has("core::eval", "core::narrative"),
        "the evaluation uses the narrative"
    );
    // A circle made on purpose is found.
    let mut made = Crate::read("src");
    let a = made.index("core::number").unwrap();
    let b = made.index("core::period").unwrap();
    made.edges.push(Edge {
        from: a,
        to: b,
        line: 1,
    });
    made.edges.push(Edge {
        from: b,
        to: a,
        line: 1,
    });
    assert!(!made.circles_in(&["core".to_string()]).is_empty());
}

#[test]
fn core_modules_use_only_those_below_them() {
    let order: Vec<String> = std::fs::read_to_string("src/core/mod.rs")
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub mod ")
                .map(|m| m.trim_end_matches(';').to_string())
        })
        .collect();
    assert!(order.len() > 10, "src/core/mod.rs lists the modules");
    let krate = Crate::read("src");
    let level = |module: &str| {
        let top = module.strip_prefix("core::")?.split("::").next()?;
        order.iter().position(|m| m == top)
    };
    let mut wrong = Vec::new();
    for file in &krate.files {
        if file.module.starts_with("core::") && level(&file.module).is_none() {
            wrong.push(format!(
                "{}: not listed in src/core/mod.rs",
                file.path.display()
            ));
        }
    }
    for edge in &krate.edges {
        let (from, to) = (&krate.files[edge.from], &krate.files[edge.to]);
        if let (Some(a), Some(b)) = (level(&from.module), level(&to.module)) {
            if b > a {
                wrong.push(format!(
                    "{}:{}: {} uses {}, which is not below it",
                    from.path.display(),
                    edge.line,
                    from.module,
                    to.module
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn no_source_file_is_over_400_formatted_lines() {
    let krate = Crate::read("src");
    let long: BTreeMap<String, usize> = krate
        .files
        .iter()
        .filter(|f| f.lines_without_tests > MAX_LINES)
        .map(|f| (f.path.display().to_string(), f.lines_without_tests))
        .collect();
    assert!(
        long.is_empty(),
        "split these files (lines without their tests):\n{long:#?}"
    );
    // The count leaves out test code, and only that.
    let draft = krate.files.iter().find(|f| f.module == "core::draft");
    let draft = draft.unwrap();
    assert!(draft.lines_without_tests < draft.lines);
    assert!(draft.lines_without_tests > 100);
}
