//! The offline copy as PDF, printed from the HTML report by a local headless Chromium.
//!
//! Why Chromium and not a pure-Rust PDF writer: the pure-Rust routes checked (genpdf 0.2, last
//! released in 2021 on printpdf 0.3; printpdf 0.12, whose HTML layout pulls in the azul layout
//! engine and reads system fonts through fontconfig) would need a font embedded in the binary
//! and a second layout of every section, tables with repeated headers and page breaks included,
//! that drifts from the HTML. Printing the one HTML document keeps a single layout for screen,
//! paper and PDF, renders Dutch accents with the system's fonts, and keeps phone numbers and
//! e-mail addresses clickable in the PDF.
//!
//! Chromium runs without network: the HTML loads nothing (its Content-Security-Policy forbids
//! it) and the flags turn off background networking, component updates and sync. It is found
//! through `CONTINUITY_CHROMIUM`, then `chromium`, `chromium-browser`, `google-chrome` and
//! `google-chrome-stable` on `PATH`; when it is missing the command says what to install and
//! suggests `--format html`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

/// Names tried on `PATH`, in order.
const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long Chromium may take for one report; a plan of a few hundred pages prints in seconds.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Prints `html` to PDF bytes with headless Chromium.
pub fn render(html: &str) -> anyhow::Result<Vec<u8>> {
    let browser = find_chromium()?;
    let work = tempfile::tempdir().context("cannot create a temporary folder for Chromium")?;
    let page = work.path().join("report.html");
    std::fs::write(&page, html).context("cannot write the temporary HTML file")?;
    let out = work.path().join("report.pdf");
    let profile = work.path().join("profile");
    let url = file_url(&page)?;
    let mut print_to = OsString::from("--print-to-pdf=");
    print_to.push(&out);
    let mut user_data = OsString::from("--user-data-dir=");
    user_data.push(&profile);
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            // Root in containers and CI has no user namespace sandbox to use.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--no-pdf-header-footer",
        ])
        .arg(user_data)
        .arg(print_to)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", browser.display()))?;
    let stderr = child.stderr.take();
    // Read stderr on a thread so that a chatty Chromium cannot block on a full pipe.
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{} did not finish printing within {} s",
                browser.display(),
                TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = reader.join().unwrap_or_default();
    let bytes = std::fs::read(&out).ok().filter(|b| b.starts_with(b"%PDF"));
    match bytes {
        Some(bytes) if status.success() => Ok(bytes),
        _ => bail!(
            "{} could not print the report to PDF ({status}){}",
            browser.display(),
            last_lines(&log)
        ),
    }
}

/// The Chromium to use, or an error that says how to get one.
fn find_chromium() -> anyhow::Result<PathBuf> {
    if let Some(explicit) = std::env::var_os("CONTINUITY_CHROMIUM").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&explicit);
        if is_executable(&path) {
            return Ok(path);
        }
        bail!(
            "cannot make a PDF: CONTINUITY_CHROMIUM is set to {}, which is not an executable file\n\
             {HOW_TO}",
            path.display()
        );
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in BROWSERS {
            let candidate = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
            if is_executable(&candidate) {
                return Ok(candidate);
            }
        }
    }
    bail!(
        "cannot make a PDF: Chromium is not installed (looked for {} on PATH)\n{HOW_TO}",
        BROWSERS.join(", ")
    )
}

const HOW_TO: &str = "  install Chromium (Debian and Ubuntu: `apt-get install chromium`) or set CONTINUITY_CHROMIUM to a Chromium or Chrome binary;\n  \
     or write the HTML report with `--format html` and print it to PDF from any browser";

fn is_executable(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        metadata.is_file() && metadata.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        metadata.is_file()
    }
}

/// A `file://` URL for an absolute path, percent-encoding everything but safe characters.
fn file_url(path: &Path) -> anyhow::Result<String> {
    let absolute = std::path::absolute(path).context("cannot resolve the temporary file path")?;
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~:".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    Ok(url)
}

/// The end of Chromium's error output, to explain a failure (it is chatty when it works).
fn last_lines(log: &str) -> String {
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    let start = lines.len().saturating_sub(5);
    format!(":\n{}", lines[start..].join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        let url = file_url(Path::new("/tmp/a b/ë.html")).expect("url");
        assert_eq!(url, "file:///tmp/a%20b/%C3%AB.html");
    }
}
