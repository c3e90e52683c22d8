//! Recipients ("Nơi nhận") and the signature block.

use leptos::prelude::*;

use crate::core::report::HeaderField;
use crate::ui::editor::report_header::{header_input, levels};
use crate::ui::editor::state::form::FormContext;

/// Between the signer's title and name, the room to sign and seal that the
/// .docx and .xlsx leave (on screen, a hint).
fn sign_space() -> impl IntoView {
    view! { <p class="sign-space italic">"(Ký, ghi rõ họ tên, đóng dấu)"</p> }
}

#[component]
pub fn SignatureBlock() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let recipients = form.header_signal(HeaderField::Recipients);
    let edit = form.clone();
    view! {
        <section class="signature" aria-label="Nơi nhận và chữ ký">
            <div class="recipients">
                <p class="bold italic">"Nơi nhận:"</p>
                <p class="print-only recipients-text">{move || recipients.get()}</p>
                <textarea
                    data-header="recipients"
                    rows="4"
                    aria-label="Nơi nhận"
                    placeholder={
                        let form = form.clone();
                        move || HeaderField::Recipients.placeholder_in(levels(&form))
                    }
                    prop:value=move || recipients.get()
                    on:input=move |ev| edit.set_header(HeaderField::Recipients, event_target_value(&ev))
                ></textarea>
            </div>
            <div class="signer">
                {header_input(HeaderField::SigningCapacity, "caps bold center")}
                {header_input(HeaderField::SignerTitle, "caps bold center")}
                {sign_space()}
                {header_input(HeaderField::Signer, "bold center")}
            </div>
        </section>
    }
}

/// The signature block as paper shows it after the annex, for a printout
/// of the annex alone (a narrative not begun): text only, no fields.
#[component]
pub fn SignatureOnPaper() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let text = move |field: HeaderField| {
        let value = form.header_signal(field);
        move || value.get()
    };
    view! {
        <section class="signature on-paper" aria-hidden="true">
            <div class="recipients">
                <p class="bold italic">"Nơi nhận:"</p>
                <p class="recipients-text">{text(HeaderField::Recipients)}</p>
            </div>
            <div class="signer">
                <p class="print-text caps bold">{text(HeaderField::SigningCapacity)}</p>
                <p class="print-text caps bold">{text(HeaderField::SignerTitle)}</p>
                {sign_space()}
                <p class="print-text bold">{text(HeaderField::Signer)}</p>
            </div>
        </section>
    }
}
