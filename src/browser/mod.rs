//! Adapters to browser APIs: focus, files, the panic banner.
//!
//! Components call these small functions and never reach into `web_sys`
//! themselves. Every function here fails quietly (returns `None`/`false`)
//! rather than panicking when the browser refuses.

pub mod download;
pub mod edition;
pub mod files;
pub mod first_screen;
pub mod focus;
pub mod ids;
pub mod idle;
pub mod near_screen;
pub mod panic_banner;
pub mod print;
pub mod route;
pub mod service_worker;
pub mod storage;
pub mod text_box;
pub mod text_field;
pub mod time;
pub mod typing_window;
