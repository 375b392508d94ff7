//! A tiny static file server on 127.0.0.1 for previewing an exported site.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, anyhow};

/// Serves `dir` until the process is interrupted; prints the address first.
pub fn serve(dir: &Path, port: u16) -> anyhow::Result<()> {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|err| anyhow!("cannot listen on 127.0.0.1:{port}: {err}"))?;
    let address = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?;
    crate::print(&format!(
        "serving {} at http://{address}/ (press Ctrl+C to stop)\n",
        dir.display()
    ))?;
    for request in server.incoming_requests() {
        let response = match resolve(dir, request.url()) {
            Some(path) => match std::fs::read(&path) {
                Ok(bytes) => {
                    let response = tiny_http::Response::from_data(bytes);
                    match content_type(&path) {
                        Some(header) => response.with_header(header),
                        None => response,
                    }
                }
                Err(_) => not_found(),
            },
            None => not_found(),
        };
        // A client that went away is not the server's problem.
        let _ = request.respond(response);
    }
    Ok(())
}

fn not_found() -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string("not found").with_status_code(404)
}

/// The file a URL names inside `dir`, refusing anything that would leave it.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = dir.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> Option<tiny_http::Header> {
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    tiny_http::Header::from_bytes(&b"Content-Type"[..], kind.as_bytes()).ok()
}
