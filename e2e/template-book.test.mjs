// End-to-end: «Tải biểu mẫu dạng Excel» on a template's card downloads the
// template as a workbook; LibreOffice Calc opens it (printed to PDF, every
// sheet) and the OOXML validator finds nothing in it.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setUpSuite } from './support/browser.mjs';
import { readWorkbook } from './support/xlsx.mjs';
import { officeToPdf } from './support/pdf.mjs';

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
    const { readFileSync } = await import('node:fs');
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
