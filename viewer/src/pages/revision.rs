//! One revision: who changed what and when, whether the plan was valid then, and its diff
//! against the revision before it.

use continuity_schema::diff::{self, RecordedFinding};
use yew::prelude::*;

use super::history::validity;
use crate::app::{Ctx, PlanPage, Route};
use crate::components::diff_view::diff_view;
use crate::components::links::mail_link;
use crate::components::status::{error_box, loading};
use crate::data::{DataError, StoreHandle};
use crate::hooks::{Load, use_plan};
use crate::i18n::{self, Lang, Msg};

/// The page of the revision `id` (a unique prefix will do).
pub fn revision_page(lang: Lang, store: &StoreHandle, id: &str) -> Html {
    let site = &store.site;
    let Some(index) = site.find(id) else {
        return error_box(lang, &DataError::UnknownRevision { id: id.to_owned() });
    };
    let Some(r) = site.revisions.get(index) else {
        return Html::default();
    };
    let current = site
        .revisions
        .get(site.current())
        .map(|c| c.short_id().to_owned());
    let email = continuity_schema::types::Email::new(r.email.clone()).ok();
    html! {
        <article class="revision-page">
            <h1><span class="kind">{ Msg::Revision.text(lang) }</span>{ " " }<code>{ r.short_id().to_owned() }</code></h1>
            <p class="message-title">{ r.title().to_owned() }</p>
            if r.message.lines().count() > 1 {
                <pre class="message-body">{ r.message.lines().skip(1).collect::<Vec<_>>().join("\n").trim().to_owned() }</pre>
            }
            <dl class="fields">
                <dt>{ Msg::Author.text(lang) }</dt>
                <dd>{ r.author.clone() }
                    if let Some(email) = email { { " " }{ mail_link(&email) } }
                </dd>
                <dt>{ Msg::Date.text(lang) }</dt><dd><time datetime={r.date.clone()}>{ r.date.clone() }</time></dd>
                <dt>{ Msg::PlanPath.text(lang) }</dt><dd><code>{ r.path.clone() }</code>
                    if let Some(from) = &r.renamed_from { { " ← " }<code>{ from.clone() }</code> }
                </dd>
                <dt>{ Msg::ChangeKind.text(lang) }</dt><dd>{ i18n::change_kind(lang, &r.change) }</dd>
                <dt>{ Msg::Validity.text(lang) }</dt><dd>{ validity(lang, r) }</dd>
                <dt>{ Msg::Id.text(lang) }</dt><dd><code>{ r.id.clone() }</code></dd>
            </dl>
            <ul class="revision-links">
                if r.is_checked() {
                    <li><a href={Route::Plan { at: Some(r.short_id().to_owned()), page: PlanPage::Overview }.href()}>{ Msg::PlanAtRevision.text(lang) }</a></li>
                }
                if let Some(current) = current.filter(|c| c != r.short_id()) {
                    <li><a href={Route::Diff { from: Some(r.short_id().to_owned()), to: Some(current) }.href()}>{ Msg::CompareWithCurrent.text(lang) }</a></li>
                }
                if let Some(older) = site.older(index).and_then(|i| site.revisions.get(i)) {
                    <li><a rel="prev" href={Route::Revision(older.short_id().to_owned()).href()}>{ "← " }{ Msg::Older.text(lang) }</a></li>
                }
                if let Some(newer) = site.newer(index).and_then(|i| site.revisions.get(i)) {
                    <li><a rel="next" href={Route::Revision(newer.short_id().to_owned()).href()}>{ Msg::Newer.text(lang) }{ " →" }</a></li>
                }
            </ul>
            <section aria-labelledby="changes">
                <h2 id="changes">{ Msg::ChangesSincePrevious.text(lang) }</h2>
                if let Some(older) = site.older(index) {
                    <DiffLoader from={older} to={index} store={store.clone()} />
                } else {
                    <p>{ Msg::FirstRevision.text(lang) }</p>
                }
            </section>
        </article>
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DiffLoaderProps {
    /// Indexes into the revision list.
    pub from: usize,
    pub to: usize,
    pub store: StoreHandle,
}

/// Loads two revisions and shows their diff, computed here with `diff::diff_values`, and the
/// findings the newer one introduced or fixed.
#[component]
pub fn DiffLoader(props: &DiffLoaderProps) -> Html {
    let store = props.store.clone();
    let a = use_plan(&store, props.from);
    let b = use_plan(&store, props.to);
    let loaded = match (&a, &b) {
        (Load::Ready(a), Load::Ready(b)) => Some((a.clone(), b.clone())),
        _ => None,
    };
    let computed = use_memo(loaded, |loaded| {
        let (a, b) = loaded.as_ref()?;
        // The JSON diff equals the typed one (a property test holds them equal) and lets the
        // viewer leave out the typed comparison and the model's serializers.
        let diff = diff::diff_values(&a.json, &b.json);
        // Each side's findings as the exporter recorded them, at that revision's own date.
        let changes = |f: &[RecordedFinding]| f.iter().map(RecordedFinding::change).collect();
        // Without both sides' findings there is nothing to compare: the section is left out.
        let delta = (a.findings_error.is_none() && b.findings_error.is_none())
            .then(|| diff::delta(changes(&a.findings), changes(&b.findings)));
        Some((diff, delta))
    });
    let id = |i: usize| {
        store
            .site
            .revisions
            .get(i)
            .map(|r| r.short_id().to_owned())
            .unwrap_or_default()
    };
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    match (&*computed, a, b) {
        (Some((diff, delta)), _, _) => {
            diff_view(lang, diff, &id(props.from), &id(props.to), delta.as_ref())
        }
        (None, Load::Failed(error), _) | (None, _, Load::Failed(error)) => error_box(lang, &error),
        _ => loading(lang),
    }
}
