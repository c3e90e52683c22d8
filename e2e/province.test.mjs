// End-to-end: a province (two levels since 1/7/2025) rolls up the files of
// 160 generated xã, phường and đặc khu into one tinh-cchc draft, in the
// built dist/ in headless Chromium: one row per unit whatever the
// spelling, the totals and the subtotals by kind checked against sums made
// here, the files of another period and the unit sent twice named, and the
// draft's .xlsx and .docx checked as every document is (Open XML
// validator, LibreOffice).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, newDraft, typeInto, headerField, setUpSuite, reloadInDraft, fieldValue } from './support/browser.mjs';
import { readWorkbook } from './support/xlsx.mjs';
import { officeToPdf } from './support/pdf.mjs';
import { unit, figures, draftFile, vn } from './support/province-files.mjs';

const suite = setUpSuite();
const COUNT = 160;
const cell = (section, row, column) => `[data-code="${section}/${row}/c${column}"]`;
const computed = (section, row, column) => `[data-computed="${section}/${row}/c${column}"]`;
const text = (page, selector) => page.$eval(selector, (n) => n.textContent.trim());
const parseVn = (s) => (s === '-' || s === '' ? 0 : Number(s.replace(/\./g, '').replace(',', '.')));
const rowKeys = (page, section) =>
  page.$$eval(`[data-section="${section}"] tbody [data-row]`, (rows) => rows.map((r) => r.getAttribute('data-row')).filter((k) => k !== 'total'));

async function download(page, action) {
  const waiting = page.waitForEvent('download');
  await page.click(`[data-action="${action}"]`);
  // Empty narrative items or open messages: the clerk is asked first.
  const confirm = await page.waitForSelector('[data-export-confirm] [data-action="confirm"]', { timeout: 3000 }).catch(() => null);
  if (confirm) await confirm.click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('the start screen says which structure each template is for', () => {
  test('tinh-cchc is two-level, the district annexes are for periods before 1/7/2025, xa-01b for both', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const levels = await page.$$eval('.template-card', (cards) => Object.fromEntries(cards.map((c) => [
      c.querySelector('[data-action="new-draft"]').getAttribute('data-template'),
      [c.querySelector('[data-levels]').getAttribute('data-levels'), c.querySelector('[data-levels]').textContent.trim()],
    ])));
    assert.equal(levels['tinh-cchc'][0], 'two');
    assert.match(levels['tinh-cchc'][1], /hai cấp.*từ 01\/7\/2025/);
    assert.equal(levels['huyen-cchc'][0], 'three');
    assert.match(levels['huyen-cchc'][1], /trước 01\/7\/2025/);
    assert.equal(levels['bieu-06'][0], 'three');
    assert.equal(levels['xa-01b'][0], 'any');
    await context.close();
  });

  test('a commune report of 2026 has no «huyện» in its hints and goes to the province', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, headerField('year'), '2026');
    for (const field of ['parent-body', 'unit', 'recipients']) {
      const hint = await page.getAttribute(headerField(field), 'placeholder');
      assert.ok(!/huyện/i.test(hint), `${field}: ${hint}`);
    }
    assert.equal(await page.inputValue(headerField('recipients')), '- UBND tỉnh (b/c);\n- Sở Nội vụ (b/c).');
    await context.close();
  });

  test('a commune report of 2024 keeps the district in its hints and no recipients are typed for it', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, headerField('year'), '2024');
    assert.match(await page.getAttribute(headerField('parent-body'), 'placeholder'), /HUYỆN/);
    assert.equal(await page.inputValue(headerField('recipients')), '');
    await context.close();
  });
});

describe('a province rolls up 160 units of three kinds', () => {
  let app;
  // The unit sent twice: an older file of it, with other figures, picked too.
  const twice = 17;
  const files = Array.from({ length: COUNT }, (_, i) => ({
    name: `don-vi-${String(i + 1).padStart(3, '0')}.json`, mimeType: 'application/json', buffer: Buffer.from(draftFile(i, COUNT)),
  }));
  files.push(
    { name: 'cu-17.json', mimeType: 'application/json', buffer: Buffer.from(draftFile(twice, COUNT, { updatedAt: 1, values: { '3.3.1': 1, '3.3.2': 1 } })) },
    { name: 'quy-3.json', mimeType: 'application/json', buffer: Buffer.from(draftFile(COUNT + 5, COUNT + 10, { period: 'quarter-three' })) },
  );
  const units = Array.from({ length: COUNT }, (_, i) => ({ ...unit(i, COUNT), f: figures(i) }));
  const sum = (list, code) => list.reduce((n, u) => n + u.f[code], 0);

  before(async () => {
    app = await openApp(suite.browser, suite.server.url);
    await newDraft(app.page, 'tinh-cchc');
    await typeInto(app.page, headerField('year'), '2026');
    await app.page.setInputFiles('[data-action="rollup"]', files);
    await app.page.waitForSelector('[data-section="tong-hop-xa"]');
  });
  after(() => app.context.close());

  test('the province\'s own recipients once its year is typed', async () => {
    assert.match(await app.page.inputValue(headerField('recipients')), /^- Bộ Nội vụ \(b\/c\);/);
  });

  test('one row per unit, named as the province writes it, whatever the spelling', async () => {
    const { page } = app;
    const keys = await rowKeys(page, 'don-vi');
    assert.equal(keys.length, COUNT);
    const labels = await page.$$eval('[data-section="don-vi"] tbody [data-code$="/c2"]', (n) => n.map((x) => x.value));
    assert.deepEqual(labels, units.map((u) => u.row));
    assert.ok(units.some((u) => u.kind === 2) && units.some((u) => u.kind === 1) && units.some((u) => u.kind === 0), 'three kinds');
  });

  test('the totals are the sums of the units\' figures, made here', async () => {
    const { page } = app;
    assert.equal(parseVn(await text(page, computed('don-vi', 'total', 5))), sum(units, '3.3.1'));
    assert.equal(parseVn(await text(page, computed('don-vi', 'total', 8))), sum(units, '3.3.2'));
    assert.equal(await page.$$eval('[data-issue-for^="don-vi/"]', (n) => n.length), 0, 'the rolled-up columns break no identity');
    assert.equal(await fieldValue(page, cell('don-vi', String(twice + 1), 5)), vn(figures(twice)['3.3.1']), 'the newer file of the unit sent twice');
  });

  test('the subtotals by kind add up the rows of each kind, and to the total', async () => {
    const { page } = app;
    for (const [row, kind] of [['1', 0], ['2', 1], ['3', 2]]) {
      const of = units.filter((u) => u.kind === kind);
      assert.equal(parseVn(await fieldValue(page, cell('theo-loai', row, 5))), sum(of, '3.3.1'), `row ${row}, (5)`);
      assert.equal(parseVn(await fieldValue(page, cell('theo-loai', row, 8))), sum(of, '3.3.2'), `row ${row}, (8)`);
      assert.equal(parseVn(await fieldValue(page, cell('theo-loai', row, 21))), of.length, `row ${row}, units`);
    }
    assert.equal(await text(page, computed('theo-loai', 'total', 5)), await text(page, computed('don-vi', 'total', 5)));
    assert.equal(parseVn(await text(page, computed('theo-loai', 'total', 21))), COUNT);
  });

  test('the summary: counts summed, the on-time rate worked out from the sums, answers counted', async () => {
    const { page } = app;
    const summary = (code) => text(page, `[data-computed="tong-hop-xa/${code}"]`);
    assert.equal(parseVn(await summary('3.3.1')), sum(units, '3.3.1'));
    const rate = (sum(units, '3.3.2') / sum(units, '3.3.1')) * 100;
    assert.equal(await summary('3.3.2.ty-le-dung-hen'), rate.toFixed(2).replace('.', ','));
    const yes = units.filter((u) => u.f['1.1'] === 1).length;
    assert.equal(await summary('1.1'), `Có ban hành KH: ${yes} đơn vị; Không ban hành KH: ${COUNT - yes} đơn vị`);
  });

  test('the file of another period and the unit sent twice are named with the reason', async () => {
    const notices = await app.page.$$eval('[data-rollup-notice]', (n) => n.map((x) => x.textContent));
    assert.equal(notices.length, 2, notices.join('\n'));
    assert.ok(notices.some((n) => n.includes('«quy-3.json»') && n.includes('quý III năm 2026') && n.includes('khác kỳ của báo cáo của tỉnh')), notices.join('\n'));
    assert.ok(notices.some((n) => n.includes(`Hai tệp của cùng ${units[twice].row}`) && n.includes('«cu-17.json»')), notices.join('\n'));
  });

  test('a file picked again updates its row and the subtotals', async () => {
    const { page } = app;
    const i = 1; // a phường
    assert.equal(units[i].kind, 1);
    const before = parseVn(await fieldValue(page, cell('theo-loai', '2', 5)));
    const again = { name: 'lai.json', mimeType: 'application/json', buffer: Buffer.from(draftFile(i, COUNT, { updatedAt: 999, values: { '3.3.1': figures(i)['3.3.1'] + 100, '3.3.2': 1 } })) };
    await page.setInputFiles('[data-action="rollup"]', [again]);
    await page.waitForFunction((b) => Number(document.querySelector('[data-code="theo-loai/2/c5"]').textContent.replace(/\./g, '')) === b + 100, before);
    assert.equal((await rowKeys(page, 'don-vi')).length, COUNT, 'no new row');
    assert.equal(parseVn(await fieldValue(page, cell('don-vi', '2', 5))), figures(i)['3.3.1'] + 100);
  });

  test('the result is an ordinary draft: saved and reopened', async () => {
    const { page } = app;
    await page.waitForSelector(':is([data-save-state="saved"], [data-save-state="unchanged"])');
    await reloadInDraft(page);
    await page.waitForSelector('[data-section="tong-hop-xa"]');
    assert.equal((await rowKeys(page, 'don-vi')).length, COUNT);
    assert.equal(parseVn(await fieldValue(page, cell('theo-loai', '3', 21))), units.filter((u) => u.kind === 2).length);
  });

  test('its .xlsx: valid Open XML, the unit table and the subtotals as numbers', async () => {
    const { bytes } = await download(app.page, 'export-xlsx');
    const { sheets } = readWorkbook(bytes);
    const names = sheets.map((s) => s.name);
    for (const name of ['Phụ lục I', 'Phụ lục II']) assert.ok(names.includes(name), names.join(', '));
    const units1 = sheets.find((s) => s.name === 'Phụ lục I');
    assert.equal(units1.orientation, 'landscape');
    const total = [...units1.cells.values()].find((c) => c.value === 'Tổng cộng');
    const row = total.ref.replace(/^[A-Z]+/, '');
    const expected = sum(units, '3.3.1') + 100 - 0; // the phường picked again
    assert.equal(units1.cells.get(`E${row}`).value, expected, 'column (5) total as a number');
    const kinds = sheets.find((s) => s.name === 'Phụ lục II');
    const dacKhu = [...kinds.cells.values()].find((c) => c.value === 'Đặc khu');
    assert.ok(dacKhu, 'a row for the đặc khu');
  });

  test('its .docx: valid Open XML, and LibreOffice prints the province\'s tables', async () => {
    const { name, bytes } = await download(app.page, 'export-docx');
    assert.match(name, /\.docx$/);
    const pdf = officeToPdf(bytes, 'tinh.docx');
    const all = pdf.text.replace(/\s+/g, ' ');
    for (const words of ['XÃ, PHƯỜNG, ĐẶC KHU', 'THEO LOẠI ĐƠN VỊ', 'Đặc khu', 'Tổng cộng']) assert.ok(all.includes(words), `the .docx has «${words}»`);
    assert.ok(!/huyện/i.test(all.replace(/UBND tỉnh|Sở Nội vụ/g, '')), 'no «huyện» in the province\'s report');
  });
});
