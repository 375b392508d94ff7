//! The Continuity viewer: a Yew app that shows a plan, its history and its diffs from the static
//! files `continuity site` writes (plans, and findings recorded with the CLI's rules), computing
//! diffs with `continuity-schema`.
//!
//! Everything that touches the browser (fetch, localStorage, the location hash, the clock) sits
//! in [`browser`], so that the rest renders natively in `cargo test` with Yew's server renderer.

pub mod app;
pub mod browser;
pub mod components;
pub mod data;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod view;

/// Mounts the viewer into `#app` (called by the wasm-bindgen glue when the module starts).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    // The loading message of index.html goes; Yew renders its own states from here on.
    root.set_text_content(None);
    yew::Renderer::<app::App>::with_root(root).render();
}
