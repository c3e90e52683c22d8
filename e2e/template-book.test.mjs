// End-to-end: «Tải biểu mẫu dạng Excel» on a template's card downloads the
// template as a workbook; LibreOffice Calc opens it (printed to PDF, every
// sheet) and the OOXML validator finds nothing in it.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setUpSuite, typeInto, valueField } from './support/browser.mjs';
import { columnFormats, readWorkbook } from './support/xlsx.mjs';
import { officeToPdf } from './support/pdf.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const suite = setUpSuite();

describe('a template as a workbook', () => {
  let app;
  before(async () => {
    app = await openApp(suite.browser, suite.server.url);
  });
  after(() => app.context.close());

  test('every template card offers its workbook', async () => {
    const ids = await app.page.$$eval('[data-action="template-workbook"]', (bs) => bs.map((b) => [b.dataset.template, b.textContent.trim()]));
    const cards = await app.page.$$eval('[data-action="new-draft"]', (bs) => bs.map((b) => b.dataset.template));
    assert.deepEqual(ids.map(([id]) => id), cards);
    for (const [, text] of ids) assert.equal(text, 'Tải biểu mẫu dạng Excel');
  });

  test('xa-01b downloads as xa-01b.xlsx, one sheet per part, and LibreOffice opens it', async () => {
    const { page } = app;
    const waiting = page.waitForEvent('download');
    await page.click('[data-action="template-workbook"][data-template="xa-01b"]');
    const download = await waiting;
    assert.equal(download.suggestedFilename(), 'xa-01b.xlsx');
    const bytes = readFileSync(await download.path());

    // readWorkbook runs the OOXML validator first.
    const { sheets } = readWorkbook(bytes);
    assert.deepEqual(sheets.map((s) => s.name), [
      'Thông tin', 'Phần', 'Chỉ tiêu', 'Nhóm Trong đó', 'Cột bảng', 'Dòng bảng', 'Đẳng thức bảng',
      'Giá trị tính', 'Quy tắc', 'Chỉ tiêu phấn đấu', 'Đề cương', 'Thay đổi phiên bản',
    ]);
    const cell = (sheet, ref) => sheets.find((s) => s.name === sheet).cells.get(ref)?.value;
    assert.equal(cell('Thông tin', 'A3'), 'Mã biểu mẫu');
    assert.equal(cell('Thông tin', 'B3'), 'xa-01b');
    assert.equal(cell('Thông tin', 'B4'), 1);
    assert.deepEqual(['A1', 'B1', 'C1', 'D1', 'E1'].map((r) => cell('Chỉ tiêu', r)), ['Phần', 'Mã', 'Nội dung', 'Đơn vị tính', 'Kiểu']);
    assert.deepEqual(['B4', 'C4', 'E4'].map((r) => cell('Chỉ tiêu', r)), ['1.1', 'Kế hoạch CCHC', 'yes-no']);
    assert.equal(cell('Quy tắc', 'B3'), '1.1.2');
    assert.equal(cell('Chỉ tiêu phấn đấu', 'G3'), 95);

    const pdf = officeToPdf(bytes, 'xa-01b.xlsx');
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const words of ['Mã biểu mẫu', 'Phụ lục 01b — Thống kê CCHC cấp xã', 'Nội dung', 'Kế hoạch CCHC',
      'Số lượng hồ sơ đã tiếp nhận', 'theo hình thức trả kết quả', 'Những ưu điểm', 'dung-hen']) {
      assert.ok(text.includes(words), `LibreOffice shows «${words}»`);
    }
  });
});

/** `bytes` changed by openpyxl (as a province's staff would in a spreadsheet), then opened and saved again by LibreOffice Calc. */
function editedAndSavedAgain(bytes, edits) {
  const dir = mkdtempSync(join(tmpdir(), 'bieumau-book-'));
  const source = join(dir, 'bieu.xlsx');
  const edited = join(dir, 'edited', 'bieu.xlsx');
  writeFileSync(source, bytes);
  mkdirSync(join(dir, 'edited'));
  execFileSync(resolve('target/ooxml-audit/bin/python'), ['-c', `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
for sheet, ref, value in json.loads(sys.argv[3]):
    book[sheet][ref] = value
book.save(sys.argv[2])
`, source, edited, JSON.stringify(edits)], { stdio: 'pipe', timeout: 60000 });
  const out = join(dir, 'out');
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, edited], {
    stdio: 'ignore', timeout: 120000,
  });
  return readFileSync(join(out, 'bieu.xlsx'));
}

describe('a workbook loaded as a template', () => {
  test('edited in a spreadsheet and saved by LibreOffice, it loads with the edits; a mistake is named by sheet, row and column', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const waiting = page.waitForEvent('download');
    await page.click('[data-action="template-workbook"][data-template="xa-01b"]');
    const bytes = readFileSync(await (await waiting).path());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

    // A province's own form: another id and name, a label reworded.
    const good = editedAndSavedAgain(bytes, [
      ['Thông tin', 'B3', 'xa-01b-thanh-hoa'],
      ['Thông tin', 'B5', 'Phụ lục 01b — mẫu của tỉnh Thanh Hóa'],
      ['Chỉ tiêu', 'C4', 'Kế hoạch cải cách hành chính năm'],
    ]);
    // What the staff type in a code's or a name's column stays as typed
    // (format @), in the file and once LibreOffice has saved it again: a
    // new row's code 2.10 is not the number 2,1. A figure's column is not
    // text (column F, «Số lẻ»).
    for (const [file, book] of [['downloaded', bytes], ['saved by LibreOffice', good]]) {
      const formats = columnFormats(book, 'Chỉ tiêu');
      assert.deepEqual([formats.B, formats.C, formats.F], ['@', '@', 'General'], `${file}: ${JSON.stringify(formats)}`);
    }
    await page.setInputFiles('[data-action="load-template"]', { name: 'bieu-thanh-hoa.xlsx', mimeType: xlsx, buffer: good });
    const ok = await page.waitForSelector('.open-files .banner.ok');
    assert.match(await ok.textContent(), /Phụ lục 01b — mẫu của tỉnh Thanh Hóa/);
    const card = '.template-card:has([data-action="new-draft"][data-template="xa-01b-thanh-hoa"])';
    assert.match(await page.textContent(`${card} [data-template-origin]`), /bieu-thanh-hoa\.xlsx/);

    // The next thing a clerk does: a draft of it, with the reworded row, and its rules at work.
    await page.click('[data-action="new-draft"][data-template="xa-01b-thanh-hoa"]');
    await page.waitForSelector(valueField('1.1.1'));
    const row = await page.$eval(valueField('1.1'), (el) => el.closest('tr').textContent);
    assert.match(row, /Kế hoạch cải cách hành chính năm/);
    await typeInto(page, valueField('1.1.1'), '3');
    await typeInto(page, valueField('1.1.2'), '5');
    await page.waitForSelector('[data-issue-for="1.1.2"][data-severity="warning"]');

    // A rule naming a code no row has: refused, at its cell, and nothing loaded.
    await page.goto(suite.server.url);
    await page.waitForSelector('[data-action="load-template"]');
    const bad = editedAndSavedAgain(bytes, [['Thông tin', 'B3', 'xa-01b-loi'], ['Quy tắc', 'B3', '9.9.9']]);
    await page.setInputFiles('[data-action="load-template"]', { name: 'bieu-loi.xlsx', mimeType: xlsx, buffer: bad });
    const error = await page.waitForSelector('[data-template-error]');
    assert.equal(await error.textContent(),
      'Không mở được biểu mẫu «bieu-loi.xlsx»: Trang "Quy tắc", dòng 3, cột B: mã «9.9.9» không có trong biểu mẫu');
    assert.equal(await page.$('[data-action="new-draft"][data-template="xa-01b-loi"]'), null);
    await context.close();
  });
});
