// End-to-end: the district annexes (huyen-cchc) of seed 002, Khánh Sơn
// 2019, typed into the built dist/ in headless Chromium as a clerk would;
// and the roll-up of commune files into the commune table.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, newDraft, typeInto, headerField, shownIssues, setUpSuite, reloadInDraft, clickOnce, pasteWithKeys, checksShown, fieldValue } from './support/browser.mjs';
import { readWorkbook } from './support/xlsx.mjs';
import { printToPdf } from './support/pdf.mjs';

const fixture = JSON.parse(readFileSync(new URL('../tests/fixtures/khanh-son-2019.json', import.meta.url)));
const suite = setUpSuite();

const cell = (section, row, column) => `[data-code="${section}/${row}/c${column}"]`;
const computed = (section, row, column) => `[data-computed="${section}/${row}/c${column}"]`;
const text = (page, selector) => page.$eval(selector, (n) => n.textContent.trim());
const rowKeys = (page, section) =>
  page.$$eval(`[data-section="${section}"] tbody [data-row]`, (rows) => rows.map((r) => r.getAttribute('data-row')));
const totalRow = (page, section) => page.$(`[data-section="${section}"] [data-row="total"]`);

/** Adds a row with the add button (once, see `clickOnce`) and types its label and cells, left to right. */
async function typeRow(page, section, row) {
  const before = await rowKeys(page, section);
  await clickOnce(page, `[data-action="add-row"][data-section="${section}"]`);
  const keys = await rowKeys(page, section);
  assert.equal(keys.length, before.length + 1, 'one click on «+ Thêm …» added one row');
  const key = keys[keys.length - 1];
  await typeInto(page, cell(section, key, 2), row.label);
  for (const [column, value] of Object.entries(row.cells)) await typeInto(page, cell(section, key, column), value);
  return key;
}

const parseVn = (s) => (s === '-' || s === '' ? 0 : Number(s.replace(/\./g, '').replace(',', '.')));

describe('Phụ lục V of seed 002: dossier results by field', () => {
  let app;
  before(async () => {
    app = await openApp(suite.browser, suite.server.url);
    await newDraft(app.page, 'huyen-cchc');
    for (const row of fixture.pl5.rows) await typeRow(app.page, 'pl5', row);
  });
  after(() => app.context.close());

  test('the rows are numbered 1 … 11 and keyed by the add button', async () => {
    assert.deepEqual(await rowKeys(app.page, 'pl5'), fixture.pl5.rows.map((_, i) => String(i + 1)));
    assert.ok(await totalRow(app.page, 'pl5'), 'the computed total row is keyed "total"');
    const stt = await app.page.$$eval('[data-section="pl5"] tbody [data-row] td.stt', (n) => n.map((x) => x.textContent.trim()));
    assert.deepEqual(stt, fixture.pl5.rows.map((_, i) => String(i + 1)));
  });

  test('the computed total row equals the seed\'s "Tổng cộng", figure for figure', async () => {
    for (const [column, expected] of Object.entries(fixture.pl5.seed_total)) {
      assert.equal(await text(app.page, computed('pl5', 'total', column)), expected, `column (${column})`);
    }
  });

  test('the seed balances: no message at all', async () => {
    assert.deepEqual(await shownIssues(app.page), []);
  });

  test('a slip is flagged on its row, naming the columns and figures, and the total follows it', async () => {
    const { page } = app;
    await typeInto(page, cell('pl5', '6', 5), '650');
    const issues = await shownIssues(page);
    assert.deepEqual(issues.map((i) => i.code), ['pl5/6/c3']);
    assert.equal(
      issues[0].message,
      'Phụ lục V, dòng 6 (Tài nguyên và Môi trường): (3) «Hồ sơ giải quyết – Tổng số» = 671, khác (4) «Kỳ trước chuyển sang» + (5) «Nhận trong kỳ» = 672 (lệch 1)',
    );
    assert.equal(await text(page, computed('pl5', 'total', 5)), '1.540');
    await typeInto(page, cell('pl5', '6', 5), '-3');
    const error = await shownIssues(page);
    assert.deepEqual(error.map((i) => [i.code, i.severity]), [['pl5/6/c5', 'error']]);
    assert.equal(await text(page, computed('pl5', 'total', 5)), '890', 'an invalid cell is not added');
    await typeInto(page, cell('pl5', '6', 5), '649');
    assert.deepEqual(await shownIssues(page), []);
  });

  test('rows move, are removed with undo, and the draft keeps them after a reload', async () => {
    const { page } = app;
    await page.click('[data-section="pl5"] [data-row="2"] [data-action="move-up"]');
    // The list is drawn again on the next tick: wait for it, then check.
    await page.waitForFunction(() => document.querySelector('[data-section="pl5"] tbody [data-row]')?.getAttribute('data-row') === '2');
    assert.deepEqual((await rowKeys(page, 'pl5')).slice(0, 3), ['2', '1', '3']);
    assert.equal(await text(page, '[data-section="pl5"] [data-row="2"] td.stt'), '1');
    await page.click('[data-section="pl5"] [data-row="11"] [data-action="remove-row"]');
    assert.equal(await text(page, computed('pl5', 'total', 3)), '1.559');
    await page.click('[data-action="undo-remove-row"]');
    assert.equal(await text(page, computed('pl5', 'total', 3)), '1.562');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.deepEqual((await rowKeys(page, 'pl5')).slice(0, 3), ['2', '1', '3']);
    assert.equal(await fieldValue(page, cell('pl5', '6', 2)), 'Tài nguyên và Môi trường');
    assert.equal(await text(page, computed('pl5', 'total', 18)), '55');
  });
});

describe('Phụ lục V pasted from a spreadsheet', () => {
  let app;
  before(async () => {
    app = await openApp(suite.browser, suite.server.url, { clipboard: true });
    await newDraft(app.page, 'huyen-cchc');
  });
  after(() => app.context.close());

  test('a block copied from Excel fills the rows, adding them as needed, and the totals follow', async () => {
    const { page } = app;
    const tsv = fixture.pl5.rows
      .map((row) => [row.label, ...Array.from({ length: 16 }, (_, i) => row.cells[String(i + 3)] ?? '')].join('\t'))
      .join('\r\n');
    // One click on «+ Thêm lĩnh vực», as the clerk would: one row, drawn.
    await clickOnce(page, '[data-action="add-row"][data-section="pl5"]');
    const drawn = await page.waitForSelector(cell('pl5', '1', 2), { timeout: 5000 }).then(() => true, () => false);
    assert.deepEqual(await rowKeys(page, 'pl5'), ['1'], 'one click on «+ Thêm lĩnh vực» added one row');
    assert.ok(drawn, 'its first cell is drawn');
    // Pasted with Ctrl+V from the real clipboard into the first row's label cell.
    await pasteWithKeys(page, cell('pl5', '1', 2), `${tsv}\r\n`);
    assert.deepEqual(await rowKeys(page, 'pl5'), fixture.pl5.rows.map((_, i) => String(i + 1)));
    assert.equal(await fieldValue(page, cell('pl5', '6', 2)), 'Tài nguyên và Môi trường');
    assert.equal(await fieldValue(page, cell('pl5', '6', 17)), '13');
    for (const [column, expected] of Object.entries(fixture.pl5.seed_total)) {
      assert.equal(await text(page, computed('pl5', 'total', column)), expected, `column (${column})`);
    }
    assert.deepEqual(await shownIssues(page), []);
  });

  test('a single value pastes as usual, into the field only', async () => {
    const { page } = app;
    const before = await Promise.all([17, 18].map((c) => fieldValue(page, cell('pl5', '10', c))));
    // A real paste (Ctrl+V) of what a clerk copied from one spreadsheet cell.
    await page.evaluate(() => navigator.clipboard.writeText('7'));
    await page.click(cell('pl5', '11', 18));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    assert.equal(await fieldValue(page, cell('pl5', '11', 18)), '7');
    assert.deepEqual(await Promise.all([17, 18].map((c) => fieldValue(page, cell('pl5', '10', c)))), before, 'the row above is untouched');
    assert.equal(await fieldValue(page, cell('pl5', '11', 17)), fixture.pl5.rows[10].cells['17'] ?? '', 'the cell beside is untouched');
    assert.equal((await rowKeys(page, 'pl5')).length, 11, 'no row added');
  });

  // A grid's number cell is a one-line text box, not an <input> (issue 32:
  // Chromium draws a key in it in half the time); it takes keys and pastes
  // as an input does.
  test('a number cell takes a spreadsheet\'s copied cell as plain text on one line, the caret after it', async () => {
    const { page } = app;
    const here = cell('pl5', '11', 18);
    // What a spreadsheet puts on the clipboard for one cell: its text and a
    // line break, and the same as a formatted table.
    await page.evaluate(() => navigator.clipboard.write([new ClipboardItem({
      'text/plain': new Blob(['12\r\n'], { type: 'text/plain' }),
      'text/html': new Blob(['<table><tr><td><b>12</b></td></tr></table>'], { type: 'text/html' }),
    })]));
    await page.click(here);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.keyboard.type('3');
    assert.equal(await fieldValue(page, here), '123', 'the caret is after the pasted figure, on its line');
    assert.equal(await page.$eval(here, (n) => n.childElementCount), 0, 'no markup and no line break in the cell');
    // Tab into a cell selects its figure, as in an <input>: a key replaces it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1603');
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, cell('pl5', '11', 17)), '4');
    assert.equal(await fieldValue(page, here), '1.603', 'tidied on leaving');
    // A space typed stays a plain space (no no-break space in the figure).
    await page.click(here);
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    assert.equal(await fieldValue(page, here), '1.603 ');
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, here), '1.603');
    // The next thing a clerk does: the draft is saved, and reopens with it.
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await fieldValue(page, cell('pl5', '11', 17)), '4');
    assert.equal(await fieldValue(page, here), '1.603');
  });

  // A number cell does not clip (issue 32: a clip in each of the few
  // hundred cells on screen cost every key's frame), except while focused
  // and when its figure may be too wide for it: then it ends in "…".
  test('a figure too wide for its cell ends in "…", and shows whole while the clerk types in it', async () => {
    const { page } = app;
    const here = cell('pl5', '11', 18);
    const look = () => page.$eval(here, (n) => {
      const style = getComputedStyle(n);
      return { long: n.hasAttribute('data-long'), overflow: style.overflowX, ellipsis: style.textOverflow, cut: n.scrollWidth > n.clientWidth };
    });
    assert.deepEqual(await look(), { long: false, overflow: 'visible', ellipsis: 'clip', cut: false }, 'a figure that fits: no clip');
    await page.click(here);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1234567890');
    assert.equal((await look()).overflow, 'hidden', 'clipped while focused');
    // The caret's end of the figure is in view as the clerk types.
    assert.ok(await page.$eval(here, (n) => {
      const caret = getSelection().getRangeAt(0).getBoundingClientRect();
      const box = n.getBoundingClientRect();
      return n.scrollLeft > 0 && caret.right > box.left && caret.right <= box.right;
    }), 'the caret, after the figure\'s end, is in view');
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, here), '1.234.567.890');
    assert.deepEqual(await look(), { long: true, overflow: 'hidden', ellipsis: 'ellipsis', cut: true }, 'cut, with "…"');
    // Drawn the same when the draft reopens, and plain again once short.
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.deepEqual(await look(), { long: true, overflow: 'hidden', ellipsis: 'ellipsis', cut: true }, 'cut after a reload');
    await page.click(here);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1603');
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, here), '1.603');
    assert.deepEqual(await look(), { long: false, overflow: 'visible', ellipsis: 'clip', cut: false });
  });
});

describe('a grid\'s number cell in a browser without plaintext-only', () => {
  // Firefox before 136 has no contenteditable="plaintext-only": the cell is
  // contenteditable="true", and the app keeps markup out of it.
  test('the cell is contenteditable="true", takes keys, and a formatted paste goes in as plain text', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url, {
      clipboard: true,
      beforeLoad: (page) => page.addInitScript(() => {
        const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
        Object.defineProperty(HTMLElement.prototype, 'contentEditable', {
          ...own,
          get() { const v = own.get.call(this); return v === 'plaintext-only' ? 'inherit' : v; },
        });
      }),
    });
    await newDraft(page, 'huyen-cchc');
    await clickOnce(page, '[data-action="add-row"][data-section="pl5"]');
    const here = cell('pl5', '1', 5);
    assert.equal(await page.$eval(here, (n) => n.getAttribute('contenteditable')), 'true');
    await typeInto(page, here, '1603');
    assert.equal(await fieldValue(page, here), '1.603');
    assert.equal(await text(page, computed('pl5', 'total', 5)), '1.603');
    await page.evaluate(() => navigator.clipboard.write([new ClipboardItem({
      'text/plain': new Blob(['25\r\n'], { type: 'text/plain' }),
      'text/html': new Blob(['<b>25</b>'], { type: 'text/html' }),
    })]));
    const next = cell('pl5', '1', 6);
    await page.click(next);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.keyboard.type('0');
    assert.equal(await fieldValue(page, next), '250');
    assert.equal(await page.$eval(next, (n) => n.childElementCount), 0, 'no markup and no line break in the cell');
    // Bold from the keyboard has nowhere to go either: the cell's text is all that is kept.
    await page.keyboard.press('Control+B');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, next), '2.501');
    await context.close();
  });
});

describe('Phụ lục VI of seed 002: dossier results by commune', () => {
  let app;
  before(async () => {
    app = await openApp(suite.browser, suite.server.url);
    await newDraft(app.page, 'huyen-cchc');
    for (const row of fixture.pl6.rows) await typeRow(app.page, 'pl6', row);
  });
  after(() => app.context.close());

  test('Sơn Bình is flagged: 1.594 in total against 7 + 1.551', async () => {
    const issues = await shownIssues(app.page);
    assert.deepEqual(issues.map((i) => i.code), fixture.pl6.warnings);
    assert.ok(issues.every((i) => i.severity === 'warning'));
    const sonBinh = issues.find((i) => i.code === 'pl6/6/c3');
    assert.match(sonBinh.message, /dòng 6 \(UBND xã Sơn Bình\).*= 1\.594, khác .*= 1\.558 \(lệch 36\)/);
    await checksShown(app.page);
    assert.equal(await text(app.page, '[data-count="warning"]'), `${fixture.pl6.warnings.length} cảnh báo`);
  });

  test('the computed column totals are the true sums, not the seed\'s', async () => {
    for (const [column, expected] of Object.entries(fixture.pl6.true_total)) {
      const shown = await text(app.page, computed('pl6', 'total', column));
      assert.equal(shown, expected, `column (${column})`);
      const summed = fixture.pl6.rows.reduce((n, r) => n + parseVn(r.cells[column] ?? ''), 0);
      assert.equal(parseVn(shown), summed, `column (${column}) is the sum of its rows`);
    }
    assert.notEqual(await text(app.page, computed('pl6', 'total', 5)), '7.814');
    assert.equal(fixture.pl6.seed_total['5'], '7814');
  });

  test('the fixed tables compute Tổng số across levels', async () => {
    const { page } = app;
    await typeInto(page, cell('pl4', '1', 5), '287');
    await typeInto(page, cell('pl4', '1', 6), '164');
    assert.equal(await text(page, computed('pl4', '1', 3)), '451');
  });

  test('the workbook has one sheet per annex, landscape for the wide ones, totals as numbers', async () => {
    const { page } = app;
    const waiting = page.waitForEvent('download');
    await page.click('[data-action="export-xlsx"]');
    await page.click('[data-export-confirm] [data-action="confirm"]');
    const download = await waiting;
    const { sheets } = readWorkbook(readFileSync(await download.path()));
    assert.deepEqual(sheets.map((s) => s.name), ['Bảng tổng hợp', 'Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4', 'Phụ lục V', 'Phụ lục VI']);
    const vi = sheets.find((s) => s.name === 'Phụ lục VI');
    assert.equal(vi.orientation, 'landscape');
    assert.equal(sheets.find((s) => s.name === 'Phụ lục 2').orientation, 'portrait');
    const total = [...vi.cells.values()].find((c) => c.value === 'Tổng cộng');
    assert.ok(total, 'a total row');
    const row = total.ref.replace(/^[A-Z]+/, '');
    assert.equal(vi.cells.get(`E${row}`).value, 8990, 'column (5) total as a number');
    assert.equal(vi.cells.get(`C${row}`).value, 9124);
    const sonBinh = [...vi.cells.values()].find((c) => c.value === 'UBND xã Sơn Bình');
    assert.equal(vi.cells.get(`C${sonBinh.ref.replace(/^[A-Z]+/, '')}`).value, 1594);
  });
});

describe('roll-up of commune files into the district draft', () => {
  const communes = [
    { unit: 'ỦY BAN NHÂN DÂN XÃ BA CÙM NAM', values: { '3.3.1': '983', '3.3.2': '982', '1.1': '1', '1.1.1': '12', '1.1.2': '12', '3.2.4': '90' } },
    { unit: 'ỦY BAN NHÂN DÂN XÃ SƠN BÌNH', values: { '3.3.1': '1.551', '3.3.2': '1.525', '1.1': '0', '1.1.1': '10', '1.1.2': '7', '3.2.4': '100' } },
    { unit: 'ỦY BAN NHÂN DÂN THỊ TRẤN TÔ HẠP', values: { '3.3.1': '1579', '3.3.2': '1570', '1.1': '1', '1.1.1': '20', '1.1.2': '19' } },
  ];
  const draftFile = (c, i, { year = '2019', period = 'year' } = {}) => JSON.stringify({
    kind: 'bieumau-cchc/draft', format: 1, app_version: '0.1.0', id: `xa-${i}`, name: '', created_at: 1, updated_at: 1 + i, revision: 1,
    report: { template_id: 'xa-01b', template_version: 1, header: { unit: c.unit, period, year }, values: c.values, notes: {} },
  });
  let app;
  let files;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollup-'));
    // Read as one blob and cut by byte sizes: the second file starts with a
    // byte order mark (as Notepad saves), and Vietnamese letters take 2–3
    // bytes, so a cut by characters would break every file after the first.
    files = communes.map((c, i) => {
      const path = join(dir, `xa-${i + 1}.json`);
      writeFileSync(path, (i === 1 ? '\uFEFF' : '') + draftFile(c, i));
      return path;
    });
    const other = join(dir, 'quy-3.json');
    writeFileSync(other, draftFile({ unit: 'UBND XÃ SƠN LÂM', values: { '3.3.1': '5' } }, 9, { period: 'quarter-three' }));
    const twice = join(dir, 'son-binh-cu.json');
    writeFileSync(twice, draftFile({ ...communes[1], values: { '3.3.1': '1' } }, -1));
    const broken = join(dir, 'hong.json');
    writeFileSync(broken, '{ "kind": ');
    const latin1 = join(dir, 'ma-cu.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0x78, 0xe3, 0x22, 0x7d]));
    files.push(other, twice, broken, latin1);
    app = await openApp(suite.browser, suite.server.url);
    await newDraft(app.page, 'huyen-cchc');
    await typeInto(app.page, headerField('year'), '2019');
    await app.page.setInputFiles('[data-action="rollup"]', files);
    await app.page.waitForSelector('[data-section="tong-hop-xa"]');
  });
  after(() => app.context.close());

  test('one row per commune, filled from its dossier figures, checked against sums made here', async () => {
    const { page } = app;
    assert.deepEqual(await rowKeys(page, 'pl6'), ['1', '2', '3']);
    const labels = await Promise.all(['1', '2', '3'].map((k) => fieldValue(page, cell('pl6', k, 2))));
    assert.deepEqual(labels, ['UBND xã Ba Cùm Nam', 'UBND xã Sơn Bình', 'UBND thị trấn Tô Hạp']);
    const received = communes.reduce((n, c) => n + parseVn(c.values['3.3.1']), 0);
    const onTime = communes.reduce((n, c) => n + parseVn(c.values['3.3.2']), 0);
    assert.equal(parseVn(await text(page, computed('pl6', 'total', 5))), received);
    assert.equal(parseVn(await text(page, computed('pl6', 'total', 8))), onTime);
    assert.equal(await fieldValue(page, cell('pl6', '2', 5)), '1.551', 'the newer of two Sơn Bình files');
  });

  test('the summary sums counts, recomputes rates and counts answers', async () => {
    const { page } = app;
    const summary = (code) => text(page, `[data-computed="tong-hop-xa/${code}"]`);
    const sum = (code) => communes.reduce((n, c) => n + parseVn(c.values[code] ?? ''), 0);
    assert.equal(parseVn(await summary('3.3.1')), sum('3.3.1'));
    const rate = (sum('1.1.2') / sum('1.1.1')) * 100;
    assert.equal(await summary('1.1.ty-le-hoan-thanh'), rate.toFixed(2).replace('.', ','));
    assert.equal(await summary('1.1'), 'Có ban hành KH: 2 xã; Không ban hành KH: 1 xã');
    assert.equal(await summary('3.2.4'), 'từ 90 đến 100');
  });

  test('it names the files it used and warns about the others without stopping', async () => {
    const { page } = app;
    const used = await page.$$eval('[data-rollup-source]', (n) => n.map((x) => x.getAttribute('data-rollup-source')));
    assert.deepEqual(used, ['xa-1.json', 'xa-2.json', 'xa-3.json']);
    const notices = await page.$$eval('[data-rollup-notice]', (n) => n.map((x) => x.textContent));
    assert.equal(notices.length, 4, notices.join('\n'));
    assert.ok(notices.some((n) => n.includes('«hong.json»')));
    assert.ok(notices.some((n) => n.includes('Không đọc được tệp «ma-cu.json» thành văn bản')), notices.join('\n'));
    assert.ok(notices.some((n) => n.includes('«quy-3.json»') && n.includes('quý III năm 2019')));
    assert.ok(notices.some((n) => n.includes('Hai tệp của cùng UBND xã Sơn Bình')));
  });

  test('the result is an ordinary draft: edited, saved and reopened', async () => {
    const { page } = app;
    await typeInto(page, cell('pl6', '1', 4), '3');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    await page.waitForSelector('[data-section="tong-hop-xa"]');
    assert.equal(await fieldValue(page, cell('pl6', '1', 4)), '3');
    assert.equal(await fieldValue(page, cell('pl6', '3', 5)), '1.579');
  });
});

describe('printing the district draft of seed 002', () => {
  let app;
  before(async () => {
    app = await openApp(suite.browser, suite.server.url);
    const values = {};
    const rows = {};
    for (const section of ['pl5', 'pl6']) {
      rows[section] = fixture[section].rows.map((_, i) => String(i + 1));
      fixture[section].rows.forEach((row, i) => {
        values[`${section}/${i + 1}/c2`] = row.label;
        for (const [column, value] of Object.entries(row.cells)) values[`${section}/${i + 1}/c${column}`] = value;
      });
    }
    const draft = {
      kind: 'bieumau-cchc/draft', format: 1, app_version: 'test', id: 'khanh-son', name: '', created_at: 0, updated_at: 0, revision: 0,
      report: {
        template_id: 'huyen-cchc', template_version: 1, values, notes: {}, rows,
        header: { parent: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA', unit: 'ỦY BAN NHÂN DÂN HUYỆN KHÁNH SƠN', period: 'year', year: '2019' },
      },
    };
    // A figure too wide for its column on screen (cut there, with "…").
    values['pl6/2/c18'] = '1.234.567.890';
    await app.page.setInputFiles('[data-action="import"]', { name: 'khanh-son.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
    await app.page.waitForSelector('[data-section="pl6"]');
  });
  after(() => app.context.close());

  test('each annex on its pages, the wide ones landscape, their headers on every page, the totals at the end', async () => {
    const { pages, text } = await printToPdf(app.page, 'huyen-cchc');
    // The header shares the first annex's page, not a page of its own.
    assert.match(pages[0].text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(pages[0].text, /BẢNG TỔNG HỢP TIẾN ĐỘ/);
    const pagesOf = (annex, next) => {
      const first = pages.findIndex((p) => p.text.includes(annex));
      const end = pages.findIndex((p, i) => i > first && p.text.includes(next));
      return pages.slice(first, end);
    };
    for (const [annex, total] of [['Phụ lục V', '1.562'], ['Phụ lục VI', '9.124']]) {
      // From the annex's heading to the page of its total row.
      const first = pages.findIndex((p) => p.text.includes(annex));
      const last = pages.findIndex((p, i) => i >= first && p.text.includes('Tổng cộng'));
      const own = pages.slice(first, last + 1);
      assert.ok(own.length >= 2, `${annex} spans ${own.length} pages`);
      own.forEach((page, i) => {
        assert.ok(page.landscape, `${annex}, its page ${i + 1} is landscape`);
        for (const head of ['Hồ sơ đã giải quyết', 'Trễ hạn', '(18)']) assert.ok(page.text.includes(head), `${annex}, page ${i + 1}: «${head}»`);
      });
      assert.match(own.at(-1).text, new RegExp(`Tổng cộng\\s+${total.replace('.', '\\.')}`));
    }
    // On paper it is whole (it wraps in its column).
    assert.match(text, /1\.234\.5\n(?:[^\n]*\n){0,3}[^\n]*67\.890/, 'a figure too wide for its column is whole on paper');
    const portrait = pagesOf('Phụ lục 2', 'Phụ lục 3');
    assert.ok(portrait.length >= 1 && portrait.every((p) => !p.landscape), 'Phụ lục 2 is portrait');
    for (const control of ['+ Thêm', 'Hoàn tác', 'Tổng hợp từ báo cáo của các xã', 'Chọn tệp']) {
      assert.ok(!text.includes(control), `the printout shows «${control}»`);
    }
  });
});
