// End-to-end: a narrative that reads as a report, and messages a clerk can
// scan. With real keys, the clerk leaves the optional item I.4 out of the
// report (absent from the .docx and the print, kept after a reload, brought
// back), writes the closing paragraph (in both documents, before the
// signature), inserts a target that reads as words, closes the figure
// picker with Escape back at the caret, and reads a summary that lists
// errors first and gathers the empty items in one line.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, hoangTruong2023, typeInto, headerField, shownIssues, setUpSuite, reloadInDraft, checksShown } from './support/browser.mjs';
import { officeToPdf, printToPdf } from './support/pdf.mjs';

const suite = setUpSuite();
const outline = (id) => `textarea[data-outline="${id}"]`;
const searchFocused = (page) => page.waitForFunction(() => document.activeElement?.matches('[data-figure-search]'));
const CLOSING = 'Trên đây là báo cáo công tác cải cách hành chính năm 2023 của Ủy ban nhân dân xã Hoằng Trường./.';
const I4 = 'Hoàn thành 5 nhiệm vụ được Chủ tịch UBND huyện giao.';

async function hoangTruong(page) {
  await hoangTruong2023(page);
  await typeInto(page, headerField('signing-capacity'), 'TM. ỦY BAN NHÂN DÂN');
  await typeInto(page, headerField('signer-title'), 'CHỦ TỊCH');
  await typeInto(page, headerField('signer'), 'Lê Văn Hùng');
}

const oneLine = (text) => text.replace(/\s+/g, ' ');

describe('a narrative that reads as a report', () => {
  test('an optional item left out is in neither the .docx nor the print, a reload keeps it out, and the closing paragraph comes before the signature', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await hoangTruong(page);
    await page.click(outline('I.1'));
    await page.keyboard.type('Ủy ban nhân dân xã đã ban hành Kế hoạch cải cách hành chính năm 2023.');
    await page.click(outline('II.2'));
    await page.keyboard.type('Tỷ lệ hồ sơ giải quyết đúng hẹn đạt {muc-tieu:dung-hen}.');
    // The target reads as words in the sentence.
    assert.equal(await page.textContent('[data-outline-item="II.2"] [data-figure="muc-tieu:dung-hen"]'), '99,06 %, trên mức tối thiểu 95 % của tỉnh');
    await page.click(outline('I.4'));
    await page.keyboard.type(I4);
    assert.ok((await shownIssues(page)).some((i) => i.code === 'outline:I.4'), 'written while its annex row is empty: a message');

    // Only items the template does not require can be left out.
    assert.equal(await page.$$eval('[data-action="omit-item"][data-outline="I.1"]', (n) => n.length), 0);
    assert.deepEqual(await page.$$eval('[data-action="omit-item"]', (n) => n.map((b) => b.dataset.outline)), ['I.4', 'V']);
    await page.click('[data-action="omit-item"][data-outline="I.4"]');
    await page.waitForSelector('[data-outline-item="I.4"][data-left-out="true"]');
    assert.equal(await page.isVisible(outline('I.4')), false, 'collapsed on screen');
    assert.ok(await page.isVisible('[data-action="restore-item"][data-outline="I.4"]'));
    assert.equal((await shownIssues(page)).some((i) => i.code === 'outline:I.4'), false, 'not warned about');
    // V, empty and optional: left out too, so no bare heading.
    await page.click('[data-action="omit-item"][data-outline="V"]');

    // The closing paragraph, with a hint in the seed's words.
    const hint = await page.getAttribute(outline('closing'), 'placeholder');
    assert.match(hint, /^Trên đây là báo cáo công tác cải cách hành chính năm 2023, .* của Ủy ban nhân dân xã Hoằng Trường/);
    // Left empty, the closing prints that usual sentence, once.
    const usual = oneLine((await printToPdf(page, 'ket-mac-dinh')).text);
    assert.equal(usual.split('Trên đây là báo cáo').length - 1, 1, 'the usual closing sentence, once');
    assert.ok(usual.includes('kính gửi cấp trên xem xét, tổng hợp./.'), usual.slice(-600));
    await page.click(outline('closing'));
    await page.keyboard.type(CLOSING);
    await page.waitForSelector('[data-save-state="saved"]');

    await reloadInDraft(page);
    await page.waitForSelector('[data-outline-item="I.4"][data-left-out="true"]');
    assert.equal(await page.inputValue(outline('I.4')), I4, 'its text is kept');
    assert.equal(await page.inputValue(outline('closing')), CLOSING);
    if (process.env.SHOTS) {
      await page.locator('[data-outline-item="I.3"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.SHOTS}/left-out.png` });
    }

    // The .docx: I.4 and V are not there, the closing paragraph is, before «Nơi nhận».
    const waiting = page.waitForEvent('download');
    await page.click('[data-action="export-docx"]');
    await page.click('[data-export-confirm] [data-action="confirm"]');
    const bytes = readFileSync(await (await waiting).path());
    const docx = officeToPdf(bytes, 'bao-cao.docx');
    const word = oneLine(docx.text);
    assert.ok(!word.includes('Thực hiện nhiệm vụ cấp trên giao') && !word.includes(I4), 'I.4 is left out of the .docx');
    assert.ok(!word.includes('KIẾN NGHỊ, ĐỀ XUẤT'), 'V is left out of the .docx');
    assert.ok(word.includes('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'));
    assert.ok(word.includes('đạt 99,06 %, trên mức tối thiểu 95 % của tỉnh.'));
    const closingAt = word.indexOf('Trên đây là báo cáo công tác cải cách hành chính năm 2023');
    assert.ok(closingAt > word.indexOf('IV. PHƯƠNG HƯỚNG') && closingAt < word.indexOf('Nơi nhận:'), 'the closing paragraph before the signature');

    // The print: the same.
    const printed = await printToPdf(page, 'bao-cao');
    const paper = oneLine(printed.text);
    assert.equal(paper.split('Trên đây là báo cáo').length - 1, 1, 'the typed closing replaces the usual one');
    assert.ok(!paper.includes('Thực hiện nhiệm vụ cấp trên giao') && !paper.includes(I4), 'I.4 is left out of the print');
    assert.ok(!paper.includes('KIẾN NGHỊ, ĐỀ XUẤT') && !paper.includes('Đưa lại vào báo cáo'));
    assert.ok(paper.includes('đạt 99,06 %, trên mức tối thiểu 95 % của tỉnh.'));
    const printedClosing = paper.indexOf('Trên đây là báo cáo công tác cải cách hành chính năm 2023');
    assert.ok(printedClosing > paper.indexOf('PHƯƠNG HƯỚNG') && printedClosing < paper.indexOf('Nơi nhận'), 'closing before the signature on paper');
    if (process.env.SHOTS) {
      const { execFileSync } = await import('node:child_process');
      execFileSync('pdftoppm', ['-png', '-r', '60', printed.path, `${process.env.SHOTS}/print`]);
      execFileSync('pdftoppm', ['-png', '-r', '60', docx.path, `${process.env.SHOTS}/docx`]);
    }

    // Brought back: shown, checked and printed again.
    await page.click('[data-action="restore-item"][data-outline="I.4"]');
    assert.ok(await page.isVisible(outline('I.4')));
    assert.ok((await shownIssues(page)).some((i) => i.code === 'outline:I.4'));
    await context.close();
  });

  test('the summary lists errors first, names items as the document does and gathers the empty ones in one line that opens', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await hoangTruong(page);
    await page.click(outline('I.1'));
    await page.keyboard.type('Đã ban hành kế hoạch; số liệu {9.9.9}.');
    await checksShown(page);
    const severities = await page.$$eval('.summary-list > li > [data-summary-severity], .summary-list > li.issue-group > .summary-group', (n) => n.map((b) => b.dataset.summarySeverity ?? 'group'));
    assert.equal(severities[0], 'error', `errors first: ${severities}`);
    assert.ok(severities.lastIndexOf('error') < severities.indexOf('group'));
    // The empty items: one line, their cards on the page but hidden until it opens.
    const empty = (await shownIssues(page)).filter((i) => i.message.includes('chưa có nội dung'));
    assert.ok(empty.length >= 7, `${empty.length} empty items`);
    const group = '[data-issue-group="empty-items"]';
    assert.equal(oneLine(await page.textContent(`${group} [data-action="expand-group"] .message`)).trim(), `${empty.length} mục chưa có nội dung — bấm để xem từng mục`);
    assert.equal(await page.isVisible(`${group} [data-summary-for="outline:I.2"]`), false);
    await page.click(`${group} [data-action="expand-group"]`);
    const members = await page.$$eval(`${group} [data-summary-for]`, (n) => n.map((b) => b.dataset.summaryFor));
    assert.deepEqual(members, empty.map((i) => i.code));
    assert.ok(await page.isVisible(`${group} [data-summary-for="outline:I.2"]`));
    assert.equal(oneLine(await page.textContent(`${group} [data-summary-for="outline:I.2"] .severity`)), 'Cảnh báo · Mục I.2 "Công tác kiểm tra cải cách hành chính"');
    if (process.env.SHOTS) {
      await page.locator(`${group} [data-action="expand-group"]`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.SHOTS}/summary.png` });
    }
    await page.click(`${group} [data-summary-for="outline:I.2"]`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.outline), 'I.2');

    // Escape in the picker: back in the text, at the caret.
    await page.click(outline('III.1'));
    await page.keyboard.type('Cải cách hành chính  được chú trọng.');
    for (let i = 0; i < 'được chú trọng.'.length + 1; i++) await page.keyboard.press('ArrowLeft');
    await page.click('[data-outline-item="III.1"] [data-action="insert-figure"]');
    await searchFocused(page);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.outline), 'III.1');
    await page.keyboard.type('luôn');
    assert.equal(await page.inputValue(outline('III.1')), 'Cải cách hành chính luôn được chú trọng.');

    // The replace hint opens the picker already searching for the typed figure's words.
    await page.click(outline('II.2'));
    await page.keyboard.type('Tiếp nhận 1600 hồ sơ.');
    await page.click('[data-hand-figure="1600 hồ sơ"] [data-action="replace-hand-figure"]');
    await searchFocused(page);
    assert.equal(await page.inputValue('[data-figure-search]'), 'hồ sơ');
    const offered = await page.$$eval('[data-figure-option]', (n) => n.map((b) => b.dataset.figureOption));
    assert.ok(offered.includes('3.3.1') && offered.length < 40, `filtered: ${offered.length}`);
    await page.click('[data-figure-option="3.3.1"]');
    assert.equal(await page.inputValue(outline('II.2')), 'Tiếp nhận {3.3.1} hồ sơ.');
    await context.close();
  });
});
