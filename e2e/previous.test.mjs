// End-to-end: figures against the reports before. Changes are judged like
// with like: a Quý I against Quý I a year earlier, 6 tháng against 6
// tháng, Năm against Năm, never a quarter against a whole year; where no
// such report is saved there is no change warning. A copy of the annual
// report for Quý I keeps its "chưa cập nhật" marks; the clerk's choices of
// the reports survive a reload.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, newDraft, typeInto, valueField, headerField, shownIssues, setUpSuite, reloadInDraft, clickOnce, pasteWithKeys, fieldValue } from './support/browser.mjs';

const suite = setUpSuite();

/** A saved report of Hoằng Trường for `period` of `year`, with `figures` typed. */
async function report(page, period, year, figures) {
  await newDraft(page, 'xa-01b');
  await typeInto(page, headerField('unit'), 'UBND xã Hoằng Trường');
  await page.selectOption(headerField('period'), period);
  await typeInto(page, headerField('year'), year);
  for (const [code, text] of Object.entries(figures)) {
    await typeInto(page, valueField(code), text);
  }
  await page.waitForSelector('[data-save-state="saved"]');
  await page.click('[data-action="back"]');
}

const annual2023 = (page) => report(page, 'nam', '2023', { '3.3.1': '1603', '3.3.2': '1588', '1.1': '1' });
const changeWarnings = async (page) => (await shownIssues(page)).filter((i) => / so với /.test(i.message));

describe('the reports before', () => {
  test('a Quý I copied from the annual report is judged against Quý I a year earlier, never the year; marks and choices survive a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await annual2023(page);
    await page.click('[data-draft-id] [data-action="duplicate-draft"]');
    const copy = () => page.locator('[data-draft-id]', { hasText: 'Quý I năm 2024' });
    await copy().locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-section]');

    // No Quý I 2023 saved: nothing to judge a change against.
    assert.equal(await page.$('[data-previous="3.3.1"]'), null, 'never the annual figure');
    assert.match(await page.textContent('[data-action="set-predecessor"] option:checked'), /^Tự tìm báo cáo Quý I 2023 của đơn vị này \(chưa có\)$/);

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

    // Real keys: a quarter's figures, a quarter of the year's. No warning.
    await page.click(valueField('3.3.1'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('400');
    await page.click(valueField('3.3.2'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('397');
    await page.keyboard.press('Tab');
    assert.deepEqual(await changeWarnings(page), [], 'a quarter is never judged against a year');
    assert.deepEqual(await stale(), [], 'typing clears the marks');
    await page.waitForSelector('[data-save-state="saved"]');

    // Quý I 2023 is saved: now the change is judged against it.
    await page.click('[data-action="back"]');
    await report(page, 'quy-1', '2023', { '3.3.1': '388', '3.3.2': '380' });
    await copy().locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-previous="3.3.1"]');
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '388');
    assert.match(await page.textContent('td.value:has([data-previous="3.3.1"]) .previous'), /^Cùng kỳ 2023: 388 \(\+3,1 %\)$/);
    assert.match(await page.textContent('[data-action="set-predecessor"] option:checked'), /^Tự tìm: UBND xã Hoằng Trường — Quý I năm 2023$/);
    assert.deepEqual(await changeWarnings(page), []);
    await page.click(valueField('3.3.1'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('800');
    const warning = (await changeWarnings(page)).find((i) => i.code === '3.3.1');
    assert.equal(warning?.severity, 'warning');
    assert.equal(warning.message, '800 hồ sơ, gấp 2,1 lần so với cùng kỳ 2023 (388) — ghi chú lý do nếu đúng');
    assert.match(await page.textContent('td.value:has([data-previous="3.3.1"]) .previous'), /^Cùng kỳ 2023: 388 \(\+106,2 %\)$/);
    await page.keyboard.press('Tab');
    await page.waitForSelector('[data-save-state="saved"]');

    // The list counts the warning too.
    await page.click('[data-action="back"]');
    const warnings = Number(await copy().locator('[data-draft-warnings]').getAttribute('data-draft-warnings'));
    await copy().locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-section]');
    const shown = (await shownIssues(page)).filter((i) => i.severity === 'warning').length;
    assert.equal(warnings, shown, 'the list and the editor count the same warnings');

    // The clerk overrides the rule: the annual report, named as such.
    const annual = await page.$$eval('[data-action="set-predecessor"] option', (options) => options.find((o) => o.textContent.endsWith('— Năm 2023')).value);
    await page.selectOption('[data-action="set-predecessor"]', annual);
    await page.waitForFunction(() => document.querySelector('[data-previous="3.3.1"]')?.textContent === '1.603');
    assert.match(await page.textContent('td.value:has([data-previous="3.3.1"]) .previous'), /^Năm 2023: 1\.603 /);
    assert.ok((await changeWarnings(page)).some((i) => i.message === '800 hồ sơ, giảm 50,1 % so với năm 2023 (1.603) — ghi chú lý do nếu đúng'));
    // Compare with none: the figures and the warning go, and stay gone after a reload.
    await page.selectOption('[data-action="set-predecessor"]', 'khong');
    await page.waitForSelector('[data-previous="3.3.1"]', { state: 'detached' });
    assert.deepEqual(await changeWarnings(page), []);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.$('[data-previous="3.3.1"]'), null);
    assert.equal(await page.inputValue('[data-action="set-predecessor"]'), 'khong');
    // Back to the rule: Quý I 2023 again.
    await page.selectOption('[data-action="set-predecessor"]', 'tu-dong');
    await page.waitForFunction(() => document.querySelector('[data-previous="3.3.1"]')?.textContent === '388');
    await context.close();
  });

  test('a new draft finds the same period a year earlier by its unit, period and year as they are typed: 6 tháng with 6 tháng, Năm with Năm', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await annual2023(page);
    await report(page, '6-thang', '2023', { '3.3.1': '700' });
    await newDraft(page, 'xa-01b');
    assert.equal(await page.$('[data-previous="3.3.1"]'), null, 'no year yet: nothing to compare with');
    await typeInto(page, headerField('unit'), 'UBND XÃ HOẰNG TRƯỜNG');
    await page.selectOption(headerField('period'), 'quy-3');
    await typeInto(page, headerField('year'), '2024');
    assert.match(await page.textContent('[data-action="set-predecessor"] option:checked'), /báo cáo Quý III 2023 của đơn vị này \(chưa có\)/);
    assert.equal(await page.$('[data-previous="3.3.1"]'), null);
    await page.selectOption(headerField('period'), '6-thang');
    await page.waitForSelector('[data-previous="3.3.1"]');
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '700');
    await page.selectOption(headerField('period'), 'nam');
    await page.waitForFunction(() => document.querySelector('[data-previous="3.3.1"]')?.textContent === '1.603');
    await typeInto(page, valueField('3.3.1'), '1650');
    assert.match(await page.textContent('td.value:has([data-previous="3.3.1"]) .previous'), /^Cùng kỳ 2023: 1\.603 \(\+2,9 %\)$/);
    assert.deepEqual(await changeWarnings(page), []);
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
    // A file of a newer form is refused, and nothing is kept.
    const newer = { ...file, id: 'moi-hon', report: { ...file.report, template_version: 99, values: { '3.3.9': '5' } } };
    await page.setInputFiles('[data-action="open-predecessor"]', { name: 'moi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
    await page.waitForFunction(() => document.querySelector('[data-predecessor-message]')?.textContent.includes('moi.json'));
    assert.match(await page.textContent('[data-predecessor-message]'), /«moi\.json»: Không nhập được: tệp được tạo bằng biểu mẫu «xa-01b» phiên bản 99, mới hơn phiên bản 1 mà ứng dụng này có\. Hãy cập nhật ứng dụng/);
    await page.setInputFiles('[data-action="open-predecessor"]', { name: 'hoang-truong-2023.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForSelector('[data-previous="3.3.1"]');
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '800');
    assert.equal(await page.inputValue('[data-action="set-predecessor"]'), 'ban-nhap:tu-may-khac');
    await typeInto(page, valueField('3.3.1'), '1603');
    assert.ok((await shownIssues(page)).some((i) => /gấp 2,0 lần so với năm 2023 \(800\)/.test(i.message)));
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.textContent('[data-previous="3.3.1"]'), '800');
    await page.click('[data-action="back"]');
    await page.waitForSelector('[data-draft-id="tu-may-khac"]');
    assert.equal(await page.$('[data-draft-id="moi-hon"]'), null, 'the newer file was not kept');
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
    const rows = () => page.$$eval('[data-section="pl5"] tbody [data-row]', (rows) => rows.map((r) => r.getAttribute('data-row')));
    const before = await rows();
    await clickOnce(page, '[data-action="add-row"][data-section="pl5"]');
    const keys = await rows();
    assert.equal(keys.length, before.length + 1, 'one click on «+ Thêm lĩnh vực» added one row');
    const key = keys[keys.length - 1];
    await typeInto(page, cell(key, 2), label);
    return key;
  }

  test('column (4) is filled from last year\'s dossiers in progress by field name, a different figure is warned with both, and a copy marks its cells', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url, { clipboard: true });
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
    assert.equal(await fieldValue(page, cell(dat, 4)), '5');
    assert.equal(await fieldValue(page, cell(tu, 4)), '10');
    assert.equal(await fieldValue(page, cell(xay, 4)), '');
    assert.equal((await shownIssues(page)).some((i) => i.code.endsWith('/c4')), false, 'filled figures agree');

    await typeInto(page, cell(tu, 4), '12');
    const warning = (await shownIssues(page)).find((i) => i.code === `pl5/${tu}/c4`);
    assert.equal(warning?.severity, 'warning');
    assert.match(warning.message, /^Phụ lục V, dòng 3 \(Tư pháp\): \(4\) «Kỳ trước chuyển sang» = 12, khác \(14\) «Hồ sơ đang giải quyết – Tổng số» của «UBND huyện Khánh Sơn — Năm 2023» = 10$/);
    // No 6 tháng 2023 saved: no figure to compare with. The clerk picks
    // the annual report; a focused cell shows its figure, so named.
    await page.click(cell(tu, 5));
    assert.equal(await page.$('[data-section="pl5"] [data-previous]'), null);
    await page.selectOption('[data-action="set-predecessor"]', 'ban-nhap:khanh-son-2023');
    await page.click(cell(tu, 5));
    await page.waitForSelector('[data-section="pl5"] [data-previous]');
    assert.equal(await page.textContent('[data-section="pl5"] [data-previous]'), '40');
    assert.match(await page.textContent('[data-section="pl5"] .cell-previous'), /^Năm 2023, dòng 3 cột \(5\): 40/);
    assert.match(await page.textContent('[data-action="set-carry-from"] option:checked'), /^Tự tìm: UBND huyện Khánh Sơn — Năm 2023$/, 'dossiers still carried over from the year');
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
    await pasteWithKeys(page, cell(1, 14), '7\t3\r\n');
    assert.equal(await fieldValue(page, cell(1, 14)), '7');
    assert.equal(await fieldValue(page, cell(1, 15)), '3', 'the block went on across the row');
    assert.equal(await page.getAttribute(cell(1, 14), 'data-stale'), null);
    assert.ok(Number(await page.getAttribute('[data-section="pl5"] [data-stale-count]', 'data-stale-count')) < 4, 'fewer marked cells');
    await page.click('[data-section="pl5"] [data-action="confirm-section"]');
    assert.equal(await page.getAttribute(cell(1, 14), 'data-stale'), null);
    await context.close();
  });
});
