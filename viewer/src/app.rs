//! The app: its routes, the language and data contexts, and the switch from a route to a page.

use continuity_schema::references::Collection;
use yew::prelude::*;

use crate::browser;
use crate::components::layout::Frame;
use crate::components::status::{error_box, loading};
use crate::data::StoreHandle;
use crate::hooks::{Load, use_route, use_site};
use crate::i18n::Lang;
use crate::pages;

/// Where the visitor is. Parsed from and written to the location hash (see `route.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A page of the plan; `at` names a past revision (time travel), `None` the current one.
    Plan {
        at: Option<String>,
        page: PlanPage,
    },
    /// The revisions, filtered and paginated.
    History(HistoryQuery),
    /// One revision and what it changed.
    Revision(String),
    /// The changes between two revisions (both `None`: choose them).
    Diff {
        from: Option<String>,
        to: Option<String>,
    },
    NotFound(String),
}

/// A page of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanPage {
    Overview,
    List(ListPage),
    Entity(Collection, String),
    Findings,
}

/// The plan's sections, each a page listing its entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListPage {
    Team,
    Services,
    Systems,
    Suppliers,
    Locations,
    Scenarios,
    Risks,
    Communication,
    Exercises,
    Actions,
    Distribution,
}

/// The history page's filters, kept in the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryQuery {
    /// A diff section name (`services`): only revisions that changed it.
    pub section: Option<String>,
    pub author: Option<String>,
    /// 1-based.
    pub page: usize,
}

/// The interface language and how to change it, for every component.
#[derive(Debug, Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub set_lang: Callback<Lang>,
}

/// The viewer: loads the site's data, then shows the page the location hash names.
#[component]
pub fn App() -> Html {
    let lang = use_state(browser::initial_lang);
    let route = use_route();
    let site = use_site();
    use_effect_with(*lang, |lang| browser::set_document_lang(lang.code()));
    // After following a link, move focus to the new page's content, as a page load would, so
    // keyboard and screen-reader users start at the top of what changed.
    let first = use_mut_ref(|| true);
    use_effect_with(route.clone(), move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            browser::focus_main();
        }
    });
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |choice: Lang| {
            browser::remember_lang(choice);
            lang.set(choice);
        })
    };
    let ctx = Ctx {
        lang: *lang,
        set_lang,
    };
    let body = match site {
        Load::Ready(store) => html! {
            <Frame route={route.clone()} site={Some(store.site.clone())}>
                { switch(*lang, &store, &route) }
            </Frame>
        },
        Load::Loading => html! {
            <Frame route={route.clone()} site={None}>{ loading(*lang) }</Frame>
        },
        Load::Failed(error) => html! {
            <Frame route={route.clone()} site={None}>{ error_box(*lang, &error) }</Frame>
        },
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>{ body }</ContextProvider<Ctx>>
    }
}

/// The page for a route (inside the frame). The store is passed down as a property: one more
/// context type would cost the WebAssembly another copy of Yew's context machinery.
pub fn switch(lang: Lang, store: &StoreHandle, route: &Route) -> Html {
    match route {
        Route::Plan { at, page } => html! {
            <pages::PlanGate at={at.clone()} page={page.clone()} store={store.clone()} />
        },
        Route::History(query) => html! {
            <pages::history::HistoryPage query={query.clone()} store={store.clone()} />
        },
        Route::Revision(id) => pages::revision::revision_page(lang, store, id),
        Route::Diff { from, to } => pages::diff::diff_page(lang, store, from, to),
        Route::NotFound(_) => pages::not_found::not_found(lang),
    }
}
