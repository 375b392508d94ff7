//! `continuity report`, the offline copy: snapshots of the Markdown report of the example plan
//! and of a small plan; the HTML report in a real headless Chromium with every network request
//! blocked; the PDF (page count, crisis team on the first pages); redaction of every person's
//! name, number and address; the revision named from git; and bad input.
//!
//! Reports are made from copies of the plans outside any repository, with a fixed modification
//! date, so that the content hash and date they name are the same on every run.
//! Browser tests need Node.js (with `tests/browser`'s pinned playwright-core, installed with
//! `npm ci` when missing) and Chromium (`CONTINUITY_CHROMIUM`, else on `PATH`): without them they
//! print a note and pass locally, but fail when `CI` is set (see `continuity_tests::browser`).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use continuity_tests::personal::{Personal, digit_runs};
use continuity_tests::repo::{AN, Sandbox};
use continuity_tests::{Run, browser, continuity, fixture, repo_root};
use serde_json::{Value, json};
use tempfile::TempDir;

/// The date the reports are made as of.
const TODAY: &str = "2026-11-27";

/// 2026-10-22 00:00 UTC: the modification date given to plan copies.
const MODIFIED: u64 = 1_792_627_200;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn heidebeek() -> PathBuf {
    repo_root().join("plans").join("heidebeek.json")
}

fn small() -> PathBuf {
    fixture("report/small.json")
}

/// A fresh folder outside any repository holding a copy of `source` with a fixed modification
/// date; returns the folder and the copy's file name.
fn copy_outside_git(source: &Path) -> (TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = source
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned();
    let copy = dir.path().join(&name);
    fs::copy(source, &copy).expect("copy the plan");
    let file = fs::File::options()
        .write(true)
        .open(&copy)
        .expect("open the copy");
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(MODIFIED))
        .expect("set the modification date");
    (dir, name)
}

/// Runs `continuity` with `args` in `dir`.
fn run(dir: &Path, args: &[&str]) -> Run {
    let run: Run = continuity()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("continuity runs")
        .into();
    run.assert_no_panic();
    run
}

fn expect_code(run: &Run, code: i32) {
    assert_eq!(
        run.code, code,
        "exit code\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

/// The report of a copy of `plan` in `format`, on standard output, with extra `args`.
fn report(plan: &Path, format: &str, args: &[&str]) -> String {
    let (dir, name) = copy_outside_git(plan);
    let mut all = vec![
        "report", "--plan", &name, "--format", format, "-o", "-", "--today", TODAY,
    ];
    all.extend_from_slice(args);
    let run = run(dir.path(), &all);
    expect_code(&run, 0);
    run.stdout
}

fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The values of every `name="..."` attribute in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

/// `text` with the plan's content hash replaced by `[hash]`, so that a snapshot changes with
/// what the plan says, not with every byte of it.
fn without_hash(text: &str) -> String {
    let at = text
        .find("SHA-256 ")
        .expect("the report names the content hash")
        + 8;
    let hash = &text[at..at + 12];
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{hash}");
    text.replace(hash, "[hash]")
}

#[test]
fn markdown_of_the_example_plan() {
    insta::assert_snapshot!(without_hash(&report(&heidebeek(), "markdown", &[])));
}

#[test]
fn markdown_of_a_small_plan_with_errors() {
    insta::assert_snapshot!(without_hash(&report(&small(), "markdown", &[])));
}

// ---------------------------------------------------------------------------------------------
// Content and order
// ---------------------------------------------------------------------------------------------

#[test]
fn the_crisis_comes_first_and_the_rest_follows() {
    let text = report(&heidebeek(), "markdown", &[]);
    let order = [
        "## 1. Activering",
        "## 2. Crisisteam",
        "## 3. Scenario's",
        "## 4. Herstartvolgorde",
        "## 5. Leveranciers: noodcontacten",
        "## 6. Locaties en toegang",
        "## 7. Communicatie",
        "## 8. Over dit plan",
        "## 9. ICT-systemen",
        "## 10. Risico's",
        "## 11. Oefeningen en acties",
        "## 12. Verdeling",
        "## 13. Bevindingen van de controle",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|h| text.find(h).unwrap_or_else(|| panic!("no `{h}`")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    // Suppliers' 24/7 lines come before office-hours ones.
    let suppliers = &text[positions[4]..positions[5]];
    let suppliers = &suppliers[..suppliers.find("### Contract").expect("contracts")];
    let first_office = suppliers
        .find("| kantooruren")
        .expect("an office-hours contact");
    let last_always = suppliers.rfind("| 24/7").expect("a 24/7 contact");
    assert!(last_always < first_office);
}

#[test]
fn an_empty_plan_says_so_instead_of_printing_bare_headings() {
    // The plan `continuity init` writes: every section present, every collection empty.
    let dir = tempfile::tempdir().expect("tempdir");
    let init = run(
        dir.path(),
        &["init", ".", "--name", "Gemeente Leegdal", "--lang", "en"],
    );
    expect_code(&init, 0);
    let plan = dir.path().join("plan.json");
    let text = report(&plan, "markdown", &[]);
    let nothing = "Nothing recorded in this plan.";
    let sections: Vec<&str> = text
        .split("\n## ")
        .skip(1)
        .filter(|s| s.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(sections.len(), 13, "{text}");
    for section in &sections {
        let title = section.lines().next().unwrap_or_default();
        if title.starts_with("8. ") || title.starts_with("13. ") {
            continue; // About this plan and the findings have content of their own.
        }
        assert!(
            section.contains(nothing),
            "`{title}` says it is empty:\n{section}"
        );
    }
    // No table is printed with headings and no rows.
    let lines: Vec<&str> = text.lines().collect();
    for pair in lines.windows(2) {
        assert!(
            !pair[0].starts_with("| ---") || pair[1].starts_with('|'),
            "a table without rows:\n{text}"
        );
    }
    let html = report(&plan, "html", &[]);
    assert!(html.contains(nothing));
    assert!(!html.contains("<tbody></tbody>"), "an empty HTML table");
}

#[test]
fn html_is_one_self_contained_file_with_escaped_text() {
    let html = report(&small(), "html", &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in [
        "<script", "<img", "<link", "<iframe", "@import", "url(", " src=",
    ] {
        assert!(
            !html.contains(forbidden),
            "the report contains `{forbidden}`"
        );
    }
    // The plan's own markup is text.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for href in attribute_values(&html, "href") {
        assert!(
            ["#", "tel:", "mailto:", "https://", "http://"]
                .iter()
                .any(|scheme| href.starts_with(scheme)),
            "link `{href}`"
        );
    }
    assert!(attribute_values(&html, "href").contains(&"tel:+32470123456"));
    // A confidential plan is marked in red on every printed page and on screen.
    assert!(html.contains("@top-left { content: \"CONFIDENTIAL\"; font: 700 8pt"));
    assert!(html.contains("color: #b00020"));
    assert!(html.contains("<span class=\"classification confidential\">CONFIDENTIAL</span>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("thead { display: table-header-group; }"));
    // The plan's error is on top, before the contents.
    let error = html.find("dangling-reference").expect("the error is shown");
    let toc = html
        .find("<nav class=\"toc\"")
        .expect("a table of contents");
    assert!(error < toc);
    // Every page says how to check that the copy is current.
    assert!(html.contains("@bottom-left { content: \"content SHA-256 "));
    assert!(html.contains("Is this copy current"));
}

#[test]
fn distribution_names_the_revision_and_marks_outdated_copies() {
    let text = report(&small(), "markdown", &[]);
    assert!(
        text.contains("This copy is version 2026.2, content SHA-256 "),
        "{text}"
    );
    assert!(
        text.contains(
            "| Ben O'Brien (ICT manager) | usb | 2025.1 | 2025-03-01 |  | **OUTDATED** |"
        )
    );
    assert!(
        text.contains(
            "| Ann Example (Director) | paper | 2026.2 | 2026-09-20 | At home | current |"
        )
    );
    assert!(text.contains("1 of 2 copies are outdated."));
}

#[test]
fn default_output_file_is_written_and_rewritten_but_nothing_else_is_overwritten() {
    let (dir, name) = copy_outside_git(&small());
    let args = [
        "report", "--plan", &name, "--format", "markdown", "--today", TODAY,
    ];
    let first = run(dir.path(), &args);
    expect_code(&first, 0);
    assert!(
        first
            .stdout
            .starts_with("wrote small-report.md: Town of Example, version 2026.2"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("the plan has 1 error(s)"));
    assert!(
        first
            .stdout
            .contains("1 copy in the distribution list is not the last approved version")
    );
    let written = fs::read_to_string(dir.path().join("small-report.md")).expect("report");
    assert!(written.starts_with("<!-- continuity report"));
    // An earlier report is replaced.
    expect_code(&run(dir.path(), &args), 0);
    // Anything else is not: not the plan, not someone's notes.
    let plan_before = fs::read(dir.path().join(&name)).expect("plan");
    let refused = run(dir.path(), &[&args[..], &["-o", &name]].concat());
    expect_code(&refused, 2);
    assert!(
        refused
            .stderr
            .contains("was not written by `continuity report`"),
        "{}",
        refused.stderr
    );
    assert_eq!(fs::read(dir.path().join(&name)).expect("plan"), plan_before);
    fs::write(dir.path().join("notes.html"), "<p>my notes</p>").expect("notes");
    let refused = run(
        dir.path(),
        &[
            "report",
            "--plan",
            &name,
            "-o",
            "notes.html",
            "--today",
            TODAY,
        ],
    );
    expect_code(&refused, 2);
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.html")).expect("notes"),
        "<p>my notes</p>"
    );
    // A path through a file cannot be written, and the message says so.
    let refused = run(
        dir.path(),
        &[
            "report",
            "--plan",
            &name,
            "-o",
            "notes.html/report.html",
            "--today",
            TODAY,
        ],
    );
    expect_code(&refused, 2);
    assert!(
        refused
            .stderr
            .contains("cannot write the report to notes.html/report.html"),
        "{}",
        refused.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Revision from git
// ---------------------------------------------------------------------------------------------

#[test]
fn the_revision_is_the_last_commit_that_touched_the_plan() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("bcp");
    let plan = fs::read(heidebeek()).expect("plan");
    repo.write("plan.json", &plan);
    let commit = repo.commit(AN, "2026-10-19", "Versie 2026.1 goedgekeurd");
    // A later commit that does not touch the plan does not change the revision.
    repo.write("README.md", "BCP\n");
    repo.commit(AN, "2026-10-20", "Leesmij");
    let args = [
        "report",
        "--plan",
        "plan.json",
        "--format",
        "markdown",
        "-o",
        "-",
        "--today",
        TODAY,
    ];
    let clean = repo.run(&args);
    expect_code(&clean, 0);
    let revision = format!("revisie {} (2026-10-19)", &commit[..10]);
    assert!(clean.stdout.contains(&revision), "{}", clean.stdout);
    assert!(
        clean
            .stdout
            .contains("Versie 2026.1 goedgekeurd — An Peeters")
    );
    assert!(clean.stdout.contains("`continuity log -n 1`"));
    assert!(!clean.stdout.contains("niet-vastgelegde"));

    // The commit's author is personal data too.
    let redacted = repo.run(&[&args[..], &["--redact", "personal"]].concat());
    expect_code(&redacted, 0);
    assert!(
        redacted
            .stdout
            .contains("Versie 2026.1 goedgekeurd — author 1")
    );
    assert!(!redacted.stdout.contains("an@heidebeek.example"));

    // An edited working tree matches no published revision, and the copy says so.
    let mut edited = plan.clone();
    edited.extend_from_slice(b"\n");
    fs::write(repo.path().join("plan.json"), edited).expect("edit the plan");
    let dirty = repo.run(&args);
    expect_code(&dirty, 0);
    assert!(
        dirty
            .stdout
            .contains(&format!("{revision} + niet-vastgelegde wijzigingen")),
        "{}",
        dirty.stdout
    );
    assert!(
        dirty
            .stdout
            .contains("gemaakt van niet-vastgelegde wijzigingen")
    );
}

// ---------------------------------------------------------------------------------------------
// Redaction
// ---------------------------------------------------------------------------------------------

#[test]
fn redacted_reports_hold_no_personal_data() {
    let (data, revisions) = Personal::of_history(repo_root(), "plans/heidebeek.json");
    assert!(revisions > 5, "the example plan has a history");
    let markdown = report(&heidebeek(), "markdown", &["--redact", "personal"]);
    assert!(markdown.contains("persoonsgegevens weggelaten"));
    data.assert_absent_from(&markdown.replace('\\', ""), "the redacted Markdown report");
    let html = report(&heidebeek(), "html", &["--redact", "personal"]);
    assert!(html.contains("persoonsgegevens weggelaten"));
    data.assert_absent_from(&unescape_html(&html), "the redacted HTML report");
    // Roles, functions and service desks stay: the copy is still useful.
    for kept in ["Crisiscoördinator", "Algemeen directeur", "+32 56 00 21 00"] {
        assert!(markdown.contains(kept), "`{kept}` was redacted");
        assert!(html.contains(kept), "`{kept}` was redacted");
    }
    // And the unredacted report does show what the check looks for.
    let full = report(&heidebeek(), "markdown", &[]);
    assert!(full.contains(&data.names[0]));
    assert!(
        digit_runs(&full)
            .iter()
            .any(|r| r.contains(&data.phones[0]))
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn a_file_that_is_not_a_plan_is_refused_with_its_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("plan.json"),
        "{ \"format_version\": 1,\n  oops }\n",
    )
    .expect("write");
    let refused = run(dir.path(), &["report", "--plan", "plan.json"]);
    expect_code(&refused, 1);
    assert!(
        refused.stderr.contains("error[invalid-json]"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("plan.json:2:"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("no report written"));
    assert!(!dir.path().join("plan-report.html").exists());
}

#[test]
fn a_missing_plan_is_a_tool_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = run(dir.path(), &["report", "--plan", "missing.json"]);
    expect_code(&missing, 2);
    assert!(
        missing.stderr.contains("cannot read missing.json"),
        "{}",
        missing.stderr
    );
}

#[test]
fn pdf_without_chromium_says_what_to_install() {
    let (dir, name) = copy_outside_git(&small());
    let empty = tempfile::tempdir().expect("tempdir");
    let run: Run = continuity()
        .args([
            "report", "--plan", &name, "--format", "pdf", "--today", TODAY,
        ])
        .current_dir(dir.path())
        .env("CONTINUITY_CHROMIUM", "/nonexistent")
        .env("PATH", empty.path())
        .output()
        .expect("continuity runs")
        .into();
    run.assert_no_panic();
    expect_code(&run, 2);
    assert!(run.stderr.contains("cannot make a PDF"), "{}", run.stderr);
    assert!(
        run.stderr.contains("apt-get install chromium"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--format html"), "{}", run.stderr);
    assert!(!dir.path().join("small-report.pdf").exists());

    let unset: Run = continuity()
        .args([
            "report", "--plan", &name, "--format", "pdf", "--today", TODAY,
        ])
        .current_dir(dir.path())
        .env_remove("CONTINUITY_CHROMIUM")
        .env("PATH", empty.path())
        .output()
        .expect("continuity runs")
        .into();
    expect_code(&unset, 2);
    assert!(
        unset.stderr.contains("Chromium is not installed"),
        "{}",
        unset.stderr
    );
}

#[test]
fn pdf_cannot_go_to_standard_output() {
    let (dir, name) = copy_outside_git(&small());
    let refused = run(
        dir.path(),
        &["report", "--plan", &name, "--format", "pdf", "-o", "-"],
    );
    expect_code(&refused, 2);
    assert!(
        refused.stderr.contains("standard output"),
        "{}",
        refused.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// In a real browser
// ---------------------------------------------------------------------------------------------

#[test]
fn html_renders_completely_with_every_network_request_blocked() {
    let Some((chromium, tools)) = browser::tools() else {
        return;
    };
    let (dir, name) = copy_outside_git(&heidebeek());
    let written = run(
        dir.path(),
        &[
            "report",
            "--plan",
            &name,
            "-o",
            "offline.html",
            "--today",
            TODAY,
        ],
    );
    expect_code(&written, 0);
    let report = dir.path().join("offline.html");
    let result = browser::run_script(
        &tools,
        "report-offline.mjs",
        &[report.as_os_str(), chromium.as_os_str()],
    )
    .unwrap_or_else(|message| panic!("{message}"));
    let page = format!("file://{}", dir.path().join("offline.html").display());
    assert_eq!(
        result["requests"].as_array().map(Vec::len),
        Some(1),
        "{result}"
    );
    assert!(
        result["requests"][0]
            .as_str()
            .is_some_and(|r| r.ends_with("/offline.html")),
        "{page}: {result}"
    );
    for empty in ["blocked", "failed", "consoleErrors", "pageErrors"] {
        assert_eq!(result[empty], Value::Array(Vec::new()), "{empty}: {result}");
    }
    assert_eq!(result["crisisTeam"]["heading"], "2. Crisisteam");
    assert_eq!(result["crisisTeam"]["visible"], true);
    assert!(
        result["crisisTeam"]["telLinks"].as_u64() > Some(10),
        "{result}"
    );
    // The whole report rendered, down to the last section.
    assert_eq!(result["sections"].as_array().map(Vec::len), Some(13));
    assert_eq!(result["sections"][12]["id"], "findings");
    assert_eq!(result["scripts"], 0);
    assert_eq!(result["embeds"], 0);
    assert_eq!(result["accessibility"], json!([]), "axe-core: {result}");
    assert!(
        result["smallestTelHeight"].as_f64() >= Some(44.0),
        "{result}"
    );
    assert_eq!(result["classification"]["text"], "Classificatie: INTERNAL");
}

#[test]
fn pdf_has_several_pages_and_the_crisis_team_on_the_first_two() {
    let Some(chromium) = browser::required("Chromium", browser::chromium()) else {
        return;
    };
    let (dir, name) = copy_outside_git(&heidebeek());
    let written: Run = continuity()
        .args([
            "report", "--plan", &name, "--format", "pdf", "--today", TODAY,
        ])
        .current_dir(dir.path())
        .env("CONTINUITY_CHROMIUM", &chromium)
        .output()
        .expect("continuity runs")
        .into();
    written.assert_no_panic();
    expect_code(&written, 0);
    assert!(
        written.stdout.starts_with("wrote heidebeek-report.pdf"),
        "{}",
        written.stdout
    );
    let path = dir.path().join("heidebeek-report.pdf");
    let document = lopdf::Document::load(&path).expect("a readable PDF");
    let pages = document.get_pages();
    assert!(pages.len() > 10, "{} pages", pages.len());
    let first = document
        .extract_text(&[1, 2])
        .expect("text of pages 1 and 2");
    assert!(first.contains("Crisisteam"), "{first}");
    // The crisis team's table itself, not only its entry in the contents.
    assert!(first.contains("katrien.vandamme@heide"), "{first}");
    // Every page names the classification and the revision.
    let last = u32::try_from(pages.len()).expect("page count");
    let end = document
        .extract_text(&[last])
        .expect("text of the last page");
    assert!(end.contains("INTERNAL"), "{end}");
    assert!(end.contains("inhoud SHA-256"), "{end}");
}
