// End-to-end: downloading the report (.xlsx, .csv, .json), printing, and
// opening saved files, in headless Chromium against the built dist/.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, newDraft, typeInto, valueField, noteField, headerField, shownIssues, setUpSuite } from './support/browser.mjs';
import { readCells } from './support/xlsx.mjs';
import { printToPdf, officeToPdf } from './support/pdf.mjs';

const seed = JSON.parse(readFileSync(new URL('../tests/fixtures/hoang-truong-2023.json', import.meta.url)));
const suite = setUpSuite();

async function seedForm(page) {
  await newDraft(page, 'xa-01b');
  for (const [name, value] of Object.entries(seed.header)) {
    if (name === 'period') await page.selectOption(headerField('period'), value);
    else await typeInto(page, headerField(name), value);
  }
  for (const [code, value] of Object.entries(seed.values)) await typeInto(page, valueField(code), value);
  await typeInto(page, noteField('3.3.1'), '=1+1');
}

async function downloadVia(page, action, { confirm } = {}) {
  const waiting = page.waitForEvent('download');
  await page.click(`[data-action="${action}"]`);
  if (confirm) {
    await page.waitForSelector('[data-export-confirm]');
    await page.click('[data-export-confirm] [data-action="confirm"]');
  }
  const download = await waiting;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('downloads of the Hoằng Trường 2023 annex', () => {
  let app;
  before(async () => {
    app = await openApp(suite.browser, suite.server.url);
    await seedForm(app.page);
  });
  after(() => app.context.close());

  test('a report with open warnings lists them and asks before downloading', async () => {
    const { page } = app;
    await page.click('[data-action="export-xlsx"]');
    const dialog = await page.waitForSelector('[data-export-confirm]');
    const text = await dialog.textContent();
    assert.match(text, /Báo cáo còn 0 lỗi và 2 cảnh báo chưa xử lý \(1 cảnh báo đã có giải thích ở cột Ghi chú\)/);
    for (const issue of seed.issues) assert.ok(text.includes(issue.message), issue.message);
    await page.click('[data-export-confirm] [data-action="cancel"]');
    assert.equal(await page.$('[data-export-confirm]'), null);
  });

  test('.xlsx: official layout, numbers as numbers, formula text neutralised', async () => {
    const { name, bytes } = await downloadVia(app.page, 'export-xlsx', { confirm: true });
    assert.equal(name, 'xa-01b_hoang-truong_nam-2023.xlsx');
    const { cells, files } = readCells(bytes);
    const text = (ref) => cells.get(ref)?.value;
    assert.equal(text('A1'), 'ỦY BAN NHÂN DÂN HUYỆN HOẰNG HÓA');
    assert.equal(text('C1'), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    assert.equal(text('A2'), 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG');
    assert.equal(text('C3'), 'Hoằng Trường, ngày     tháng     năm 2023');
    assert.equal(text('A5'), 'Phụ lục 01b');
    assert.equal(text('A12'), '(1)');
    const rowOf = (code) => [...cells].find(([ref, c]) => ref.startsWith('A') && c.value === code)?.[0].slice(1);
    const r = rowOf('3.3.1');
    assert.equal(text(`D${r}`), 1603);
    assert.equal(text(`E${r}`), '=1+1');
    const styles = files.get('xl/styles.xml').toString();
    const xf = styles.split('<xf ').slice(2);
    assert.match(xf[cells.get(`E${r}`).style], /quotePrefix="1"/);
    assert.match(xf[cells.get(`D${r}`).style], /^numFmtId="3"/);
    const rate = [...cells].find(([ref, c]) => ref.startsWith('B') && String(c.value).startsWith('Tỷ lệ hồ sơ giải quyết đúng hẹn'))[0].slice(1);
    assert.ok(Math.abs(text(`D${rate}`) - 1588 / 1603) < 1e-12);
    assert.match(xf[cells.get(`D${rate}`).style], /^numFmtId="10"/);
    assert.match(files.get('xl/worksheets/sheet1.xml').toString(), /<pageSetup paperSize="9" orientation="portrait" fitToWidth="1"/);
  });

  test('.csv: UTF-8 with BOM, code, indicator, unit, value, note', async () => {
    const { name, bytes } = await downloadVia(app.page, 'export-csv', { confirm: true });
    assert.equal(name, 'xa-01b_hoang-truong_nam-2023.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], 'Mã,Chỉ tiêu,Đơn vị tính,Số liệu,Ghi chú');
    assert.ok(lines.includes("3.3.1,Số lượng hồ sơ đã tiếp nhận,Số lượng hồ sơ,1.603,'=1+1"));
    assert.ok(lines.includes('3.3.2.ty-le-dung-hen,Tỷ lệ hồ sơ giải quyết đúng hẹn (3.3.2 / 3.3.1),%,"99,06",'));
  });

  test('.json reopens as exactly the same draft in another browser', async () => {
    const { name, bytes } = await downloadVia(app.page, 'export-json');
    assert.equal(name, 'xa-01b_hoang-truong_nam-2023.json');
    const exported = JSON.parse(bytes.toString('utf8'));
    assert.equal(exported.kind, 'bieumau-cchc/draft');
    assert.equal(exported.report.template_id, 'xa-01b');
    assert.equal(exported.report.template_version, 1);
    assert.ok(exported.app_version);
    const other = await openApp(suite.browser, suite.server.url);
    await other.page.setInputFiles('[data-action="import"]', { name, mimeType: 'application/json', buffer: bytes });
    await other.page.waitForSelector('[data-section]');
    assert.deepEqual(await shownIssues(other.page), seed.issues);
    for (const [code, value] of Object.entries(seed.values)) {
      assert.equal(await other.page.inputValue(valueField(code)), await app.page.inputValue(valueField(code)), code);
    }
    assert.equal(await other.page.inputValue(noteField('3.3.1')), '=1+1');
    assert.equal(await other.page.inputValue(headerField('signer')), 'Lê Phạm Thảo');
    const stored = await other.page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('bieumau.v1.draft.'));
      return JSON.parse(localStorage.getItem(key));
    });
    assert.deepEqual(stored.report, exported.report);
    await other.context.close();
  });

  test('print: the confirmation, then the print dialog', async () => {
    const { page } = app;
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.click('[data-action="print"]');
    await page.click('[data-export-confirm] [data-action="confirm"]');
    assert.equal(await page.evaluate(() => window.__printed), 1);
  });

  test('on A4 it is the official table: headers on every page, the header in two columns, no more pages than the .xlsx', async () => {
    const { page } = app;
    const printed = await printToPdf(page, 'xa-01b');
    const { name, bytes } = await downloadVia(page, 'export-xlsx', { confirm: true });
    const sheet = officeToPdf(bytes, name);
    assert.ok(printed.pages.length >= 2, `${printed.pages.length} pages`);
    assert.ok(printed.pages.length <= sheet.pages.length, `printed ${printed.pages.length} pages, the .xlsx ${sheet.pages.length}`);
    printed.pages.forEach(({ width, height, landscape, text }, i) => {
      assert.ok(!landscape && Math.abs(width - 595) < 2 && Math.abs(height - 842) < 2, `page ${i + 1}: ${width} x ${height}`);
      for (const head of ['STT', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Số liệu', 'Ghi chú', '(1)', '(5)']) {
        assert.ok(text.includes(head), `page ${i + 1} repeats the column header «${head}»`);
      }
      // Decree 30: the number at the top, from page 2; page 1 has none.
      const top = text.split('\n').find((l) => l.trim() !== '').trim();
      if (i === 0) assert.notEqual(top, '1', 'page 1 is not numbered');
      else assert.equal(top, String(i + 1), `page ${i + 1} is numbered at its top`);
    });
    // The .xlsx, printed by LibreOffice, numbers its pages the same way.
    sheet.pages.forEach(({ text }, i) => {
      const top = text.split('\n').find((l) => l.trim() !== '').trim();
      if (i === 0) assert.notEqual(top, '1', 'the sheet\'s page 1 is not numbered');
      else assert.equal(top, String(i + 1), `the sheet's page ${i + 1} is numbered at its top`);
      assert.doesNotMatch(text, /Trang \d/);
    });
    const lines = printed.pages[0].text.split('\n');
    const line = (words) => lines.find((l) => l.includes(words)) ?? '';
    // Decree 30's header: the issuing body on the left, the national title beside it.
    assert.match(line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), /ỦY BAN NHÂN DÂN HUYỆN\s{3,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(printed.text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(printed.text, /Hoằng Trường, ngày\s+tháng\s+năm 2023/);
    assert.match(printed.text, /Kỳ báo cáo: Năm 2023 \(số liệu từ ngày 15\/12\/2022 đến ngày 14\/12\/2023\)/);
    assert.match(printed.text, /3\.3\.1\s+Số lượng hồ sơ đã tiếp nhận\s+Số lượng hồ sơ\s+1\.603\s+=1\+1/);
    assert.match(printed.text, /99,06/);
    // The signature beside "Nơi nhận", on the last page.
    const last = printed.pages.at(-1).text;
    assert.match(last, /Nơi nhận:\s{3,}KT\. CHỦ TỊCH/);
    assert.match(last, /Lê Phạm Thảo/);
    // Nothing of the app: no buttons, messages, placeholders or the notes' field hint.
    for (const control of ['Tải tệp', 'Danh sách', 'Đã điền', 'Cảnh báo', 'Chưa có lỗi', '1 hoặc 0']) {
      assert.ok(!printed.text.includes(control), `the printout shows «${control}»`);
    }
    assert.equal(printed.text.match(/Ghi chú/g).length, printed.pages.length, 'only the column header says «Ghi chú»');
  });
});

describe('opening files', () => {
  const base = () => {
    const draft = JSON.parse(readFileSync(new URL('../tests/fixtures/hoang-truong-2023.json', import.meta.url)));
    return {
      kind: 'bieumau-cchc/draft', format: 1, app_version: '0.1.0', id: 'tep-thu', name: '', created_at: 1, updated_at: 2, revision: 1,
      report: { template_id: 'xa-01b', template_version: 1, header: {}, values: draft.values, notes: {} },
    };
  };
  const cases = [
    ['a file of another type', 'bao-cao.xlsx', Buffer.from('PK\u0003\u0004 not json'), /không phải JSON hợp lệ/],
    ['malformed JSON', 'bao-cao.json', Buffer.from('{"kind": "bieumau-cchc/draft", '), /không phải JSON hợp lệ/],
    ['a JSON file that is not a report', 'khac.json', Buffer.from('{"hello": 1}'), /không phải tệp báo cáo của ứng dụng này/],
    ['another template', 'tinh.json', Buffer.from(JSON.stringify({ ...base(), report: { ...base().report, template_id: 'bieu-rieng-cua-tinh' } })), /thuộc biểu mẫu «bieu-rieng-cua-tinh»/],
    ['a newer format', 'moi.json', Buffer.from(JSON.stringify({ ...base(), format: 7 })), /phiên bản mới hơn \(định dạng 7\)/],
    ['a newer version of its form', 'moi.json', Buffer.from(JSON.stringify({ ...base(), report: { ...base().report, template_version: 99, values: { '3.3.9': '5' } } })), /tệp được tạo bằng biểu mẫu «xa-01b» phiên bản 99, mới hơn phiên bản 1 mà ứng dụng này có\. Hãy cập nhật ứng dụng/],
    ['a code its form does not have', 'la.json', Buffer.from(JSON.stringify({ ...base(), report: { ...base().report, values: { '3.3.9': '5' } } })), /mã «3\.3\.9» không có trong biểu mẫu «xa-01b»/],
    ['a file over 5 MB', 'lon.json', Buffer.alloc(5 * 1024 * 1024 + 10, 32), /lớn hơn 5 MB/],
  ];
  for (const [what, name, buffer, message] of cases) {
    test(`${what}: a clear message, nothing changes`, async () => {
      const { page, context } = await openApp(suite.browser, suite.server.url);
      await page.setInputFiles('[data-action="import"]', { name, mimeType: 'application/octet-stream', buffer });
      const shown = await page.waitForSelector('[data-import-error]');
      assert.match(await shown.textContent(), message);
      assert.equal(await page.$('[data-section]'), null, 'no draft was opened');
      assert.equal(await page.locator('[data-draft-id]').count(), 0, 'no draft was stored');
      await context.close();
    });
  }

  test('values that fail their checks open as field errors, named in the notice; nothing is lost', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const file = { ...base(), id: 'sai', report: { ...base().report, values: { '3.2.4': '150', '3.3.1': 'nhiều' } } };
    await page.setInputFiles('[data-action="import"]', { name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForSelector('[data-section]');
    assert.match(await page.textContent('[data-notice]'),
      /Tệp có 2 số liệu không hợp lệ, được đánh dấu lỗi trên trang \(3\.2\.4: «150»: tỷ lệ phần trăm phải từ 0 đến 100; 3\.3\.1: «nhiều» không phải là số\)/);
    assert.equal(await page.inputValue(valueField('3.2.4')), '150');
    const errors = (await shownIssues(page)).filter((i) => i.severity === 'error').map((i) => i.code).sort();
    assert.deepEqual(errors, ['3.2.4', '3.3.1']);
    // The clerk mends one, and it saves.
    await typeInto(page, valueField('3.2.4'), '99,06');
    await page.waitForSelector('[data-save-state="saved"]');
    assert.deepEqual((await shownIssues(page)).filter((i) => i.severity === 'error').map((i) => i.code), ['3.3.1']);
    await context.close();
  });

  test('values that are valid but raise warnings import as they are, with their warnings', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.setInputFiles('[data-action="import"]', { name: 'tep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(base())) });
    await page.waitForSelector('[data-section]');
    assert.deepEqual(await shownIssues(page), seed.issues);
    await context.close();
  });

  test('opening a file of a draft that exists merges it field by field: the newer typing stays', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const file = { name: 'tep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(base())) };
    await page.setInputFiles('[data-action="import"]', file);
    await page.waitForSelector('[data-section]');
    await typeInto(page, valueField('1.1.1'), '99');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.click('[data-action="back"]');
    await page.setInputFiles('[data-action="import"]', file);
    await page.waitForSelector('[data-section]');
    assert.match(await page.textContent('[data-notice]'), /trình duyệt đã có mọi thay đổi trong tệp/);
    assert.equal(await page.inputValue(valueField('1.1.1')), '99', 'the edit made after the file is kept');
    await page.click('[data-action="back"]');
    assert.equal(await page.locator('[data-draft-id]').count(), 1, 'one draft, merged');
    await context.close();
  });
});
