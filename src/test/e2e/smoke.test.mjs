// Browser smoke test of the running app (started by .ci/run with demo data).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SCREENSHOTS, launch, signIn, navigationLabels } from './browser.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('a demo manager signs in and lands on the home page', async () => {
  const page = await context.newPage();
  await signIn(page, 'manager');
  const welcome = page.locator('#home-welcome');
  await welcome.waitFor({ timeout: 30000 });
  assert.match(await welcome.textContent(), /Marco Bianchi/);
  const labels = await navigationLabels(page);
  assert.ok(labels.includes('Home'), `navigation: ${labels}`);
  assert.ok(!labels.includes('Users'), `a manager sees no user administration: ${labels}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'manager-home.png'), fullPage: true });
  await page.close();
  await context.clearCookies();
});

test('a wrong password shows one message and stays on the sign-in page', async () => {
  const page = await context.newPage();
  await signIn(page, 'manager', 'not-the-password');
  await page.waitForURL(/\/login\?error/);
  await page.locator('vaadin-login-form').getByText('Check your username and password').waitFor();
  await page.close();
});

test('a salesperson opening user administration by URL sees access denied', async () => {
  const page = await context.newPage();
  await signIn(page, 'rossi');
  await page.locator('#home-welcome').waitFor({ timeout: 30000 });
  await page.goto(`${BASE_URL}/admin/users`);
  await page.locator('#access-denied').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#users-grid').count(), 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'sales-access-denied-it.png'), fullPage: true });
  await page.close();
  await context.clearCookies();
});

test('an Italian-speaking admin sees the Italian interface and the user list', async () => {
  const page = await context.newPage();
  await signIn(page, 'admin');
  await page.locator('#home-welcome').waitFor({ timeout: 30000 });
  assert.match(await page.locator('#home-welcome').textContent(), /Ciao/); // no gendered greeting in Italian
  const labels = await navigationLabels(page);
  assert.ok(labels.includes('Utenti'), `navigation: ${labels}`);
  await page.goto(`${BASE_URL}/admin/users`);
  await page.locator('#users-grid').waitFor({ timeout: 30000 });
  await page.locator('#users-grid').getByText('rossi', { exact: true }).waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(SCREENSHOTS, 'admin-users-it.png'), fullPage: true });
  await page.close();
  await context.clearCookies();
});

test('a marketer opens the bridge board and a lead page from a card', async () => {
  const page = await context.newPage();
  await signIn(page, 'emartin');
  await page.locator('#home-welcome').waitFor({ timeout: 30000 });
  await page.goto(`${BASE_URL}/board`);
  const card = page.locator('.ponte-card').first();
  await card.waitFor({ timeout: 30000 });
  assert.ok(await page.locator('.ponte-card').count() > 10, 'the demo board shows cards');
  assert.ok(await page.locator('.ponte-column-lost').count() === 3, 'one lost column per span');
  await page.screenshot({ path: join(SCREENSHOTS, 'marketer-board.png') });
  await card.locator('.ponte-card-name').click();
  await page.locator('#lead-title').waitFor({ timeout: 30000 });
  await page.locator('#lead-bridge').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'marketer-lead.png'), fullPage: true });
  await page.close();
  await context.clearCookies();
});
