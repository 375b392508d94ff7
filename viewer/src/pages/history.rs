//! The history: every revision with author, date, message, what changed and whether the plan
//! was valid then; filtered by section and author, and paginated so that ten thousand
//! revisions stay as quick as ten.

use yew::prelude::*;

use crate::app::{Ctx, HistoryQuery, PlanPage, Route};
use crate::browser;
use crate::components::badges;
use crate::data::{Revision, StoreHandle};
use crate::i18n::{self, Lang, Msg};

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct HistoryProps {
    pub query: HistoryQuery,
    pub store: StoreHandle,
}

#[component]
pub fn HistoryPage(props: &HistoryProps) -> Html {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    let store = props.store.clone();
    let section = props.query.section.clone();
    let author = props.query.author.clone();
    let matching = use_memo(
        (store.clone(), section.clone(), author.clone()),
        |(store, section, author)| -> Vec<usize> {
            store
                .site
                .revisions
                .iter()
                .enumerate()
                .filter(|(_, r)| section.as_ref().is_none_or(|s| r.sections.contains(s)))
                .filter(|(_, r)| author.as_ref().is_none_or(|a| &r.author == a))
                .map(|(i, _)| i)
                .collect()
        },
    );
    let choices = use_memo(store.clone(), |store| {
        let authors: Vec<String> = store
            .site
            .authors()
            .into_iter()
            .map(str::to_owned)
            .collect();
        (store.site.sections(), authors)
    });
    let site = &store.site;
    let pages = matching.len().div_ceil(HistoryQuery::PAGE_SIZE).max(1);
    let page = props.query.page.clamp(1, pages);
    let start = (page - 1) * HistoryQuery::PAGE_SIZE;
    let shown = matching.iter().skip(start).take(HistoryQuery::PAGE_SIZE);
    let go = |query: HistoryQuery| Route::History(query).href();
    let on_section = {
        let query = props.query.clone();
        Callback::from(move |e: Event| {
            let value = browser::event_value(&e);
            let query = HistoryQuery {
                section: (!value.is_empty()).then_some(value),
                page: 1,
                ..query.clone()
            };
            browser::set_hash(&Route::History(query).href());
        })
    };
    let on_author = {
        let query = props.query.clone();
        Callback::from(move |e: Event| {
            let value = browser::event_value(&e);
            let query = HistoryQuery {
                author: (!value.is_empty()).then_some(value),
                page: 1,
                ..query.clone()
            };
            browser::set_hash(&Route::History(query).href());
        })
    };
    let (sections, authors) = &*choices;
    html! {
        <>
            <h1>{ Msg::History.text(lang) }</h1>
            <form class="filters" aria-label={Msg::Filter.text(lang)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="filter-section">{ Msg::Section.text(lang) }</label>
                <select id="filter-section" onchange={on_section}>
                    <option value="" selected={section.is_none()}>{ Msg::AllSections.text(lang) }</option>
                    { for sections.iter().map(|s| html! {
                        <option value={s.clone()} selected={section.as_deref() == Some(s.as_str())}>{ i18n::section_name(lang, s) }</option>
                    }) }
                </select>
                <label for="filter-author">{ Msg::Author.text(lang) }</label>
                <select id="filter-author" onchange={on_author}>
                    <option value="" selected={author.is_none()}>{ Msg::AllAuthors.text(lang) }</option>
                    { for authors.iter().map(|a| html! {
                        <option value={a.clone()} selected={author.as_deref() == Some(a.as_str())}>{ a.clone() }</option>
                    }) }
                </select>
            </form>
            <p class="result-count" role="status">{ format!("{} {}", matching.len(), Msg::Revisions.text(lang)) }</p>
            if matching.is_empty() {
                <p>{ Msg::NoRevisions.text(lang) }</p>
            } else {
                <table class="history">
                    <thead><tr>
                        <th scope="col">{ Msg::Date.text(lang) }</th>
                        <th scope="col">{ Msg::Author.text(lang) }</th>
                        <th scope="col">{ Msg::Message.text(lang) }</th>
                        <th scope="col">{ Msg::Changes.text(lang) }</th>
                        <th scope="col">{ Msg::Validity.text(lang) }</th>
                        <th scope="col"><span class="visually-hidden">{ Msg::ViewPlan.text(lang) }</span></th>
                    </tr></thead>
                    <tbody>{ for shown.filter_map(|&i| site.revisions.get(i)).map(|r| row(lang, r)) }</tbody>
                </table>
                if pages > 1 {
                    <nav class="pagination" aria-label={Msg::Page.text(lang)}>
                        if page > 1 {
                            <a rel="prev" href={go(HistoryQuery { page: page - 1, ..props.query.clone() })}>{ "← " }{ Msg::Newer.text(lang) }</a>
                        }
                        <span>{ format!(" {} {page} {} {pages} ", Msg::Page.text(lang), Msg::Of.text(lang)) }</span>
                        if page < pages {
                            <a rel="next" href={go(HistoryQuery { page: page + 1, ..props.query.clone() })}>{ Msg::Older.text(lang) }{ " →" }</a>
                        }
                    </nav>
                }
            }
        </>
    }
}

fn row(lang: Lang, r: &Revision) -> Html {
    let detail = Route::Revision(r.short_id().to_owned());
    let plan = Route::Plan {
        at: Some(r.short_id().to_owned()),
        page: PlanPage::Overview,
    };
    html! {
        <tr class="revision">
            <td class="date"><time datetime={r.date.clone()}>{ r.date.get(..10).unwrap_or(&r.date).to_owned() }</time></td>
            <td>{ r.author.clone() }</td>
            <td><a href={detail.href()}>{ r.title().to_owned() }</a></td>
            <td>
                <span class="summary">{ r.summary.clone() }</span>
                { for r.impacts.iter().filter_map(|name| i18n::impact_name(lang, name)).map(|(text, tone)| html! { <>{ " " }{ badges::tone(text, tone) }</> }) }
            </td>
            <td>{ validity(lang, r) }</td>
            <td>if r.is_checked() { <a href={plan.href()}>{ Msg::ViewPlan.text(lang) }</a> }</td>
        </tr>
    }
}

/// Whether the plan was valid at the revision (as exported: validated at its own date).
pub fn validity(lang: Lang, r: &Revision) -> Html {
    match r.state.as_str() {
        "checked" => {
            let f = r.findings;
            badges::counts(lang, (f.errors, f.warnings, f.infos, f.allowed))
        }
        "absent" => html! { <span class="badge sev-warning">{ Msg::Deleted.text(lang) }</span> },
        _ => {
            html! { <span class="badge sev-error" title={r.error.clone().unwrap_or_default()}>{ Msg::Unreadable.text(lang) }</span> }
        }
    }
}
