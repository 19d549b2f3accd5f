// Screenshots of the lists at a width, per user: node bench/shots.mjs <dir> <width> user[,user...]
import { BASE_URL, launch, signIn } from '../browser.mjs';
const [dir, width, users] = [process.argv[2], Number(process.argv[3]), process.argv[4].split(',')];
const paths = (process.env.PATHS ?? 'leads,inbox,agenda,interactions').split(',');
for (const user of users) {
  const context = await launch();
  const page = context.pages()[0] ?? await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, user);
  await page.locator('#home-welcome').waitFor({ timeout: 60000 });
  for (const p of paths) {
    const r = await page.goto(`${BASE_URL}/${p}`);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `${dir}/${p}-${user}-${width}.png` });
    // cut header/cell texts (ellipsis): report text whose scrollWidth exceeds its width
    const cut = await page.evaluate(() => {
      const out = [];
      const check = el => { if (el.scrollWidth > el.clientWidth + 1 && el.textContent.trim()) out.push(el.textContent.trim().slice(0, 40)); };
      document.querySelectorAll('vaadin-grid-cell-content').forEach(c => { check(c); c.querySelectorAll('*').forEach(check); });
      return [...new Set(out)].slice(0, 25);
    });
    console.log(`${p} ${user} ${width}: status ${r?.status()} cut: ${JSON.stringify(cut)}`);
  }
  await context.close();
}
