//! A revision's plan, rebuilt from the site's snapshots and chunks, with its findings.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::Load;
use crate::data::{Loaded, StoreHandle};

/// Revision `index` (an index into the revision list).
///
/// A plan already in the store's cache is there at once; otherwise the hook loads it and
/// re-renders. A result that arrives after the visitor moved on to another revision is dropped.
#[hook]
pub fn use_plan(store: &StoreHandle, index: usize) -> Load<Loaded> {
    let state = use_state(|| (index, Load::Loading));
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    {
        let state = state.clone();
        let store = store.clone();
        let generation = generation.borrow().clone();
        use_effect_with((store.clone(), index), move |_| {
            let current = generation.get().wrapping_add(1);
            generation.set(current);
            if let Some(plan) = store.cached(index) {
                state.set((index, Load::Ready(plan)));
                return;
            }
            state.set((index, Load::Loading));
            yew::platform::spawn_local(async move {
                let loaded = store.revision(index).await;
                if generation.get() == current {
                    state.set((index, loaded.into()));
                }
            });
        });
    }
    match &*state {
        (at, load) if *at == index => load.clone(),
        // The first render for a new index, before the effect ran.
        _ => store.cached(index).map_or(Load::Loading, Load::Ready),
    }
}
