// Times the viewer on a long history, for BENCHMARKS.md (not a test: it asserts nothing):
// from navigation to the history page painted, filtering it by author, time travel to the
// revision that takes the most diffs to rebuild from its snapshot, and the diff between the
// oldest revision and that one. Each is measured in a fresh browser context, several times;
// the medians are printed as JSON.
//
// Usage: node history-timing.mjs SITE_DIR CHROMIUM [RUNS]
// The site is served by Node's `http` module on 127.0.0.1 under /project/plan/.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const SUB_PATH = '/project/plan/';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

const [, , siteDir, chromiumPath, runsArg] = process.argv;
if (!siteDir || !chromiumPath) {
  console.error('usage: node history-timing.mjs SITE_DIR CHROMIUM [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const base = path.resolve(siteDir);

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  let relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length));
  if (!url.pathname.startsWith(SUB_PATH)) relative = '\0';
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const file = path.resolve(base, relative);
  try {
    if (!file.startsWith(base + path.sep)) throw new Error('outside');
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const site = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;

const siteJson = JSON.parse(await readFile(path.join(base, 'data', 'site.json'), 'utf8'));
const index = JSON.parse(await readFile(path.join(base, 'data', siteJson.index), 'utf8'));
const short = (id) => id.slice(0, 12);
const newest = short(index[0].id);
const oldest = short(index[index.length - 1].id);
// The revision whose plan takes the most diffs to rebuild: the farthest (newer) from the
// snapshot its chunk starts at.
let deepest = { at: 0, diffs: 0 };
let snapshot = null;
for (let i = index.length - 1; i >= 0; i--) {
  const load = index[i].load ?? '';
  if (load.startsWith('snapshots/')) snapshot = i;
  else if (load.startsWith('chunks/') && snapshot !== null && snapshot - i > deepest.diffs) {
    deepest = { at: i, diffs: snapshot - i };
  }
}
const deep = short(index[deepest.at].id);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Milliseconds from now until `selector` matches, plus the frame that paints it. */
const untilPainted = (page, selector, start) =>
  page.evaluate(
    ([selector, start]) =>
      new Promise((resolve) => {
        const from = start ?? performance.now();
        const done = () =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from), 0));
        if (document.querySelector(selector)) return done();
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
    [selector, start],
  );

/** Changes the hash and measures until `selector` (absent before) is painted. */
async function navigate(page, hash, selector) {
  const start = await page.evaluate((hash) => {
    const start = performance.now();
    location.hash = hash;
    return start;
  }, hash);
  return untilPainted(page, selector, start);
}

const samples = { history: [], filter: [], timeTravel: [], diff: [] };
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${site}#/history`);
  // From navigation start (performance.now() counts from it).
  samples.history.push(await untilPainted(page, 'table.history tbody tr', 0));

  const firstRow = await page.textContent('table.history tbody tr');
  const start = await page.evaluate(() => {
    const select = document.querySelector('#filter-author');
    select.selectedIndex = select.options.length - 1;
    const start = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return start;
  });
  samples.filter.push(
    await page.evaluate(
      ([start, before]) =>
        new Promise((resolve) => {
          const check = () => {
            const row = document.querySelector('table.history tbody tr');
            if (row && row.textContent !== before) {
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
            } else {
              requestAnimationFrame(check);
            }
          };
          check();
        }),
      [start, firstRow],
    ),
  );

  samples.timeTravel.push(
    await navigate(page, `#/at/${deep}/services`, 'table.services tbody tr'),
  );
  samples.diff.push(await navigate(page, `#/diff/${oldest}/${deep}`, '.diff-view'));
  await context.close();
}
await browser.close();
server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor((sorted.length - 1) / 2)]);
};
console.log(
  JSON.stringify({
    chromium: browser.version(),
    revisions: index.length,
    deepestDiffs: deepest.diffs,
    runs,
    medianMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    samplesMs: Object.fromEntries(
      Object.entries(samples).map(([k, v]) => [k, v.map((x) => Math.round(x))]),
    ),
  }),
);
