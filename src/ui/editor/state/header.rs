//! The report's header as the clerk types it: a signal per field.

use leptos::prelude::*;

use crate::core::report::{HeaderField, ReportHeader};

/// The header as typed: one signal per field, in [`HeaderField::ALL`] order
/// (an array, not a map: each field is there by construction).
#[derive(Clone, Copy)]
pub struct HeaderSignals([RwSignal<String>; HeaderField::ALL.len()]);

impl HeaderSignals {
    pub fn new(header: &ReportHeader) -> HeaderSignals {
        HeaderSignals(HeaderField::ALL.map(|field| RwSignal::new(header.get(field))))
    }

    pub fn get(&self, field: HeaderField) -> RwSignal<String> {
        self.0[field.index()]
    }

    pub fn iter(&self) -> impl Iterator<Item = (HeaderField, RwSignal<String>)> {
        HeaderField::ALL.into_iter().zip(self.0)
    }
}
