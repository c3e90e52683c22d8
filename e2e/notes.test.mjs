// End-to-end: a note a clerk can read. Ghi chú is a visible box that grows
// with its text: a long note typed with real keys is shown whole on screen
// (nothing scrolled out of the box), Alt+Enter breaks its line and Enter goes
// to the next row's note, as down a spreadsheet's column. After a reload the
// note is there with its line break, and on paper it is printed whole.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openApp, newDraft, typeInto, valueField, noteField, headerField, setUpSuite, reloadInDraft } from './support/browser.mjs';
import { printToPdf } from './support/pdf.mjs';

const suite = setUpSuite();

const LONG = 'Số liệu "Trong đó" gồm 525 hồ sơ trực tuyến toàn trình và 489 hồ sơ trực tuyến một phần, theo báo cáo của bộ phận một cửa';

/** How a note's box shows its text: its height, one line's, and whether all of it is inside. */
const box = (page, code) => page.$eval(noteField(code), (area) => {
  const style = getComputedStyle(area);
  return {
    height: area.clientHeight,
    line: parseFloat(style.lineHeight),
    whole: area.scrollHeight <= area.clientHeight + 1,
    border: style.borderTopStyle !== 'none' && style.borderTopColor !== 'rgba(0, 0, 0, 0)',
  };
});

describe('notes', () => {
  test('a long note grows its box, breaks lines with Alt+Enter, moves on with Enter, and is kept and printed whole', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, headerField('unit'), 'UBND xã Hoằng Trường');
    await typeInto(page, headerField('year'), '2023');
    await typeInto(page, valueField('3.3.1'), '1603');

    const empty = await box(page, '3.3.1');
    assert.ok(empty.border, 'an empty note is a visible box, before it is clicked');

    // Tab from the figure to its note, as the clerk does, and type.
    await page.click(valueField('3.3.1'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-note')), '3.3.1');
    await page.keyboard.type(LONG);
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.type('Đã đối chiếu.');
    const grown = await box(page, '3.3.1');
    assert.ok(grown.whole, `the whole note is inside its box: ${JSON.stringify(grown)}`);
    assert.ok(grown.height >= 3 * grown.line, `the box grew to several lines: ${JSON.stringify(grown)}`);
    assert.equal(await page.inputValue(noteField('3.3.1')), `${LONG}\nĐã đối chiếu.`, 'Alt+Enter broke the line');

    // Enter goes down the Ghi chú column, to the next row's note; nothing is added to this one.
    const notes = await page.$$eval('[data-note]', (all) => all.map((n) => n.getAttribute('data-note')));
    const next = notes[notes.indexOf('3.3.1') + 1];
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-note')), next);
    assert.equal(await page.inputValue(noteField('3.3.1')), `${LONG}\nĐã đối chiếu.`);

    mkdirSync('target/e2e-screens', { recursive: true });
    await page.locator('[data-row-code="3.3.1"]').screenshot({ path: 'target/e2e-screens/note-on-screen.png' });

    // Saved, and there after a reload, with its line break and its whole box.
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    await page.waitForSelector(noteField('3.3.1'));
    assert.equal(await page.inputValue(noteField('3.3.1')), `${LONG}\nĐã đối chiếu.`);
    assert.ok((await box(page, '3.3.1')).whole, 'after a reload too');

    // On paper: the whole note, every word of it, in the annex.
    const pdf = await printToPdf(page, 'notes');
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const words of ['525 hồ sơ trực tuyến', 'bộ phận một cửa', 'Đã đối chiếu.']) {
      assert.ok(flat.includes(words), `the printed note has «${words}»`);
    }
    await context.close();
  });
});
