//! The start screen: choose a form to fill, or load a template file.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files::{picked_files, read_text};
use crate::core::template::Template;

#[component]
pub fn StartScreen(templates: RwSignal<Vec<Arc<Template>>>, on_new: Callback<Arc<Template>>) -> impl IntoView {
    let load_message = RwSignal::new(None::<Result<String, String>>);
    let on_pick_template = move |ev: leptos::ev::Event| {
        for file in picked_files(&ev) {
            spawn_local(async move {
                let outcome = match read_text(&file).await {
                    Err(e) => Err(e),
                    Ok(text) => match Template::from_json(&text) {
                        Err(e) => Err(format!("Không mở được biểu mẫu «{}»: {e}", file.name())),
                        Ok(template) => {
                            let name = template.name.clone();
                            let template = Arc::new(template);
                            templates.update(|list| {
                                list.retain(|t| t.id != template.id);
                                list.push(template);
                            });
                            Ok(format!("Đã mở biểu mẫu «{name}»."))
                        }
                    },
                };
                load_message.set(Some(outcome));
            });
        }
    };

    view! {
        <main class="start-screen">
            <header class="start-header">
                <h1>"Biểu mẫu báo cáo cải cách hành chính"</h1>
                <p class="lead">
                    "Điền phụ lục thống kê ngay trên trình duyệt: số liệu được kiểm tra và cộng tổng khi gõ, không cần mạng."
                </p>
            </header>
            <section class="template-list" aria-label="Chọn biểu mẫu">
                <h2>"Tạo báo cáo mới"</h2>
                <For
                    each=move || templates.get()
                    key=|t| (t.id.clone(), t.version)
                    children=move |t| {
                        let fillable = t.fillable().count();
                        let rules = t.rules.len();
                        let open = t.clone();
                        view! {
                            <article class="template-card">
                                <h3>{t.name.clone()}</h3>
                                <p>{t.description.clone()}</p>
                                <p class="meta">
                                    {format!("{fillable} chỉ tiêu · {rules} quy tắc kiểm tra · mã {} · phiên bản {}", t.id, t.version)}
                                </p>
                                <button
                                    type="button"
                                    class="primary"
                                    data-action="new-draft"
                                    data-template=t.id.clone()
                                    on:click=move |_| on_new.run(open.clone())
                                >
                                    "Tạo báo cáo mới"
                                </button>
                            </article>
                        }
                    }
                />
            </section>
            <section class="load-template">
                <h2>"Mở biểu mẫu từ tệp"</h2>
                <p>"Biểu mẫu riêng của tỉnh (tệp .json theo định dạng biểu mẫu) được kiểm tra đầy đủ trước khi dùng."</p>
                <label class="file-button">
                    "Chọn tệp biểu mẫu…"
                    <input type="file" accept=".json,application/json" data-action="load-template" on:change=on_pick_template />
                </label>
                {move || load_message.get().map(|m| match m {
                    Ok(text) => view! { <p class="banner ok" role="status">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="banner error" role="alert" data-template-error="">{text}</p> }.into_any(),
                })}
            </section>
        </main>
    }
}
