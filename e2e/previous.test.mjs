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

  test('a report before opened from a .json file is checked, kept among the drafts and compared with, after a reload too', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const file = {
      kind: 'bieumau-cchc/draft', format: 1, app_version: 'e2e', id: 'tu-may-khac', name: '', created_at: 1, updated_at: 2, revision: 4,
      report: { template_id: 'xa-01b', template_version: 1, header: { unit: 'UBND xã Hoằng Trường', period: 'year', year: '2023' }, values: { '3.3.1': '800' }, notes: {} },
    };
    await newDraft(page, 'xa-01b');
    await page.setInputFiles('[data-action="open-predecessor"]', { name: 'hoang-truong-2023.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"khác"}') });
    assert.match(await page.textContent('[data-predecessor-message]'), /«hoang-truong-2023\.json»: Không nhập được: đây không phải tệp báo cáo/);
    await page.setInputFiles('[data-action="open-predecessor"]', { name: 'hoang-truong-2023.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForSelector('[data-previous="3.3.1"]');
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '800');
    assert.equal(await page.inputValue('[data-action="set-predecessor"]'), 'ban-nhap:tu-may-khac');
    await typeInto(page, valueField('3.3.1'), '1603');
    assert.ok((await shownIssues(page)).some((i) => /gấp 2,0 lần so với kỳ trước \(800\)/.test(i.message)));
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '800');
    await page.click('[data-action="back"]');
    await page.waitForSelector('[data-draft-id="tu-may-khac"]');
    await context.close();
  });
});

describe('targets of the template', () => {
  test('the on-time target is not met at 90 %, named beside 3.3.2 and in the summary; met once the figure is mended; kept after a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    const target = '[data-target="dung-hen"]';
    assert.equal(await page.getAttribute(target, 'data-met'), null, 'no figure yet');
    assert.match(await page.textContent(target), /Tỷ lệ hồ sơ giải quyết đúng hẹn \(3\.3\.2 \/ 3\.3\.1\)chưa đủ số liệu để tính \(chỉ tiêu ≥ 95 %\)/);
    await typeInto(page, valueField('3.3.1'), '1000');
    await typeInto(page, valueField('3.3.2'), '900');
    assert.equal(await page.getAttribute(target, 'data-met'), 'false');
    assert.match(await page.textContent(`${target} .target-result`), /^90 % \(chỉ tiêu ≥ 95 %\) — chưa đạt$/);
    const beside = (await shownIssues(page)).find((i) => i.code === '3.3.2' && /đúng hẹn/.test(i.message));
    assert.equal(beside?.severity, 'warning');
    assert.equal(beside.message, 'Tỷ lệ hồ sơ giải quyết đúng hẹn (3.3.2 / 3.3.1): 90 % (chỉ tiêu ≥ 95 %) — chưa đạt');
    assert.equal(await page.getAttribute(target, 'data-target-state'), 'not-met');
    await typeInto(page, valueField('3.3.2'), '990');
    assert.equal(await page.getAttribute(target, 'data-met'), 'true');
    assert.match(await page.textContent(`${target} .target-result`), /^99 % \(chỉ tiêu ≥ 95 %\) — đạt$/);
    assert.equal((await shownIssues(page)).some((i) => /đúng hẹn/.test(i.message)), false);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.getAttribute(target, 'data-met'), 'true');
    await context.close();
  });
});

describe('carried-over dossiers in a district report', () => {
  const cell = (row, column) => `[data-code="pl5/${row}/c${column}"]`;
  const lastYear = {
    kind: 'bieumau-cchc/draft', format: 1, app_version: 'e2e', id: 'khanh-son-2023', name: '', created_at: 1, updated_at: 2, revision: 1,
    report: {
      template_id: 'huyen-cchc', template_version: 1,
      header: { unit: 'UBND huyện Khánh Sơn', period: 'year', year: '2023' },
      values: {
        'pl5/1/c2': 'Tư pháp', 'pl5/1/c5': '40', 'pl5/1/c14': '10',
        'pl5/2/c2': 'Đất đai', 'pl5/2/c5': '25', 'pl5/2/c14': '5',
      },
      notes: {}, rows: { pl5: ['1', '2'] },
    },
  };

  async function addRow(page, label) {
    await page.click('[data-action="add-row"][data-section="pl5"]');
    const keys = await page.$$eval('[data-section="pl5"] tbody [data-row]', (rows) => rows.map((r) => r.getAttribute('data-row')));
    const key = keys[keys.length - 1];
    await typeInto(page, cell(key, 2), label);
    return key;
  }

  test('column (4) is filled from last year\'s dossiers in progress by field name, a different figure is warned with both, and a copy marks its cells', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.setInputFiles('[data-action="import"]', { name: 'nam-2023.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lastYear)) });
    await page.waitForSelector('[data-section]');
    await page.click('[data-action="back"]');
    await newDraft(page, 'huyen-cchc');
    await typeInto(page, headerField('unit'), 'UBND HUYỆN KHÁNH SƠN');
    await page.selectOption(headerField('period'), '6-thang');
    await typeInto(page, headerField('year'), '2024');
    // The rows in another order, one of them new.
    const dat = await addRow(page, 'Đất đai');
    const xay = await addRow(page, 'Xây dựng');
    const tu = await addRow(page, 'Tư pháp');
    assert.match(await page.textContent('[data-section="pl5"] .carry-bar'),
      /Cột \(4\) «Kỳ trước chuyển sang» phải bằng cột \(14\) «Hồ sơ đang giải quyết – Tổng số» của «UBND huyện Khánh Sơn — Năm 2023»/);
    await page.click('[data-action="fill-carried-over"][data-section="pl5"]');
    assert.equal(await page.textContent('[data-section="pl5"] [data-carry-message]'),
      ' Đã điền 2 dòng từ kỳ trước. Không có trong báo cáo kỳ trước (hãy nhập tay): Xây dựng.');
    assert.equal(await page.inputValue(cell(dat, 4)), '5');
    assert.equal(await page.inputValue(cell(tu, 4)), '10');
    assert.equal(await page.inputValue(cell(xay, 4)), '');
    assert.equal((await shownIssues(page)).some((i) => i.code.endsWith('/c4')), false, 'filled figures agree');

    await typeInto(page, cell(tu, 4), '12');
    const warning = (await shownIssues(page)).find((i) => i.code === `pl5/${tu}/c4`);
    assert.equal(warning?.severity, 'warning');
    assert.match(warning.message, /^Phụ lục V, dòng 3 \(Tư pháp\): \(4\) «Kỳ trước chuyển sang» = 12, khác \(14\) «Hồ sơ đang giải quyết – Tổng số» của «UBND huyện Khánh Sơn — Năm 2023» = 10$/);
    // A focused cell shows its figure of last year.
    await page.click(cell(tu, 5));
    assert.equal(await page.textContent('[data-section="pl5"] [data-previous]'), '40');
    assert.equal(await page.getAttribute('[data-section="pl5"] [data-previous]', 'data-previous'), `pl5/${tu}/c5`);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.ok((await shownIssues(page)).some((i) => i.code === `pl5/${tu}/c4`), 'still warned after a reload');

    // Copying last year's report marks every copied cell until confirmed.
    await page.click('[data-action="back"]');
    await page.click('[data-draft-id="khanh-son-2023"] [data-action="duplicate-draft"]');
    await page.locator('[data-draft-id]', { hasText: 'Quý I năm 2024' }).locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-section="pl5"]');
    assert.equal(await page.getAttribute(cell(1, 14), 'data-stale'), 'pl5/1/c14');
    assert.match(await page.textContent('[data-section="pl5"] [data-stale-count]'), /Phần này còn 4 số liệu chép từ kỳ trước/);
    // A block pasted from a spreadsheet edits its cells: they are no longer marked.
    await page.$eval(cell(1, 14), (el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '7\t3\r\n');
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.inputValue(cell(1, 14)), '7');
    assert.equal(await page.getAttribute(cell(1, 14), 'data-stale'), null);
    assert.ok(Number(await page.getAttribute('[data-section="pl5"] [data-stale-count]', 'data-stale-count')) < 4, 'fewer marked cells');
    await page.click('[data-section="pl5"] [data-action="confirm-section"]');
    assert.equal(await page.getAttribute(cell(1, 14), 'data-stale'), null);
    await context.close();
  });
});
