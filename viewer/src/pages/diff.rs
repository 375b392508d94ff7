//! The diff between any two revisions, chosen by the visitor; both plans are rebuilt from the
//! site's snapshots and chunks and compared here.

use yew::prelude::*;

use super::revision::DiffLoader;
use crate::app::Route;
use crate::browser;
use crate::components::status::error_box;
use crate::data::{DataError, Revision, StoreHandle};
use crate::i18n::{Lang, Msg};

/// More revisions than this and the pickers become text fields: a select with ten thousand
/// options helps nobody.
const SELECT_LIMIT: usize = 500;

/// The pickers and the diff between revisions `from` and `to` (by default the current one and
/// the one before it).
pub fn diff_page(
    lang: Lang,
    store: &StoreHandle,
    from: &Option<String>,
    to: &Option<String>,
) -> Html {
    let site = &store.site;
    let current = site.current();
    let resolve = |id: &Option<String>, default: usize| match id {
        Some(id) => site
            .find(id)
            .ok_or_else(|| DataError::UnknownRevision { id: id.clone() }),
        None => Ok(default),
    };
    let to = resolve(to, current);
    let from = resolve(from, site.older(current).unwrap_or(current));
    let short = |i: usize| {
        site.revisions
            .get(i)
            .map(|r| r.short_id().to_owned())
            .unwrap_or_default()
    };
    let (from_id, to_id) = (
        from.as_ref().map(|&i| short(i)).unwrap_or_default(),
        to.as_ref().map(|&i| short(i)).unwrap_or_default(),
    );
    let navigate = |from: String, to: String| {
        browser::set_hash(
            &Route::Diff {
                from: Some(from),
                to: Some(to),
            }
            .href(),
        );
    };
    let on_from = {
        let to_id = to_id.clone();
        Callback::from(move |e: Event| {
            let value = browser::event_value(&e);
            navigate(value.trim().to_owned(), to_id.clone());
        })
    };
    let on_to = {
        let from_id = from_id.clone();
        Callback::from(move |e: Event| {
            let value = browser::event_value(&e);
            navigate(from_id.clone(), value.trim().to_owned());
        })
    };
    let picker = |id: &str, label: Msg, selected: &str, onchange: Callback<Event>| {
        let option = |r: &Revision| {
            html! {
                <option value={r.short_id().to_owned()} selected={r.short_id() == selected}>
                    { format!("{} · {} · {}", r.date.get(..10).unwrap_or(&r.date), r.short_id().get(..7).unwrap_or(r.short_id()), r.title()) }
                </option>
            }
        };
        html! {
            <p>
                <label for={id.to_owned()}>{ label.text(lang) }</label>{ " " }
                if site.revisions.len() <= SELECT_LIMIT {
                    <select id={id.to_owned()} {onchange}>{ for site.revisions.iter().map(option) }</select>
                } else {
                    <input id={id.to_owned()} type="text" value={selected.to_owned()} {onchange} spellcheck="false" />
                }
            </p>
        }
    };
    html! {
        <>
            <h1>{ Msg::Compare.text(lang) }</h1>
            <form class="pickers" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { picker("diff-from", Msg::From, &from_id, on_from) }
                { picker("diff-to", Msg::To, &to_id, on_to) }
            </form>
            { match (from, to) {
                // The diff's own headings are a level below this one, as on a revision's page.
                (Ok(from), Ok(to)) => html! { <>
                    <h2>{ Msg::Changes.text(lang) }</h2>
                    <DiffLoader {from} {to} store={store.clone()} />
                </> },
                (Err(error), _) | (_, Err(error)) => error_box(lang, &error),
            } }
        </>
    }
}
