// End-to-end in Firefox (Debian's firefox-esr, driven over WebDriver BiDi):
// the single-file build opened from disk fills, checks and keeps drafts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { shownIssues } from './support/browser.mjs';
import { firefoxFromDisk } from './support/firefox.mjs';

/** The single-file build opened from disk in Firefox, a new draft of `template` started. */
async function newDraftFromDisk(template) {
  const opened = await firefoxFromDisk(resolve('dist-single/bieumau-cchc.html'));
  const start = `[data-action="new-draft"][data-template="${template}"]`;
  try {
    await opened.page.waitForSelector(start, { timeout: 30000 });
    await opened.page.click(start);
    return opened;
  } catch (error) {
    await opened.browser.close();
    throw error;
  }
}

describe('single file in Firefox', () => {
  test('opened from file://, it fills, checks, saves and reopens the draft', async () => {
    const { browser, page, errors } = await newDraftFromDisk('xa-01b');
    try {
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

  // A grid's number cell is a text box (contenteditable="plaintext-only";
  // `true` in a Firefox before 136, and the app keeps the cell plain text).
  test('a grid\'s number cells take keys and pastes as plain text, and reopen', async () => {
    const { browser, page, errors } = await newDraftFromDisk('huyen-cchc');
    try {
      await page.waitForSelector('[data-action="add-row"][data-section="pl5"]');
      const supported = await page.evaluate(() => {
        const d = document.createElement('div');
        d.setAttribute('contenteditable', 'plaintext-only');
        return d.contentEditable === 'plaintext-only';
      });
      for (let i = 0; i < 2; i++) {
        await page.waitForFunction(() => !document.querySelector('.paper [hidden="until-found"]'));
        await page.click('[data-action="add-row"][data-section="pl5"]');
      }
      const cell = (row, column) => `[data-code="pl5/${row}/c${column}"]`;
      await page.waitForSelector(cell(2, 5));
      assert.equal(await page.$eval(cell(1, 5), (n) => n.getAttribute('contenteditable')), supported ? 'plaintext-only' : 'true');
      await page.click(cell(1, 5));
      await page.keyboard.type('1603');
      // Enter goes down the column, as in a spreadsheet.
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-code')), 'pl5/2/c5');
      await page.keyboard.type('7');
      await page.keyboard.press('Tab');
      assert.equal(await page.$eval(cell(1, 5), (n) => n.textContent), '1.603');
      assert.equal(await page.$eval('[data-computed="pl5/total/c5"]', (n) => n.textContent.trim()), '1.610');
      // A copy of formatted text on the page (the total row's bold figure,
      // copied with Ctrl+C) pastes as its plain text, on one line.
      await page.$eval('[data-computed="pl5/total/c5"]', (n) => window.getSelection().selectAllChildren(n));
      await page.keyboard.down('Control');
      await page.keyboard.press('c');
      await page.keyboard.up('Control');
      await page.click(cell(2, 6));
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.press('v');
      await page.keyboard.up('Control');
      assert.equal(await page.$eval(cell(2, 6), (n) => n.textContent), '1.610');
      assert.equal(await page.$eval(cell(2, 6), (n) => n.childElementCount), 0, 'no markup in the cell');
      await page.keyboard.press('Tab');
      await page.waitForSelector('[data-save-state="saved"]', { timeout: 5000 });
      await page.reload();
      await page.waitForSelector(cell(2, 6));
      assert.equal(await page.$eval(cell(1, 5), (n) => n.textContent), '1.603');
      assert.equal(await page.$eval(cell(2, 5), (n) => n.textContent), '7');
      assert.equal(await page.$eval(cell(2, 6), (n) => n.textContent), '1.610');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
