// End-to-end in Firefox (Debian's firefox-esr, driven over WebDriver BiDi):
// the single-file build opened from disk fills, checks and keeps drafts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { shownIssues } from './support/browser.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

describe('single file in Firefox', () => {
  test('opened from file://, it fills, checks, saves and reopens the draft', async () => {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(resolve('dist-single/bieumau-cchc.html')).href);
      await page.waitForSelector('[data-action="new-draft"][data-template="xa-01b"]', { timeout: 30000 });
      await page.click('[data-action="new-draft"][data-template="xa-01b"]');
      await page.waitForSelector('[data-code="3.3.1"]');
      for (const [code, value] of [['3.3.1', '1603'], ['3.3.1.a', '581'], ['3.3.1.b', '2'], ['3.3.1.c', '525'], ['3.3.1.d', '489'], ['3.2.4', '99.5']]) {
        // While keys come, blocks far from the screen wait unrendered
        // (browser/typing_window.rs); a script clicking a far field at once,
        // with no scroll, waits for the pause as Playwright's click does.
        await page.waitForFunction(() => !document.querySelector('.paper [hidden="until-found"]'));
        await page.click(`[data-code="${code}"]`);
        await page.keyboard.type(value);
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.$eval('[data-computed="3.3.1.cong-trong-do"]', (n) => n.textContent), '1.597');
      assert.equal(await page.$eval('[data-code="3.2.4"]', (n) => n.value), '99,5');
      assert.deepEqual(
        // A field's messages show on the frame after the key's (shownIssues waits for it).
        (await shownIssues(page)).map((i) => i.message),
        ['3.3.1: các dòng "Trong đó" cộng lại 1.597, khác tổng 1.603 (lệch 6)'],
      );
      // Firefox ESR keeps local storage for a page opened from disk too.
      assert.equal(await page.$('[data-storage-state="unavailable"]'), null, 'Firefox stores drafts of a file:// page');
      await page.waitForSelector('[data-save-state="saved"]', { timeout: 5000 });
      // The address names the draft (a hash, which works from file:// too): it reopens.
      await page.reload();
      await page.waitForSelector('[data-code="3.3.1"]');
      assert.equal(await page.$eval('[data-code="3.3.1"]', (n) => n.value), '1.603');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
