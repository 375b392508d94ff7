//! The pages: one module per section of the plan (its list and its entities), and the
//! history, revision, diff and findings pages.

pub mod actions;
pub mod communication;
pub mod diff;
pub mod distribution;
pub mod exercises;
pub mod findings;
pub mod history;
pub mod locations;
pub mod not_found;
pub mod overview;
pub mod revision;
pub mod risks;
pub mod scenarios;
pub mod services;
pub mod suppliers;
pub mod systems;
pub mod team;

use std::rc::Rc;

use continuity_schema::references::Collection;
use yew::prelude::*;

use crate::app::{Ctx, ListPage, PlanPage, Route};
use crate::components::status::{error_box, loading};
use crate::data::{DataError, StoreHandle};
use crate::hooks::{Load, use_plan};
use crate::i18n::{Lang, Msg};
use crate::view::PlanView;

/// The interface language and the plan shown, from a context that a test harness provides
/// (`None` without one). [`PlanGate`] passes the view to the pages directly.
#[hook]
pub fn use_view() -> Option<(Lang, PlanView)> {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    use_context::<PlanView>().map(|view| (lang, view))
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PlanGateProps {
    pub at: Option<String>,
    pub page: PlanPage,
    pub store: StoreHandle,
}

/// Loads the plan of the revision a route names (the current one, or `at`) with its recorded
/// findings, and shows the page for it.
#[component]
pub fn PlanGate(props: &PlanGateProps) -> Html {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    let store = props.store.clone();
    let site = store.site.clone();
    let index = match &props.at {
        None => Some(site.current()),
        Some(id) => site.find(id),
    };
    // Hooks run on every render: an unknown revision asks for an index that fails visibly.
    let load = use_plan(&store, index.unwrap_or(usize::MAX));
    let loaded = match &load {
        Load::Ready(loaded) => Some(loaded.clone()),
        _ => None,
    };
    let travelling = props.at.is_some();
    let view = use_memo(
        (loaded, index, travelling),
        |(loaded, index, travelling)| {
            let loaded = loaded.as_ref()?;
            let revision = index
                .and_then(|i| site.revisions.get(i))
                .cloned()
                .map(Rc::new);
            // The exporter judged the current plan as of the export's date, a past one as of its
            // own date.
            let exported = || site.info.as_of.unwrap_or_else(crate::browser::today);
            let today = match (&revision, *travelling) {
                (Some(r), true) => r.day().unwrap_or_else(exported),
                _ => exported(),
            };
            let view = PlanView::new(
                loaded.plan.clone(),
                loaded.findings.clone(),
                today,
                &site.info.plan_path,
                site.info.redacted,
            );
            let view = PlanView {
                findings_error: loaded.findings_error.clone(),
                ..view
            };
            Some(match (revision, *travelling) {
                (Some(r), true) => view.at_revision(r),
                (r, _) => PlanView {
                    revision: r,
                    ..view
                },
            })
        },
    );
    match (&load, (*view).clone()) {
        (_, Some(view)) => html! {
            <>
                if view.at.is_some() { { time_travel_banner(lang, &view) } }
                { page_body(lang, &view, &props.page) }
            </>
        },
        (Load::Failed(error), _) => {
            let error = match (index, &props.at) {
                (None, Some(id)) => DataError::UnknownRevision { id: id.clone() },
                _ => error.clone(),
            };
            error_box(lang, &error)
        }
        _ => loading(lang),
    }
}

/// "You are viewing the plan as it was on …", with the way back.
fn time_travel_banner(lang: Lang, view: &PlanView) -> Html {
    let Some(revision) = view.revision.as_deref() else {
        return Html::default();
    };
    let current = Route::Plan {
        at: None,
        page: PlanPage::Overview,
    };
    let detail = Route::Revision(revision.short_id().to_owned());
    html! {
        <aside class="time-travel" aria-label={Msg::Revision.text(lang)}>
            <p>
                { Msg::TimeTravel.text(lang) }{ " " }<strong>{ revision.date.clone() }</strong>
                { " — " }<a href={detail.href()}><code>{ revision.short_id().to_owned() }</code></a>
                { " " }{ revision.author.clone() }{ ": " }<q>{ revision.title().to_owned() }</q>
            </p>
            <p><a href={current.href()}>{ Msg::BackToCurrent.text(lang) }</a></p>
        </aside>
    }
}

/// The page for a plan route, showing the plan in context (a [`PlanGate`], or a test harness
/// providing a [`PlanView`]).
pub fn plan_page(page: &PlanPage) -> Html {
    html! { <PlanPageView page={page.clone()} /> }
}

#[derive(Debug, Clone, PartialEq, Properties)]
struct PlanPageProps {
    page: PlanPage,
}

/// A plan page in a [`PlanView`]'s context, for tests that provide the context themselves.
#[component]
fn PlanPageView(props: &PlanPageProps) -> Html {
    match use_view() {
        Some((lang, view)) => page_body(lang, &view, &props.page),
        None => Html::default(),
    }
}

/// The page itself. Pages are plain functions: a component costs the WebAssembly about 3 KB
/// of Yew machinery, a function nothing.
fn page_body(lang: Lang, view: &PlanView, page: &PlanPage) -> Html {
    match page {
        PlanPage::Overview => overview::overview(lang, view),
        PlanPage::Findings => findings::findings(lang, view),
        PlanPage::List(list) => match list {
            ListPage::Team => team::team_list(lang, view),
            ListPage::Services => services::service_list(lang, view),
            ListPage::Systems => systems::system_list(lang, view),
            ListPage::Suppliers => suppliers::supplier_list(lang, view),
            ListPage::Locations => locations::location_list(lang, view),
            ListPage::Scenarios => scenarios::scenario_list(lang, view),
            ListPage::Risks => risks::risk_list(lang, view),
            ListPage::Communication => communication::communication_list(lang, view),
            ListPage::Exercises => exercises::exercise_list(lang, view),
            ListPage::Actions => actions::action_list(lang, view),
            ListPage::Distribution => distribution::distribution_list(lang, view),
        },
        PlanPage::Entity(collection, id) => match collection {
            Collection::People => team::person_page(lang, view, id),
            Collection::Roles => team::role_page(lang, view, id),
            Collection::Services => services::service_page(lang, view, id),
            Collection::Systems => systems::system_page(lang, view, id),
            Collection::Suppliers => suppliers::supplier_page(lang, view, id),
            Collection::Locations => locations::location_page(lang, view, id),
            // The checklist keeps its ticks in state: the one page that is a component.
            Collection::Scenarios => {
                html! { <scenarios::ScenarioPage id={id.clone()} {lang} view={view.clone()} /> }
            }
            Collection::Risks => risks::risk_page(lang, view, id),
            Collection::Audiences => communication::audience_page(lang, view, id),
            Collection::Templates => communication::template_page(lang, view, id),
            Collection::Distribution => distribution::copy_page(lang, view, id),
            Collection::ExerciseSchedule => exercises::schedule_page(lang, view, id),
            Collection::Exercises => exercises::exercise_page(lang, view, id),
            Collection::Actions => actions::action_page(lang, view, id),
            Collection::Incidents => exercises::incident_page(lang, view, id),
        },
    }
}

/// The page for an id the plan (at this revision) does not have.
pub fn missing_entity(lang: Lang, collection: Collection, id: &str) -> Html {
    html! {
        <section>
            <h1>{ crate::i18n::singular(lang, collection) }{ " " }<code>{ id.to_owned() }</code></h1>
            <p>{ Msg::NotInPlan.text(lang) }</p>
        </section>
    }
}

/// An entity page's heading: the kind of entity above its name.
pub fn entity_heading(lang: Lang, collection: Collection, name: &str) -> Html {
    html! {
        <h1><span class="kind">{ crate::i18n::singular(lang, collection) }</span>{ " " }{ name.to_owned() }</h1>
    }
}
