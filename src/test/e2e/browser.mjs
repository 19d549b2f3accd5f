// Shared helpers: launch Debian's Chromium (never a downloaded browser) and sign in through the Vaadin login form.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE_URL = process.env.PONTE_URL ?? 'http://127.0.0.1:18080';
export const SCREENSHOTS = process.env.PONTE_SCREENSHOTS ?? join(process.cwd(), '..', '..', '..', 'target', 'e2e');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ponte-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // several tabs of one person are watched at once: keep background tabs running at full speed
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows'],
  });
}

export async function signIn(page, username, password = 'ponte-demo') {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('vaadin-login-form input[name="username"]').fill(username);
  await page.locator('vaadin-login-form input[name="password"]').fill(password);
  await page.locator('vaadin-login-form vaadin-button[slot="submit"]').click();
}

export async function navigationLabels(page) {
  await page.locator('#main-navigation vaadin-side-nav-item').first().waitFor();
  return page.locator('#main-navigation vaadin-side-nav-item').evaluateAll(items => items.map(i => i.textContent.trim()));
}
