//! The templates shipped with the app: every `templates/*.json` file,
//! embedded at build time by `build.rs`. Adding a file there adds a form,
//! with no Rust change.

use super::loading::TemplateError;
use super::template::Template;

include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// Each shipped template file, by file name, loaded and checked.
pub fn builtin_templates() -> Vec<(&'static str, Result<Template, TemplateError>)> {
    BUILTIN_TEMPLATE_FILES
        .iter()
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
