//! The built viewer, embedded in the binary so that plan authors need no WebAssembly toolchain.
//!
//! `cargo xtask build-viewer` writes these files into `cli/assets/viewer/`; they are committed,
//! and CI rebuilds them and fails when they differ (`git diff --exit-code cli/assets/viewer`).

/// The viewer's files, by path relative to the site's root.
pub static FILES: &[(&str, &[u8])] = &[
    (
        "index.html",
        include_bytes!("../../assets/viewer/index.html"),
    ),
    (
        "assets/boot.js",
        include_bytes!("../../assets/viewer/assets/boot.js"),
    ),
    (
        "assets/style.css",
        include_bytes!("../../assets/viewer/assets/style.css"),
    ),
    (
        "assets/icon.svg",
        include_bytes!("../../assets/viewer/assets/icon.svg"),
    ),
    (
        "assets/continuity-viewer.js",
        include_bytes!("../../assets/viewer/assets/continuity-viewer.js"),
    ),
    (
        "assets/continuity-viewer_bg.wasm",
        include_bytes!("../../assets/viewer/assets/continuity-viewer_bg.wasm"),
    ),
];
