// "Also here" forgets a browser that vanished without a goodbye within a minute (issue 21).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_URL, SCREENSHOTS, launch, signIn } from './browser.mjs';

// English and Italian observers in browsers of their own; the one who leaves is a separate browser process we kill.
let english;
let italian;
let leaving;
before(async () => { english = await launch(); italian = await launch(); });
after(async () => { await english?.close(); await italian?.close(); await leaving?.close().catch(() => {}); });

async function signedIn(context, username) {
  const page = await context.newPage();
  await signIn(page, username);
  await page.locator('#home-welcome').waitFor({ timeout: 60000 });
  return page;
}

async function openLead(page, leadId, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${BASE_URL}/leads/${leadId}`);
  await page.locator('#lead-title').waitFor({ timeout: 60000 });
}

function alsoHere(page) {
  return page.evaluate(() => {
    const group = document.querySelector('#presence vaadin-avatar-group');
    return group && group.offsetParent !== null ? (group.items ?? []).map(i => i.name) : [];
  });
}

test('a colleague whose browser disappears leaves "Also here" within 60 s; the others stay', async () => {
  const observers = [];
  const en = await signedIn(english, 'amoretti');
  await en.goto(`${BASE_URL}/board`);
  const card = en.locator('.ponte-card').first();
  await card.waitFor({ timeout: 60000 });
  const leadId = (await card.getAttribute('id')).replace('card-', '');
  await openLead(en, leadId, 1400);
  observers.push({ page: en, name: 'en-1400' });
  const en390 = await english.newPage();
  await openLead(en390, leadId, 390);
  observers.push({ page: en390, name: 'en-390' });
  const it = await signedIn(italian, 'rossi');
  await openLead(it, leadId, 1400);
  observers.push({ page: it, name: 'it-1400' });
  const it390 = await italian.newPage();
  await openLead(it390, leadId, 390);
  observers.push({ page: it390, name: 'it-390' });

  // the manager opens the same lead in a browser of their own
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  leaving = browser;
  const managerPage = await signedIn(await browser.newContext(), 'manager');
  await openLead(managerPage, leadId, 1400);
  for (const o of observers) {
    await o.page.waitForFunction(() => {
      const g = document.querySelector('#presence vaadin-avatar-group');
      return g && (g.items ?? []).some(i => i.name === 'Marco Bianchi');
    }, null, { timeout: 15000, polling: 100 });
    await o.page.screenshot({ path: join(SCREENSHOTS, `presence-${o.name}-both.png`), fullPage: false });
  }

  // the manager's tab vanishes without a goodbye: closed without running beforeunload, so Vaadin's
  // unload beacon is never sent and only the missing heartbeats tell the server
  await managerPage.close({ runBeforeUnload: false });
  const gone = Date.now();
  for (const o of observers) {
    await o.page.waitForFunction(() => {
      const g = document.querySelector('#presence vaadin-avatar-group');
      return !g || !(g.items ?? []).some(i => i.name === 'Marco Bianchi');
    }, null, { timeout: 70000, polling: 250 });
  }
  const after = Date.now() - gone;
  for (const o of observers) {
    await o.page.screenshot({ path: join(SCREENSHOTS, `presence-${o.name}-after.png`), fullPage: false });
  }
  console.log(`presence: the vanished browser left "Also here" after ${after} ms`);
  assert.ok(after < 60000, `took ${after} ms`);
  // the people still looking stay: the English observer still sees the Italian one
  assert.ok((await alsoHere(en)).includes('Luca Rossi'));
  assert.ok((await alsoHere(it)).includes('Andrea Moretti'));
});
