// The team dashboard and the audit report's PDF in a real browser, at whatever data the running
// app holds (issue 22: a million leads). Not part of `npm test`.
//
// How to run: see docs/benchmarks.md ("The dashboard at a million leads"). In short: the jar on
// the benchmark's database with the debug log of the statistics page on, then
//   cd src/test/e2e && PONTE_URL=http://127.0.0.1:18090 PONTE_USER=... PONTE_PASSWORD=... \
//     PONTE_LOG=/path/to/app.log PONTE_PID=<jar pid> node bench/dashboard.mjs [runs] [tabs]
// It prints Markdown: per run of the one-year dashboard, opened from another screen through the
// side navigation's router (as a signed-in user does) and by loading the URL afresh:
//   - first paint: the user's click (or the navigation's start) to the first animation frame that
//     shows the page shell with its period bar and every section's title;
//   - whole: to the first frame at which the page says every section has settled (data-ready)
//     and no server round trip is pending;
//   - server: the page's own "filled in" time from the app's debug log (the sections' reads in
//     the background pool, from the filter's arrival to the last section shown).
// Then the live heap (the total of jcmd's class histogram, taken after a full GC: live objects only,
// unlike the used heap, which counts G1's partly filled regions) with one tab on the agenda and with
// `tabs` dashboards open besides it in the same session: the difference per tab is the retained heap
// of an open dashboard tab. Last,
// the audit report's PDF for the same period, fetched with the session's cookie.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BASE_URL, launch } from '../browser.mjs';

const RUNS = Number(process.argv[2] ?? 20);
const TABS = Number(process.argv[3] ?? 10);
const WARM_UP = 2;
const USER = process.env.PONTE_USER ?? 'manager';
const PASSWORD = process.env.PONTE_PASSWORD ?? 'ponte-demo';
const FROM = process.env.PONTE_FROM ?? '2025-11-01';
const TO = process.env.PONTE_TO ?? '2026-10-31';
const LOG = process.env.PONTE_LOG;
const PID = process.env.PONTE_PID;
const TIMEOUT = 120000;
// PONTE_TAB=<path>: the heap's extra tabs open this path instead of the dashboard (the app shell's share)
const OTHER_TAB = process.env.PONTE_TAB;
const QUERY = `from=${FROM}&to=${TO}`;

const IDLE = `(() => {
  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
  if (!clients || Object.keys(clients).length === 0) return false;
  return !Object.values(clients).some(c => typeof c.isActive === 'function' && c.isActive());
})()`;

// The shell: the page root with its period bar, and every section's title, skeleton or not.
const SHELL = () => {
  const root = document.querySelector('#dashboard');
  return root !== null && root.querySelector('vaadin-date-picker') !== null
    && root.querySelectorAll('.ponte-stats-section h3').length > 0;
};
const READY = () => document.querySelector('#dashboard[data-ready="true"]') !== null;

/** Polls every animation frame: the page's Date.now() when the shell first showed, and when all was ready and idle. */
async function times(page) {
  const handle = await page.waitForFunction(([shell, ready, idle]) => {
    // eslint-disable-next-line no-new-func
    const holds = src => new Function(`return (${src})();`)();
    if (holds(shell)) window.__benchShell ??= Date.now();
    if (window.__benchShell && holds(ready) && eval(idle)) {
      return { shell: window.__benchShell, ready: Date.now() };
    }
    return false;
  }, [SHELL.toString(), READY.toString(), IDLE], { polling: 'raf', timeout: TIMEOUT });
  return handle.jsonValue();
}

function serverFilledTimes() {
  if (!LOG) return [];
  return [...readFileSync(LOG, 'utf8').matchAll(/Statistics page dashboard filled in (\d+) ms/g)].map(m => Number(m[1]));
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const row = (name, values) => values.length === 0 ? `| ${name} | 0 | – | – | – |`
  : `| ${name} | ${values.length} | ${percentile(values, 0.5)} | ${percentile(values, 0.95)} | ${Math.max(...values)} |`;

async function signIn(page) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('vaadin-login-form input[name="username"]').fill(USER);
  await page.locator('vaadin-login-form input[name="password"]').fill(PASSWORD);
  await page.locator('vaadin-login-form vaadin-button[slot="submit"]').click();
  await page.locator('#home-welcome').waitFor({ timeout: TIMEOUT });
}

async function settle(page) {
  await page.waitForFunction(IDLE, null, { polling: 50, timeout: TIMEOUT });
  await page.waitForTimeout(200);
  await page.waitForFunction(IDLE, null, { polling: 50, timeout: TIMEOUT });
}

/** Follows an in-app link the way the side navigation does: Flow's router, no page load. */
async function routerClick(page, href) {
  await page.evaluate((target) => {
    window.__benchShell = undefined;
    const a = document.createElement('a');
    a.href = target;
    a.textContent = 'bench';
    document.body.appendChild(a);
    window.__benchT0 = Date.now();
    a.click();
    a.remove();
  }, href);
}

// PONTE_HISTO=<absolute file prefix>: also write the class histograms and heap dumps (jcmd) beside the figures
function usedHeapKiB(label) {
  execFileSync('jcmd', [PID, 'GC.run']);
  const histogram = execFileSync('jcmd', [PID, 'GC.class_histogram'], { maxBuffer: 1 << 26 }).toString();
  if (process.env.PONTE_HISTO) {
    writeFileSync(`${process.env.PONTE_HISTO}-${label}.txt`, histogram);
    execFileSync('jcmd', [PID, 'GC.heap_dump', `${process.env.PONTE_HISTO}-${label}.hprof`]);
  }
  const m = histogram.match(/Total\s+\d+\s+(\d+)/);
  if (!m) throw new Error('no total in the class histogram');
  // G1 fills the unused ends of its regions with filler arrays, which the histogram lists (JDK 21 and
  // later) though no object holds them: they are not live heap
  const filler = histogram.match(/\d+:\s+\d+\s+(\d+)\s+\[Ljdk\.internal\.vm\.FillerElement;/);
  return Math.round((Number(m[1]) - (filler ? Number(filler[1]) : 0)) / 1024);
}

const context = await launch();
const out = [];
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page);
  await settle(page);
  await page.goto(`${BASE_URL}/agenda`);
  await settle(page);
  await page.evaluate(() => { window.__benchMarker = true; });

  const inApp = { paint: [], whole: [], server: [] };
  for (let i = 0; i < (RUNS === 0 ? 0 : WARM_UP + RUNS); i++) {
    const before = serverFilledTimes().length;
    await routerClick(page, `dashboard?${QUERY}`);
    const t = await times(page);
    const t0 = await page.evaluate(() => window.__benchT0);
    if (!(await page.evaluate(() => window.__benchMarker))) throw new Error('the router click loaded the page afresh');
    await page.waitForTimeout(300);
    const server = serverFilledTimes().slice(before);
    if (process.env.PONTE_VERBOSE) console.error(`in-app ${i}: paint ${t.shell - t0}, whole ${t.ready - t0}, server ${server}`);
    if (i >= WARM_UP) {
      inApp.paint.push(t.shell - t0);
      inApp.whole.push(t.ready - t0);
      if (server.length > 0) inApp.server.push(server[0]);
    }
    await routerClick(page, 'agenda');
    await page.locator('#dashboard').waitFor({ state: 'detached', timeout: TIMEOUT });
    await settle(page);
  }

  const fresh = { paint: [], whole: [], server: [] };
  for (let i = 0; i < (RUNS === 0 ? 0 : WARM_UP + Math.min(RUNS, 10)); i++) {
    const before = serverFilledTimes().length;
    await page.goto(`${BASE_URL}/dashboard?${QUERY}`, { waitUntil: 'commit' });
    const t = await times(page);
    const t0 = await page.evaluate(() => Math.round(performance.timeOrigin));
    await page.waitForTimeout(300);
    const server = serverFilledTimes().slice(before);
    if (i >= WARM_UP) {
      fresh.paint.push(t.shell - t0);
      fresh.whole.push(t.ready - t0);
      if (server.length > 0) fresh.server.push(server[0]);
    }
  }

  out.push(`Period ${FROM} .. ${TO}, user ${USER}, ${RUNS} runs after ${WARM_UP} warm-up runs (page loads: ${Math.min(RUNS, 10)}).`, '');
  out.push('| dashboard, one year | runs | p50 ms | p95 ms | max ms |', '|---|---:|---:|---:|---:|');
  out.push(row('in-app navigation: first paint', inApp.paint));
  out.push(row('in-app navigation: whole dashboard', inApp.whole));
  out.push(row('in-app navigation: server, sections filled', inApp.server));
  out.push(row('page load: first paint', fresh.paint));
  out.push(row('page load: whole dashboard', fresh.whole));
  out.push(row('page load: server, sections filled', fresh.server));

  if (PID) {
    await page.goto(`${BASE_URL}/agenda`);
    await settle(page);
    const base = usedHeapKiB('base');
    const tabs = [];
    for (let i = 0; i < TABS; i++) {
      const tab = await context.newPage();
      await tab.setViewportSize({ width: 1400, height: 900 });
      if (OTHER_TAB) {
        await tab.goto(`${BASE_URL}/${OTHER_TAB}`);
        await settle(tab);
      } else {
        await tab.goto(`${BASE_URL}/dashboard?${QUERY}`);
        await times(tab);
      }
      tabs.push(tab);
    }
    await page.waitForTimeout(3000); // past StatsPage's release push, 2 s after the page filled in
    const open = usedHeapKiB('open');
    out.push('', `Live heap (class histogram after a full GC): ${base.toLocaleString('en')} KiB with one tab on the agenda, `
      + `${open.toLocaleString('en')} KiB with ${TABS} ${OTHER_TAB ?? 'dashboard'} tabs open besides it: `
      + `**${Math.round((open - base) / TABS).toLocaleString('en')} KiB per open ${OTHER_TAB ?? 'dashboard'} tab**.`);
    for (const tab of tabs) await tab.close();
  }

  const pdf = [];
  let bytes = 0;
  for (let i = 0; i < 1 + 5; i++) {
    const r = await page.evaluate(async (url) => {
      const t0 = performance.now();
      const response = await fetch(url);
      const body = await response.arrayBuffer();
      const head = new TextDecoder().decode(body.slice(0, 5));
      return { ms: Math.round(performance.now() - t0), status: response.status, bytes: body.byteLength, head };
    }, `${BASE_URL}/reports/audit.pdf?${QUERY}`);
    if (r.status !== 200 || r.head !== '%PDF-') throw new Error(`audit PDF: HTTP ${r.status}, starts ${r.head}`);
    bytes = r.bytes;
    if (i >= 1) pdf.push(r.ms);
  }
  out.push('', '| audit report PDF, one year | runs | p50 ms | p95 ms | max ms |', '|---|---:|---:|---:|---:|');
  out.push(row(`download (${Math.round(bytes / 1024)} KiB)`, pdf));
} finally {
  await context.close();
}
console.log(out.join('\n'));
