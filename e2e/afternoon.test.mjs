// End-to-end: a clerk's afternoon (issue 31, items 2, 4 and 8). The date is
// typed as Vietnamese write it, four ways, with real keys; an impossible
// date stays as typed with its error, over a reload; the header reads as the
// document prints it. The printout leaves room to sign and numbers its pages
// at the top from page 2. The commune template comes first, empty fields
// show hints no one can take for values, and the signature follows the
// narrative on screen.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openApp, newDraft, typeInto, headerField, shownIssues, setUpSuite, reloadInDraft, checksShown } from './support/browser.mjs';
import { printToPdf } from './support/pdf.mjs';

const suite = setUpSuite();
const SCREENS = 'target/e2e-screens';

const placeDate = (page) => page.$eval('[data-computed="place-date"]', (p) => p.innerText.replace(/\s+/g, ' ').trim());
const dateIssue = (page) => page.$eval('[data-header-issue="date"]', (p) => p.textContent).catch(() => null);

describe('a clerk\'s afternoon', () => {
  test('the commune template comes first, and empty fields show hints, not values', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const first = await page.$eval('[data-action="new-draft"]', (b) => b.getAttribute('data-template'));
    assert.equal(first, 'xa-01b');
    await newDraft(page, 'xa-01b');
    const hints = await page.$$eval('input[data-header], textarea[data-header]', (all) =>
      Object.fromEntries(all.map((f) => [f.getAttribute('data-header'), f.getAttribute('placeholder') ?? ''])));
    assert.equal(hints.year, 'vd. 2024');
    assert.equal(hints.date, 'ngày/tháng/năm');
    // No hint is something a clerk could take for a typed value: an example
    // says «vd.», the others say what to type or are a gap.
    for (const [field, hint] of Object.entries(hints)) {
      if (['year', 'parent-body', 'unit', 'number-suffix', 'signing-capacity', 'signer-title'].includes(field)) {
        assert.match(hint, /^vd\. /, `${field}: «${hint}»`);
      }
      assert.doesNotMatch(hint, /^\d+$/, `${field}: «${hint}»`);
    }
    await context.close();
  });

  test('dates typed four ways read as the document prints them; an impossible one stays, with its error, over a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, headerField('place'), 'Hoằng Trường');
    await typeInto(page, headerField('year'), '2023');
    for (const typed of ['15/12/2023', '15-12-2023', '15.12.2023', '15122023']) {
      await typeInto(page, headerField('date'), typed);
      assert.equal(await placeDate(page), 'Hoằng Trường, ngày 15 tháng 12 năm 2023', typed);
      // Once left, the field shows it as clerks write it; no error.
      assert.equal(await page.inputValue(headerField('date')), '15/12/2023', typed);
      assert.equal(await page.getAttribute(headerField('date'), 'aria-invalid'), 'false');
      assert.equal(await dateIssue(page), null);
    }
    // One-digit day and month.
    await typeInto(page, headerField('date'), '1/2/2024');
    assert.equal(await placeDate(page), 'Hoằng Trường, ngày 01 tháng 02 năm 2024');
    assert.equal(await page.inputValue(headerField('date')), '01/02/2024');

    // The calendar is a button beside the field, reached with Tab, named in Vietnamese.
    await page.click(headerField('date'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => [document.activeElement.getAttribute('data-action'), document.activeElement.getAttribute('aria-label')]);
    assert.deepEqual(focused, ['pick-date', 'Chọn ngày ban hành trên lịch']);
    // What the browser's calendar hands back is written the Vietnamese way.
    await page.locator('.calendar-picker').fill('2024-03-08', { force: true });
    assert.equal(await page.inputValue(headerField('date')), '08/03/2024');
    assert.equal(await placeDate(page), 'Hoằng Trường, ngày 08 tháng 03 năm 2024');

    mkdirSync(SCREENS, { recursive: true });
    await typeInto(page, headerField('date'), '15122023');
    await page.locator('.document-header').screenshot({ path: `${SCREENS}/date-valid.png` });

    // Impossible: kept exactly as typed, an error on the field, the line left blank to write by hand.
    await typeInto(page, headerField('date'), '31/02/2024');
    assert.equal(await page.inputValue(headerField('date')), '31/02/2024');
    assert.equal(await page.getAttribute(headerField('date'), 'aria-invalid'), 'true');
    assert.equal(await dateIssue(page), '«31/02/2024»: tháng 2 năm 2024 không có ngày 31');
    assert.equal(await placeDate(page), 'Hoằng Trường, ngày tháng năm 2023');
    await page.locator('.document-header').screenshot({ path: `${SCREENS}/date-impossible.png` });
    await typeInto(page, headerField('date'), '15/13/2023');
    assert.equal(await dateIssue(page), '«15/13/2023»: không có tháng 13');
    await typeInto(page, headerField('date'), 'mười lăm');
    assert.match(await dateIssue(page), /không phải là ngày/);
    await typeInto(page, headerField('date'), '31/02/2024');

    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.inputValue(headerField('date')), '31/02/2024');
    assert.equal(await dateIssue(page), '«31/02/2024»: tháng 2 năm 2024 không có ngày 31');
    // It is one of the report's errors: listed first, named by its field,
    // and a click on the card goes back to the field.
    const listed = (await shownIssues(page)).filter((i) => i.code === 'header:date');
    assert.deepEqual(listed.map((i) => i.severity), ['error']);
    await checksShown(page);
    const first = page.locator('[data-summary-for]').first();
    assert.equal(await first.getAttribute('data-summary-for'), 'header:date');
    assert.match(await first.textContent(), /^Lỗi · Ngày ban hành«31\/02\/2024»: tháng 2 năm 2024 không có ngày 31/);
    await first.click();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-header')), 'date');
    await context.close();
  });

  test('a draft saved with the browser\'s own date field (ISO) keeps its date', async () => {
    const app = await openApp(suite.browser, suite.server.url);
    await newDraft(app.page, 'xa-01b');
    await typeInto(app.page, headerField('place'), 'Hoằng Trường');
    await typeInto(app.page, headerField('year'), '2023');
    await typeInto(app.page, headerField('date'), '5/1/2024');
    const waiting = app.page.waitForEvent('download');
    await app.page.click('[data-action="export-json"]');
    const download = await waiting;
    const draft = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(draft.report.header.date, '05/01/2024', 'stored as the clerk reads it');
    // The form drafts had before this change: ISO, from <input type="date">.
    draft.report.header.date = '2024-01-05';
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.setInputFiles('[data-action="import"]', { name: 'cu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(headerField('date')), '05/01/2024');
    assert.equal(await placeDate(page), 'Hoằng Trường, ngày 05 tháng 01 năm 2024');
    assert.equal(await dateIssue(page), null);
    await context.close();
    await app.context.close();
  });

  test('on screen the signature follows the narrative; on paper there is room to sign, and pages are numbered at the top from page 2', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    // Before the annex, after the narrative, as in the .docx.
    const order = await page.evaluate(() => {
      const at = (s) => [...document.querySelectorAll('.paper *')].indexOf(document.querySelector(s));
      return { narrative: at('.narrative'), signature: at('.signature'), annex: at('[data-section]') };
    });
    assert.ok(order.narrative < order.signature && order.signature < order.annex, JSON.stringify(order));

    for (const [field, text] of [['unit', 'UBND xã Hoằng Trường'], ['place', 'Hoằng Trường'], ['year', '2023'], ['date', '15122023'],
      ['signing-capacity', 'KT. CHỦ TỊCH'], ['signer-title', 'PHÓ CHỦ TỊCH'], ['signer', 'Lê Văn Tám']]) {
      await typeInto(page, headerField(field), text);
    }
    await typeInto(page, '[data-outline="I.1"]', 'Ủy ban nhân dân xã đã ban hành kế hoạch cải cách hành chính năm 2023.');
    await page.waitForSelector('.editor.with-narrative');
    mkdirSync(SCREENS, { recursive: true });
    await page.locator('.signature').screenshot({ path: `${SCREENS}/signature-on-screen.png` });

    const pdf = await printToPdf(page, 'afternoon');
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf.path, `${SCREENS}/afternoon-page`]);
    assert.ok(pdf.pages.length >= 3, `${pdf.pages.length} pages`);
    assert.doesNotMatch(pdf.text, /Trang \d/);
    const lines = (page) => page.text.split('\n');
    const firstLine = (page) => lines(page).find((l) => l.trim() !== '')?.trim();
    // Page 1 opens with the header, no number; page 2 and later with their number, centred.
    assert.match(firstLine(pdf.pages[0]), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/, firstLine(pdf.pages[0]));
    assert.doesNotMatch(pdf.pages[0].text, /^\s*\d+\s*$/m, 'no bare page number on page 1');
    for (const [i, p] of pdf.pages.entries()) {
      if (i === 0) continue;
      const top = lines(p).find((l) => l.trim() !== '');
      assert.equal(top.trim(), String(i + 1), `page ${i + 1} is numbered at its top`);
      const indent = top.length - top.trimStart().length;
      const width = Math.max(...lines(p).map((l) => l.trimEnd().length));
      assert.ok(indent > width / 4, `page ${i + 1}'s number is centred (${indent} of ${width})`);
    }
    // The header line as the documents print it.
    assert.match(pdf.pages[0].text, /Hoằng Trường, ngày 15 tháng 12 năm 2023/);
    // Room to sign and seal between the title and the name.
    const all = pdf.text.split('\n');
    const title = all.findIndex((l) => l.includes('PHÓ CHỦ TỊCH'));
    const name = all.findIndex((l, i) => i > title && l.includes('Lê Văn Tám'));
    assert.ok(title >= 0 && name > title, 'title then name');
    const between = all.slice(title + 1, name);
    const column = all[title].indexOf('PHÓ CHỦ TỊCH') - 4;
    assert.ok(between.filter((l) => l.slice(column).trim() === '').length >= 3,
      `blank lines under the title, beside «Nơi nhận»: ${JSON.stringify(between)}`);
    await context.close();
  });
});
