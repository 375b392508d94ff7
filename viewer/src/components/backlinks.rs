//! "Referenced by": every place in the plan that points at an entity, from the schema's one
//! list of references, so that a system page shows the services and scenarios that need it.

use continuity_schema::json::Segment;
use continuity_schema::references::{Collection, references_where};
use yew::prelude::*;

use super::fields::head;
use super::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

/// Where a reference comes from: an entity (collection and id) or a part of the plan itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Entity(Collection, String),
    Section(String),
}

/// Every place that references the entity `id` of `collection`, or nothing when none does.
pub fn referenced_by(lang: Lang, view: &PlanView, collection: Collection, id: &str) -> Html {
    let mut rows: Vec<(Source, String)> = Vec::new();
    let wanted = |target: Collection, target_id: &str| target == collection && target_id == id;
    for reference in references_where(&view.plan, wanted) {
        let row = source_of(view, reference.pointer.segments());
        if !rows.contains(&row) {
            rows.push(row);
        }
    }
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <section class="backlinks" aria-labelledby="referenced-by">
            <h2 id="referenced-by">{ Msg::ReferencedBy.text(lang) }</h2>
            <table>
                { head(&[Msg::Kind.text(lang), Msg::Name.text(lang), lang.pick("Veld", "Field")]) }
                <tbody>
                    { for rows.into_iter().map(|(source, field)| match source {
                        Source::Entity(collection, id) => html! { <tr>
                            <td>{ i18n::singular(lang, collection) }</td>
                            <td>{ entity_link(lang, view, collection, &id, None) }</td>
                            <td><code>{ field }</code></td>
                        </tr> },
                        Source::Section(name) => html! { <tr>
                            <td>{ name }</td><td></td><td><code>{ field }</code></td>
                        </tr> },
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// The entity a reference's pointer starts in, and the field below it (`depends_on`,
/// `steps[3].role`).
fn source_of(view: &PlanView, segments: &[Segment]) -> (Source, String) {
    fn key(s: &Segment) -> Option<&str> {
        match s {
            Segment::Key(k) => Some(k.as_str()),
            Segment::Index(_) => None,
        }
    }
    let (collection, index, rest) = match segments {
        [
            Segment::Key(a),
            Segment::Key(b),
            Segment::Index(i),
            rest @ ..,
        ] if a == "communication" => (Collection::from_name(&format!("{a}.{b}")), *i, rest),
        [Segment::Key(a), Segment::Index(i), rest @ ..] => (Collection::from_name(a), *i, rest),
        [first, rest @ ..] => {
            let field = rest.iter().filter_map(key).collect::<Vec<_>>().join(".");
            return (
                Source::Section(key(first).unwrap_or_default().to_owned()),
                field,
            );
        }
        [] => return (Source::Section(String::new()), String::new()),
    };
    let mut field = String::new();
    for (i, segment) in rest.iter().enumerate() {
        match segment {
            Segment::Key(k) => {
                if !field.is_empty() {
                    field.push('.');
                }
                field.push_str(k);
            }
            // Step numbers help a reader; positions in id lists do not.
            Segment::Index(n) if i + 1 < rest.len() => field.push_str(&format!("[{}]", n + 1)),
            Segment::Index(_) => {}
        }
    }
    match collection.and_then(|c| c.ids(&view.plan).get(index).map(|id| (c, (*id).to_owned()))) {
        Some((c, id)) => (Source::Entity(c, id), field),
        None => (Source::Section(String::new()), field),
    }
}
