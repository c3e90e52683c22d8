// End-to-end: figures against the report before. A Quý I 2024 draft copied
// from the 2023 annual report shows last period's figure beside each one,
// warns on a large change with both figures, and keeps the clerk's choice
// of the report to compare with across a reload.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, newDraft, typeInto, valueField, headerField, shownIssues, setUpSuite, reloadInDraft } from './support/browser.mjs';

const suite = setUpSuite();

async function annual2023(page) {
  await newDraft(page, 'xa-01b');
  await typeInto(page, headerField('unit'), 'UBND xã Hoằng Trường');
  await page.selectOption(headerField('period'), 'nam');
  await typeInto(page, headerField('year'), '2023');
  await typeInto(page, valueField('3.3.1'), '1603');
  await typeInto(page, valueField('3.3.2'), '1588');
  await typeInto(page, valueField('1.1'), '1');
  await page.waitForSelector('[data-save-state="saved"]');
  await page.click('[data-action="back"]');
}

describe('the report before', () => {
  test('a copy for Quý I 2024 shows the 2023 figures beside its own, warns on a doubling, and the choice survives a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await annual2023(page);
    await page.click('[data-draft-id] [data-action="duplicate-draft"]');
    const copy = page.locator('[data-draft-id]', { hasText: 'Quý I năm 2024' });
    await copy.locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-section]');

    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '1.603');
    assert.match(await page.textContent('td.value:has([data-previous="3.3.1"]) .previous'), /^Kỳ trước: 1\.603 \(không đổi\)$/);

    // Every copied value is "chưa cập nhật" until edited or confirmed.
    const stale = () => page.$$eval('[data-stale]', (marks) => marks.map((m) => m.getAttribute('data-stale')).sort());
    assert.deepEqual(await stale(), ['1.1', '3.3.1', '3.3.2']);
    assert.equal(await page.textContent('[data-count="stale"]'), '3 chưa cập nhật');
    await page.click('[data-stale="1.1"] [data-action="confirm-value"]');
    assert.deepEqual(await stale(), ['3.3.1', '3.3.2']);
    // Export asks first while any remain.
    await page.click('[data-action="export-csv"]');
    assert.match(await page.textContent('[data-export-stale]'), /^Còn 2 số liệu chép từ kỳ trước chưa cập nhật/);
    await page.click('[data-action="cancel"]');
    assert.equal(await page.textContent('[data-previous="1.1"]'), 'Có ban hành KH', 'a yes/no answer as its label');
    assert.match(await page.textContent('[data-action="set-predecessor"] option:checked'), /^UBND xã Hoằng Trường — Năm 2023$/, 'the copy compares with the report it was copied from');

    // Real keys: the figure doubles.
    await page.click(valueField('3.3.1'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3206');
    const warning = (await shownIssues(page)).find((i) => i.code === '3.3.1' && /kỳ trước/.test(i.message));
    assert.ok(warning, 'a warning beside 3.3.1');
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /3\.206 hồ sơ, gấp 2,0 lần so với kỳ trước \(1\.603\) — ghi chú lý do nếu đúng/);
    assert.match(await page.textContent('td.value:has([data-previous="3.3.1"]) .previous'), /^Kỳ trước: 1\.603 \(\+100 %\)$/);
    await page.keyboard.press('Tab');
    assert.deepEqual(await stale(), ['3.3.2'], 'typing clears the mark');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.deepEqual(await stale(), ['3.3.2'], 'the marks are saved');
    await page.click('[data-action="confirm-section"]');
    assert.deepEqual(await stale(), []);
    assert.equal(await page.$('[data-count="stale"]'), null);
    await page.waitForSelector('[data-save-state="saved"]');

    // The list counts the warning too.
    await page.click('[data-action="back"]');
    const entry = page.locator('[data-draft-id]', { hasText: 'Quý I năm 2024' });
    const warnings = Number(await entry.locator('[data-draft-warnings]').getAttribute('data-draft-warnings'));
    await entry.locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-section]');
    const shown = (await shownIssues(page)).filter((i) => i.severity === 'warning').length;
    assert.equal(warnings, shown, 'the list and the editor count the same warnings');

    // Compare with none: the figures and the warning go, and stay gone after a reload.
    await page.selectOption('[data-action="set-predecessor"]', 'khong');
    await page.waitForSelector('[data-previous="3.3.1"]', { state: 'detached' });
    assert.equal((await shownIssues(page)).some((i) => /kỳ trước/.test(i.message)), false);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.$('[data-previous="3.3.1"]'), null);
    assert.equal(await page.inputValue('[data-action="set-predecessor"]'), 'khong');
    // Back to the rule: found again.
    await page.selectOption('[data-action="set-predecessor"]', 'tu-dong');
    await page.waitForSelector('[data-previous="3.3.1"]');
    await context.close();
  });

  test('a new draft finds the report before by its unit, period and year as they are typed', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await annual2023(page);
    await newDraft(page, 'xa-01b');
    assert.equal(await page.$('[data-previous="3.3.1"]'), null, 'no year yet: nothing to compare with');
    await typeInto(page, headerField('unit'), 'UBND XÃ HOẰNG TRƯỜNG');
    await page.selectOption(headerField('period'), 'quy-3');
    await typeInto(page, headerField('year'), '2024');
    assert.match(await page.textContent('[data-action="set-predecessor"] option:checked'), /báo cáo 6 tháng 2024 của đơn vị này \(chưa có\)/);
    await page.selectOption(headerField('period'), 'quy-1');
    await page.waitForSelector('[data-previous="3.3.1"]');
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '1.603');
    await context.close();
  });
});

describe('targets of the template', () => {
  test('the on-time target is not met at 90 %, named beside 3.3.2 and in the summary; met once the figure is mended; kept after a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    const target = '[data-target="dung-hen"]';
    assert.equal(await page.getAttribute(target, 'data-met'), null, 'no figure yet');
    assert.match(await page.textContent(target), /Tỷ lệ hồ sơ giải quyết đúng hẹn \(3\.3\.2 \/ 3\.3\.1\) \(≥ 95 %\)chưa đủ số liệu để tính/);
    await typeInto(page, valueField('3.3.1'), '1000');
    await typeInto(page, valueField('3.3.2'), '900');
    assert.equal(await page.getAttribute(target, 'data-met'), 'false');
    assert.match(await page.textContent(`${target} .target-result`), /^90 % — chưa đạt tiêu chí của tỉnh: không quá 5 % hồ sơ trễ hạn$/);
    const beside = (await shownIssues(page)).find((i) => i.code === '3.3.2' && /đúng hẹn/.test(i.message));
    assert.equal(beside?.severity, 'warning');
    assert.match(beside.message, /90 % — chưa đạt .*\(chỉ tiêu ≥ 95 %\)/);
    await typeInto(page, valueField('3.3.2'), '990');
    assert.equal(await page.getAttribute(target, 'data-met'), 'true');
    assert.match(await page.textContent(`${target} .target-result`), /^99 % — đạt tiêu chí của tỉnh/);
    assert.equal((await shownIssues(page)).some((i) => /đúng hẹn/.test(i.message)), false);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.getAttribute(target, 'data-met'), 'true');
    await context.close();
  });
});
