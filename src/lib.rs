//! Biểu mẫu CCHC: an offline form for the statistical annexes of Vietnamese
//! administrative-reform (CCHC) reports.
//!
//! - [`core`]: the domain, pure Rust, tested natively.
//! - [`ui`]: thin Leptos components that ask the core.
//! - [`browser`]: adapters to browser APIs (focus, files, storage).

pub mod core;
