// End-to-end: the address names the screen. A reload returns to the open
// draft at the same place, back returns to the list and forward to the
// draft, and a link to a draft that is gone says so and shows the list.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, newDraft, typeInto, valueField, headerField, setUpSuite } from './support/browser.mjs';

const suite = setUpSuite();
const hash = (page) => decodeURIComponent(new URL(page.url()).hash);

describe('the address of a draft', () => {
  test('a reload far down a draft returns to the same draft at the same place, and typing goes on', async () => {
    const { page, context, errors } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, valueField('3.3.1'), '1603');
    await page.waitForSelector('[data-save-state="saved"]');
    const route = hash(page);
    assert.match(route, /^#\/ban-nhap\/.+/);
    // Far down, as a clerk working through section 7.
    await page.locator(valueField('7.5.1')).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    // The row at the top of the window, below the toolbar, and where it stands.
    const atTop = () => page.evaluate(() => {
      const below = document.querySelector('.toolbar').getBoundingClientRect().bottom;
      const row = [...document.querySelectorAll('tr[data-row-code]')].find((r) => r.getBoundingClientRect().top >= below);
      return { code: row.dataset.rowCode, top: Math.round(row.getBoundingClientRect().top) };
    });
    const before = await atTop();
    assert.match(before.code, /^7\./, `the top row is ${before.code}`);
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.equal(hash(page), route);
    assert.equal(await page.$('[data-draft-id]'), null, 'the editor, not the list');
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    // Rows above have their real heights only once laid out: the app places the clerk by the row.
    await page.waitForFunction(({ code, top }) => {
      const row = document.querySelector(`tr[data-row-code="${code}"]`);
      return row && Math.abs(row.getBoundingClientRect().top - top) < 4;
    }, before, { timeout: 3000 });
    // The next thing the clerk does: type on, see it saved, reload again.
    await page.click(valueField('7.5.1'));
    await page.keyboard.type('12');
    await page.waitForSelector('[data-save-state="saved"]');
    const kept = await page.evaluate(() => window.scrollY);
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('7.5.1')), '12');
    // The clerk scrolls up at once, while the page is still settling: the
    // app lets go rather than pull the page back from under the wheel.
    await page.mouse.move(600, 450);
    await page.mouse.wheel(0, -1500);
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(after < kept - 1000, `scrolled up from ${kept} to ${after}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('back returns to the list, forward to the draft; neither loses a keystroke', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    const route = hash(page);
    await page.click(valueField('1.1.1'));
    await page.keyboard.type('10');
    // Straight to back, before the autosave's quiet second is over.
    await page.goBack();
    await page.waitForSelector('[data-draft-id]');
    assert.ok(['', '#/'].includes(hash(page)), hash(page));
    assert.match(await page.textContent('[data-draft-id]'), /Đã điền 1\/63 chỉ tiêu/);
    await page.goForward();
    await page.waitForSelector('[data-section]');
    assert.equal(hash(page), route);
    assert.equal(await page.inputValue(valueField('1.1.1')), '10');
    // The app's own "← Danh sách" makes an entry too: back reopens the draft.
    await page.click('[data-action="back"]');
    await page.waitForSelector('[data-draft-id]');
    assert.equal(hash(page), '#/');
    await page.goBack();
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('1.1.1')), '10');
    await context.close();
  });

  // A field of the header had the focus as the editor went: its `blur`
  // came after the editor's signals were gone, a panic (RuntimeError:
  // unreachable) that stopped the app. Both templates, with the caret
  // still in the field and after Tab (to the next header field).
  test('back from the header field being typed in shows the list with the unit, forward reopens it', async () => {
    for (const template of ['xa-01b', 'tinh-cchc']) {
      const { page, context, errors } = await openApp(suite.browser, suite.server.url);
      await newDraft(page, template);
      const route = hash(page);
      const back = async (unit) => {
        await page.goBack();
        await page.waitForSelector('[data-draft-id]');
        assert.deepEqual(errors, [], `${template}: no error going back`);
        assert.ok(['', '#/'].includes(hash(page)), hash(page));
        assert.match(await page.textContent('[data-draft-id] .draft-title'), new RegExp(`^${unit} — `));
        await page.goForward();
        await page.waitForSelector('[data-section]');
        assert.equal(hash(page), route);
        assert.equal(await page.inputValue(headerField('unit')), unit, template);
      };
      // Typing, and straight to back with the caret still in the field.
      await page.click(headerField('unit'));
      await page.keyboard.type('UBND XÃ HOẰNG TRƯỜNG');
      await back('UBND XÃ HOẰNG TRƯỜNG');
      // Retyped and left with Tab: the next header field has the focus.
      await typeInto(page, headerField('unit'), 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG');
      await back('ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('a link to a draft that is gone says so and shows the list', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, valueField('1.1.1'), '10');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.goto(`${suite.server.url}#/ban-nhap/da-xoa`);
    const notice = await page.waitForSelector('[data-route-notice]');
    assert.match(await notice.textContent(), /Bản nháp «da-xoa» không có trong trình duyệt này/);
    assert.equal(await page.locator('[data-draft-id]').count(), 1, 'the list, with the draft that is there');
    assert.equal(hash(page), '#/');
    // Opening a draft from the list works as usual, and clears the message.
    await page.click('[data-draft-id] [data-action="open-draft"]');
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('1.1.1')), '10');
    // The same link opened in a new tab: the app starts on the list, saying so.
    const tab = await context.newPage();
    await tab.goto(`${suite.server.url}#/ban-nhap/khac`);
    assert.match(await (await tab.waitForSelector('[data-route-notice]')).textContent(), /«khac»/);
    assert.equal(await tab.locator('[data-draft-id]').count(), 1);
    await context.close();
  });
});
