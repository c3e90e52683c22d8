// End-to-end: one pre-flight before any document goes out. A new draft with
// a header and a few figures asks before its .docx (the required narrative
// items are empty, though the narrative was never begun) but not before its
// .xlsx (no narrative there); a warning whose row has a note is listed as
// explained; once the narrative is begun, its items are listed once.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, newDraft, typeInto, valueField, noteField, headerField, setUpSuite, reloadInDraft } from './support/browser.mjs';

const suite = setUpSuite();

const listed = (page) => page.$$eval('[data-export-issue]', (items) =>
  items.map((li) => ({ code: li.getAttribute('data-export-issue'), explained: li.getAttribute('data-explained') === 'true', text: li.textContent })));

describe('the pre-flight', () => {
  test('lists empty required narrative items for the .docx only, marks explained warnings, and lets the clerk send', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, headerField('unit'), 'UBND xã Hoằng Trường');
    await page.selectOption(headerField('period'), 'nam');
    await typeInto(page, headerField('year'), '2023');
    await typeInto(page, valueField('3.3.1'), '1603');
    await typeInto(page, valueField('3.3.2'), '1588');
    await page.waitForSelector('[data-save-state="saved"]');

    // The .xlsx has no narrative and nothing else is open: it downloads at once.
    const xlsx = page.waitForEvent('download');
    await page.click('[data-action="export-xlsx"]');
    assert.match((await xlsx).suggestedFilename(), /\.xlsx$/);
    assert.equal(await page.$('[data-export-confirm]'), null);

    // The .docx asks: every required item of an annual report is empty.
    await page.click('[data-action="export-docx"]');
    await page.waitForSelector('[data-export-confirm="docx"]');
    const items = await listed(page);
    assert.ok(items.length >= 5, `the empty items: ${JSON.stringify(items)}`);
    assert.ok(items.every((i) => i.code.startsWith('outline:') && /chưa có nội dung/.test(i.text)), JSON.stringify(items));
    assert.ok(items.some((i) => i.code === 'outline:I.1'));
    // The clerk may still send it, after confirming.
    const docx = page.waitForEvent('download');
    await page.click('[data-export-confirm] [data-action="confirm"]');
    assert.match((await docx).suggestedFilename(), /\.docx$/);

    // A warning, then its note: listed as explained, still listed.
    await typeInto(page, valueField('3.1.3'), '189');
    await typeInto(page, valueField('3.4.3'), '1599');
    await page.click('[data-action="export-xlsx"]');
    await page.waitForSelector('[data-export-confirm="xlsx"]');
    let warning = (await listed(page)).find((i) => i.code === '3.4.3');
    assert.equal(warning?.explained, false);
    assert.equal((await listed(page)).some((i) => i.code.startsWith('outline:')), false, 'no narrative item in the .xlsx');
    await page.click('[data-export-confirm] [data-action="cancel"]');
    await typeInto(page, noteField('3.4.3'), 'Số liệu theo Cổng dịch vụ công, đang đối chiếu');
    await page.click('[data-action="export-xlsx"]');
    await page.waitForSelector('[data-export-confirm="xlsx"]');
    warning = (await listed(page)).find((i) => i.code === '3.4.3');
    assert.equal(warning?.explained, true);
    assert.match(await page.textContent('[data-export-counts]'), /cảnh báo đã có giải thích ở cột Ghi chú/);
    await page.click('[data-export-confirm] [data-action="cancel"]');

    // The next thing a clerk does: begin the narrative, reload, ask again.
    await typeInto(page, '[data-outline="I.1"]', 'Ủy ban nhân dân xã đã ban hành Kế hoạch số 01/KH-UBND.');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    await page.click('[data-action="export-docx"]');
    await page.waitForSelector('[data-export-confirm="docx"]');
    const after = await listed(page);
    assert.equal(after.some((i) => i.code === 'outline:I.1' && /chưa có nội dung/.test(i.text)), false, 'I.1 has text now');
    const codes = after.map((i) => i.code);
    assert.equal(new Set(codes.filter((c) => c.startsWith('outline:'))).size, codes.filter((c) => c.startsWith('outline:')).length,
      'each empty item is listed once, not twice');
    assert.ok(codes.some((c) => c.startsWith('outline:')), 'the other required items are still listed');
    await context.close();
  });
});
