//! The frame around every page: skip link, header with the language switch, navigation,
//! the history notice, the main landmark and the footer.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::{Ctx, HistoryQuery, ListPage, PlanPage, Route};
use crate::browser;
use crate::data::Site;
use crate::i18n::{self, Lang, Msg};

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FrameProps {
    pub route: Route,
    pub site: Option<Rc<Site>>,
    #[prop_or_default]
    pub children: Html,
}

/// The navigation entries: label and route (plan pages stay at the revision shown).
fn entries(at: &Option<String>) -> Vec<(Msg, Route)> {
    let plan = |page: PlanPage| Route::Plan {
        at: at.clone(),
        page,
    };
    let list = |l: ListPage| plan(PlanPage::List(l));
    vec![
        (Msg::Overview, plan(PlanPage::Overview)),
        (Msg::Team, list(ListPage::Team)),
        (Msg::Services, list(ListPage::Services)),
        (Msg::Systems, list(ListPage::Systems)),
        (Msg::Suppliers, list(ListPage::Suppliers)),
        (Msg::Locations, list(ListPage::Locations)),
        (Msg::Scenarios, list(ListPage::Scenarios)),
        (Msg::Risks, list(ListPage::Risks)),
        (Msg::Communication, list(ListPage::Communication)),
        (Msg::Exercises, list(ListPage::Exercises)),
        (Msg::Actions, list(ListPage::Actions)),
        (Msg::Distribution, list(ListPage::Distribution)),
        (Msg::Findings, plan(PlanPage::Findings)),
        (Msg::History, Route::History(HistoryQuery::default())),
        (
            Msg::Compare,
            Route::Diff {
                from: None,
                to: None,
            },
        ),
    ]
}

/// Whether a navigation entry is the section of `route`.
fn is_current(entry: &Route, route: &Route) -> bool {
    match (entry, route) {
        (Route::Plan { page: a, .. }, Route::Plan { page: b, .. }) => match (a, b) {
            (PlanPage::List(l), PlanPage::Entity(c, _)) => *l == ListPage::of(*c),
            _ => a == b,
        },
        (Route::History(_), Route::History(_) | Route::Revision(_)) => true,
        (Route::Diff { .. }, Route::Diff { .. }) => true,
        _ => false,
    }
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let ctx = use_context::<Ctx>();
    let lang = ctx.as_ref().map_or(Lang::default(), |c| c.lang);
    let at = match &props.route {
        Route::Plan { at, .. } => at.clone(),
        _ => None,
    };
    let skip = Callback::from(|event: MouseEvent| {
        // The hash is the route: jump to the content without changing it.
        event.prevent_default();
        browser::focus_main();
    });
    let switch = Lang::ALL.into_iter().map(|choice| {
        let onclick = ctx.as_ref().map(|c| {
            let set = c.set_lang.clone();
            Callback::from(move |_: MouseEvent| set.emit(choice))
        });
        html! {
            <button type="button" lang={choice.code()} aria-pressed={(choice == lang).to_string()} {onclick}>
                { choice.name() }
            </button>
        }
    });
    let nav = entries(&at).into_iter().map(|(label, route)| {
        let current = is_current(&route, &props.route).then_some("page");
        html! { <li><a href={route.href()} aria-current={current}>{ label.text(lang) }</a></li> }
    });
    let site = props.site.as_deref();
    let notice = site.and_then(|s| {
        let text = match s.info.history.state.as_str() {
            "unavailable" => Msg::HistoryUnavailable,
            "shallow" => Msg::HistoryShallow,
            "broken" => Msg::HistoryBroken,
            _ => return None,
        };
        Some(html! {
            <p class="notice history-notice" role="note">
                { text.text(lang) }
                if let Some(note) = &s.info.history.note { { " " }<span class="note">{ note.clone() }</span> }
            </p>
        })
    });
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <>
            <header class="site-header">
                // Inside the banner landmark, so that no content sits outside every landmark.
                <a class="skip-link" href={props.route.href()} onclick={skip}>{ Msg::SkipToContent.text(lang) }</a>
                <a class="brand" href="#/">{ "Continuity" }</a>
                if let Some(site) = site {
                    <span class="plan-path">{ site.info.plan_path.clone() }</span>
                    if let Some(class) = site.info.classification {
                        <span class={classes!("classification", class.is_confidential().then_some("confidential"))}>
                            { Msg::Classification.text(lang) }{ ": " }<strong>{ i18n::classification(lang, class) }</strong>
                        </span>
                    }
                }
                <div class="tools">
                    <button type="button" class="print-button" onclick={print}>{ Msg::Print.text(lang) }</button>
                    <div class="lang-switch" role="group" aria-label={Msg::Language.text(lang)}>{ for switch }</div>
                </div>
            </header>
            <nav class="site-nav" aria-label={Msg::MainNav.text(lang)}><ul>{ for nav }</ul></nav>
            { for notice }
            if site.is_some_and(|s| s.info.redacted) {
                <p class="notice" role="note">{ Msg::Redacted.text(lang) }</p>
            }
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
            if let Some(site) = site {
                <footer class="site-footer">
                    <p>
                        { Msg::ExportedBy.text(lang) }{ " " }{ site.info.generator.clone() }
                        { " " }{ Msg::On.text(lang) }{ " " }{ site.info.generated_at.clone() }
                    </p>
                </footer>
            }
        </>
    }
}
