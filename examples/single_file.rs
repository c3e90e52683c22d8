//! `./dev.sh single-file`: the plain one-file build of `dist/`, made by the
//! same code as the edition the app builds in the browser
//! (`core::edition`). Usage: `single_file <dist> <out.html>`.

use std::path::Path;

use bieumau::core::edition::{assemble, needed, Files};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dist, out) = match &args[..] {
        [_, dist, out] => (Path::new(dist), Path::new(out)),
        _ => fail("usage: single_file <dist> <out.html>"),
    };
    let read = |name: &str| {
        std::fs::read(dist.join(name)).unwrap_or_else(|e| fail(&format!("{name}: {e}")))
    };
    let index =
        String::from_utf8(read("index.html")).unwrap_or_else(|_| fail("index.html is not UTF-8"));
    let mut have = Files::new();
    loop {
        let missing = needed(&index, &have).unwrap_or_else(|e| fail(&e));
        if missing.is_empty() {
            break;
        }
        for name in missing {
            let bytes = read(&name);
            have.insert(name, bytes);
        }
    }
    let page = assemble(&index, &have, None).unwrap_or_else(|e| fail(&e));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&e.to_string()));
    }
    std::fs::write(out, &page).unwrap_or_else(|e| fail(&e.to_string()));
    println!(
        "single file: {} ({:.1} KB)",
        out.display(),
        page.len() as f64 / 1024.0
    );
}

fn fail(message: &str) -> ! {
    eprintln!("single-file: {message}");
    std::process::exit(1)
}
