// Opens an offline HTML report in headless Chromium with every request that is not the file
// itself aborted, as on a laptop with no network, and prints what happened as JSON for
// tests/tests/report.rs to check: requests made, requests that failed, console and page
// errors, what the page shows (the crisis team, phone links, link schemes), and what axe-core's
// accessibility checks find.
//
// Usage: node report-offline.mjs REPORT.html CHROMIUM

import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [, , reportPath, executablePath] = process.argv;
if (!reportPath || !executablePath) {
  console.error('usage: node report-offline.mjs REPORT.html CHROMIUM');
  process.exit(2);
}
const reportUrl = pathToFileURL(reportPath).href;

const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const result = {
  requests: [],
  blocked: [],
  failed: [],
  consoleErrors: [],
  pageErrors: [],
};
try {
  // A phone-sized screen: the copy must work where the crisis team has it.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === reportUrl || url.startsWith(reportUrl + '#')) {
      return route.continue();
    }
    result.blocked.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('request', (request) => result.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    result.failed.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => result.pageErrors.push(String(error)));

  await page.goto(reportUrl, { waitUntil: 'load' });

  result.sections = await page.$$eval('main section', (sections) =>
    sections.map((s) => ({ id: s.id, heading: s.querySelector('h2')?.textContent ?? '' })),
  );
  result.crisisTeam = await page.$eval('#crisis-team', (s) => ({
    heading: s.querySelector('h2')?.textContent ?? '',
    visible: s.getBoundingClientRect().height > 0,
    telLinks: s.querySelectorAll('a[href^="tel:"]').length,
  }));
  result.links = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')));
  result.scripts = await page.$$eval('script', (scripts) => scripts.length);
  result.embeds = await page.$$eval('img, iframe, object, embed, link, video, audio, source', (e) => e.length);
  // Phone numbers are tap targets: at least 44 CSS pixels high on a phone.
  result.smallestTelHeight = await page.$$eval('a.tel', (links) =>
    links.reduce((min, a) => Math.min(min, a.getBoundingClientRect().height), Infinity),
  );
  result.classification = await page.$eval('.badge', (b) => ({
    text: b.textContent,
    color: getComputedStyle(b).color,
  }));

  // axe-core's accessibility checks, in a context of their own: axe runs as an injected script,
  // which the report's Content-Security-Policy rightly forbids.
  const axeSource = await readFile(
    fileURLToPath(new URL('node_modules/axe-core/axe.min.js', import.meta.url)),
    'utf8',
  );
  const checking = await browser.newContext({ bypassCSP: true });
  const checked = await checking.newPage();
  await checked.goto(reportUrl, { waitUntil: 'load' });
  await checked.evaluate(axeSource);
  result.accessibility = await checked.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      why: v.nodes[0]?.failureSummary ?? '',
    })),
  );
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
