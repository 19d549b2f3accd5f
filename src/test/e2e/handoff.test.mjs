// The handoff between two people signed in at the same time (issue: the handoff).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SCREENSHOTS, launch, signIn } from './browser.mjs';

let marketing;
let sales;
before(async () => { marketing = await launch(); sales = await launch(); });
after(async () => { await marketing?.close(); await sales?.close(); });

async function signedIn(context, username) {
  const page = await context.newPage();
  await signIn(page, username);
  await page.locator('#home-welcome').waitFor({ timeout: 30000 });
  return page;
}

async function unread(page) {
  const badge = page.locator('#notification-count');
  return (await badge.isVisible()) ? Number(await badge.textContent()) : 0;
}

test('a marketer hands off to a salesperson, who sees it live and rejects it; the marketer sees the rejection live', async () => {
  // The marketer qualifies a new lead (NEW → MQL) on its page.
  const m = await signedIn(marketing, 'emartin');
  await m.goto(`${BASE_URL}/board`);
  const card = m.locator('#column-AWARENESS-NEW .ponte-card').first();
  await card.waitFor({ timeout: 30000 });
  const leadId = (await card.getAttribute('id')).replace('card-', '');
  await m.goto(`${BASE_URL}/leads/${leadId}`);
  await m.locator('#lead-move-MQL').click();
  await m.locator('#lead-action-handoff').waitFor({ timeout: 15000 });
  const leadName = (await m.locator('#lead-title').textContent()).trim();

  // The salesperson has the inbox open.
  const s = await signedIn(sales, 'amoretti');
  await s.goto(`${BASE_URL}/inbox`);
  await s.locator('#inbox-view').waitFor({ timeout: 30000 });
  const unreadBefore = await unread(s);

  // Hand off to Andrea Moretti with a note.
  await m.locator('#lead-action-handoff').click();
  await m.locator('#handoff-to').waitFor();
  const to = m.locator('#handoff-to input');
  await to.fill('Andrea Moretti');
  await m.locator('vaadin-combo-box-item').filter({ hasText: 'Andrea Moretti' }).first().click();
  await m.locator('#handoff-note textarea').fill('Wants a quote for 40 seats before the end of the month.');
  await m.locator('#handoff-send').click();
  await m.locator('#handoff-waiting').waitFor({ timeout: 15000 });

  // Without a reload, the inbox lists it and the bell counts it.
  const row = s.locator('#inbox-grid').getByText(leadName, { exact: true });
  // the inbox lists oldest first: scroll to its end until the new handoff shows (the grid renders what is in view)
  const deadline = Date.now() + 5000;
  while (!(await row.isVisible())) {
    assert.ok(Date.now() < deadline, `the handoff of ${leadName} did not reach the inbox within 5 s`);
    await s.locator('#inbox-grid').evaluate(grid => grid.scrollToIndex(1e6));
    await s.waitForTimeout(100);
  }
  await s.waitForFunction((before) => {
    const badge = document.querySelector('#notification-count');
    return badge && badge.offsetParent !== null && Number(badge.textContent) > before;
  }, unreadBefore, { timeout: 5000, polling: 100 });
  await s.screenshot({ path: join(SCREENSHOTS, 'sales-inbox-live.png') });

  // The salesperson rejects it with a reason and a note.
  await row.click();
  await s.locator('#inbox-reject').click();
  await s.locator('#reject-reason').waitFor();
  await s.locator('#reject-reason').click();
  await s.locator('vaadin-select-item').filter({ hasText: 'Not ready to buy' }).click();
  await s.locator('#reject-note textarea').fill('Budget only after the spring review; call again in March.');
  await s.locator('#reject-confirm').click();

  // The marketer's open lead page shows the rejection and its reason, without a reload.
  await m.locator('#handoff-rejected').waitFor({ timeout: 5000 });
  assert.match(await m.locator('#handoff-rejected').textContent(), /Not ready to buy/);
  await m.screenshot({ path: join(SCREENSHOTS, 'marketer-rejection-live.png'), fullPage: true });
});
