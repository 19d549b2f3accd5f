// Probe (not a test): which Flow round trips an action makes, and what each carried.
import { BASE_URL, launch } from '../browser.mjs';
const context = await launch();
const page = context.pages()[0] ?? await context.newPage();
await page.setViewportSize({ width: 1400, height: 900 });
let log = [];
page.on('request', r => {
  if (!r.url().includes('v-r=uidl')) return;
  let body = '';
  try {
    const rpc = JSON.parse(r.postData()).rpc ?? [];
    body = rpc.map(c => [c.type, c.event ?? c.templateEventMethodName ?? c.feature ?? '', c.node].join(':')).join(' ');
  } catch { body = '?'; }
  log.push({ t: Date.now(), body });
});
page.on('requestfinished', r => {
  if (!r.url().includes('v-r=uidl')) return;
  const t = r.timing();
  log.push({ t: Date.now(), body: `  done server ${Math.round(t.responseStart - t.requestStart)} ms, total ${Math.round(t.responseEnd)} ms` });
});
const idle = () => page.waitForFunction(() => {
  const c = window.Vaadin?.Flow?.clients; return c && !Object.values(c).some(x => x.isActive?.());
}, null, { polling: 50 });
async function step(name, fn) {
  await idle(); await page.waitForTimeout(500); log = [];
  const t0 = Date.now();
  await fn();
  await page.waitForTimeout(Number(process.env.PROBE_WAIT ?? 1500));
  console.log(`\n== ${name}`);
  for (const l of log) console.log(`${l.t - t0} ms ${l.body}`);
}
const user = process.argv[2] ?? 'amoretti';
await page.goto(`${BASE_URL}/login`);
await page.locator('vaadin-login-form input[name="username"]').fill(user);
await page.locator('vaadin-login-form input[name="password"]').fill('ponte-demo');
await page.locator('vaadin-login-form vaadin-button[slot="submit"]').click();
await page.locator('#home-welcome').waitFor();
if (user === 'amoretti') {
  await step('leads list', () => page.locator('#main-navigation vaadin-side-nav-item[path="leads"]').click());
  await step('home', () => page.goto(`${BASE_URL}/`));
  await step('inbox', () => page.locator('#main-navigation vaadin-side-nav-item[path="inbox"]').click());
  await page.goto(`${BASE_URL}/leads?mine=true`); await idle(); await page.waitForTimeout(500);
  await page.locator('#leads-grid').evaluate(grid => {
    const slot = grid.shadowRoot.querySelector('#items tr[part~="first-row"] td slot');
    slot.assignedElements()[0].setAttribute('data-bench', 'first-row');
  });
  await step('open lead', () => page.locator('[data-bench="first-row"]').click());
  await step('log call dialog', () => page.locator('#lead-action-log-call').click());
  await page.locator('#interaction-summary textarea').fill('probe call');
  await page.locator('#interaction-score vaadin-radio-button').nth(3).click();
  await step('save call', () => page.locator('#interaction-save').click());
} else {
  await page.goto(`${BASE_URL}/board`);
  const card = page.locator('#column-AWARENESS-NEW .ponte-card').first();
  await card.waitFor();
  const id = await card.getAttribute('id');
  await step('drag', () => page.locator(`#${id}`).dragTo(page.locator('#column-CONSIDERATION-MQL')));
  await step('open move', () => page.locator(`#move-${id.replace('card-', '')}`).click());
  const item = page.locator('vaadin-context-menu-item').filter({ hasText: /^\s*(New|Nuovo)\s*$/ }).first();
  await step('move back', () => item.click());
}
await context.close();
