//! The app's files a one-file page is made of.

/// Files by their path relative to `index.html` (no leading `./`): a
/// handful, so a list (a `BTreeMap<String, _>` is kilobytes of wasm).
#[derive(Default)]
pub struct Files(Vec<(String, Vec<u8>)>);

impl Files {
    pub fn new() -> Files {
        Files::default()
    }

    pub fn get(&self, path: &str) -> Option<&Vec<u8>> {
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, bytes)| bytes)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Adds or replaces the file at `path`.
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        self.0.retain(|(p, _)| *p != path);
        self.0.push((path, bytes));
    }
}

#[cfg(test)]
impl std::ops::Index<&str> for Files {
    type Output = Vec<u8>;
    fn index(&self, path: &str) -> &Vec<u8> {
        self.get(path).unwrap_or_else(|| panic!("no file {path}"))
    }
}
