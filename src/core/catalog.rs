//! The templates shipped with the app: every `templates/*.json` file,
//! embedded at build time by `build.rs`. Adding a file there adds a form,
//! with no Rust change.

use super::loading::TemplateError;
use super::template::Template;

include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// The template most clerks fill: the commune's annex, listed first on the
/// start screen; the others follow in file-name order.
const MOST_USED: &str = "xa-01b.json";

/// Each shipped template file, by file name, loaded and checked, the
/// commune's annex first.
pub fn builtin_templates() -> Vec<(&'static str, Result<Template, TemplateError>)> {
    let files = BUILTIN_TEMPLATE_FILES.iter();
    let (first, rest) = (
        files.clone().filter(|f| f.0 == MOST_USED),
        files.filter(|f| f.0 != MOST_USED),
    );
    first
        .chain(rest)
        .map(|(name, text)| (*name, Template::from_json(text)))
        .collect()
}

/// The shipped template with this id, if it loads.
pub fn builtin_template(id: &str) -> Option<Template> {
    let file = format!("{id}.json");
    BUILTIN_TEMPLATE_FILES
        .iter()
        .find(|(name, _)| *name == file)
        .and_then(|(_, text)| Template::from_json(text).ok())
}

/// The commune annex, for the core's unit tests.
#[cfg(test)]
pub(crate) fn xa_01b_for_tests() -> Template {
    builtin_template("xa-01b").expect("xa-01b ships with the app")
}

/// The district annexes, for the core's unit tests.
#[cfg(test)]
pub(crate) fn huyen_cchc_for_tests() -> Template {
    builtin_template("huyen-cchc").expect("huyen-cchc ships with the app")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_template_loads() {
        assert!(!BUILTIN_TEMPLATE_FILES.is_empty());
        for (name, result) in builtin_templates() {
            let template = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                format!("{}.json", template.id),
                name,
                "a template file is named after its id"
            );
        }
    }

    #[test]
    fn the_commune_annex_comes_first() {
        let names: Vec<&str> = builtin_templates().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names.first(), Some(&"xa-01b.json"));
        let mut rest = names[1..].to_vec();
        rest.sort();
        assert_eq!(rest, names[1..], "the others in file-name order");
    }

    #[test]
    fn every_file_in_the_folder_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let on_disk = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .count();
        assert_eq!(on_disk, BUILTIN_TEMPLATE_FILES.len());
    }
}
