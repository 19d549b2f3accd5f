// The statistics pages in a real browser (issue 22): the team dashboard, my numbers (a
// salesperson) and the sales audit report, in English and Italian, at 1400 px and 390 px. Each page
// must fill every section (root `data-ready`), every chart must have drawn something (an svg
// with shapes), a salesperson sees no money, and the report's PDF must be a PDF whose text holds
// the report's first sentence. Screenshots: $PONTE_SCREENSHOTS/stats-<user>-<page>-<width>.png.
//
// Needs the jar with demo data (as .ci/run starts it):
//   PONTE_URL=http://127.0.0.1:18080 node --test dashboards.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, SCREENSHOTS, launch, signIn } from './browser.mjs';

const WIDTHS = [{ width: 1400, height: 900 }, { width: 390, height: 844 }];
const MONEY = ['spend', 'cpl', 'cac', 'revenue', 'ltv', 'ltvToCac', 'wonValue', 'influencedRevenue', 'budget'];
// who looks at what, in which language (the demo accounts' own languages)
const RUNS = [
  { username: 'manager', language: 'en', pages: ['dashboard', 'reports/audit'], money: true },
  { username: 'lferrari', language: 'it', pages: ['dashboard', 'reports/audit'], money: true },
  { username: 'amoretti', language: 'en', pages: ['my-numbers', 'dashboard'], money: false },
  { username: 'rossi', language: 'it', pages: ['my-numbers'], money: false },
];
const READY_TIMEOUT = 60000;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

for (const run of RUNS) {
  test(`${run.username} (${run.language}) sees ${run.pages.join(', ')} filled, charts drawn`, async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', e => errors.push(e.message));
    try {
      await page.setViewportSize(WIDTHS[0]);
      await signIn(page, run.username);
      await page.locator('#home-welcome').waitFor({ timeout: 30000 });
      for (const path of run.pages) {
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          await page.goto(`${BASE_URL}/${path}`);
          const root = page.locator('.ponte-stats-page').first();
          await root.waitFor({ timeout: READY_TIMEOUT });
          await page.locator('.ponte-stats-page[data-ready="true"]').first().waitFor({ timeout: READY_TIMEOUT });
          // charts draw after their option arrives: give each a moment, then look
          await page.waitForTimeout(800);
          const name = path.replace(/\//g, '-');
          await page.screenshot({ path: join(SCREENSHOTS, `stats-${run.username}-${name}-${size.width}.png`), fullPage: true });
          const look = await page.evaluate(() => {
            const charts = [...document.querySelectorAll('ponte-chart')].filter(c => c.checkVisibility());
            const empty = charts.filter(c => {
              const root = c.shadowRoot ?? c;
              const svg = root.querySelector('svg');
              return !svg || svg.querySelectorAll('path, rect, circle, polygon, text').length === 0;
            }).map(c => c.getAttribute('aria-label') ?? c.id ?? '?');
            const failed = [...document.querySelectorAll('.ponte-stats-section-failed')].map(e => e.textContent.trim());
            const metrics = [...document.querySelectorAll('[data-metric]')].map(e => e.getAttribute('data-metric'));
            const width = window.innerWidth;
            const content = document.querySelector('vaadin-app-layout')?.shadowRoot?.querySelector('[part~="content"]');
            const sideways = Math.max(document.documentElement.scrollWidth - width,
              content ? content.scrollWidth - content.clientWidth : 0);
            return { charts: charts.length, empty, failed, metrics, sideways };
          });
          assert.deepEqual(look.failed, [], `${path} @${size.width}: sections failed`);
          assert.deepEqual(look.empty, [], `${path} @${size.width}: charts that drew nothing`);
          assert.ok(look.metrics.length > 0, `${path} @${size.width}: no figure carries data-metric`);
          assert.ok(look.sideways <= 1, `${path} @${size.width}: the page scrolls sideways by ${look.sideways} px`);
          if (path !== 'my-numbers') assert.ok(look.charts > 0, `${path} @${size.width}: no chart`);
          if (!run.money) {
            const money = look.metrics.filter(m => MONEY.includes(m.split('.').pop()));
            assert.deepEqual(money, [], `${path}: money shown to ${run.username}`);
          }
        }
        if (path === 'reports/audit') await checkPdf(page, run);
      }
      assert.deepEqual(errors, [], 'browser console errors');
    } finally {
      await page.close();
      await context.clearCookies();
    }
  });
}

// The channels table is frozen HTML: its header buttons have no listener of their own, one on the
// table's holder sorts by the header clicked (decision 033). Only a browser runs that listener's filter.
test('manager sorts the channels table by a click on a header', async () => {
  const page = await context.newPage();
  try {
    await page.setViewportSize(WIDTHS[0]);
    await signIn(page, 'manager');
    await page.locator('#home-welcome').waitFor({ timeout: 30000 });
    await page.goto(`${BASE_URL}/dashboard`);
    await page.locator('.ponte-stats-page[data-ready="true"]').first().waitFor({ timeout: READY_TIMEOUT });
    await page.locator('#dashboard-channels [data-sort="leads"]').click();
    // a count sorts largest first
    await page.locator('#dashboard-channels-table th[aria-sort="descending"] [data-sort="leads"]')
      .waitFor({ timeout: 15000 });
    const leads = await page.locator('#dashboard-channels-table tbody [data-metric$=".leads"]')
      .evaluateAll(figures => figures.map(f => Number(f.getAttribute('data-value'))));
    assert.ok(leads.length > 1, 'several channels');
    assert.deepEqual(leads, [...leads].sort((a, b) => b - a), 'channels by leads, largest first');
  } finally {
    await page.close();
    await context.clearCookies();
  }
});

/** The report's PDF, for the period the page shows: a PDF, and its text holds the first sentence. */
async function checkPdf(page, run) {
  const root = page.locator('.ponte-stats-page').first();
  const from = await root.getAttribute('data-from');
  const to = await root.getAttribute('data-to');
  const sentence = (await page.locator('.ponte-audit-sentence').first().textContent()).trim();
  assert.ok(sentence.length > 20, 'the first section has a sentence');
  const response = await page.request.get(`${BASE_URL}/reports/audit.pdf?from=${from}&to=${to}`);
  assert.equal(response.status(), 200, 'the PDF download answers 200');
  const bytes = await response.body();
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
  writeFileSync(join(SCREENSHOTS, `stats-${run.username}-audit.pdf`), bytes);
  const text = await pdfText(bytes);
  const squeeze = s => s.replace(/\s+/g, '');
  assert.ok(squeeze(text).includes(squeeze(sentence)),
    `the PDF's text holds the first sentence "${sentence}"; it reads: ${squeeze(text).slice(0, 400)}`);
}

async function pdfText(bytes) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // the standard fonts' data only silences pdf.js's warnings (the text is read either way)
  const standardFontDataUrl = new URL('./node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl });
  const pdf = await task.promise;
  const parts = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map(item => item.str + (item.hasEOL ? ' ' : '')).join(''));
  }
  await task.destroy();
  return parts.join(' ');
}
