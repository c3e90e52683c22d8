//! The province's one-file edition (issue 34): the app's own files and the
//! templates a province chose, in one `.html` its units open by
//! double-click.
//!
//! One implementation for both ways it is made: the app builds an edition
//! from the files it fetches from its own origin (offline, from the service
//! worker's cache), and `./dev.sh single-file` builds the plain single file
//! from `dist/` through `examples/single_file.rs`. Both ask [`needed`] for
//! the files `index.html` names until none is missing, then [`assemble`].
//!
//! - `page`: the page: scripts, style and icon inlined, the wasm as a data
//!   block, and a Content-Security-Policy that allows only those inline
//!   script and style, by their SHA-256 (`hash`);
//! - `data`: the templates it carries, as JSON data (never markup or code),
//!   written and read back strictly.

mod data;
mod files;
mod hash;
mod page;

pub use self::data::{
    embed, file_name, province_of, read, replacements, Edition, Replacement, DATA_ID,
};
pub use self::files::Files;
pub use self::hash::{base64, sha256_base64};
pub use self::page::{assemble, needed, Carried, WASM_ID};

#[cfg(test)]
#[path = "../tests/edition.rs"]
mod tests;
