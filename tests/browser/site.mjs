// Opens sites exported by `continuity site` in headless Chromium, each served by Node's `http`
// module on 127.0.0.1 under the sub-path /project/plan/ (everything else answers 404), and
// prints what the viewer showed as JSON for tests/tests/site_browser.rs to check: the restart
// order, history → revision → diff, the language switch across reloads, deep links, a
// scenario's checklist across a reload and the recorded findings, a hostile plan, missing and
// corrupt data (and a missing findings file, which leaves the plan readable), every page
// reachable from the overview, tables on a phone's width, axe-core's accessibility checks, and
// the time to the painted overview. Every request the server
// saw and every request the browser made is recorded; requests to any other host are aborted.
//
// Usage: node site.mjs CONFIG.json
// CONFIG names Chromium, the site folders and what the scenarios look for (see site_browser.rs).
// A scenario that throws records its error and the page's text; the script exits 0 unless it
// cannot run at all, so that the Rust test reports every scenario.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const SUB_PATH = '/project/plan/';
const TIMEOUT = 30_000;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

const [, , configPath] = process.argv;
if (!configPath) {
  console.error('usage: node site.mjs CONFIG.json');
  process.exit(2);
}
const config = JSON.parse(await readFile(configPath, 'utf8'));

const result = {
  chromium: null,
  origins: {},
  // Every request each server received, as `METHOD path`.
  serverRequests: {},
  // Every request the browser made, by URL, in every scenario.
  browserRequests: [],
  // Requests to anything but our servers, aborted.
  blocked: [],
  scenarios: {},
};

/** Serves `root` under SUB_PATH on 127.0.0.1 and a free port; records every request. */
function serve(name, root) {
  const log = (result.serverRequests[name] = []);
  const base = path.resolve(root);
  const server = http.createServer(async (request, response) => {
    log.push(`${request.method} ${request.url}`);
    const url = new URL(request.url, 'http://127.0.0.1');
    const notFound = () => {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    if (!url.pathname.startsWith(SUB_PATH)) return notFound();
    let relative;
    try {
      relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length));
    } catch {
      return notFound();
    }
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = path.resolve(base, relative);
    if (!file.startsWith(base + path.sep)) return notFound();
    let body;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      result.origins[name] = origin;
      resolve({ server, url: origin + SUB_PATH });
    });
  });
}

const servers = {};
for (const [name, root] of Object.entries(config.sites)) {
  servers[name] = await serve(name, root);
}
const ours = new Set(Object.values(result.origins));

const browser = await chromium.launch({
  executablePath: config.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
result.chromium = browser.version();

/** A fresh browser context (no cache, no storage) that records into `record`. */
async function newContext(record, options = {}) {
  const context = await browser.newContext({
    locale: 'nl-BE',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(TIMEOUT);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let origin = null;
    try {
      origin = new URL(url).origin;
    } catch {
      // Not a URL with an origin: blocked below.
    }
    if (ours.has(origin)) return route.continue();
    result.blocked.push(url);
    record.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.exposeBinding('__continuityCsp', (_source, violation) => record.csp.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__continuityCsp(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
    // When the restart-order table first has rows, and the frame after that (painted).
    window.__continuityTimes = {};
    const observer = new MutationObserver(() => {
      if (document.querySelector('table.services tbody tr')) {
        observer.disconnect();
        window.__continuityTimes.overviewInDom = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => {
            window.__continuityTimes.overviewPainted = performance.now();
          }, 0),
        );
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  context.on('page', (page) => {
    page.on('request', (request) => {
      result.browserRequests.push(request.url());
      record.requests.push(request.url());
    });
    page.on('requestfailed', (request) =>
      record.failed.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) record.failed.push(`${response.url()}: HTTP ${response.status()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') record.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  });
  return context;
}

/** Runs one scenario in its own context; its observations, or its error, go to the result. */
async function scenario(name, run, options = {}) {
  const record = {
    error: null,
    requests: [],
    failed: [],
    blocked: [],
    consoleErrors: [],
    pageErrors: [],
    csp: [],
  };
  result.scenarios[name] = record;
  const context = await newContext(record, options);
  try {
    Object.assign(record, await run(context));
  } catch (error) {
    // Without the terminal colours of Playwright's call log.
    record.error = String(error?.stack ?? error).replace(/\x1b\[[0-9;]*m/g, '');
    const page = context.pages().at(-1);
    if (page) {
      record.errorUrl = page.url();
      record.errorPageText = await page
        .evaluate(() => document.body?.innerText.slice(0, 2000) ?? '')
        .catch((e) => `(no text: ${e})`);
    }
  } finally {
    await context.close();
  }
}

/** A new page at `url`. */
async function open(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const text = (element) => element?.textContent.replace(/\s+/g, ' ').trim() ?? null;

/** The rows of the diff tables on the page. */
function changes(page, scope) {
  return page.$$eval(`${scope} table.diff tbody tr`, (rows) =>
    rows.map((row) => {
      const cells = [...row.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
      return {
        subject: cells[0],
        field: cells[1],
        old: row.querySelector('del')?.textContent ?? null,
        new: row.querySelector('ins')?.textContent ?? null,
        impacts: cells[3],
      };
    }),
  );
}

/** What the overview's restart-order table shows. */
function restartOrder(page) {
  return page.$$eval('table.services tbody tr', (rows) =>
    rows.map((row) => ({
      priority: row.querySelector('td.num')?.textContent.trim() ?? null,
      name: row.querySelector('th')?.textContent.trim() ?? null,
      href: row.querySelector('th a')?.getAttribute('href') ?? null,
      rto: row.querySelector('td.rto')?.textContent.trim() ?? null,
    })),
  );
}

const main = servers.main.url;

// 1. The overview lists the services in restart order.
await scenario('overview', async (context) => {
  const page = await open(context, `${main}#/`);
  await page.waitForSelector('table.services tbody tr');
  return {
    heading: await page.$eval('main h1', text),
    rows: await restartOrder(page),
  };
});

// 2. History → the revision (with its diff) → the compare page, as a visitor clicks through.
await scenario('history', async (context) => {
  const { message } = config.rtoChange;
  const page = await open(context, `${main}#/history`);
  await page.waitForSelector('table.history tbody tr');
  const history = await page.$$eval('table.history tbody tr', (rows) =>
    rows.map((row) => row.cells[2]?.textContent.trim() ?? ''),
  );
  await page.locator('table.history a', { hasText: message }).first().click();
  await page.waitForSelector('.revision-page section[aria-labelledby="changes"] table.diff');
  const revision = {
    hash: await page.evaluate(() => location.hash),
    id: await page.$eval('.revision-page h1 code', text),
    title: await page.$eval('.revision-page .message-title', text),
    changes: await changes(page, '.revision-page'),
  };
  // The compare page from the navigation, then the two revisions chosen in its pickers.
  await page.locator('nav.site-nav a[href="#/diff"]').click();
  await page.waitForSelector('main form.pickers');
  const pick = async (select, id, hash) => {
    await page.selectOption(select, id);
    await page.waitForFunction((h) => location.hash === h, hash);
    // Let the viewer render the new route before the next choice.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  };
  const current = await page.$eval('#diff-to', (select) => select.value);
  await pick('#diff-from', config.rtoChange.from, `#/diff/${config.rtoChange.from}/${current}`);
  const wanted = `#/diff/${config.rtoChange.from}/${config.rtoChange.to}`;
  await pick('#diff-to', config.rtoChange.to, wanted);
  // Rendered for the chosen pair (the pickers show it) and loaded.
  await page.waitForFunction(
    ({ from, to }) =>
      document.querySelector('#diff-from')?.value === from &&
      document.querySelector('#diff-to')?.value === to &&
      !document.querySelector('main .loading') &&
      document.querySelector('main .diff-view table.diff, main .no-changes'),
    config.rtoChange,
  );
  const diff = {
    hash: await page.evaluate(() => location.hash),
    from: await page.$eval('#diff-from', (select) => select.value),
    to: await page.$eval('#diff-to', (select) => select.value),
    changes: await changes(page, 'main:has(form.pickers)'),
  };
  return { history, revision, diff };
});

// 3. English and back, each choice kept across a reload.
await scenario('language', async (context) => {
  const page = await open(context, `${main}#/`);
  const state = async (step) => {
    await page.waitForSelector('table.services tbody tr');
    return {
      step,
      lang: await page.evaluate(() => document.documentElement.lang),
      nav: await page.$eval('nav.site-nav a', text),
      restartOrder: await page.$eval('#restart-order', text),
      pressed: await page.$eval('.lang-switch button[aria-pressed="true"]', text),
      stored: await page.evaluate(() => localStorage.getItem('continuity:lang')),
    };
  };
  const choose = async (code) => {
    await page.click(`.lang-switch button[lang="${code}"]`);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
  };
  const states = [await state('first visit')];
  await choose('en');
  states.push(await state('English chosen'));
  await page.reload();
  states.push(await state('English, reloaded'));
  await choose('nl');
  states.push(await state('Dutch chosen'));
  await page.reload();
  states.push(await state('Dutch, reloaded'));
  return { states };
});

// 5. Deep links opened directly, not reached by clicking.
await scenario('deepLinks', async (context) => {
  const pages = [];
  for (const route of config.deepLinks) {
    const page = await open(context, `${main}${route}`);
    await page.waitForSelector('main h1 .kind');
    await page.waitForSelector('main span.rto');
    pages.push({
      route,
      url: page.url(),
      heading: await page.$eval('main h1', text),
      rto: await page.$eval('main span.rto', text),
      timeTravel: await page.$$eval('aside.time-travel', (a) => a.length > 0),
      currentNav: await page.$eval('nav.site-nav a[aria-current="page"]', text),
    });
    await page.close();
  }
  return { pages };
});

// 6. A scenario's checklist: a tick survives a reload (kept in this browser only), and the
// findings page shows what the exporter recorded, as of the export's date.
await scenario('checklist', async (context) => {
  const { scenario: id, step } = config.checklist;
  const page = await open(context, `${main}#/scenarios/${id}`);
  const box = `#tick-${step}`;
  await page.waitForSelector(box);
  const read = async () => ({
    checked: await page.isChecked(box),
    status: await page.$eval('.checklist-status', text),
    stored: await page.evaluate(
      () => Object.keys(localStorage).filter((k) => k.startsWith('continuity:tick:')),
    ),
  });
  const before = await read();
  await page.check(box);
  await page.waitForSelector(`li.step.done ${box}`);
  const ticked = await read();
  await page.reload();
  await page.waitForSelector(box);
  const reloaded = await read();
  await page.click('.checklist-note button.reset');
  await page.waitForFunction((b) => !document.querySelector(b).checked, box);
  const reset = await read();

  await page.goto(`${main}#/findings`);
  await page.waitForSelector('main p.as-of');
  const findings = {
    asOf: await page.$eval('main p.as-of strong', text),
    items: await page.$$eval('ul.findings li', (items) =>
      items.map((li) => ({
        code: li.querySelector('code.code')?.textContent ?? null,
        subject: li.querySelector('.subject')?.getAttribute('href') ?? null,
      })),
    ),
  };
  return { before, ticked, reloaded, reset, findings };
});

// 4. A hostile plan: markup, script links and a 1,000,000-character text stay inert text.
await scenario('hostile', async (context) => {
  const pages = [];
  const routes = config.hostile.routes;
  for (const route of routes) {
    const page = await open(context, `${servers.hostile.url}${route}`);
    await page.waitForFunction(
      () => document.querySelector('#main h1') && !document.querySelector('#main .loading'),
    );
    pages.push(
      await page.evaluate(
        ({ route, needles }) => {
          const links = [...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href'));
          const body = document.body.innerText;
          return {
            route,
            pwned: typeof window.__pwned,
            heading: document.querySelector('#main h1').textContent.trim().slice(0, 200),
            javascriptLinks: links.filter((h) => /^\s*javascript:/i.test(h)),
            webLinks: links.filter((h) => /^https?:/i.test(h)),
            javascriptSelector: document.querySelectorAll('a[href^="javascript:"]').length,
            scripts: [...document.scripts].map((s) => s.getAttribute('src')),
            embeds: document.querySelectorAll('img, iframe, object, embed, frame').length,
            eventAttributes: [...document.querySelectorAll('*')].flatMap((e) =>
              [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
            ),
            shown: needles.filter((n) => body.includes(n)),
            mainTextLength: document.getElementById('main').innerText.length,
            longestText: Math.max(0, ...[...document.querySelectorAll('#main *')].map((e) =>
              e.children.length === 0 ? e.textContent.length : 0,
            )),
          };
        },
        { route, needles: config.hostile.needles },
      ),
    );
    await page.close();
  }
  return { pages };
});

// 6. Missing or corrupt data: a visible error, not a blank page.
await scenario('broken', async (context) => {
  const pages = [];
  for (const name of config.broken) {
    const page = await open(context, `${servers[name].url}#/`);
    await page.waitForSelector('.error-box, #viewer-stopped');
    pages.push({
      site: name,
      ...(await page.evaluate(() => {
        const box = document.querySelector('.error-box, #viewer-stopped');
        return {
          kind: box.className,
          title: box.querySelector('h1')?.textContent.trim() ?? null,
          detail: box.querySelector('.error-detail')?.textContent.trim() ?? null,
          text: box.innerText.replace(/\s+/g, ' ').trim(),
          visible: box.getBoundingClientRect().height > 0 && getComputedStyle(box).visibility !== 'hidden',
          nav: document.querySelectorAll('nav.site-nav a').length,
        };
      })),
    });
    await page.close();
  }
  return { pages };
});

// 6b. The newest revision's findings file missing: the plan is shown all the same, and the
// findings page says which file could not be loaded.
await scenario('missingFindings', async (context) => {
  const site = servers.missingFindings.url;
  const page = await open(context, `${site}#/`);
  await page.waitForSelector('table.services tbody tr');
  const overview = {
    services: await page.$$eval('table.services tbody tr', (rows) => rows.length),
    findings: await page.$eval('p.findings-count', text),
  };
  await page.goto(`${site}#/findings`);
  await page.waitForSelector('.error-box');
  return {
    overview,
    detail: await page.$eval('.error-box .error-detail', text),
  };
});

// 8. Every page of the current plan reachable by links from the overview (time travel and
// comparisons aside, which render the same pages for other revisions): each shows a heading
// and no error box, and no page throws (the context records page errors).
await scenario('crawl', async (context) => {
  const page = await open(context, `${main}#/`);
  const seen = new Set(['#/']);
  const queue = ['#/'];
  const visited = [];
  const failures = [];
  while (queue.length > 0 && visited.length < config.crawlLimit) {
    const route = queue.shift();
    await page.evaluate((r) => {
      location.hash = r;
    }, route);
    try {
      await page.waitForFunction(
        (r) =>
          location.hash === r &&
          document.querySelector('#main h1') &&
          !document.querySelector('#main .loading'),
        route,
        { timeout: 10_000 },
      );
    } catch {
      failures.push({ route, problem: 'no heading', text: (await page.innerText('body')).slice(0, 300) });
      continue;
    }
    visited.push(route);
    const errorBox = await page.$eval('#main', (m) => m.querySelector('.error-box')?.innerText ?? null);
    if (errorBox) failures.push({ route, problem: 'error box', text: errorBox.slice(0, 300) });
    const links = await page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
    for (const link of links) {
      const target = link.split('?')[0];
      if (target.startsWith('#/at/') || target.startsWith('#/diff/')) continue;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { visited, left: queue.length, failures };
});

// 9. On a phone's width (390 px): a table wider than the screen scrolls sideways inside the page,
// and its words stay whole (column headings on one line, no word of a cell split across lines);
// labels of fields sit above their values (a scenario's checklist).
await scenario('phone', async (context) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const pages = {};
  const routes = ['#/', '#/services', '#/team', '#/systems', '#/suppliers'];
  routes.push(`#/scenarios/${config.checklist.scenario}`);
  for (const route of routes) {
    await page.goto(`${main}${route}`);
    await page.waitForSelector('#main h1');
    await page.waitForFunction(() => !document.querySelector('#main .loading'));
    pages[route] = await page.evaluate(() => {
      /** The line boxes a range of text spans. */
      const lines = (range) => new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      const tables = [...document.querySelectorAll('#main table')];
      const headings = tables.flatMap((t) =>
        [...t.querySelectorAll('thead th')]
          .map((th) => {
            const range = document.createRange();
            range.selectNodeContents(th);
            return { text: th.textContent.trim(), lines: lines(range) };
          })
          .filter((h) => h.text !== ''),
      );
      const broken = [];
      for (const cell of tables.flatMap((t) => [...t.querySelectorAll('tbody th, tbody td')])) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Words as people write them, split where a line may break anyway (a hyphen, a
          // slash); a token longer than a column is allowed to break.
          for (const match of node.data.matchAll(/[^\s,/\u2013\u2014-]+/g)) {
            if (match[0].length > 16) continue;
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (lines(range) > 1) broken.push(match[0]);
          }
        }
      }
      // Each label of a list of fields above its value, not beside it.
      const besideLabels = [...document.querySelectorAll('#main dl.fields dt')]
        .filter((dt) => {
          const dd = dt.nextElementSibling;
          return dd && dd.getBoundingClientRect().top < dt.getBoundingClientRect().bottom - 1;
        })
        .map((dt) => dt.textContent.trim());
      return {
        besideLabels,
        pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth + 1,
        tablesScrolling: tables.filter((t) => t.scrollWidth > t.clientWidth + 1).length,
        headings: headings.filter((h) => h.lines !== 1),
        broken: [...new Set(broken)].slice(0, 20),
      };
    });
  }
  return { pages };
});

// 10. Accessibility: axe-core's checks (WCAG 2.1 A and AA and best practices) on a page of each
// kind, both languages' pages share their markup. axe runs as an injected script, which the
// site's Content-Security-Policy rightly forbids: this context alone bypasses it.
const axeSource = await readFile(
  path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules/axe-core/axe.min.js'),
  'utf8',
);
await scenario(
  'accessibility',
  async (context) => {
    const page = await context.newPage();
    const routes = [
      '#/',
      '#/team',
      '#/services',
      `#/services/${config.accessibility.service}`,
      '#/systems',
      '#/suppliers',
      '#/locations',
      '#/scenarios',
      `#/scenarios/${config.checklist.scenario}`,
      '#/risks',
      '#/communication',
      '#/exercises',
      '#/actions',
      '#/distribution',
      '#/findings',
      '#/history',
      `#/revisions/${config.rtoChange.to}`,
      `#/diff/${config.rtoChange.from}/${config.rtoChange.to}`,
      `#/at/${config.rtoChange.from}/services`,
    ];
    const violations = [];
    for (const route of routes) {
      await page.goto(`${main}${route}`);
      await page.waitForSelector('#main h1');
      await page.waitForFunction(() => !document.querySelector('#main .loading'));
      await page.evaluate(axeSource);
      const found = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          why: v.nodes[0]?.failureSummary ?? '',
        }));
      });
      for (const v of found) violations.push({ route, ...v });
    }
    return { checked: routes.length, violations };
  },
  { bypassCSP: true },
);

// 7. Time from navigation start to the painted overview, each run in a fresh context (cold cache).
const runs = [];
for (let i = 0; i < config.timingRuns; i++) {
  await scenario(`timing${i + 1}`, async (context) => {
    const page = await open(context, `${main}#/`);
    await page.waitForFunction(() => window.__continuityTimes.overviewPainted !== undefined);
    const times = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.includes('.wasm'));
      return {
        overviewInDom: window.__continuityTimes.overviewInDom,
        overviewPainted: window.__continuityTimes.overviewPainted,
        firstContentfulPaint:
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        loadEvent: navigation?.loadEventEnd ?? null,
        wasmLoaded: wasm?.responseEnd ?? null,
      };
    });
    runs.push(times);
    return { times };
  });
}
const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
result.timing = {
  runs,
  medianOverviewPaintedMs: median(runs.map((r) => r.overviewPainted)),
  medianOverviewInDomMs: median(runs.map((r) => r.overviewInDom)),
  medianFirstContentfulPaintMs: median(runs.map((r) => r.firstContentfulPaint)),
};

await browser.close();
for (const { server } of Object.values(servers)) server.close();
console.log(JSON.stringify(result));
