//! The site `continuity site` exports, in a real headless Chromium, served from the sub-path
//! `/project/plan/` by `tests/browser/site.mjs`: the restart order on the overview, history →
//! revision → diff, the language switch remembered across reloads, deep links, a checklist tick
//! kept across a reload and the findings page showing the recorded findings, a hostile plan
//! that must stay inert text, missing and corrupt data files, every page reached by following
//! links from the overview, that no request leaves the sub-path or fails, and the time to the
//! painted overview (printed, not asserted).
//!
//! The sites are exported once, from scripted repositories: the example plan with a loosened RTO
//! and two services without a priority, and a small plan turned hostile. The script runs every
//! scenario in one browser; each test checks its own part of what it printed.
//! Without Node.js or Chromium the tests print a note and pass locally, but fail when `CI` is set
//! (see `continuity_tests::browser`).

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use continuity_tests::browser;
use continuity_tests::repo::{
    AN, Action, Author, BERT, Edit, GitRepo, Sandbox, Step, base_plan, edited, plan_text,
};
use continuity_tests::site_data::recorded_findings;
use continuity_tests::{Run, finding_lines, repo_root, validate_json};
use serde_json::{Value, json};

/// The sub-path the script serves every site under.
const SUB_PATH: &str = "/project/plan/";

/// The commit that loosens an RTO, found in the history by its message.
const LOOSEN: &str = "Loosen the RTO of burgerzaken";
const LOOSENED_SERVICE: &str = "burgerzaken";
const LOOSENED_NAME: &str = "Burgerzaken en burgerlijke stand";

/// Script that must stay text: in plan texts and in a commit message.
const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned=1\">";
const JS_URL: &str = "javascript:window.__pwned=1";
const JS_LINK: &str = "<a href=\"javascript:window.__pwned=1\">Vendor NV</a>";
/// A valid web link (`format: uri`) that would break out of a naively built attribute.
const QUOTE_URL: &str = "https://example.org/x'onmouseover='window.__pwned=1'";
const HOSTILE_MESSAGE: &str = "Hostile <script>window.__pwned=1</script> names";
const LONG_TEXT: usize = 1_000_000;

/// How often the overview is loaded to time it.
const TIMING_RUNS: usize = 5;

/// At most this many pages are visited when following every link (the example has about 300).
const CRAWL_LIMIT: usize = 1000;

/// What the script printed, with what the tests compare it with.
#[derive(Debug)]
struct Outcome {
    result: Value,
    /// (priority as shown, name) of the current example plan's services, in restart order.
    restart_order: Vec<(String, String)>,
    /// The example repository's commits, oldest first.
    commits: Vec<String>,
    /// The hostile repository's commits, oldest first.
    hostile_commits: Vec<String>,
    /// The example site's revision index file (`revisions-<hash>.json`).
    index: String,
    /// `as_of` of the example site's `site.json`.
    as_of: String,
    /// The codes of the findings recorded for the example's newest revision.
    newest_findings: Vec<String>,
    /// The example repository's plan as committed last.
    current_plan: Value,
}

impl Outcome {
    /// A scenario's observations; fails with the script's error when the scenario threw.
    fn scenario(&self, name: &str) -> &Value {
        let scenario = &self.result["scenarios"][name];
        assert!(scenario.is_object(), "no scenario `{name}` in the result");
        assert!(
            scenario["error"].is_null(),
            "scenario `{name}` failed in the browser:\n{}\nat {}\npage text:\n{}",
            scenario["error"].as_str().unwrap_or_default(),
            scenario["errorUrl"],
            scenario["errorPageText"].as_str().unwrap_or_default()
        );
        scenario
    }

    /// A scenario that must have run without a failed or blocked request, console or page error,
    /// or Content Security Policy violation.
    fn clean(&self, name: &str) -> &Value {
        let scenario = self.scenario(name);
        for list in ["failed", "blocked", "consoleErrors", "pageErrors", "csp"] {
            assert_eq!(
                scenario[list],
                json!([]),
                "scenario `{name}`: {list} should be empty"
            );
        }
        scenario
    }
}

/// Runs the script once for every test; `None` when the browser tools are missing.
fn outcome() -> Option<&'static Outcome> {
    static OUTCOME: OnceLock<Option<Result<Outcome, String>>> = OnceLock::new();
    let outcome = OUTCOME.get_or_init(|| {
        let (chromium, tools) = browser::tools()?;
        Some(run_scenarios(&chromium, &tools))
    });
    match outcome {
        None => None,
        Some(Ok(outcome)) => Some(outcome),
        Some(Err(message)) => panic!("{message}"),
    }
}

fn expect_code(run: &Run, code: i32) {
    assert_eq!(
        run.code, code,
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout, run.stderr
    );
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The service `id` of `plan`.
fn service_mut<'a>(plan: &'a mut Value, id: &str) -> &'a mut Value {
    plan["services"]
        .as_array_mut()
        .expect("the plan has services")
        .iter_mut()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no service `{id}`"))
}

/// The example plan's history: as published, with one RTO loosened, then with two services
/// without a priority (so that they come last, by name, not in the plan's order).
fn example_history() -> Vec<Value> {
    let published = read_json(&repo_root().join("plans").join("heidebeek.json"));
    let mut loosened = published.clone();
    let service = service_mut(&mut loosened, LOOSENED_SERVICE);
    assert_eq!(service["rto"], "4h", "the example plan changed: {service}");
    service["rto"] = json!("1d");
    let mut unprioritised = loosened.clone();
    for id in ["vrije-tijd", "bibliotheek"] {
        service_mut(&mut unprioritised, id)
            .as_object_mut()
            .expect("a service is an object")
            .shift_remove("priority")
            .expect("the example's services have priorities");
    }
    vec![published, loosened, unprioritised]
}

/// The services as the overview must list them: by priority, services without one last; the
/// shorter RTO first within the same priority, then as listed in the plan.
fn restart_order(plan: &Value) -> Vec<(String, String)> {
    let minutes = |rto: &Value| {
        let text = rto.as_str()?;
        let (amount, unit) = text.split_at(text.len() - 1);
        let per_unit = match unit {
            "m" => 1,
            "h" => 60,
            "d" => 60 * 24,
            "w" => 60 * 24 * 7,
            _ => panic!("not a duration: {text}"),
        };
        Some(amount.parse::<u64>().expect("an amount") * per_unit)
    };
    let mut services: Vec<(Option<u64>, Option<u64>, String)> = plan["services"]
        .as_array()
        .expect("services")
        .iter()
        .map(|s| {
            (
                s["priority"].as_u64(),
                minutes(&s["rto"]),
                s["name"].as_str().expect("a name").to_owned(),
            )
        })
        .collect();
    // Stable: the plan's order among equals.
    services.sort_by_key(|s| (s.0.is_none(), s.0, s.1.is_none(), s.1));
    services
        .into_iter()
        .map(|(priority, _, name)| {
            (
                priority.map_or_else(|| "—".to_owned(), |p| p.to_string()),
                name,
            )
        })
        .collect()
}

/// The small base plan with markup, a script link, a quote-breaking URL and a 1,000,000-character
/// description in its texts.
fn hostile_plan() -> Value {
    let mut description = format!("{SCRIPT} ");
    while description.len() < LONG_TEXT {
        description.push_str("A long description of the service, repeated. ");
    }
    description.truncate(LONG_TEXT);
    edited(
        &base_plan(),
        &[
            Edit::Set("/organisation/name", json!(format!("Gemeente {SCRIPT}"))),
            Edit::Set("/plan/purpose", json!(JS_URL)),
            Edit::Set("/plan/backup_procedure/url", json!(QUOTE_URL)),
            Edit::Set("/services/0/name", json!(IMG)),
            Edit::Set("/services/0/description", json!(description)),
            Edit::Set("/people/0/name", json!(format!("An {SCRIPT} Peeters"))),
            Edit::Set("/suppliers/0/name", json!(JS_LINK)),
        ],
    )
}

fn step(author: Author, date: &'static str, message: &'static str, plan: Value) -> Step {
    Step {
        author,
        date,
        message,
        action: Action::Plan("plan.json", plan),
    }
}

/// The hostile plan is valid for the schema: `validate` finds at most rule findings. A
/// `javascript:` URL is not (the model only takes `http(s)` links), which is why it is in a text.
fn check_hostile(sandbox: &Sandbox, plan: &Value) {
    let dir = sandbox.join("checks");
    fs::create_dir_all(&dir).expect("create a folder");
    fs::write(dir.join("hostile.json"), plan_text(plan)).expect("write the plan");
    let (_, document) = validate_json(&dir, &["hostile.json"]);
    for finding in finding_lines(&document) {
        let code = finding.split(' ').next().unwrap_or_default();
        assert!(
            continuity_schema::rules::rule(code).is_some(),
            "the hostile plan must be valid for the schema: {finding}"
        );
    }
    let script_link = edited(plan, &[Edit::Set("/organisation/website", json!(JS_URL))]);
    fs::write(dir.join("script-link.json"), plan_text(&script_link)).expect("write the plan");
    let (run, document) = validate_json(&dir, &["script-link.json"]);
    expect_code(&run, 1);
    assert!(
        finding_lines(&document)
            .iter()
            .any(|f| f.starts_with("invalid-value error") && f.ends_with("/organisation/website")),
        "{document:#}"
    );
}

/// Exports `repo`'s plan to `out`.
fn export(repo: &GitRepo, out: &Path) {
    let out = out.to_str().expect("a UTF-8 temporary path");
    let run = repo.run(&["site", "--plan", "plan.json", "-o", out]);
    expect_code(&run, 0);
}

/// Copies the folder `from` to `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy's folder");
    for entry in fs::read_dir(from).expect("read the site") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a site file");
        }
    }
}

/// The codes of the findings a site recorded for `revision` (an index entry).
fn newest_findings(site: &Path, revision: &Value) -> Vec<String> {
    recorded_findings(site, revision)
        .expect("the newest revision's findings are recorded")
        .iter()
        .map(|f| f["code"].as_str().expect("a code").to_owned())
        .collect()
}

/// Exports the sites, breaks copies of one, and runs the browser script on them all.
fn run_scenarios(chromium: &Path, tools: &Path) -> Result<Outcome, String> {
    let sandbox = Sandbox::new();

    let repo = sandbox.init("example");
    let history = example_history();
    let restart_order = restart_order(&history[2]);
    let [published, loosened, unprioritised] = <[Value; 3]>::try_from(history).expect("three");
    let commits = repo.script(&[
        step(AN, "2026-01-12", "Plan opgenomen in git", published),
        step(BERT, "2026-02-03", LOOSEN, loosened),
        step(
            AN,
            "2026-03-02",
            "Vrije tijd en bibliotheek zonder prioriteit",
            unprioritised,
        ),
    ]);
    let site = sandbox.join("site");
    export(&repo, &site);

    let hostile = sandbox.init("hostile");
    let plan = hostile_plan();
    check_hostile(&sandbox, &plan);
    let hostile_commits = hostile.script(&[
        step(AN, "2026-01-12", "Plan opgenomen in git", base_plan()),
        step(BERT, "2026-02-03", HOSTILE_MESSAGE, plan),
    ]);
    let hostile_site = sandbox.join("hostile-site");
    export(&hostile, &hostile_site);
    let hostile_index = read_json(&hostile_site.join("data/site.json"));
    let hostile_index = read_json(
        &hostile_site
            .join("data")
            .join(hostile_index["index"].as_str().expect("an index")),
    );
    assert_eq!(
        hostile_index[0]["state"], "checked",
        "the hostile plan was exported as a plan: {}",
        hostile_index[0]
    );

    // Broken copies: the revision index missing, site.json corrupt, the newest snapshot corrupt.
    let info = read_json(&site.join("data/site.json"));
    let index = info["index"]
        .as_str()
        .expect("site.json names the index")
        .to_owned();
    let revisions = read_json(&site.join("data").join(&index));
    let newest_findings = newest_findings(&site, &revisions[0]);
    let newest = revisions[0]["load"]
        .as_str()
        .expect("the newest revision loads")
        .to_owned();
    assert!(newest.starts_with("snapshots/"), "{newest}");
    let broken = [
        ("missingIndex", index.clone(), None),
        (
            "corruptSite",
            "site.json".to_owned(),
            Some("{ \"format\": 1, \"index\": "),
        ),
        (
            "corruptSnapshot",
            newest,
            Some("{ \"format_version\": 1, \"organisation\": ["),
        ),
    ];
    let mut sites = json!({ "main": site, "hostile": hostile_site });
    // The newest revision's findings file missing: the plan must still be readable.
    let findings_file = revisions[0]["findings_file"]
        .as_str()
        .expect("the newest revision lists its findings")
        .to_owned();
    let copy = sandbox.join("missingFindings");
    copy_dir(&site, &copy);
    fs::remove_file(copy.join("data").join(&findings_file)).expect("remove the findings file");
    sites["missingFindings"] = json!(copy);
    for (name, file, content) in &broken {
        let copy = sandbox.join(name);
        copy_dir(&site, &copy);
        let path = copy.join("data").join(file);
        match content {
            None => fs::remove_file(&path).expect("remove a data file"),
            Some(text) => fs::write(&path, text).expect("corrupt a data file"),
        }
        sites[name] = json!(copy);
    }

    let scenario = &repo_plan(&repo)["scenarios"][0];
    let checklist = json!({
        "scenario": scenario["id"],
        "step": scenario["steps"][0]["id"],
    });
    let short = |id: &str| id[..12].to_owned();
    let config = json!({
        "checklist": checklist,
        "chromium": chromium,
        "sites": sites,
        "rtoChange": { "message": LOOSEN, "from": short(&commits[0]), "to": short(&commits[1]) },
        "deepLinks": [
            format!("#/services/{LOOSENED_SERVICE}"),
            format!("#/at/{}/services/{LOOSENED_SERVICE}", short(&commits[0])),
        ],
        "hostile": {
            "routes": [
                "#/",
                "#/services",
                "#/services/civil-affairs",
                "#/suppliers/vendor",
                "#/people/an",
                "#/history",
                format!("#/revisions/{}", short(&hostile_commits[1])),
            ],
            "needles": [SCRIPT, IMG, JS_URL, JS_LINK, HOSTILE_MESSAGE],
        },
        "broken": broken.iter().map(|(name, _, _)| *name).collect::<Vec<_>>(),
        "timingRuns": TIMING_RUNS,
        "crawlLimit": CRAWL_LIMIT,
        "accessibility": { "service": LOOSENED_SERVICE },
    });
    let config_path = sandbox.join("config.json");
    fs::write(&config_path, config.to_string()).expect("write the config");
    let result = browser::run_script(tools, "site.mjs", &[config_path.as_os_str()])?;
    Ok(Outcome {
        result,
        restart_order,
        commits,
        hostile_commits,
        index,
        as_of: info["as_of"]
            .as_str()
            .expect("site.json says as of when")
            .to_owned(),
        newest_findings,
        current_plan: repo_plan(&repo),
    })
}

/// The rows of a diff (as the script read them) that change the loosened service's RTO.
fn loosened_rows(changes: &Value) -> Vec<&Value> {
    changes
        .as_array()
        .expect("change rows")
        .iter()
        .filter(|c| {
            c["subject"]
                .as_str()
                .is_some_and(|s| s.contains(LOOSENED_SERVICE) && s.contains(LOOSENED_NAME))
                && c["field"] == "RTO"
        })
        .collect()
}

fn assert_loosened(changes: &Value, what: &str) {
    let rows = loosened_rows(changes);
    assert_eq!(
        rows.len(),
        1,
        "{what}: one RTO change of {LOOSENED_SERVICE}: {changes:#}"
    );
    assert_eq!(rows[0]["old"], "4h", "{what}: {changes:#}");
    assert_eq!(rows[0]["new"], "1d", "{what}: {changes:#}");
    assert!(
        rows[0]["impacts"].as_str().is_some_and(|i| !i.is_empty()),
        "{what}: a loosened objective is marked: {changes:#}"
    );
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

#[test]
fn the_overview_lists_the_services_in_restart_order() {
    let Some(outcome) = outcome() else {
        return;
    };
    let overview = outcome.clean("overview");
    assert_eq!(overview["heading"], "Gemeente Heidebeek");
    let rows = overview["rows"].as_array().expect("rows");
    let shown: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["priority"].as_str().unwrap_or_default().to_owned(),
                r["name"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(shown, outcome.restart_order);
    // Services without a priority come last; with equal RTOs in the plan's order, not by name.
    let last: Vec<&str> = shown[shown.len() - 2..]
        .iter()
        .map(|(_, n)| n.as_str())
        .collect();
    assert_eq!(last, ["Vrije tijd, sport en cultuur", "Bibliotheek"]);
    let burgerzaken = rows
        .iter()
        .find(|r| r["name"] == LOOSENED_NAME)
        .expect("the loosened service is listed");
    assert_eq!(
        burgerzaken["href"],
        format!("#/services/{LOOSENED_SERVICE}")
    );
    assert_eq!(burgerzaken["rto"], "1d");
}

#[test]
fn history_revision_and_diff_show_the_loosened_rto() {
    let Some(outcome) = outcome() else {
        return;
    };
    let history = outcome.clean("history");
    assert_eq!(
        history["history"],
        json!([
            "Vrije tijd en bibliotheek zonder prioriteit",
            LOOSEN,
            "Plan opgenomen in git"
        ]),
        "newest first"
    );
    let loosen = &outcome.commits[1][..12];
    let revision = &history["revision"];
    assert_eq!(revision["hash"], format!("#/revisions/{loosen}"));
    assert_eq!(revision["id"], loosen);
    assert_eq!(revision["title"], LOOSEN);
    assert_loosened(&revision["changes"], "the revision page");
    assert_eq!(
        revision["changes"].as_array().map(Vec::len),
        Some(1),
        "the commit changed only the RTO: {revision:#}"
    );
    // The compare page, with the two revisions chosen in its pickers.
    let diff = &history["diff"];
    let parent = &outcome.commits[0][..12];
    assert_eq!(diff["hash"], format!("#/diff/{parent}/{loosen}"));
    assert_eq!(diff["from"], parent);
    assert_eq!(diff["to"], loosen);
    assert_loosened(&diff["changes"], "the compare page");
}

#[test]
fn the_language_choice_switches_and_is_remembered() {
    let Some(outcome) = outcome() else {
        return;
    };
    let language = outcome.clean("language");
    let states = language["states"].as_array().expect("states");
    let dutch = (
        "nl",
        "Overzicht",
        "Diensten in herstartvolgorde",
        "Nederlands",
    );
    let english = ("en", "Overview", "Services in restart order", "English");
    // The browser asks for Dutch (nl-BE); the stored choice wins over it after a reload.
    let expected = [
        ("first visit", dutch, None),
        ("English chosen", english, Some("en")),
        ("English, reloaded", english, Some("en")),
        ("Dutch chosen", dutch, Some("nl")),
        ("Dutch, reloaded", dutch, Some("nl")),
    ];
    assert_eq!(states.len(), expected.len(), "{language:#}");
    for (state, (step, (lang, nav, heading, pressed), stored)) in states.iter().zip(expected) {
        assert_eq!(state["step"], step);
        assert_eq!(state["lang"], lang, "document language, {step}");
        assert_eq!(state["nav"], nav, "first navigation entry, {step}");
        assert_eq!(state["restartOrder"], heading, "{step}");
        assert_eq!(
            state["pressed"], pressed,
            "the pressed language button, {step}"
        );
        assert_eq!(state["stored"], json!(stored), "localStorage, {step}");
    }
}

#[test]
fn a_hostile_plan_renders_inert() {
    let Some(outcome) = outcome() else {
        return;
    };
    let hostile = outcome.clean("hostile");
    let pages = hostile["pages"].as_array().expect("pages");
    let revision = format!("#/revisions/{}", &outcome.hostile_commits[1][..12]);
    // What each page must show as text.
    let expected: [(&str, &[&str]); 7] = [
        ("#/", &[SCRIPT, IMG, JS_URL]),
        ("#/services", &[IMG]),
        ("#/services/civil-affairs", &[SCRIPT, IMG]),
        ("#/suppliers/vendor", &[JS_LINK]),
        ("#/people/an", &[SCRIPT]),
        ("#/history", &[HOSTILE_MESSAGE]),
        (&revision, &[HOSTILE_MESSAGE, IMG]),
    ];
    assert_eq!(pages.len(), expected.len(), "{hostile:#}");
    for (page, (route, needles)) in pages.iter().zip(expected) {
        assert_eq!(page["route"], route);
        assert_eq!(page["pwned"], "undefined", "{route}: the plan's script ran");
        assert_eq!(page["javascriptLinks"], json!([]), "{route}");
        assert_eq!(page["javascriptSelector"], 0, "{route}");
        assert_eq!(page["eventAttributes"], json!([]), "{route}");
        assert_eq!(
            page["embeds"], 0,
            "{route}: the plan's <img> became an element"
        );
        assert_eq!(
            page["scripts"].as_array().map(Vec::len),
            Some(1),
            "{route}: only the viewer's own boot script: {page}"
        );
        let shown: Vec<&str> = page["shown"]
            .as_array()
            .expect("shown")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for needle in needles {
            assert!(
                shown.contains(needle),
                "{route} does not show `{needle}` as text: {page}"
            );
        }
        assert!(
            page["heading"].as_str().is_some_and(|h| !h.is_empty())
                && page["mainTextLength"].as_u64() > Some(20),
            "{route} is blank: {page}"
        );
    }
    // The 1,000,000-character description is shown whole.
    assert!(
        pages[2]["longestText"].as_u64() >= Some(LONG_TEXT as u64),
        "{}",
        pages[2]
    );
    // The quote in the web link stays inside the attribute.
    let links = pages[0]["webLinks"].as_array().expect("web links");
    assert!(links.contains(&json!(QUOTE_URL)), "{links:?}");
}

/// The plan at the example repository's HEAD.
fn repo_plan(repo: &GitRepo) -> Value {
    serde_json::from_str(&repo.git(&["show", "HEAD:plan.json"])).expect("the committed plan")
}

#[test]
fn a_checklist_tick_is_kept_across_reloads_and_the_findings_are_the_recorded_ones() {
    let Some(outcome) = outcome() else {
        return;
    };
    let checklist = outcome.clean("checklist");
    let state = |name: &str| {
        let s = &checklist[name];
        (
            s["checked"].as_bool().expect("checked"),
            s["stored"].as_array().map_or(0, Vec::len),
        )
    };
    assert_eq!(state("before"), (false, 0), "{checklist:#}");
    assert_eq!(state("ticked"), (true, 1), "{checklist:#}");
    assert_eq!(
        state("reloaded"),
        (true, 1),
        "the tick survives a reload: {checklist:#}"
    );
    assert_eq!(state("reset"), (false, 0), "{checklist:#}");
    let status = checklist["reloaded"]["status"].as_str().expect("a status");
    assert!(status.starts_with("1 / "), "{status}");

    // The findings page lists exactly what the exporter recorded for the newest revision.
    let findings = &checklist["findings"];
    assert_eq!(findings["asOf"], outcome.as_of, "{findings:#}");
    let shown: Vec<&str> = findings["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["code"].as_str().expect("a code"))
        .collect();
    let mut shown_sorted = shown.clone();
    shown_sorted.sort_unstable();
    let mut recorded: Vec<&str> = outcome.newest_findings.iter().map(String::as_str).collect();
    recorded.sort_unstable();
    assert_eq!(shown_sorted, recorded, "{findings:#}");
    assert!(
        !shown.is_empty(),
        "the example history's newest plan has findings to show"
    );
    for item in findings["items"].as_array().expect("items") {
        if let Some(href) = item["subject"].as_str() {
            assert!(href.starts_with("#/"), "an entity link: {href}");
        }
    }
}

/// Every entity of the current plan has a page reached by links from the overview, and every
/// page reached renders a heading without an error box or a script error.
#[test]
fn every_page_reached_from_the_overview_renders() {
    let Some(outcome) = outcome() else {
        return;
    };
    let crawl = outcome.clean("crawl");
    assert_eq!(crawl["failures"], json!([]), "{crawl:#}");
    assert_eq!(crawl["left"], 0, "more pages than CRAWL_LIMIT");
    let visited: Vec<&str> = crawl["visited"]
        .as_array()
        .expect("visited routes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let plan = &outcome.current_plan;
    let mut expected = Vec::new();
    for collection in [
        "people",
        "roles",
        "services",
        "systems",
        "suppliers",
        "locations",
        "scenarios",
        "risks",
        "exercises",
        "actions",
        "incidents",
        "distribution",
    ] {
        for entity in plan[collection].as_array().into_iter().flatten() {
            let id = entity["id"].as_str().expect("an id");
            expected.push(format!("#/{collection}/{id}"));
        }
    }
    assert!(expected.len() > 50, "the example has many entities");
    let unreached: Vec<&String> = expected
        .iter()
        .filter(|route| !visited.contains(&route.as_str()))
        .collect();
    assert!(unreached.is_empty(), "no link leads to {unreached:?}");
    for page in ["#/history", "#/findings", "#/team", "#/communication"] {
        assert!(visited.contains(&page), "{page} not reached");
    }
}

#[test]
fn on_a_phone_wide_tables_scroll_and_words_stay_whole() {
    let Some(outcome) = outcome() else {
        return;
    };
    let phone = outcome.clean("phone");
    let pages = phone["pages"].as_object().expect("pages measured");
    assert_eq!(pages.len(), 6, "{phone:#}");
    let mut scrolling = 0;
    for (route, page) in pages {
        assert_eq!(
            page["pageScrollsSideways"], false,
            "{route}: the page itself must not scroll sideways: {page:#}"
        );
        assert_eq!(
            page["headings"],
            json!([]),
            "{route}: headings wrap: {page:#}"
        );
        assert_eq!(page["broken"], json!([]), "{route}: words split: {page:#}");
        assert_eq!(
            page["besideLabels"],
            json!([]),
            "{route}: labels beside their values: {page:#}"
        );
        scrolling += page["tablesScrolling"].as_u64().unwrap_or_default();
    }
    assert!(
        scrolling > 0,
        "the services table is wider than a phone: {phone:#}"
    );
}

#[test]
fn every_kind_of_page_passes_the_accessibility_checks() {
    let Some(outcome) = outcome() else {
        return;
    };
    let scan = outcome.clean("accessibility");
    assert!(scan["checked"].as_u64() >= Some(19), "{scan:#}");
    assert_eq!(scan["violations"], json!([]), "{scan:#}");
}

#[test]
fn deep_links_open_from_the_sub_path() {
    let Some(outcome) = outcome() else {
        return;
    };
    let deep = outcome.clean("deepLinks");
    let pages = deep["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 2, "{deep:#}");
    for page in pages {
        let url = page["url"].as_str().expect("a URL");
        let route = page["route"].as_str().expect("a route");
        assert!(url.ends_with(&format!("{SUB_PATH}{route}")), "{url}");
        assert_eq!(page["heading"], format!("dienst {LOOSENED_NAME}"));
        assert_eq!(page["currentNav"], "Diensten");
    }
    assert_eq!(pages[0]["rto"], "1d");
    assert_eq!(pages[0]["timeTravel"], false);
    // The plan as it was before the RTO was loosened.
    assert_eq!(pages[1]["rto"], "4h");
    assert_eq!(pages[1]["timeTravel"], true);
}

#[test]
fn missing_or_corrupt_data_shows_an_error() {
    let Some(outcome) = outcome() else {
        return;
    };
    let broken = outcome.scenario("broken");
    for list in ["blocked", "pageErrors", "csp"] {
        assert_eq!(broken[list], json!([]), "{list}");
    }
    let pages = broken["pages"].as_array().expect("pages");
    let index = format!("data/{}", outcome.index);
    let expected = [
        (
            "missingIndex",
            format!("De server gaf een fout voor {index} (HTTP 404)"),
        ),
        (
            "corruptSite",
            "Beschadigde gegevens in data/site.json".to_owned(),
        ),
        (
            "corruptSnapshot",
            "Beschadigde gegevens in data/snapshots/".to_owned(),
        ),
    ];
    assert_eq!(pages.len(), expected.len(), "{broken:#}");
    for (page, (site, detail)) in pages.iter().zip(expected) {
        assert_eq!(page["site"], site);
        assert_eq!(page["kind"], "error-box", "{page}");
        assert_eq!(
            page["title"], "De gegevens konden niet geladen worden",
            "{page}"
        );
        assert!(
            page["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with(&detail)),
            "{site}: `{detail}` expected: {page}"
        );
        assert_eq!(page["visible"], true, "{page}");
        // The frame stays: the visitor can still navigate.
        assert!(page["nav"].as_u64() > Some(10), "{page}");
    }
    // The one failed request, and the one console error, is the missing file.
    assert_eq!(
        broken["consoleErrors"],
        json!(["Failed to load resource: the server responded with a status of 404 (Not Found)"])
    );
    let failed = broken["failed"].as_array().expect("failed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(
        failed[0]
            .as_str()
            .is_some_and(|f| f.ends_with(&format!("{SUB_PATH}{index}: HTTP 404"))),
        "{failed:?}"
    );
}

#[test]
fn a_missing_findings_file_leaves_the_plan_readable() {
    let Some(outcome) = outcome() else {
        return;
    };
    let missing = outcome.scenario("missingFindings");
    for list in ["blocked", "pageErrors", "csp"] {
        assert_eq!(missing[list], json!([]), "{list}");
    }
    assert_eq!(
        missing["overview"]["services"].as_u64(),
        Some(outcome.restart_order.len() as u64),
        "the restart order is shown: {missing:#}"
    );
    assert_eq!(
        missing["overview"]["findings"], "Bevindingen niet beschikbaar",
        "{missing:#}"
    );
    let detail = missing["detail"].as_str().expect("an error detail");
    assert!(
        detail.contains("data/findings/") && detail.contains("404"),
        "the missing file is named: {detail}"
    );
    // The one failed request is the findings file (loaded for the overview, then the page).
    let failed = missing["failed"].as_array().expect("failed requests");
    assert!(
        !failed.is_empty()
            && failed
                .iter()
                .all(|f| f.as_str().is_some_and(|f| f.contains("/data/findings/"))),
        "{failed:?}"
    );
}

#[test]
fn no_request_leaves_the_sub_path_or_fails() {
    let Some(outcome) = outcome() else {
        return;
    };
    let result = &outcome.result;
    assert_eq!(result["blocked"], json!([]), "requests to other hosts");
    let origins: Vec<&str> = result["origins"]
        .as_object()
        .expect("origins")
        .values()
        .filter_map(Value::as_str)
        .collect();
    let requests = result["browserRequests"].as_array().expect("requests");
    assert!(requests.len() > 50, "{requests:?}");
    for request in requests {
        let url = request.as_str().expect("a URL");
        assert!(
            origins
                .iter()
                .any(|o| url.starts_with(&format!("{o}{SUB_PATH}"))),
            "a request outside the sub-path: {url}"
        );
    }
    for (site, log) in result["serverRequests"].as_object().expect("server logs") {
        for line in log.as_array().expect("a log") {
            let line = line.as_str().expect("a request line");
            assert!(
                line.starts_with(&format!("GET {SUB_PATH}")),
                "{site}: a request outside the sub-path: {line}"
            );
        }
    }
    // Every asset and data file loads, in every scenario but the broken sites.
    for (name, scenario) in result["scenarios"].as_object().expect("scenarios") {
        if name != "broken" && name != "missingFindings" {
            assert_eq!(scenario["failed"], json!([]), "{name}: failed requests");
        }
    }
}

#[test]
fn time_to_the_painted_overview() {
    let Some(outcome) = outcome() else {
        return;
    };
    for run in 1..=TIMING_RUNS {
        outcome.clean(&format!("timing{run}"));
    }
    let timing = &outcome.result["timing"];
    let runs = timing["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), TIMING_RUNS);
    let ms = |v: &Value| {
        v.as_f64()
            .map_or_else(|| "?".to_owned(), |v| format!("{v:.0}"))
    };
    let painted: Vec<String> = runs.iter().map(|r| ms(&r["overviewPainted"])).collect();
    eprintln!(
        "site overview painted (ms from navigation start, Chromium {}, {TIMING_RUNS} cold loads): \
         median {} (runs {}); in DOM median {}; first contentful paint median {}",
        outcome.result["chromium"].as_str().unwrap_or("?"),
        ms(&timing["medianOverviewPaintedMs"]),
        painted.join(", "),
        ms(&timing["medianOverviewInDomMs"]),
        ms(&timing["medianFirstContentfulPaintMs"]),
    );
}
