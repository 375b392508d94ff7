//! Bad input never panics: each case gets a clear message naming file:line:column and the
//! documented exit code (0 no errors, 1 the plan has errors, including not JSON, not UTF-8 or
//! too large; 2 the tool could not do its job).

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use continuity_tests::{FIXTURE_TODAY, Run, binary, continuity, fixture, run_in, validate_json};

/// Writes `bytes` as `plan.json` in a fresh directory and validates it (human output).
fn validate_bytes(bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("plan.json"), bytes).expect("write plan");
    let run = run_in(
        dir.path(),
        &["validate", "--today", FIXTURE_TODAY, "plan.json"],
    );
    run.assert_no_panic();
    run
}

/// `bytes` are refused with exit 1 and an error `code` at `at` (`line:column`) whose message
/// contains `message`.
fn check(bytes: impl AsRef<[u8]>, code: &str, at: &str, message: &str) -> Run {
    let run = validate_bytes(bytes.as_ref());
    assert_eq!(run.code, 1, "exit code\n{}{}", run.stdout, run.stderr);
    assert_eq!(run.stderr, "", "nothing goes to stderr for an invalid plan");
    let heading = format!("error[{code}]: ");
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with(&heading))
        .unwrap_or_else(|| panic!("no {heading}in\n{}", run.stdout));
    assert!(line.contains(message), "`{message}` not in `{line}`");
    let position = position_after(&run, &heading);
    // `at` ending in `:` names the line only; an empty `at` is checked by the caller.
    let matches = if at.is_empty() || at.ends_with(':') {
        position.starts_with(at)
    } else {
        position == at
    };
    assert!(
        matches,
        "position plan.json:{position}, expected {at}, in\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("plan.json: invalid ("),
        "{}",
        run.stdout
    );
    run
}

/// The `line:column` of the first finding headed `heading` in a human report on `plan.json`.
fn position_after(run: &Run, heading: &str) -> String {
    let arrow = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with(heading))
        .find_map(|l| l.trim_start().strip_prefix("--> plan.json:"))
        .unwrap_or_else(|| panic!("no position after {heading} in\n{}", run.stdout));
    arrow.split(' ').next().unwrap_or_default().to_owned()
}

/// The `line:column` of the first finding of a human report on `plan.json`.
fn position(run: &Run) -> String {
    let arrow = run
        .stdout
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> plan.json:"))
        .unwrap_or_else(|| panic!("no position in\n{}", run.stdout));
    arrow.split(' ').next().unwrap_or_default().to_owned()
}

/// Like [`check`], and the hint says `hint`.
fn check_hint(bytes: impl AsRef<[u8]>, code: &str, at: &str, message: &str, hint: &str) {
    let run = check(bytes, code, at, message);
    assert!(
        run.stdout.contains(&format!("= hint: {hint}")),
        "hint `{hint}` missing in\n{}",
        run.stdout
    );
}

fn base() -> String {
    fs::read_to_string(fixture("rules/base.json")).expect("base plan")
}

/// The base plan with `from` replaced by `to` (exactly once).
fn base_with(from: &str, to: &str) -> String {
    let text = base();
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur once in base.json"
    );
    text.replacen(from, to, 1)
}

// --- Malformed JSON --------------------------------------------------------------------------

#[test]
fn missing_comma() {
    check_hint(
        "{\n  \"a\": 1\n  \"b\": 2\n}\n",
        "invalid-json",
        "3:3",
        "expected `,` or `}`",
        "look for a missing comma",
    );
}

#[test]
fn missing_comma_in_a_plan() {
    let text = base_with(
        "\"version\": \"2026.1\",\n    \"language\"",
        "\"version\": \"2026.1\"\n    \"language\"",
    );
    check(text, "invalid-json", "10:5", "expected `,` or `}`");
}

#[test]
fn trailing_comma() {
    check("{\"a\": 1,}", "invalid-json", "1:9", "trailing comma");
}

#[test]
fn truncated_file() {
    check_hint(
        "{\"a\": [1, 2",
        "invalid-json",
        "1:11",
        "EOF while parsing a list",
        "the file ends too early",
    );
    check(
        "{\"a\": \"x",
        "invalid-json",
        "1:8",
        "EOF while parsing a string",
    );
}

#[test]
fn truncated_plan() {
    let text = base();
    let cut = &text[..text.len() / 2];
    let run = check(
        cut,
        "invalid-json",
        &format!("{}:", cut.lines().count()),
        "EOF while parsing",
    );
    assert!(
        run.stdout.contains("the file ends too early"),
        "{}",
        run.stdout
    );
}

#[test]
fn unquoted_and_single_quoted_keys() {
    check("{a: 1}", "invalid-json", "1:2", "key must be a string");
    check("{'a': 1}", "invalid-json", "1:2", "key must be a string");
}

#[test]
fn comments_nan_and_bad_numbers() {
    check("// plan\n{}", "invalid-json", "1:1", "expected value");
    check("{\"a\": NaN}", "invalid-json", "1:7", "expected value");
    check("{\"a\": 01}", "invalid-json", "1:8", "invalid number");
    check(
        "{\"a\": 1e999}",
        "invalid-json",
        "1:11",
        "number out of range",
    );
}

#[test]
fn control_character_in_a_string() {
    check(
        "{\"a\": \"x\ty\"}",
        "invalid-json",
        "1:9",
        "control character",
    );
}

#[test]
fn trailing_characters_and_stray_brace() {
    check("{} x", "invalid-json", "1:4", "trailing characters");
    check("}", "invalid-json", "1:1", "expected value");
}

#[test]
fn syntax_error_columns_count_characters_not_bytes() {
    check(
        "{\"naam\": \"Zoë\" \"x\": 1}",
        "invalid-json",
        "1:16",
        "expected `,` or `}`",
    );
    check(
        "{\"naam\": \"日本語\" \"x\": 1}",
        "invalid-json",
        "1:16",
        "expected `,` or `}`",
    );
}

#[test]
fn windows_line_endings() {
    check(
        "{\r\n  \"a\": 1\r\n  \"b\": 2\r\n}\r\n",
        "invalid-json",
        "3:3",
        "expected `,` or `}`",
    );
}

// --- Encoding --------------------------------------------------------------------------------

#[test]
fn byte_order_mark() {
    check_hint(
        b"\xEF\xBB\xBF{}",
        "byte-order-mark",
        "1:1",
        "byte-order mark (BOM)",
        "save the file as UTF-8 without BOM",
    );
    let mut plan = b"\xEF\xBB\xBF".to_vec();
    plan.extend_from_slice(base().as_bytes());
    check(plan, "byte-order-mark", "1:1", "byte-order mark");
}

#[test]
fn invalid_utf8_latin1_after_multibyte_characters() {
    check_hint(
        b"{\n  \"naam\": \"Zo\xC3\xAB \xE9\"\n}\n",
        "invalid-utf8",
        "2:16",
        "byte 0xE9 at offset 18",
        "save the file as UTF-8 (it may have been saved as Latin-1",
    );
}

#[test]
fn invalid_utf8_first_byte() {
    check(b"\xFF{}", "invalid-utf8", "1:1", "byte 0xFF at offset 0");
}

#[test]
fn invalid_utf8_overlong_and_surrogate_encodings() {
    check(
        b"{\"a\": \"\xC0\xAF\"}",
        "invalid-utf8",
        "1:8",
        "byte 0xC0 at offset 7",
    );
    check(
        b"{\"a\": \"\xED\xA0\x80\"}",
        "invalid-utf8",
        "1:8",
        "byte 0xED at offset 7",
    );
}

#[test]
fn invalid_utf8_in_a_plan() {
    let text = base_with(
        "\"name\": \"Gemeente Heidebeek\"",
        "\"name\": \"Gemeente HEIDEBEEK\"",
    );
    let bytes = text.replacen("HEIDEBEEK", "Heid\u{1}ebeek", 1).into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 1 { 0x96 } else { b })
        .collect();
    check(bytes, "invalid-utf8", "4:27", "byte 0x96");
}

#[test]
fn invalid_utf8_cut_off_at_the_end() {
    check(
        b"{\"a\": \"\xC3",
        "invalid-utf8",
        "1:8",
        "ends in the middle of a character (offset 7)",
    );
}

// --- Duplicate keys --------------------------------------------------------------------------

#[test]
fn duplicate_key_at_the_top() {
    let run = check(
        "{\n  \"a\": 1,\n  \"a\": 2\n}\n",
        "duplicate-key",
        "3:3",
        "the key `a` appears twice in this object (first at line 2, column 3)",
    );
    assert!(
        run.stdout.contains("--> plan.json:3:3 at /a\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn duplicate_key_nested_in_a_plan() {
    let text = base_with(
        "\"rpo\": \"1d\",",
        "\"rpo\": \"1d\",\n      \"rto\": \"1w\",",
    );
    let run = check(
        text,
        "duplicate-key",
        "84:7",
        "the key `rto` appears twice in this object (first at line 82, column 7)",
    );
    assert!(
        run.stdout.contains("at /services/0/rto\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn duplicate_keys_in_an_array_of_objects_and_several_at_once() {
    let run = check(
        "{\"a\": [{\"k\": 1}, {\"k\": 1, \"k\": 2}], \"b\": 1, \"b\": 2}",
        "duplicate-key",
        "1:27",
        "the key `k`",
    );
    assert!(
        run.stdout.contains("--> plan.json:1:27 at /a/1/k\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> plan.json:1:45 at /b\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("plan.json: invalid (2 errors)"),
        "{}",
        run.stdout
    );
}

#[test]
fn sibling_objects_may_reuse_keys() {
    let run = validate_bytes(b"{\"a\": [{\"k\": 1}, {\"k\": 2}], \"b\": {\"k\": 1}, \"k\": 3}");
    assert!(!run.stdout.contains("duplicate-key"), "{}", run.stdout);
}

#[test]
fn duplicate_key_spelled_with_escapes() {
    check(
        "{\"a\": 1, \"\\u0061\": 2}",
        "duplicate-key",
        "1:10",
        "the key `a` appears twice",
    );
    check(
        "{\"a\": {\"b\\\"c\": 1, \"b\\u0022c\": 2}}",
        "duplicate-key",
        "1:19",
        "the key `b\"c` appears twice",
    );
    let text = base_with(
        "\"scope\": \"All ICT systems of the town hall.\",",
        "\"scope\": \"All ICT systems of the town hall.\",\n    \"sc\\u006fpe\": \"x\",",
    );
    let run = check(
        text,
        "duplicate-key",
        "14:5",
        "the key `scope` appears twice in this object (first at line 13, column 5)",
    );
    assert!(run.stdout.contains("at /plan/scope\n"), "{}", run.stdout);
}

// --- Schema errors ---------------------------------------------------------------------------

#[test]
fn unknown_field_with_a_did_you_mean_hint() {
    let text = base_with("\"function\": \"Director\",", "\"fucntion\": \"Director\",");
    check_hint(
        text,
        "unknown-field",
        "44:7",
        "unknown field `fucntion`",
        "did you mean `function`?",
    );
    let text = base_with("\"kind\": \"municipality\"", "\"knid\": \"municipality\"");
    check_hint(
        text,
        "unknown-field",
        "5:5",
        "unknown field `knid`",
        "did you mean `kind`?",
    );
}

#[test]
fn unknown_top_level_field_with_a_hint() {
    let text = base_with(
        "\"format_version\": 1,",
        "\"format_version\": 1,\n  \"servces\": [],",
    );
    check_hint(
        text,
        "unknown-field",
        "3:3",
        "unknown field `servces`",
        "did you mean `services`?",
    );
}

#[test]
fn unknown_field_without_a_close_match_lists_the_fields() {
    let text = base_with(
        "\"kind\": \"municipality\"",
        "\"kind\": \"municipality\",\n    \"mayor\": \"Jan\"",
    );
    check_hint(
        text,
        "unknown-field",
        "6:5",
        "unknown field `mayor`",
        "the fields here are `name`, `kind`, `address`",
    );
}

#[test]
fn missing_field() {
    let text = base_with(
        "\"approved_by\": \"College\"",
        "\"reference\": \"B-2026-12\"",
    );
    check_hint(
        text,
        "missing-field",
        "18:7",
        "missing field `approved_by`",
        "add `approved_by`",
    );
}

/// The base plan with `url` as the organisation's website (on line 6).
fn with_website(url: &str) -> String {
    let quoted = serde_json::to_string(url).expect("a JSON string");
    base_with(
        "\"kind\": \"municipality\"\n",
        &format!("\"kind\": \"municipality\",\n    \"website\": {quoted}\n"),
    )
}

#[test]
fn web_links_may_hold_accents_but_not_quotes_or_brackets() {
    for ok in [
        "https://www.heidebeek.be/café",
        "https://www.heidebeek.be/a?b=c&d=%20#e",
    ] {
        let run = validate_bytes(with_website(ok).as_bytes());
        assert!(
            !run.stdout.contains("error["),
            "{ok} should be a web link:\n{}",
            run.stdout
        );
    }
    for bad in [
        "https://www.heidebeek.be/a\"b",
        "https://www.heidebeek.be/<b>",
        "https://www.heidebeek.be/{b}",
        "https://www.heidebeek.be/a b",
        "https://www.heidebeek.be/a\u{1}b",
    ] {
        check(
            with_website(bad),
            "invalid-value",
            "6:16",
            "is not a web link: it must start with http:// or https:// and have no spaces, quotes",
        );
    }
}

#[test]
fn wrong_types() {
    check(
        base_with(
            "\"review_interval_months\": 12,",
            "\"review_interval_months\": \"12\",",
        ),
        "wrong-type",
        "15:31",
        "expected an integer, found `12`",
    );
    check_hint(
        base_with("\"last_review\": \"2026-01-15\",", "\"last_review\": null,"),
        "wrong-type",
        "16:20",
        "`null` is not allowed here; expected a string",
        "leave the field out when it has no value",
    );
    check(
        base_with("\"crisis_team\": true,", "\"crisis_team\": \"yes\","),
        "wrong-type",
        "69:22",
        "expected a boolean, found `yes`",
    );
    check(
        "[]",
        "wrong-type",
        "1:1",
        "expected an object, found an array",
    );
}

#[test]
fn invalid_values() {
    check_hint(
        base_with("\"rto\": \"8h\",", "\"rto\": \"8 hours\","),
        "invalid-value",
        "82:14",
        "is not a duration",
        "for example `30m`",
    );
    check(
        base_with(
            "\"last_review\": \"2026-01-15\",",
            "\"last_review\": \"15/01/2026\",",
        ),
        "invalid-value",
        "16:20",
        "is not a date",
    );
    check(
        base_with(
            "\"classification\": \"internal\",",
            "\"classification\": \"secret\",",
        ),
        "invalid-value",
        "11:23",
        "`secret` is not one of",
    );
    check(
        base_with("\"id\": \"server\",", "\"id\": \"Server\","),
        "invalid-value",
        "123:13",
        "is not an id",
    );
}

#[test]
fn unsupported_format_version() {
    check(
        base_with("\"format_version\": 1,", "\"format_version\": 2,"),
        "unsupported-format-version",
        "2:21",
        "this plan uses format version 2",
    );
}

/// BUG: `format_version: 1.0` is the number 1 in JSON, yet it is reported as another format
/// version ("this plan uses format version 1.0; this release of continuity reads version 1").
/// It should be reported like any other integer field written as a float (a wrong type).
#[test]
fn format_version_written_as_a_float_is_not_another_version() {
    let run =
        validate_bytes(base_with("\"format_version\": 1,", "\"format_version\": 1.0,").as_bytes());
    assert_eq!(run.code, 1);
    assert!(
        !run.stdout.contains("unsupported-format-version"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("error[wrong-type]"), "{}", run.stdout);
}

/// BUG: an integer field written as a float passes the JSON Schema and then fails in serde with
/// a message in Rust terms: "invalid type: floating point `12.0`, expected u16".
#[test]
fn integer_written_as_a_float_is_explained_without_rust_types() {
    let run = check(
        base_with(
            "\"review_interval_months\": 12,",
            "\"review_interval_months\": 12.0,",
        ),
        "wrong-type",
        "15:31",
        "12.0",
    );
    assert!(
        !run.stdout.contains("u16"),
        "the message names a Rust type:\n{}",
        run.stdout
    );
    assert!(run.stdout.contains("integer"), "{}", run.stdout);
}

/// BUG (message): `2026-02-30` is written as YYYY-MM-DD, but the message tells the author to
/// "write YYYY-MM-DD"; it should say that the day does not exist (as `--today` does: "is not a
/// calendar date").
#[test]
fn impossible_calendar_date_is_not_blamed_on_its_format() {
    let run = check(
        base_with(
            "\"last_review\": \"2026-01-15\",",
            "\"last_review\": \"2026-02-30\",",
        ),
        "invalid-value",
        "16:20",
        "`2026-02-30`",
    );
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("error[invalid-value]"))
        .unwrap_or_default();
    assert!(!line.contains("write YYYY-MM-DD"), "misleading: {line}");
}

// --- Size and depth --------------------------------------------------------------------------

/// The nesting limit documented by `continuity rules` ("nested more than N levels deep").
fn documented_nesting_limit() -> usize {
    let run = run_in(&fixture("rules"), &["rules"]);
    let (_, rest) = run
        .stdout
        .split_once("nested more than ")
        .expect("the nesting limit is documented");
    rest.split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number of levels")
}

#[test]
fn arrays_nested_100000_deep() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let run = check(text, "nesting-too-deep", "1:", "nested more than");
    assert!(
        run.stdout.contains("a plan nests a few levels deep"),
        "{}",
        run.stdout
    );
}

#[test]
fn objects_nested_100000_deep() {
    let text = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    check(text, "nesting-too-deep", "1:", "nested more than");
}

#[test]
fn objects_nested_100000_deep_on_separate_lines() {
    let text = format!("{}1{}", "{\n\"a\":".repeat(100_000), "}".repeat(100_000));
    let run = check(text, "nesting-too-deep", "", "nested more than");
    // Each level opens at the end of its own line: `"a":{` after the first.
    let limit = documented_nesting_limit();
    let (line, column) = position(&run)
        .split_once(':')
        .map(|(l, c)| (l.parse::<usize>().ok(), c.to_owned()))
        .expect("line:column");
    assert!(
        line.is_some_and(|l| l == limit || l == limit + 1),
        "line {line:?}"
    );
    assert_eq!(column, "5");
}

/// BUG: the limit is documented as "nested more than 128 levels deep", but a document nested
/// exactly 128 levels deep is refused, at its 128th bracket. Either the parser's limit (serde_json
/// stops at 128 including the level that fails, i.e. allows 127) or the documented number is off
/// by one. Nesting exactly at the documented limit must pass this check, one more level must fail
/// at the first bracket past the limit.
#[test]
fn nesting_exactly_at_the_documented_limit_is_accepted() {
    let limit = documented_nesting_limit();
    let at_limit = validate_bytes(format!("{}{}", "[".repeat(limit), "]".repeat(limit)).as_bytes());
    assert!(
        !at_limit.stdout.contains("nesting-too-deep"),
        "{limit} levels are refused:\n{}",
        at_limit.stdout
    );
    check(
        format!("{}{}", "[".repeat(limit + 1), "]".repeat(limit + 1)),
        "nesting-too-deep",
        &format!("1:{}", limit + 1),
        "nested more than",
    );
}

/// Peak memory of a `continuity` run in kilobytes, when `/usr/bin/time -v` is available.
fn peak_memory_kb(dir: &Path, args: &[&str]) -> Option<(Run, u64)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let output = Command::new(time)
        .arg("-v")
        .arg(binary())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    let run = Run::from(output);
    let kb = run
        .stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|n| n.trim().parse().ok())?;
    Some((run, kb))
}

#[test]
fn a_200_mb_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let size: u64 = 200 * 1024 * 1024;
    fs::File::create(dir.path().join("plan.json"))
        .and_then(|f| f.set_len(size))
        .expect("sparse file");
    let run = run_in(dir.path(), &["validate", "plan.json"]);
    run.assert_no_panic();
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("error[file-too-large]: the file is 209715200 bytes; a plan may have at most 67108864 bytes"), "{}", run.stdout);
    assert!(run.stdout.contains("--> plan.json:1:1\n"), "{}", run.stdout);
    assert!(run.stdout.contains("it was not read"), "{}", run.stdout);
    if let Some((timed, kb)) = peak_memory_kb(dir.path(), &["validate", "plan.json"]) {
        assert_eq!(timed.code, 1, "{}", timed.stderr);
        assert!(kb < 48 * 1024, "peak memory {kb} kB: the file was read");
    }
}

#[test]
fn a_file_one_byte_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let max = continuity_schema::load::MAX_PLAN_BYTES;
    fs::File::create(dir.path().join("plan.json"))
        .and_then(|f| f.set_len(max + 1))
        .expect("sparse file");
    let (run, document) = validate_json(dir.path(), &["plan.json"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        continuity_tests::finding_lines(&document),
        ["file-too-large error 1:1"]
    );
}

#[test]
fn a_file_of_exactly_the_limit_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let max = continuity_schema::load::MAX_PLAN_BYTES;
    fs::File::create(dir.path().join("plan.json"))
        .and_then(|f| f.set_len(max))
        .expect("sparse file");
    let (run, document) = validate_json(dir.path(), &["plan.json"]);
    assert_eq!(run.code, 1);
    // Zero bytes are text, but not JSON.
    assert_eq!(
        continuity_tests::finding_lines(&document),
        ["invalid-json error 1:1"]
    );
}

/// BUG (message): standard input is read only up to the limit plus one byte, and the message
/// then claims that "the file is 67108865 bytes" whatever its real size.
#[test]
fn too_large_standard_input_does_not_claim_a_wrong_size() {
    let max = usize::try_from(continuity_schema::load::MAX_PLAN_BYTES).expect("fits");
    let input = vec![b' '; max + 4096];
    let run = run_stdin(&["validate", "--format", "json", "-"], input);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let document = run.json();
    assert_eq!(
        continuity_tests::finding_lines(&document),
        ["file-too-large error 1:1"]
    );
    let message = document["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        !message.contains(&format!("is {} bytes", max + 1)),
        "wrong size claimed: {message}"
    );
}

#[test]
fn empty_and_blank_files() {
    check_hint("", "empty-file", "1:1", "the file is empty", "start from");
    check(" \n\t\r\n", "empty-file", "1:1", "the file is empty");
}

// --- The tool cannot do its job: exit 2 --------------------------------------------------------

/// `args` in a fresh directory end with exit 2 and `message` on stderr, and nothing on stdout.
fn check_exit_2(args: &[&str], message: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("plans.d")).expect("dir");
    fs::write(dir.path().join("plan.json"), base()).expect("plan");
    let run = run_in(dir.path(), args);
    run.assert_no_panic();
    assert_eq!(run.code, 2, "{args:?}\n{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(message),
        "`{message}` not in stderr of {args:?}:\n{}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "{args:?}");
}

#[test]
fn a_directory_as_plan() {
    check_exit_2(
        &["validate", "plans.d"],
        "error: plans.d is a directory, not a plan file",
    );
}

#[test]
fn a_missing_file() {
    check_exit_2(
        &["validate", "missing.json"],
        "error: cannot read missing.json: No such file",
    );
    // The readable file is still reported; the missing one fails the run.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("plan.json"), base()).expect("plan");
    let run = run_in(dir.path(), &["validate", "plan.json", "missing.json"]);
    run.assert_no_panic();
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("cannot read missing.json"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("plan.json: valid"), "{}", run.stdout);
}

#[test]
fn bad_arguments() {
    check_exit_2(
        &["validate", "--frobnicate", "plan.json"],
        "unexpected argument '--frobnicate'",
    );
    check_exit_2(
        &["validate", "--format", "xml", "plan.json"],
        "invalid value 'xml' for '--format <FORMAT>'",
    );
    check_exit_2(
        &["validate", "--deny", "errors", "plan.json"],
        "invalid value 'errors' for '--deny <LEVEL>'",
    );
    check_exit_2(&["frobnicate"], "unrecognized subcommand 'frobnicate'");
    check_exit_2(&[], "Usage: continuity <COMMAND>");
}

#[test]
fn today_is_not_a_date() {
    check_exit_2(
        &["validate", "--today", "tomorrow", "plan.json"],
        "`tomorrow` is not a calendar date",
    );
    check_exit_2(
        &["validate", "--today", "2026-02-30", "plan.json"],
        "`2026-02-30` is not a calendar date",
    );
    check_exit_2(
        &["validate", "--today", "2026-6-1", "plan.json"],
        "invalid value '2026-6-1' for '--today <YYYY-MM-DD>'",
    );
}

#[test]
fn no_plan_given_and_none_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = run_in(dir.path(), &["validate"]);
    run.assert_no_panic();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no plan given, and neither plan.json nor plans/*.json exists here"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_a_plan_argument_every_plans_json_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("plans")).expect("plans/");
    fs::write(dir.path().join("plans/b.json"), "{").expect("b");
    fs::write(dir.path().join("plans/a.json"), base()).expect("a");
    fs::write(dir.path().join("plans/notes.txt"), "not a plan").expect("notes");
    let run = run_in(dir.path(), &["validate", "--today", FIXTURE_TODAY]);
    run.assert_no_panic();
    assert_eq!(run.code, 1);
    let a = run
        .stdout
        .find("plans/a.json: valid")
        .expect("a.json reported");
    let b = run
        .stdout
        .find("plans/b.json: invalid")
        .expect("b.json reported");
    assert!(a < b, "sorted by name:\n{}", run.stdout);
    assert!(!run.stdout.contains("notes.txt"));
}

// --- Standard input and several files ---------------------------------------------------------

fn run_stdin(args: &[&str], input: Vec<u8>) -> Run {
    let mut child = continuity()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // The tool may stop reading early (too large); a closed pipe is fine.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    let run = Run::from(output);
    run.assert_no_panic();
    run
}

#[test]
fn dash_reads_the_plan_from_standard_input() {
    let run = run_stdin(
        &["validate", "--today", FIXTURE_TODAY, "-"],
        base().into_bytes(),
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "<stdin>: valid (no findings)\n"),
        "{}",
        run.stderr
    );
    let run = run_stdin(
        &["validate", "-"],
        b"{\n  \"a\": 1\n  \"b\": 2\n}\n".to_vec(),
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("--> <stdin>:3:3\n"), "{}", run.stdout);
    let run = run_stdin(&["validate", "-"], Vec::new());
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[empty-file]"), "{}", run.stdout);
}

#[test]
fn several_files_with_one_bad() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("good.json"), base()).expect("good");
    fs::write(dir.path().join("bad.json"), "{\"a\": 1,}").expect("bad");
    let run = run_in(
        dir.path(),
        &[
            "validate",
            "--today",
            FIXTURE_TODAY,
            "good.json",
            "bad.json",
        ],
    );
    run.assert_no_panic();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("good.json: valid (no findings)\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--> bad.json:1:9\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("bad.json: invalid (1 error)\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("2 files: 1 error\n"), "{}", run.stdout);

    let (run, document) = validate_json(dir.path(), &["good.json", "bad.json"]);
    assert_eq!(run.code, 1);
    assert_eq!(document["passed"], false);
    assert_eq!(document["files"][0]["path"], "good.json");
    assert_eq!(document["files"][0]["passed"], true);
    assert_eq!(document["files"][1]["path"], "bad.json");
    assert_eq!(document["files"][1]["passed"], false);
    assert_eq!(
        continuity_tests::finding_lines(&document),
        ["invalid-json error 1:9"]
    );
}

/// BUG (message): at most 200 schema errors are reported, and the summary then says
/// "invalid (200 errors)" as if that were all of them; it should say that more were left out.
#[test]
fn schema_errors_past_the_cap_are_not_miscounted() {
    let person = "{\"id\": \"p\", \"name\": \"\", \"function\": \"\"}";
    let people = vec![person; 300].join(",\n    ");
    let text = base_with("\"people\": [", &format!("\"people\": [\n    {people},"));
    let run = validate_bytes(text.as_bytes());
    assert_eq!(run.code, 1);
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(summary.starts_with("plan.json: invalid ("), "{summary}");
    assert!(
        !summary.contains("(200 errors)"),
        "600 errors are summarised as: {summary}"
    );
}
