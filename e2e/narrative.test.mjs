// End-to-end: the narrative report. The clerk writes seed 001's section
// II.2 with figures from the annex, sees them follow the annex, sees the
// checks of what the report must contain, and finds it all after a reload.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { openApp, hoangTruong2023, newDraft, typeInto, valueField, headerField, shownIssues, setUpSuite, reloadInDraft, clickOnce, checksShown } from './support/browser.mjs';
import { officeToPdf, printToPdf } from './support/pdf.mjs';

const suite = setUpSuite();
const outline = (id) => `textarea[data-outline="${id}"]`;


/**
 * «+ Thêm …», clicked once as the clerk would (see
 * `clickOnce`): one row more, its first cell drawn.
 */
async function addRow(page, section, firstCell) {
  const count = () => page.$$eval(`[data-section="${section}"] tbody [data-row]`, (rows) => rows.length);
  const before = await count();
  await clickOnce(page, `[data-action="add-row"][data-section="${section}"]`);
  const drawn = await page.waitForSelector(firstCell, { timeout: 5000 }).then(() => true, () => false);
  assert.equal(await count(), before + 1, 'one click on «+ Thêm» added one row');
  assert.ok(drawn, 'the new row\'s first cell is drawn');
}

/** The picker opens with its search field focused (once drawn), as the clerk then types. */
const searchFocused = (page) => page.waitForFunction(() => document.activeElement?.matches('[data-figure-search]'));

export const SECTION_II_2 =
  'Số hồ sơ đã tiếp nhận tại Bộ phận một cửa năm 2023 là: {3.3.1} hồ sơ và giải quyết trước hạn và đúng thời hạn là: {3.3.2} hồ sơ = {3.3.2/3.3.1}.';

describe('the narrative report', () => {
  test('figures typed as codes show the annex, follow it, and the checks name what is missing or wrong; a reload keeps it all', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await hoangTruong2023(page);
    assert.equal(await page.textContent('[data-computed="opening"]'),
      'Thực hiện nhiệm vụ cải cách hành chính trên địa bàn, Ủy ban nhân dân xã Hoằng Trường báo cáo kết quả công tác cải cách hành chính năm 2023, nhiệm vụ trọng tâm năm 2024 như sau:');
    // Typed all in capitals with the place empty, the name still gets its
    // capitals (it once read «… xã hoằng trường báo cáo …»); UBND stays UBND.
    await typeInto(page, headerField('place'), '');
    await typeInto(page, headerField('unit'), 'UBND XÃ HOẰNG TRƯỜNG');
    assert.match(await page.textContent('[data-computed="opening"]'), /trên địa bàn, UBND xã Hoằng Trường báo cáo/);
    await typeInto(page, headerField('unit'), 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG');
    assert.match(await page.textContent('[data-computed="opening"]'), /trên địa bàn, Ủy ban nhân dân xã Hoằng Trường báo cáo/);
    await typeInto(page, headerField('place'), 'Hoằng Trường');
    // Nothing is checked before the narrative is begun.
    assert.equal((await shownIssues(page)).filter((i) => i.code.startsWith('outline:')).length, 0);

    await page.click(outline('II.2'));
    await page.keyboard.type(SECTION_II_2, { delay: 2 });
    const figure = (code) => page.textContent(`[data-outline-item="II.2"] [data-figure="${code}"]`);
    assert.equal(await figure('3.3.1'), '1.603');
    assert.equal(await figure('3.3.2'), '1.588');
    assert.equal(await figure('3.3.2/3.3.1'), '99,06 %');

    // The annex changes: the paragraph follows.
    await typeInto(page, valueField('3.3.1'), '1700');
    assert.equal(await figure('3.3.1'), '1.700');
    assert.equal(await figure('3.3.2/3.3.1'), '93,41 %');
    await typeInto(page, valueField('3.3.1'), '1603');

    // Required items left empty are named.
    const narrative = async () => (await shownIssues(page)).filter((i) => i.code.startsWith('outline:'));
    const i2 = (await narrative()).find((i) => i.code === 'outline:I.2');
    assert.equal(i2?.message, 'Mục I.2 "Công tác kiểm tra cải cách hành chính" chưa có nội dung');
    assert.equal(i2.severity, 'warning');
    assert.equal((await narrative()).some((i) => i.code === 'outline:II.2'), false, 'II.2 is written');

    // Words left from the 9-month report.
    await page.click(outline('III.1'));
    await page.keyboard.type('Chín tháng đầu năm 2023 UBND xã không ngừng nâng cao chất lượng xây dựng văn bản.');
    const slip = (await narrative()).find((i) => i.code === 'outline:III.1');
    assert.match(slip?.message ?? '', /«Chín tháng đầu năm 2023» không khớp kỳ báo cáo \(năm 2023\)/);

    // The summary's link goes to the item (the empty items are one line there, opened first).
    await page.click('[data-issue-group="empty-items"] [data-action="expand-group"]');
    await checksShown(page);
    await page.click('[data-summary-for="outline:I.2"]');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.outline), 'I.2');

    // A figure typed by hand that equals no figure of the report: replaced by a live one, or kept.
    await page.click(outline('II.2'));
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Số hồ sơ quá hạn 11 hồ sơ = 0,68 %.');
    const hints = () => page.$$eval('[data-outline-item="II.2"] [data-hand-figure]', (n) => n.map((e) => e.dataset.handFigure));
    assert.deepEqual(await hints(), ['11 hồ sơ', '0,68 %'], 'figures of the annex typed as {…} are not hints');
    await page.click('[data-hand-figure="0,68 %"] [data-action="dismiss-hint"]');
    assert.deepEqual(await hints(), ['11 hồ sơ']);
    await page.click('[data-hand-figure="11 hồ sơ"] [data-action="replace-hand-figure"]');
    await searchFocused(page);
    // Already searching the words typed with the figure; the clerk narrows it.
    assert.equal(await page.inputValue('[data-figure-search]'), 'hồ sơ');
    await page.keyboard.type(' xay dung');
    await page.click('[data-figure-option="3.3.5"]');
    assert.equal(await page.inputValue(outline('II.2')), `${SECTION_II_2} Số hồ sơ quá hạn {3.3.5} hồ sơ = 0,68 %.`);
    assert.deepEqual(await hints(), []);

    // The picker: search in words, insert at the caret.
    await page.click(outline('I.1'));
    await page.keyboard.type('Ủy ban nhân dân xã đã ban hành kế hoạch; tỷ lệ nhiệm vụ hoàn thành: ');
    await page.click('[data-outline-item="I.1"] [data-action="insert-figure"]');
    await searchFocused(page);
    await page.keyboard.type('ty le hoan thanh');
    await page.click('[data-figure-option="1.1.ty-le-hoan-thanh"]');
    await page.keyboard.type('.');
    assert.equal(await page.inputValue(outline('I.1')), 'Ủy ban nhân dân xã đã ban hành kế hoạch; tỷ lệ nhiệm vụ hoàn thành: {1.1.ty-le-hoan-thanh}.');
    assert.equal(await page.textContent('[data-outline-item="I.1"] [data-figure="1.1.ty-le-hoan-thanh"]'), '…', 'not yet in the annex');

    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.inputValue(outline('II.2')), `${SECTION_II_2} Số hồ sơ quá hạn {3.3.5} hồ sơ = 0,68 %.`);
    assert.equal(await figure('3.3.2/3.3.1'), '99,06 %');
    assert.deepEqual(await hints(), [], 'the hint kept as typed stays dismissed');
    // The next thing: type on, saved, reload again.
    await page.click(outline('V'));
    await page.keyboard.type('Không có.');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.inputValue(outline('V')), 'Không có.');
    await context.close();
  });

  test('the whole report downloads as one .docx that LibreOffice prints on A4: header, narrative with its figures, signature, then the annex', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await hoangTruong2023(page);
    // Every figure of the seed's annex.
    const seed = JSON.parse(readFileSync(new URL('../tests/fixtures/hoang-truong-2023.json', import.meta.url)));
    for (const [code, value] of Object.entries(seed.values)) await typeInto(page, valueField(code), value);
    await typeInto(page, headerField('number'), '15');
    await typeInto(page, headerField('signing-capacity'), 'TM. ỦY BAN NHÂN DÂN');
    await typeInto(page, headerField('signer-title'), 'CHỦ TỊCH');
    await typeInto(page, headerField('signer'), 'Lê Văn Hùng');
    await page.click(outline('II.2'));
    await page.keyboard.type(SECTION_II_2);
    await page.click(outline('I.1'));
    await page.keyboard.type('Ủy ban nhân dân xã đã ban hành Kế hoạch số 01/KH-UBND ngày 03-01-2023 về cải cách hành chính năm 2023.');
    await page.waitForSelector('[data-save-state="saved"]');

    const waiting = page.waitForEvent('download');
    await page.click('[data-action="export-docx"]');
    // Items still empty: the clerk is asked first.
    await page.click('[data-export-confirm] [data-action="confirm"]');
    const download = await waiting;
    assert.match(download.suggestedFilename(), /\.docx$/);
    const bytes = readFileSync(await download.path());
    if (process.env.KEEP_DOCX) writeFileSync(process.env.KEEP_DOCX, bytes);
    const pdf = officeToPdf(bytes, 'bao-cao.docx');
    assert.ok(pdf.pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842), 'A4 portrait');
    const first = pdf.pages[0].text;
    // The issuer wraps in its narrow column, as on the seed's own page.
    for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ỦY BAN NHÂN DÂN XÃ', 'HOẰNG TRƯỜNG', 'Số: 15/BC-UBND', 'BÁO CÁO', 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH']) {
      assert.ok(first.includes(words), `page 1 has ${words}`);
    }
    const all = pdf.text.replace(/\s+/g, ' ');
    assert.match(all, /1\.603 hồ sơ và giải quyết trước hạn và đúng thời hạn là: 1\.588 hồ sơ = 99,06 %/);
    assert.ok(!all.includes('{3.3.1}'));
    // The signature closes the narrative; the annex starts a page of its own.
    const annexPage = pdf.pages.findIndex((p) => p.text.includes('Phụ lục 01b'));
    const signedPage = pdf.pages.findIndex((p) => p.text.includes('Nơi nhận:'));
    assert.ok(annexPage > 0 && signedPage >= 0 && signedPage < annexPage, `signed on ${signedPage + 1}, annex from ${annexPage + 1}`);
    assert.ok(pdf.pages[annexPage].text.includes('Kết quả thống kê'));
    const annex = pdf.pages.slice(annexPage).map((p) => p.text).join(' ').replace(/\s+/g, ' ');
    for (const figure of ['1.603', '1.588', '99,06']) assert.ok(annex.includes(figure), `the annex has ${figure}`);
    assert.ok(pdf.pages[annexPage].text.trimStart().startsWith(String(annexPage + 1)), 'the page number at the top');
    assert.ok(pdf.pages.length <= 8, `${pdf.pages.length} pages`);

    // Paper from the browser shows the same whole report.
    const printed = await printToPdf(page, 'bao-cao');
    const printedAll = printed.text.replace(/\s+/g, ' ');
    assert.match(printedAll, /BÁO CÁO/);
    assert.match(printedAll, /1\.603 hồ sơ và giải quyết trước hạn và đúng thời hạn là: 1\.588 hồ sơ = 99,06 %/);
    assert.ok(!printedAll.includes('Chèn số liệu'));
    const printedAnnex = printed.pages.findIndex((p) => p.text.includes('Phụ lục 01b'));
    assert.ok(printedAnnex > printed.pages.findIndex((p) => p.text.includes('Nơi nhận:')));
    await context.close();
  });

  test('a district report counts its task table and writes the province target from Phụ lục V, both following the grids', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'huyen-cchc');
    await typeInto(page, headerField('year'), '2019');
    const cell = (section, row, column) => `[data-code="${section}/${row}/c${column}"]`;
    const tasks = [['Ban hành kế hoạch CCHC', '1'], ['Kiểm tra CCHC', '1'], ['Khảo sát hài lòng', '3']];
    for (const [i, [task, progress]] of tasks.entries()) {
      await addRow(page, 'tien-do', cell('tien-do', i + 1, 2));
      await typeInto(page, cell('tien-do', i + 1, 2), task);
      await page.selectOption(cell('tien-do', i + 1, 4), progress);
    }
    await page.click(outline('I.5'));
    await page.keyboard.type('Hoàn thành {tien-do/count/c4=1}/{tien-do/count} nhiệm vụ tỉnh giao. Trễ hạn: {muc-tieu:tre-han-huyen}');
    const figure = (token) => page.textContent(`[data-outline-item="I.5"] [data-figure="${token}"]`);
    assert.equal(await figure('tien-do/count/c4=1'), '2');
    assert.equal(await figure('tien-do/count'), '3');
    assert.equal(await figure('muc-tieu:tre-han-huyen'), '…', 'Phụ lục V is empty yet');
    // The third task is done: the count follows.
    await page.selectOption(cell('tien-do', 3, 4), '1');
    assert.equal(await figure('tien-do/count/c4=1'), '3');

    // Phụ lục V: 100 accepted with 8 late: over the province's 5 %.
    await addRow(page, 'pl5', cell('pl5', 1, 2));
    await typeInto(page, cell('pl5', 1, 2), 'Tư pháp');
    await typeInto(page, cell('pl5', 1, 6), '100');
    await typeInto(page, cell('pl5', 1, 9), '8');
    assert.equal(await page.getAttribute('[data-target="tre-han-huyen"]', 'data-met'), 'false');
    assert.equal(await figure('muc-tieu:tre-han-huyen'), '8 %, vượt mức tối đa 5 % của tỉnh');
    // About the annex's total, not one row: under the table, and in the summary, whose link goes to the total.
    const under = (await shownIssues(page)).find((i) => i.code === 'pl5/total/c9');
    assert.equal(under?.severity, 'warning');
    await checksShown(page);
    await page.click('[data-summary-for="pl5/total/c9"]');
    assert.ok(await page.$eval('[data-computed="pl5/total/c9"]', (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'the total is on screen');
    const late = await page.textContent('[data-summary-for="pl5/total/c9"]');
    assert.match(late ?? '', /Tỷ lệ hồ sơ trễ hạn tại UBND huyện .*: 8 % \(chỉ tiêu ≤ 5 %\) — vượt mức tỉnh cho phép/);
    await typeInto(page, cell('pl5', 1, 9), '3');
    assert.equal(await page.getAttribute('[data-target="tre-han-huyen"]', 'data-met'), 'true');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await figure('tien-do/count/c4=1'), '3');
    assert.equal(await figure('muc-tieu:tre-han-huyen'), '3 %, dưới mức tối đa 5 % của tỉnh');
    await context.close();
  });
});
