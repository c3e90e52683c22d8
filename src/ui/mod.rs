//! Thin Leptos components, in rooms by screen. They ask the core (the
//! editor through [`editor::state::form::Form`]) and the session
//! ([`context::AppContext`], which owns `core::session`) and show the typed
//! outcomes they return; they never evaluate rules or touch storage
//! themselves.
//!
//! - [`context`]: the session, the templates and the screen;
//! - [`shelf`]: the templates offered, with their origins, changed by one rule;
//! - [`shared`]: widgets and reactive helpers both screens use;
//! - [`start`]: the first screen: the drafts, backups, templates;
//! - [`editor`]: one report: its state (`editor::state`) and its views;
//! - [`app`]: the page, which shows one screen or the other.

pub mod context;
pub mod shelf;
pub mod shared;
pub mod start;
pub mod editor;
pub mod app;
