// Starts the viewer, and shows a readable message instead of a blank page when it cannot start
// or stops: an old browser, a host that does not serve the files, an internal error.
import init from './continuity-viewer.js?v=c35fc8c13a';

const WASM = new URL('continuity-viewer_bg.wasm?v=ab5ee8aca5', import.meta.url);

function banner(nl, en, detail) {
  let box = document.getElementById('viewer-stopped');
  if (!box) {
    box = document.createElement('div');
    box.id = 'viewer-stopped';
    box.className = 'error-banner';
    box.setAttribute('role', 'alert');
    document.body.prepend(box);
  }
  box.replaceChildren();
  const p = document.createElement('p');
  p.textContent = nl;
  const q = document.createElement('p');
  q.lang = 'en';
  q.textContent = en;
  box.append(p, q);
  if (detail) {
    const code = document.createElement('code');
    code.textContent = String(detail);
    box.append(code);
  }
}

let started = false;
window.addEventListener('error', (event) => {
  banner(
    'De viewer is gestopt door een interne fout. Herlaad de pagina.',
    'The viewer stopped because of an internal error. Reload the page.',
    event.message,
  );
});

init({ module_or_path: WASM })
  .then(() => { started = true; })
  .catch((error) => {
    if (started) return;
    const boot = document.getElementById('boot');
    if (boot) boot.remove();
    banner(
      'De viewer kon niet starten. Open de site via een webserver in een recente browser.',
      'The viewer could not start. Open the site through a web server in a recent browser.',
      error,
    );
  });
