// Latency in a real browser, from a user's action to the updated screen (issue 21).
//
// How to run (not part of `npm test`: node's test runner picks only *.test.mjs and the like):
//   1. Build and start the jar on PostgreSQL with demo data, on a fresh database, and run nothing
//      else on the machine (the figures are only comparable on a quiet machine):
//        ./mvnw -B -q -DskipTests package
//        runuser -u postgres -- psql -c "drop database if exists ponte_bench with (force)" \
//                                    -c "create database ponte_bench owner ponte"
//        DB_URL=jdbc:postgresql://127.0.0.1:5432/ponte_bench DB_USER=ponte DB_PASSWORD=ponte \
//          java -jar target/ponte.jar --spring.profiles.active=postgres --ponte.demo-data=true --server.port=18080
//      and wait for the "Ponte demo accounts" table in its log: the demo loader writes for about a
//      minute after its first log line, and a run started earlier measures beside it.
//   2. cd src/test/e2e && npm ci && PONTE_URL=http://127.0.0.1:18080 node bench/latency.mjs [runs] [action prefixes]
//   It prints a Markdown table (p50/p95 over 20 measured runs per action, after one warm-up run).
//   It changes the demo data (moves a lead back and forth, logs calls): use a throw-away database.
//
// What is measured. t0 is when the browser receives the user's input (the click, drop or Enter,
// taken by a capturing listener on the page, or just before the key press for sign-in, which
// leaves the page). t1 is the first animation frame at which the action's "updated screen"
// condition holds AND Vaadin is idle: no Flow client has a server round trip pending
// (`window.Vaadin.Flow.clients[*].isActive()` false for all) and no grid is loading data.
// The conditions per action are in ACTIONS below (`done`).
import { BASE_URL, launch } from '../browser.mjs';

const RUNS = Number(process.argv[2] ?? 20);
// optional: only the actions whose names start with one of these (comma-separated), e.g. "board"
const ONLY = process.argv[3]?.split(',');
const WARM_UP = 1;
const PASSWORD = 'ponte-demo';
const TIMEOUT = 60000;

// In the page: true when Vaadin has nothing pending (no round trip, no grid loading).
const IDLE = `(() => {
  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
  if (!clients || Object.keys(clients).length === 0) return false;
  if (Object.values(clients).some(c => typeof c.isActive === 'function' && c.isActive())) return false;
  return document.querySelector('vaadin-grid[loading]') === null;
})()`;

/**
 * Waits (polling every animation frame) until `condition` holds and Vaadin is idle. Returns the
 * page's Date.now() then (`done`), and when the condition first held, idle or not (`shown`): the
 * gap between the two is work still going on after the screen already looks right.
 */
async function doneAt(page, condition, arg) {
  await page.evaluate(() => { window.__benchShown = undefined; });
  const handle = await page.waitForFunction(
    ([source, idle, a]) => {
      // eslint-disable-next-line no-new-func
      const holds = new Function('arg', `return (${source})(arg);`)(a);
      if (!holds) return false;
      window.__benchShown ??= Date.now();
      return eval(idle) ? { shown: window.__benchShown, done: Date.now() } : false;
    },
    [condition.toString(), IDLE, arg], { polling: 'raf', timeout: TIMEOUT });
  return handle.jsonValue();
}

const since = (t0, t) => ({ ms: t.done - t0, shownMs: t.shown - t0 });

/** Arms a capturing listener that stamps the time the page receives the given input event. */
async function armStart(page, eventType) {
  await page.evaluate((type) => {
    window.__benchT0 = undefined;
    window.addEventListener(type, () => { window.__benchT0 ??= Date.now(); }, { capture: true, once: true });
  }, eventType);
}
const startedAt = page => page.evaluate(() => window.__benchT0);

async function settle(page) {
  await page.waitForFunction(IDLE, null, { polling: 50, timeout: TIMEOUT });
  await page.waitForTimeout(150);
  await page.waitForFunction(IDLE, null, { polling: 50, timeout: TIMEOUT });
}

async function signIn(page, username) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('vaadin-login-form input[name="username"]').fill(username);
  await page.locator('vaadin-login-form input[name="password"]').fill(PASSWORD);
  await page.locator('vaadin-login-form vaadin-button[slot="submit"]').click();
  await page.locator('#home-welcome').waitFor({ timeout: TIMEOUT });
  await settle(page);
}

/** The first body row's first cell (header cells are vaadin-grid-cell-content too), marked to be clicked. */
async function firstRowCell(page, gridSelector) {
  await page.locator(`${gridSelector} vaadin-grid-cell-content`).first().waitFor({ timeout: TIMEOUT });
  await page.locator(gridSelector).evaluate(grid => {
    document.querySelectorAll('[data-bench="first-row"]').forEach(e => e.removeAttribute('data-bench'));
    const slot = grid.shadowRoot.querySelector('#items tr[part~="first-row"] td slot');
    slot.assignedElements()[0].setAttribute('data-bench', 'first-row');
  });
  return page.locator('[data-bench="first-row"]');
}

async function clickNavigation(page, path) {
  const item = page.locator(`#main-navigation vaadin-side-nav-item[path="${path}"]`);
  await item.waitFor();
  await armStart(page, 'click');
  await item.click();
}

// Each action: who does it, how to get ready (not measured), the action, and the updated screen.
const ACTIONS = [
  {
    name: 'sign-in → home',
    done: '#home-welcome and the side navigation shown',
    user: null,
    async prepare(page, context) {
      await context.clearCookies();
      await page.goto(`${BASE_URL}/login`);
      await page.locator('vaadin-login-form input[name="username"]').fill('amoretti');
      await page.locator('vaadin-login-form input[name="password"]').fill(PASSWORD);
    },
    async act(page) {
      const t0 = Date.now();
      await page.locator('vaadin-login-form input[name="password"]').press('Enter');
      await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: TIMEOUT });
      const t1 = await doneAt(page, () => document.querySelector('#home-welcome') !== null
        && document.querySelector('#main-navigation vaadin-side-nav-item') !== null);
      return since(t0, t1);
    },
  },
  {
    name: 'open the leads list',
    done: 'side-nav click from home until the first row of #leads-grid shows text',
    user: 'amoretti',
    async prepare(page) { await page.goto(`${BASE_URL}/`); await settle(page); },
    async act(page) {
      await clickNavigation(page, 'leads');
      const t1 = await doneAt(page, () => {
        const grid = document.querySelector('#leads-grid');
        const slot = grid?.shadowRoot?.querySelector('#items tr[part~="first-row"] td slot');
        const cell = slot?.assignedElements()[0];
        return location.pathname === '/leads' && cell !== undefined && cell.textContent.trim() !== '';
      });
      return since(await startedAt(page), t1);
    },
  },
  {
    name: 'open a lead',
    done: 'click on the first row of the list until #lead-title and #lead-timeline show',
    user: 'amoretti',
    async prepare(page) {
      await page.goto(`${BASE_URL}/leads`);
      await settle(page);
    },
    async act(page) {
      const firstCell = await firstRowCell(page, '#leads-grid');
      await armStart(page, 'click');
      await firstCell.click();
      const t1 = await doneAt(page, () => /^\/leads\/\d+$/.test(location.pathname)
        && document.querySelector('#lead-title') !== null && document.querySelector('#lead-timeline') !== null);
      return since(await startedAt(page), t1);
    },
  },
  {
    name: 'log a call: open the dialog',
    done: '"Log call" on a lead page until the dialog\'s #interaction-summary shows',
    user: 'amoretti',
    async prepare(page, context, state) {
      if (!state.leadUrl) {
        await page.goto(`${BASE_URL}/leads?mine=true`);
        await settle(page);
        await (await firstRowCell(page, '#leads-grid')).click();
        await page.waitForURL(/\/leads\/\d+$/);
        state.leadUrl = page.url();
      }
      if (page.url() !== state.leadUrl) await page.goto(state.leadUrl);
      await page.locator('#lead-action-log-call').waitFor();
      await settle(page);
    },
    async act(page) {
      await armStart(page, 'click');
      await page.locator('#lead-action-log-call').click();
      const t1 = await doneAt(page, () => {
        const summary = document.querySelector('#interaction-summary');
        return summary !== null && summary.checkVisibility();
      });
      return since(await startedAt(page), t1);
    },
  },
  {
    name: 'log a call: save',
    done: 'Save in the filled dialog until the dialog is closed and the call is in the timeline',
    user: 'amoretti',
    async prepare(page, context, state) {
      state.calls = (state.calls ?? 0) + 1;
      state.summary = `Benchmark call ${state.calls} ${Date.now()}`;
      await page.locator('#interaction-summary textarea').fill(state.summary);
      await page.locator('#interaction-score vaadin-radio-button').nth(3).click();
      await settle(page);
    },
    async act(page, context, state) {
      await armStart(page, 'click');
      await page.locator('#interaction-save').click();
      const t1 = await doneAt(page, (summary) => document.querySelector('#interaction-summary') === null
        && [...document.querySelectorAll('#lead-timeline .ponte-interaction-summary')]
          .some(s => s.textContent === summary), state.summary);
      return since(await startedAt(page), t1);
    },
    pairedWith: 'log a call: open the dialog',
  },
  {
    name: 'open the inbox',
    done: 'side-nav click from home until #inbox-grid has rows or #inbox-empty shows',
    user: 'amoretti',
    async prepare(page) { await page.goto(`${BASE_URL}/`); await settle(page); },
    async act(page) {
      await clickNavigation(page, 'inbox');
      const t1 = await doneAt(page, () => document.querySelector('#inbox-view') !== null
        && (document.querySelector('#inbox-grid vaadin-grid-cell-content') !== null
          || document.querySelector('#inbox-empty')?.checkVisibility() === true));
      return since(await startedAt(page), t1);
    },
  },
  {
    name: 'open the agenda',
    done: 'side-nav click from home until #agenda-content lists items or #agenda-empty shows',
    user: 'amoretti',
    async prepare(page) { await page.goto(`${BASE_URL}/`); await settle(page); },
    async act(page) {
      await clickNavigation(page, 'agenda');
      const t1 = await doneAt(page, () => document.querySelector('#agenda-view') !== null
        && document.querySelector('#agenda-content [id^="agenda-item-"], #agenda-empty') !== null);
      return since(await startedAt(page), t1);
    },
  },
  {
    name: 'board: drag a card forward',
    done: 'drop of a NEW card on MQL until the card is in #column-CONSIDERATION-MQL (and not in NEW)',
    user: 'emartin',
    async prepare(page, context, state) {
      if (!page.url().endsWith('/board')) await page.goto(`${BASE_URL}/board`);
      const card = page.locator('#column-AWARENESS-NEW .ponte-card').first();
      await card.waitFor();
      state.cardId = await card.getAttribute('id');
      await settle(page);
    },
    async act(page, context, state) {
      await armStart(page, 'drop');
      await page.locator(`#${state.cardId}`).dragTo(page.locator('#column-CONSIDERATION-MQL'));
      const t1 = await doneAt(page, (id) => document.querySelector(`#column-CONSIDERATION-MQL #${id}`) !== null
        && document.querySelector(`#column-AWARENESS-NEW #${id}`) === null, state.cardId);
      return since(await startedAt(page), t1);
    },
  },
  {
    name: 'board: open Move…',
    done: 'click on the card\'s Move… until its menu lists the moves',
    user: 'emartin',
    async prepare(page) { await settle(page); },
    async act(page, context, state) {
      const id = state.cardId.replace('card-', '');
      await armStart(page, 'click');
      await page.locator(`#move-${id}`).click();
      const t1 = await doneAt(page, () => [...document.querySelectorAll('vaadin-context-menu-item')]
        .some(item => item.checkVisibility() && item.textContent.trim() !== ''));
      return since(await startedAt(page), t1);
    },
    pairedWith: 'board: drag a card forward',
  },
  {
    name: 'board: move back with Move…',
    done: 'click on "New" in the menu until the card is back in #column-AWARENESS-NEW',
    user: 'emartin',
    async prepare(page) { await settle(page); },
    async act(page, context, state) {
      const item = page.locator('vaadin-context-menu-item').filter({ hasText: /^\s*(New|Nuovo)\s*$/ }).first();
      await item.waitFor();
      await armStart(page, 'click');
      await item.click();
      const t1 = await doneAt(page, (id) => document.querySelector(`#column-AWARENESS-NEW #${id}`) !== null
        && document.querySelector(`#column-CONSIDERATION-MQL #${id}`) === null, state.cardId);
      return since(await startedAt(page), t1);
    },
    pairedWith: 'board: drag a card forward',
  },
];

function percentile(sorted, p) {
  // nearest rank: the smallest value with at least p % of the samples at or below it
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const context = await launch();
  let page = context.pages()[0] ?? await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const samples = new Map(ACTIONS.map(a => [a.name, []]));
  const shown = new Map(ACTIONS.map(a => [a.name, []]));
  // where the time goes: the Flow round trips (UIDL requests) that started within a measured action
  const trips = new Map(ACTIONS.map(a => [a.name, []]));
  const uidl = [];
  const watch = p => p.on('requestfinished', request => {
    if (!request.url().includes('v-r=uidl')) return;
    const t = request.timing();
    uidl.push({ start: t.startTime, server: t.responseStart - t.requestStart, total: t.responseEnd });
  });
  watch(page);
  let signedInAs = null;
  // actions paired with a previous one run right after it, in the same iteration (open → save)
  const groups = [];
  for (const action of ACTIONS.filter(a => !ONLY || ONLY.some(prefix => a.name.startsWith(prefix)))) {
    if (action.pairedWith) groups.find(g => g[0].name === action.pairedWith).push(action);
    else groups.push([action]);
  }
  const failed = new Map(ACTIONS.map(a => [a.name, []]));
  for (const group of groups) {
    const state = {};
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      for (const action of group) {
        try {
          if (action.user && signedInAs !== action.user) {
            await context.clearCookies();
            await signIn(page, action.user);
            signedInAs = action.user;
          }
          if (!action.user) signedInAs = null;
          await action.prepare(page, context, state);
          const before = Date.now();
          const { ms, shownMs } = await action.act(page, context, state);
          if (!action.user) signedInAs = 'amoretti';
          // requests of the action: started after its input (t0 = end - ms) and before its end
          const end = Date.now();
          const mine = uidl.filter(r => r.start >= before - 5 && r.start <= end);
          uidl.length = 0;
          if (i >= WARM_UP) {
            samples.get(action.name).push(ms);
            shown.get(action.name).push(shownMs);
            trips.get(action.name).push({ count: mine.length, server: Math.round(mine.reduce((a, r) => a + r.server, 0)) });
          }
          process.stderr.write(`${action.name} #${i + 1 - WARM_UP}: ${ms} ms (shown after ${shownMs} ms)\n`);
        } catch (e) {
          // a run that does not finish (time-out) is counted apart; the rest of its group is
          // skipped, and the next run starts from a fresh sign-in
          failed.get(action.name).push(e.message.split('\n')[0]);
          process.stderr.write(`${action.name} #${i + 1 - WARM_UP}: FAILED ${e.message.split('\n')[0]}\n`);
          signedInAs = undefined;
          state.leadUrl = undefined;
          // a fresh tab: the old one may have crashed (it did, once, on a machine short of memory)
          await page.close().catch(() => {});
          page = await context.newPage();
          watch(page);
          await page.setViewportSize({ width: 1400, height: 900 });
          break;
        }
      }
    }
    printTable(samples, shown, failed, trips); // after each group, so an interrupted run still tells something
  }
  await context.close();
}

function printTable(samples, shown, failed, trips) {
  console.log('\n| action | updated screen when | p50 ms | p95 ms | min | max | p50 shown, not yet idle | runs | failed '
    + '| p50 round trips | p50 server ms |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const action of ACTIONS) {
    const sorted = [...samples.get(action.name)].sort((a, b) => a - b);
    const shownSorted = [...shown.get(action.name)].sort((a, b) => a - b);
    if (sorted.length === 0 && failed.get(action.name).length === 0) continue;
    const figure = value => value ?? '–';
    console.log(`| ${action.name} | ${action.done} | ${figure(percentile(sorted, 50))} | ${figure(percentile(sorted, 95))} `
      + `| ${figure(sorted[0])} | ${figure(sorted[sorted.length - 1])} | ${figure(percentile(shownSorted, 50))} | ${sorted.length} `
      + `| ${failed.get(action.name).length} | ${figure(percentile(trips.get(action.name).map(t => t.count).sort((a, b) => a - b), 50))} `
      + `| ${figure(percentile(trips.get(action.name).map(t => t.server).sort((a, b) => a - b), 50))} |`);
  }
  console.log(`\n${RUNS} runs per action after ${WARM_UP} warm-up; ${BASE_URL}; viewport 1400×900; `
    + `a run that does not finish within ${TIMEOUT / 1000} s is counted as failed, not in the percentiles.`);
}

await main();
