//! Component tests of the viewer rendered natively with Yew's server renderer: HTML snapshots
//! of the overview, a checklist and the history, and checks of what pages must (and must never)
//! contain: restart order, `tel:` links, findings, escaping of hostile plan text, diffs, errors
//! and the notice on a redacted site.
//!
//! Every page is rendered inside [`Harness`], which provides the contexts the app would (the
//! language, the plan shown, the site's store) with a fixed date, so nothing depends on the
//! clock. Review snapshot changes with `cargo insta review` (or `INSTA_UPDATE=always` and
//! `git diff`).

use std::path::PathBuf;
use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::diff::{RecordedFinding, delta, diff_values};
use continuity_schema::redact::hidden_when_redacted;
use continuity_schema::references::Collection;
use continuity_schema::rules;
use continuity_schema::types::Date;
use continuity_viewer::app::{Ctx, HistoryQuery, ListPage, PlanPage, Route};
use continuity_viewer::components::diff_view::diff_view;
use continuity_viewer::components::layout::Frame;
use continuity_viewer::components::status::error_box;
use continuity_viewer::data::{DataError, Site, Store, StoreHandle, parse_index, parse_site};
use continuity_viewer::i18n::Lang;
use continuity_viewer::pages::{history::HistoryPage, plan_page};
use continuity_viewer::view::PlanView;
use serde_json::{Value, json};
use yew::LocalServerRenderer;
use yew::prelude::*;

// ---------------------------------------------------------------------------------------------
// The harness

#[derive(Debug, Clone, PartialEq, Properties)]
struct HarnessProps {
    lang: Lang,
    #[prop_or_default]
    view: Option<PlanView>,
    #[prop_or_default]
    children: Html,
}

/// Provides what `App` would: the language (fixed; switching does nothing), and the plan
/// shown to the plan pages when given. Components that need the site's store take it as a
/// property.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let ctx = Ctx {
        lang: props.lang,
        set_lang: Callback::noop(),
    };
    let mut inner = props.children.clone();
    if let Some(view) = &props.view {
        inner = html! {
            <ContextProvider<PlanView> context={view.clone()}>{ inner }</ContextProvider<PlanView>>
        };
    }
    html! { <ContextProvider<Ctx> context={ctx}>{ inner }</ContextProvider<Ctx>> }
}

async fn render(props: HarnessProps) -> String {
    LocalServerRenderer::<Harness>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// A plan page (as `plan_page` picks it) of `plan`, as of [`today`].
async fn render_page(lang: Lang, view: PlanView, page: PlanPage) -> String {
    render(HarnessProps {
        lang,
        view: Some(view),
        children: plan_page(&page),
    })
    .await
}

/// Any component with only the language in context.
async fn render_with_lang(lang: Lang, children: Html) -> String {
    render(HarnessProps {
        lang,
        view: None,
        children,
    })
    .await
}

/// One line of HTML as reviewable lines: a line break before each block-level opening tag.
fn pretty(html: &str) -> String {
    let mut out = html.to_owned();
    for tag in ["<h1", "<h2", "<h3", "<section", "<tr", "<li", "<dt", "<p"] {
        out = out.replace(tag, &format!("\n{tag}"));
    }
    // `<p` also matches `<pre`; none is rendered, but keep the rule honest if one appears.
    out = out.replace("\n<pre", "<pre");
    out.trim_start().to_owned()
}

// ---------------------------------------------------------------------------------------------
// Plans and data

/// The date every test renders as: findings and due dates never follow the clock.
fn today() -> Date {
    "2026-11-27".parse().expect("a valid date")
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the viewer sits in the workspace")
        .to_path_buf()
}

fn read_json(relative: &str) -> Value {
    let path = workspace().join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The small plan of the rule fixtures, as JSON to edit.
fn base_json() -> Value {
    read_json("tests/fixtures/rules/base.json")
}

fn plan_of(value: &Value) -> Plan {
    serde_json::from_value(value.clone()).expect("the edited plan is still a plan")
}

/// The findings of `plan` as the exporter records them.
fn recorded(plan: &Plan) -> Vec<RecordedFinding> {
    RecordedFinding::record(plan, &rules::check(plan, today()))
}

fn view_of(plan: Plan) -> PlanView {
    let findings = Rc::new(recorded(&plan));
    PlanView::new(
        Rc::new(plan),
        findings,
        today(),
        "plans/heidebeek.json",
        false,
    )
}

fn base_view() -> PlanView {
    view_of(plan_of(&base_json()))
}

/// The text between the first `start` and the first `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not in the HTML:\n{html}"));
    let rest = &html[from..];
    let to = rest
        .find(end)
        .unwrap_or_else(|| panic!("`{end}` not after `{start}`"));
    &rest[..to]
}

/// Every value of `prefix…"` in `html`, in order (e.g. the ids of `href="#/services/…"`).
fn captures(html: &str, prefix: &str) -> Vec<String> {
    html.split(prefix)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. The overview of the small plan, in both languages

#[tokio::test(flavor = "current_thread")]
async fn overview_of_the_small_plan_in_dutch() {
    let html = render_page(Lang::Nl, base_view(), PlanPage::Overview).await;
    assert!(html.contains("<h1>Gemeente Heidebeek</h1>"));
    assert!(
        html.contains("Diensten in herstartvolgorde"),
        "the interface is Dutch"
    );
    insta::assert_snapshot!(pretty(&html));
}

#[tokio::test(flavor = "current_thread")]
async fn overview_of_the_small_plan_in_english() {
    let html = render_page(Lang::En, base_view(), PlanPage::Overview).await;
    assert!(html.contains("<h1>Gemeente Heidebeek</h1>"));
    assert!(
        html.contains("Services in restart order"),
        "the interface is English"
    );
    insta::assert_snapshot!(pretty(&html));
}

/// Each table of `html`: its number of column headings and its body.
fn tables(html: &str) -> Vec<(usize, &str)> {
    html.split("<table")
        .skip(1)
        .map(|table| {
            let table = table.split("</table>").next().unwrap_or_default();
            let columns = table.matches("<th scope=\"col\"").count();
            let body = table
                .split("<tbody>")
                .nth(1)
                .and_then(|rest| rest.split("</tbody>").next())
                .unwrap_or_default();
            (columns, body)
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn empty_sections_say_so_instead_of_showing_bare_headings() {
    // A new plan: every collection empty, as `continuity init` writes it.
    let mut empty = base_json();
    for value in empty.as_object_mut().expect("a plan").values_mut() {
        if value.is_array() {
            *value = json!([]);
        }
    }
    empty["communication"]["audiences"] = json!([]);
    empty["communication"]["templates"] = json!([]);
    for (lang, note) in [
        (Lang::En, "Nothing recorded yet."),
        (Lang::Nl, "Nog niets opgenomen."),
    ] {
        for page in ListPage::ALL
            .into_iter()
            .map(PlanPage::List)
            .chain([PlanPage::Overview])
        {
            let html = render_page(lang, view_of(plan_of(&empty)), page.clone()).await;
            // The risk page's heat map is a table of its own, with its grid always drawn.
            let tables: Vec<(usize, &str)> = tables(&html)
                .into_iter()
                .filter(|(_, body)| !body.contains("heat"))
                .collect();
            assert!(!tables.is_empty(), "{page:?} has a table:\n{html}");
            for (columns, body) in tables {
                assert!(
                    body.contains(note) && body.matches("<tr>").count() == 1,
                    "{page:?} in {lang:?}: an empty table says so in one row: {body}"
                );
                assert!(
                    body.contains(&format!("colspan=\"{columns}\"")),
                    "{page:?}: the note spans the {columns} columns: {body}"
                );
            }
        }
    }
    // A plan with entries never shows the note.
    for page in ListPage::ALL.into_iter().map(PlanPage::List) {
        let html = render_page(Lang::En, base_view(), page.clone()).await;
        assert!(!html.contains("Nothing recorded"), "{page:?}:\n{html}");
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The overview of the example plan: restart order and phone links

#[tokio::test(flavor = "current_thread")]
async fn example_overview_lists_services_in_restart_order_and_calls_by_phone() {
    let plan = plan_of(&read_json("plans/heidebeek.json"));
    let html = render_page(Lang::Nl, view_of(plan.clone()), PlanPage::Overview).await;

    // Restart order: priority 1 first, services without a priority last; the shorter RTO first
    // within a priority, then the plan's order (a stable sort).
    let mut expected: Vec<_> = plan.services.iter().collect();
    expected.sort_by_key(|s| {
        (
            s.priority.unwrap_or(u16::MAX),
            s.rto.map_or(u64::MAX, |d| d.as_minutes()),
        )
    });
    let expected: Vec<String> = expected.iter().map(|s| s.id.as_str().to_owned()).collect();
    let table = between(&html, r#"id="restart-order""#, "</table>");
    let shown = captures(table, r##"<th scope="row"><a href="#/services/"##);
    assert_eq!(shown, expected, "restart order");
    assert_eq!(shown.len(), plan.services.len(), "every service is listed");

    // The crisis team: every member's every phone number is a `tel:` link.
    let team = between(&html, r#"id="crisis-team""#, "</section>");
    let mut numbers = 0;
    for role in plan.roles.iter().filter(|r| r.crisis_team) {
        for member in &role.members {
            let person = plan
                .people
                .iter()
                .find(|p| p.id == *member)
                .expect("members are people of the plan");
            for phone in &person.phones {
                let number = phone.number.as_str();
                let digits: String = number
                    .chars()
                    .enumerate()
                    .filter(|&(i, c)| c.is_ascii_digit() || (c == '+' && i == 0))
                    .map(|(_, c)| c)
                    .collect();
                let link = format!(r#"href="tel:{digits}" class="tel">{number}</a>"#);
                assert!(team.contains(&link), "{link} not in the crisis team");
                numbers += 1;
            }
        }
    }
    assert!(
        numbers >= 7,
        "the example's crisis team has phones ({numbers})"
    );
    assert_eq!(
        team.matches(r#"href="tel:"#).count(),
        numbers,
        "a tel: link for each number, nothing else"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. A scenario as a checklist

fn scenario_page() -> PlanPage {
    PlanPage::Entity(Collection::Scenarios, "ransomware".to_owned())
}

#[tokio::test(flavor = "current_thread")]
async fn scenario_checklist_of_the_small_plan() {
    let html = render_page(Lang::En, base_view(), scenario_page()).await;
    insta::assert_snapshot!(pretty(&html));
}

#[tokio::test(flavor = "current_thread")]
async fn a_scenario_without_steps_or_details_says_so() {
    let mut plan = base_json();
    plan["scenarios"][0]["steps"] = json!([]);
    let html = render_page(Lang::En, view_of(plan_of(&plan)), scenario_page()).await;
    let checklist = between(&html, r#"<h2 id="checklist""#, "</section>");
    assert!(checklist.contains("Nothing recorded yet."), "{checklist}");
    assert!(checklist.contains("0 / 0"), "{checklist}");
    // Neither triggers nor affected services or systems: no empty list of fields.
    assert!(!html.contains(r#"<dl class="fields"></dl>"#), "{html}");
    assert!(
        !between(&html, "<article", r#"<h2 id="checklist""#).contains("<dl"),
        "{html}"
    );
    // A scenario with steps shows no such note.
    let html = render_page(Lang::En, base_view(), scenario_page()).await;
    assert!(!html.contains("Nothing recorded"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn scenario_checklist_keeps_step_order_and_names_the_responsible_role() {
    let mut value = base_json();
    value["roles"]
        .as_array_mut()
        .expect("roles")
        .push(json!({"id": "ict", "name": "ICT team", "members": ["bert"]}));
    let steps = value["scenarios"][0]["steps"]
        .as_array_mut()
        .expect("steps");
    steps.push(json!({"id": "call-vendor", "action": "Call the vendor's service desk", "role": "ict", "duration": "30m"}));
    steps.push(
        json!({"id": "inform-staff", "action": "Inform the staff by SMS", "role": "crisis-lead"}),
    );
    let html = render_page(Lang::En, view_of(plan_of(&value)), scenario_page()).await;

    let list = between(&html, r#"<ol class="steps">"#, "</section>");
    let ids = captures(list, r#"<li id="step-"#);
    assert_eq!(ids, ["isolate", "call-vendor", "inform-staff"]);
    let mut last = 0;
    for (n, action, role) in [
        (1, "Disconnect all servers from the network", "crisis-lead"),
        (2, "Call the vendor's service desk", "ict"),
        (3, "Inform the staff by SMS", "crisis-lead"),
    ] {
        let item = list[last..]
            .find(&format!(r#"<span class="step-number">{n}.</span>"#))
            .map(|at| last + at)
            .unwrap_or_else(|| panic!("step {n} missing or out of order:\n{list}"));
        let rest = &list[item..];
        let this = &rest[..rest[1..]
            .find("<li id=\"step-")
            .map_or(rest.len(), |e| e + 1)];
        assert!(
            this.contains(&format!(r#"<span class="step-action">{action}</span>"#)),
            "step {n} is `{action}`:\n{this}"
        );
        assert!(
            this.contains(&format!(r##"href="#/roles/{role}""##)),
            "step {n} links role {role}:\n{this}"
        );
        last = item + 1;
    }
    assert!(
        html.contains("0 / 3 steps ticked"),
        "nothing ticked natively"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Findings

#[tokio::test(flavor = "current_thread")]
async fn findings_page_names_the_rule_and_links_the_entity() {
    let mut value = base_json();
    value["services"][1]
        .as_object_mut()
        .expect("a service")
        .remove("rto");
    let view = view_of(plan_of(&value));
    assert!(
        view.findings
            .iter()
            .any(|f| f.code == "service-objectives-missing"),
        "the rule fires on the edited plan"
    );
    let html = render_page(Lang::En, view, PlanPage::Findings).await;
    let item = between(&html, "service-objectives-missing", "</li>");
    assert!(
        item.contains(r##"<a href="#/services/library" class="subject">services/library</a>"##),
        "the finding links the service:\n{item}"
    );
    assert!(item.contains("service `library` has no `rto`"), "{item}");
    assert!(
        html.contains("2026-11-27"),
        "findings are as of the fixed date"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. A hostile plan

/// Every tag of the HTML, as written (`<a href="…">`); text is escaped, so each `<` opens one.
fn tags(html: &str) -> Vec<&str> {
    html.match_indices('<')
        .map(|(at, _)| {
            let rest = &html[at..];
            &rest[..rest.find('>').map_or(rest.len(), |e| e + 1)]
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_plan_text_is_escaped_and_never_a_script_link() {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "<img src=x onerror=alert(1)>";

    // The model refuses a script link where it takes a URL: it never reaches the viewer.
    let mut value = base_json();
    value["plan"]["backup_procedure"]["url"] = json!("javascript:alert(1)");
    let err = serde_json::from_value::<Plan>(value.clone())
        .expect_err("a javascript: URL is not a web link");
    assert!(err.to_string().contains("javascript:alert(1)"), "{err}");
    let findings =
        continuity_schema::load::plan_from_value(&value).expect_err("the loader refuses it too");
    assert!(
        findings.iter().any(|f| f.code == "invalid-value"),
        "{findings:?}"
    );

    // Nor a link with double quotes or markup in it.
    let mut value = base_json();
    value["plan"]["backup_procedure"]["url"] =
        json!(r#"https://example.org/"><script>alert(2)</script>"#);
    assert!(serde_json::from_value::<Plan>(value).is_err());

    // What the model lets through: an http(s) URL with single quotes and parentheses (allowed
    // in links), and any text.
    let long = "x".repeat(100_000);
    let mut value = base_json();
    value["organisation"]["name"] = json!(SCRIPT);
    value["plan"]["purpose"] = json!(IMG);
    value["plan"]["backup_procedure"]["url"] = json!("https://example.org/'a'(2)");
    value["plan"]["backup_procedure"]["title"] = json!(format!("{IMG}{SCRIPT}"));
    value["services"][0]["name"] = json!(format!("{SCRIPT}\" onmouseover=\"alert(3)"));
    value["services"][1]["name"] = json!(long);
    value["people"][0]["name"] = json!(IMG);
    value["people"][0]["function"] = json!("javascript:alert(1)");
    value["scenarios"][0]["name"] = json!(SCRIPT);
    value["scenarios"][0]["steps"][0]["action"] = json!(IMG);
    value["activation"]["criteria"] = json!([SCRIPT, long]);
    let view = view_of(plan_of(&value));

    let pages = [
        PlanPage::Overview,
        scenario_page(),
        PlanPage::Entity(Collection::Services, "civil-affairs".to_owned()),
        PlanPage::Entity(Collection::People, "an".to_owned()),
        PlanPage::List(continuity_viewer::app::ListPage::Services),
        PlanPage::List(continuity_viewer::app::ListPage::Team),
        PlanPage::Findings,
    ];
    for page in pages {
        let html = render_page(Lang::En, view.clone(), page.clone()).await;
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{page:?}: a raw <script");
        assert!(!lower.contains("<img"), "{page:?}: a raw <img");
        for tag in tags(&html) {
            let tag = tag.to_ascii_lowercase();
            assert!(!tag.contains("onerror"), "{page:?}: {tag}");
            assert!(!tag.contains("onmouseover"), "{page:?}: {tag}");
            assert!(!tag.contains("javascript:"), "{page:?}: {tag}");
        }
        assert!(!lower.contains(r#"href="javascript:"#), "{page:?}");
        if page != PlanPage::Findings {
            assert!(
                html.contains("&lt;script&gt;") || html.contains("&lt;img"),
                "{page:?}: the hostile text is shown, escaped"
            );
        }
    }

    let html = render_page(Lang::En, view.clone(), PlanPage::Overview).await;
    assert!(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // Single quotes in a web link stay inside the double-quoted attribute: one harmless href.
    assert!(
        html.contains(r#"<a href="https://example.org/'a'(2)" rel="noopener noreferrer">"#),
        "the web link, as written"
    );
    // The long text is shown whole (restart order and activation criteria), not cut or dropped.
    assert_eq!(html.matches(long.as_str()).count(), 2);
    assert!(html.len() > 200_000);
}

// ---------------------------------------------------------------------------------------------
// 6. The history

fn history_store() -> StoreHandle {
    let info = parse_site(
        &json!({
            "format": 2,
            "generator": "continuity 0.1.0",
            "generated_at": "2026-11-27T20:15:00Z",
            "plan_path": "plans/heidebeek.json",
            "history": {"state": "complete", "note": null},
            "index": "revisions-0123456789abcdef0123.json",
            "current": 0,
            "redacted": false,
            "classification": "internal"
        })
        .to_string(),
    )
    .expect("a valid site.json");
    let revisions = parse_index(
        "data/revisions-0123456789abcdef0123.json",
        &json!([
            {
                "id": "4444444444444444444444444444444444444444",
                "author": "An Peeters", "email": "an@heidebeek.be",
                "date": "2026-11-20T10:00:00+01:00",
                "message": "Shorter RTO for civil affairs\n\nAgreed with the college.",
                "path": "plans/heidebeek.json", "change": "modified", "state": "checked",
                "plan": "dddd", "load": "snapshots/dddd.json",
                "findings": {"errors": 0, "warnings": 1, "infos": 0, "allowed": 0},
                "summary": "1 service changed", "sections": ["services"],
                "impacts": ["objective_tightened"]
            },
            {
                "id": "3333333333333333333333333333333333333333",
                "author": "Bert Claes", "email": "bert@heidebeek.be",
                "date": "2026-10-02T16:30:00+02:00",
                "message": "New mobile number for Bert",
                "path": "plans/heidebeek.json", "change": "modified", "state": "checked",
                "plan": "cccc", "load": "chunks/aaaa.json",
                "findings": {"errors": 1, "warnings": 2, "infos": 0, "allowed": 1},
                "summary": "1 person changed", "sections": ["people"]
            },
            {
                "id": "2222222222222222222222222222222222222222",
                "author": "An Peeters", "email": "an@heidebeek.be",
                "date": "2026-03-01T09:00:00+01:00",
                "message": "Broken edit",
                "path": "plans/heidebeek.json", "change": "modified", "state": "unreadable",
                "error": "invalid JSON at line 3"
            },
            {
                "id": "1111111111111111111111111111111111111111",
                "author": "Bert Claes", "email": "bert@heidebeek.be",
                "date": "2026-01-15T08:00:00+01:00",
                "message": "First plan",
                "path": "plans/heidebeek.json", "change": "added", "state": "checked",
                "plan": "aaaa", "load": "snapshots/aaaa.json",
                "findings": {"errors": 3, "warnings": 0, "infos": 0, "allowed": 0},
                "summary": "plan added", "sections": ["services", "people"]
            }
        ])
        .to_string(),
    )
    .expect("a valid revision index");
    StoreHandle(Rc::new(Store::new(Site::new(info, revisions))))
}

async fn render_history(query: HistoryQuery) -> String {
    render(HarnessProps {
        lang: Lang::En,
        view: None,
        children: html! { <HistoryPage {query} store={history_store()} /> },
    })
    .await
}

#[tokio::test(flavor = "current_thread")]
async fn history_lists_every_revision() {
    let html = render_history(HistoryQuery::default()).await;
    assert_eq!(html.matches(r#"<tr class="revision">"#).count(), 4);
    insta::assert_snapshot!(pretty(&html));
}

#[tokio::test(flavor = "current_thread")]
async fn history_filtered_by_author_shows_only_their_revisions() {
    let html = render_history(HistoryQuery {
        author: Some("Bert Claes".to_owned()),
        ..HistoryQuery::default()
    })
    .await;
    let rows: Vec<&str> = html.split(r#"<tr class="revision">"#).skip(1).collect();
    assert_eq!(rows.len(), 2, "Bert made two of the four revisions");
    for row in &rows {
        assert!(row.contains("<td>Bert Claes</td>"), "{row}");
        assert!(!row.contains("An Peeters"), "{row}");
    }
    assert!(rows[0].contains("New mobile number for Bert"));
    assert!(rows[1].contains("First plan"));
    assert!(html.contains("2 revisions"), "the count says so");
    assert!(
        html.contains(r#"<option value="Bert Claes" selected="selected">"#),
        "the filter shows the chosen author"
    );

    // And by section: only the revisions that changed people.
    let html = render_history(HistoryQuery {
        section: Some("people".to_owned()),
        ..HistoryQuery::default()
    })
    .await;
    let titles = captures(&html, r##"<a href="#/revisions/"##);
    assert_eq!(titles, ["333333333333", "111111111111"]);
}

// ---------------------------------------------------------------------------------------------
// 7. A diff

#[tokio::test(flavor = "current_thread")]
async fn diff_view_names_the_service_with_old_and_new_rto() {
    let old = plan_of(&base_json());
    let mut value = base_json();
    assert_eq!(value["services"][0]["rto"], "8h");
    value["services"][0]["rto"] = json!("1d");
    let new = plan_of(&value);
    // As the viewer's diff page computes them: on the plans' JSON, and from recorded findings.
    let changes = diff_values(&base_json(), &value);
    let delta = delta(
        recorded(&old).iter().map(RecordedFinding::change).collect(),
        recorded(&new).iter().map(RecordedFinding::change).collect(),
    );
    let html = render_with_lang(
        Lang::En,
        diff_view(Lang::En, &changes, "aaaa", "bbbb", Some(&delta)),
    )
    .await;
    let row = between(&html, r#"<tr class="change"#, "</tr>");
    assert!(
        row.contains(
            r##"<a href="#/at/bbbb/services/civil-affairs">civil-affairs "Civil affairs"</a>"##
        ),
        "the service, linked at the newer revision:\n{row}"
    );
    assert!(row.contains("<code>RTO</code>"), "{row}");
    assert!(row.contains("<del>8h</del> → <ins>1d</ins>"), "{row}");
    assert!(
        row.contains(r#"<span class="badge tone-worse">objective loosened</span>"#),
        "a longer RTO is flagged as worse:\n{row}"
    );
    // 1d RTO + 4h WRT now exceeds the 1d MTD.
    assert!(
        html.contains("rto-wrt-exceed-mtd"),
        "the finding the change introduces is listed:\n{html}"
    );
}

// ---------------------------------------------------------------------------------------------
// 8. Errors

#[tokio::test(flavor = "current_thread")]
async fn error_box_for_a_missing_data_file_says_what_is_wrong() {
    let error = DataError::Status {
        path: "data/snapshots/0123456789abcdef0123.json".to_owned(),
        status: 404,
    };
    for lang in Lang::ALL {
        let html = render_with_lang(lang, error_box(lang, &error)).await;
        assert!(html.contains(r#"role="alert""#), "announced: {html}");
        let detail = between(&html, r#"<p class="error-detail">"#, "</p>");
        let detail = detail.trim_start_matches(r#"<p class="error-detail">"#);
        assert!(
            detail.contains("data/snapshots/0123456789abcdef0123.json") && detail.contains("404"),
            "{lang:?}: {detail}"
        );
        let title = between(&html, r#"<h1 id="error-title">"#, "</h1>");
        assert!(title.len() > r#"<h1 id="error-title">"#.len(), "a title");
        if lang == Lang::En {
            insta::assert_snapshot!(pretty(&html));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 9. Redacted sites

#[tokio::test(flavor = "current_thread")]
async fn redacted_site_says_that_findings_on_personal_data_are_left_out() {
    let mut value = base_json();
    value["people"][1]["phones"] = json!([]);
    let plan = Rc::new(plan_of(&value));
    let all = recorded(&plan);
    assert!(
        all.iter().any(|f| f.code == "person-unreachable"),
        "bert fills a role without a phone"
    );
    // The exporter leaves them out of a redacted site (tests/tests/site.rs); the viewer shows
    // what it is given and says why some are missing.
    let shown: Vec<RecordedFinding> = all
        .iter()
        .filter(|f| !hidden_when_redacted(&f.code))
        .cloned()
        .collect();
    let path = "plans/heidebeek.json";
    let open = PlanView::new(plan.clone(), Rc::new(all), today(), path, false);
    let redacted = PlanView::new(plan, Rc::new(shown), today(), path, true);

    let html = render_page(Lang::En, open.clone(), PlanPage::Findings).await;
    assert!(html.contains("person-unreachable"));
    assert!(!html.contains(r#"class="notice""#));
    let html = render_page(Lang::En, redacted.clone(), PlanPage::Findings).await;
    assert!(!html.contains("person-unreachable"), "{html}");
    assert!(
        html.contains(r#"class="notice""#),
        "the page says some are hidden"
    );
    // The overview's counts are those of the findings shown.
    let overview = render_page(Lang::En, redacted, PlanPage::Overview).await;
    let open_overview = render_page(Lang::En, open, PlanPage::Overview).await;
    assert_ne!(
        between(&overview, r#"<p class="findings-count">"#, "</p>"),
        between(&open_overview, r#"<p class="findings-count">"#, "</p>"),
        "the counts differ by the hidden findings"
    );
}

// ---------------------------------------------------------------------------------------------
// The frame around every page

fn site_classified(classification: &str) -> Rc<Site> {
    let info = parse_site(
        &json!({
            "format": 2,
            "plan_path": "plans/heidebeek.json",
            "history": {"state": "complete", "note": null},
            "index": "revisions-0123456789abcdef0123.json",
            "classification": classification
        })
        .to_string(),
    )
    .expect("a valid site.json");
    Rc::new(Site::new(info, Vec::new()))
}

async fn render_frame(lang: Lang, route: Route, site: Rc<Site>) -> String {
    render_with_lang(
        lang,
        html! { <Frame route={route} site={Some(site)}><p>{ "page" }</p></Frame> },
    )
    .await
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_shows_the_plan_classification() {
    let routes = [
        Route::parse("#/"),
        Route::parse("#/services/burgerzaken"),
        Route::parse("#/history"),
        Route::parse("#/diff"),
        Route::parse("#/at/1111/scenarios"),
    ];
    for route in routes {
        let html = render_frame(Lang::Nl, route.clone(), site_classified("internal")).await;
        assert!(
            html.contains("Classificatie: <strong>intern</strong>"),
            "{route:?} does not show the classification:\n{html}"
        );
        assert!(!html.contains("classification confidential"), "{route:?}");
    }
    let html = render_frame(
        Lang::En,
        Route::parse("#/"),
        site_classified("confidential"),
    )
    .await;
    assert!(
        html.contains(r#"class="classification confidential""#)
            && html.contains("Classification: <strong>confidential</strong>"),
        "{html}"
    );
    let html = render_frame(Lang::En, Route::parse("#/"), site_classified("tlp:red")).await;
    assert!(html.contains("<strong>tlp:red</strong>"), "{html}");
}

// ---------------------------------------------------------------------------------------------
// Findings that could not be loaded

#[tokio::test(flavor = "current_thread")]
async fn a_plan_whose_findings_are_missing_is_shown_and_says_so() {
    let mut view = base_view();
    view.findings_error = Some(DataError::Status {
        path: "data/findings/0123456789abcdef0123.json".to_owned(),
        status: 404,
    });
    let overview = render_page(Lang::En, view.clone(), PlanPage::Overview).await;
    assert!(
        overview.contains(r#"<table class="services">"#),
        "the plan is shown all the same"
    );
    let card = between(&overview, r#"<p class="findings-count">"#, "</p>");
    assert!(card.contains("Findings unavailable"), "{card}");
    let page = render_page(Lang::En, view, PlanPage::Findings).await;
    assert!(page.contains(r#"role="alert""#), "{page}");
    assert!(
        page.contains("data/findings/0123456789abcdef0123.json"),
        "the missing file is named: {page}"
    );
    assert!(!page.contains("No findings."), "{page}");
}
