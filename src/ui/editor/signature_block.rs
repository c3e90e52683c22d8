//! Recipients ("Nơi nhận") and the signature block.

use leptos::prelude::*;

use crate::core::report::HeaderField;
use crate::ui::editor::report_header::header_input;
use crate::ui::editor::state::form::FormContext;

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
                    placeholder=HeaderField::Recipients.placeholder()
                    prop:value=move || recipients.get()
                    on:input=move |ev| edit.set_header(HeaderField::Recipients, event_target_value(&ev))
                ></textarea>
            </div>
            <div class="signer">
                {header_input(HeaderField::SigningCapacity, "caps bold center")}
                {header_input(HeaderField::SignerTitle, "caps bold center")}
                <p class="sign-space italic">"(Ký, ghi rõ họ tên, đóng dấu)"</p>
                {header_input(HeaderField::Signer, "bold center")}
            </div>
        </section>
    }
}
