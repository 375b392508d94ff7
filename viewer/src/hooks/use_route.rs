//! The current route, following the location hash.

use yew::prelude::*;

use crate::app::Route;
use crate::browser;

/// The route of the location hash, updated on every `hashchange` (links, back and forward).
#[hook]
pub fn use_route() -> Route {
    let route = use_state(|| Route::parse(&browser::current_hash()));
    #[cfg(target_arch = "wasm32")]
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    route.set(Route::parse(&browser::current_hash()));
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
