//! Loading the site's entry point and revision index once, when the viewer starts.

use std::rc::Rc;

use yew::prelude::*;

use super::Load;
use crate::data::{Store, StoreHandle};

/// The site's data: loading, loaded, or the reason it could not be.
#[hook]
pub fn use_site() -> Load<StoreHandle> {
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let loaded = Store::load().await.map(|store| StoreHandle(Rc::new(store)));
                state.set(loaded.into());
            });
        });
    }
    (*state).clone()
}
