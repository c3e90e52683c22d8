// End-to-end, with real keys (issue 31, items 1 and 7).
// Keys as in a spreadsheet: Enter goes down the Số liệu column and Tab
// across to Ghi chú, then the next row's figure; heading rows (3.3) take no
// stop; after the last row focus goes to the export bar, not the messages.
// A hint says so at the first figure typed and stays closed once closed; a
// number typed into a note right after Tab is questioned («Có phải số
// liệu?»), which is no message of the report.
// «Không phát sinh»: a row marked as having nothing to report is done for
// the meter, kept over a reload, «—» in the .xlsx and on paper, and skipped
// by a district roll-up, which sums only the commune that had figures.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, newDraft, typeInto, valueField, noteField, headerField, shownIssues, setUpSuite, reloadInDraft, checksShown, fieldValue, clickOnce } from './support/browser.mjs';
import { readCells } from './support/xlsx.mjs';
import { printToPdf } from './support/pdf.mjs';
import { gridDraft } from './support/bench-grid.mjs';

const suite = setUpSuite();
const SCREENS = 'target/e2e-screens';

const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (e?.hasAttribute('data-note')) return `note:${e.getAttribute('data-note')}`;
  if (e?.hasAttribute('data-code')) return e.getAttribute('data-code');
  return e?.getAttribute('data-action') ?? e?.tagName;
});

/** Downloads what `action` makes, confirming the pre-flight if it asks. */
async function download(page, action) {
  const waiting = page.waitForEvent('download');
  await page.click(`[data-action="${action}"]`);
  const asked = await Promise.race([
    waiting.then(() => false),
    page.waitForSelector('[data-export-confirm]', { timeout: 5000 }).then(() => true, () => false),
  ]);
  if (asked) await page.click('[data-export-confirm] [data-action="confirm"]');
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function commune(page) {
  await newDraft(page, 'xa-01b');
  await typeInto(page, headerField('unit'), 'UBND xã Hoằng Trường');
  await page.selectOption(headerField('period'), 'nam');
  await typeInto(page, headerField('year'), '2023');
}

describe('keys as in a spreadsheet', () => {
  test('Tab across, Enter down, headings skipped, the last row leads to the export bar', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await commune(page);
    // 3.2.6 is followed by the heading 3.3, which has no figure.
    await page.click(valueField('3.2.6'));
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    assert.equal(await active(page), 'note:3.2.6', 'Tab goes across to Ghi chú');
    await page.keyboard.press('Tab');
    assert.equal(await active(page), '3.3.1', 'then to the next figure, past the heading 3.3');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await active(page), 'note:3.2.6');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await active(page), '3.2.6');
    await page.keyboard.press('Enter');
    assert.equal(await active(page), '3.3.1', 'Enter goes down the Số liệu column');
    // Enter in a note goes down the Ghi chú column, past the heading's note too.
    await page.click(noteField('3.2.6'));
    await page.keyboard.press('Enter');
    assert.equal(await active(page), 'note:3.3.1');
    assert.equal(await page.getAttribute(noteField('3.3'), 'tabindex'), '-1', "a heading's note takes no Tab stop");

    // The keys are said at the first figure typed; closed, they stay closed.
    await page.waitForSelector('[data-keys-hint]');
    const said = await page.textContent('[data-keys-hint]');
    assert.match(said, /Enter: xuống số liệu dòng dưới/);
    assert.match(said, /Tab: sang Ghi chú/);
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/keys-hint.png` });
    await page.click('[data-action="close-keys-hint"]');
    assert.equal(await page.$('[data-keys-hint]'), null);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    await typeInto(page, valueField('3.2.5'), '90');
    await page.waitForTimeout(200);
    assert.equal(await page.$('[data-keys-hint]'), null, 'closed once, not shown again after a reload');

    // After the last row, Tab and Enter go to the export bar, not into the cards.
    await page.click(valueField('7.6'));
    await page.keyboard.press('Tab');
    assert.equal(await active(page), 'note:7.6');
    await page.keyboard.press('Tab');
    assert.equal(await active(page), 'export-docx');
    await page.click(valueField('7.6'));
    await page.keyboard.press('Enter');
    assert.equal(await active(page), 'export-docx');
    await page.click(noteField('7.6'));
    await page.keyboard.press('Enter');
    assert.equal(await active(page), 'export-docx');
    await context.close();
  });

  test('«0 Tab 0 Tab 0»: a number in a note right after Tab is questioned, not counted as a message', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await commune(page);
    const issuesBefore = await shownIssues(page);
    await checksShown(page);
    const countsBefore = await page.textContent('.issue-counts');
    await page.click(valueField('2.1'));
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    const hint = await page.waitForSelector('[data-note-hint="2.1"]');
    assert.match(await hint.textContent(), /Có phải số liệu\?/);
    assert.match(await hint.textContent(), /Chuyển vào ô Số liệu/);
    assert.deepEqual(await shownIssues(page), issuesBefore, 'the hint is not a message of the report');
    await checksShown(page);
    assert.equal(await page.textContent('.issue-counts'), countsBefore);
    await page.keyboard.press('Tab');
    await page.keyboard.type('7');
    assert.equal(await active(page), '2.2');
    assert.ok(await page.$('[data-note-hint="2.1"]'), 'the hint stays after Tab, where the clerk can see it');
    await page.locator('[data-row-code="2.1"]').screenshot({ path: `${SCREENS}/note-hint.png` });
    // 2.1 has its figure, so 2.2's was meant; filled now, the move never writes over it.
    await page.click('[data-note-hint="2.1"] [data-action="note-to-value"]');
    assert.equal(await page.inputValue(valueField('2.2')), '7');
    assert.equal(await active(page), '2.2');
    assert.equal(await page.inputValue(noteField('2.1')), '5');
    await page.click('[data-note-hint="2.1"] [data-action="keep-note"]');
    assert.equal(await page.$('[data-note-hint="2.1"]'), null);
    assert.equal(await page.inputValue(noteField('2.1')), '5', 'kept as the clerk typed it');

    // Moved into the figure it was meant for.
    await page.click(valueField('2.3'));
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.click('[data-note-hint="2.3"] [data-action="note-to-value"]');
    assert.equal(await page.inputValue(valueField('2.4')), '4');
    assert.equal(await page.inputValue(noteField('2.3')), '');
    assert.equal(await active(page), '2.4');
    assert.equal(await page.$('[data-note-hint]'), null);

    // A number typed in a note reached by a click is the clerk's own choice.
    await page.click(noteField('2.5'));
    await page.keyboard.type('12');
    await page.waitForTimeout(100);
    assert.equal(await page.$('[data-note-hint]'), null);
    await context.close();
  });
});

describe('«Không phát sinh»', () => {
  test('marked, done for the meter, kept over a reload, «—» in the .xlsx and on paper, skipped by the roll-up', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await commune(page);
    await typeInto(page, valueField('3.3.1'), '12');
    const meter = async () => {
      await checksShown(page);
      return (await page.getAttribute('[data-completion]', 'data-completion')).split('/').map(Number);
    };
    const [before, total] = await meter();
    // The button of an empty row, and the words typed by hand, any way.
    await page.hover('[data-row-code="2.1"]');
    await page.click('[data-action="none-to-report"][data-code="2.1"]');
    assert.equal(await page.inputValue(valueField('2.1')), 'Không phát sinh');
    await typeInto(page, valueField('2.2'), 'khong phat sinh');
    assert.equal(await page.inputValue(valueField('2.2')), 'Không phát sinh', 'written properly once left');
    await page.hover('[data-row-code="3.3.3"]');
    await page.click('[data-action="none-to-report"][data-code="3.3.3"]');
    assert.deepEqual(await meter(), [before + 3, total], 'the meter counts them as done');
    assert.equal(await page.isVisible('[data-action="none-to-report"][data-code="2.1"]'), false, 'a marked row offers it no more');
    assert.deepEqual((await shownIssues(page)).filter((i) => ['2.1', '2.2', '3.3.3'].includes(i.code)), []);
    await page.locator('[data-section]').first().evaluate((s) => s.querySelector('[data-row-code="2.1"]').scrollIntoView({ block: 'center' }));
    await page.hover('[data-row-code="2.3"]');
    await page.screenshot({ path: `${SCREENS}/none-to-report.png` });

    // Clearing the field undoes it; typing a figure replaces it.
    await typeInto(page, valueField('2.2'), '');
    assert.deepEqual(await meter(), [before + 2, total]);
    await typeInto(page, valueField('2.2'), 'Không phát sinh');

    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    for (const code of ['2.1', '2.2', '3.3.3']) assert.equal(await page.inputValue(valueField(code)), 'Không phát sinh');
    assert.deepEqual(await meter(), [before + 3, total], 'kept over a reload');

    // The .xlsx: «—» in Số liệu, never 0.
    const { bytes } = await download(page, 'export-xlsx');
    const { cells } = readCells(bytes);
    const rowOf = (stt) => [...cells.values()].find((c) => c.ref.startsWith('A') && c.value === stt)?.ref.slice(1);
    for (const code of ['2.1', '2.2', '3.3.3']) {
      const row = rowOf(code);
      assert.ok(row, `row ${code} in the sheet`);
      assert.equal(cells.get(`D${row}`)?.value, '—', `${code} in the .xlsx`);
    }
    assert.equal(cells.get(`D${rowOf('3.3.1')}`)?.value, 12);

    // On paper too.
    const pdf = await printToPdf(page, 'none-to-report');
    const line = pdf.text.split('\n').find((l) => /^\s*2\.1\s/.test(l));
    assert.ok(line?.includes('—') && !/\s0\s*$/.test(line), `printed: ${line}`);

    // The roll-up: this commune's .json (as downloaded) and another with figures.
    const dir = mkdtempSync(join(tmpdir(), 'none-rollup-'));
    const mine = await download(page, 'export-json');
    const ours = join(dir, mine.name);
    writeFileSync(ours, mine.bytes);
    const theirs = join(dir, 'son-binh.json');
    const header = JSON.parse(mine.bytes.toString('utf8')).report.header;
    writeFileSync(theirs, JSON.stringify({
      kind: 'bieumau-cchc/draft', format: 1, app_version: '0.1.0', id: 'xa-son-binh', name: '', created_at: 1, updated_at: 2, revision: 1,
      report: { template_id: 'xa-01b', template_version: 1, header: { ...header, unit: 'UBND xã Sơn Bình', place: '' }, values: { '2.1': '3', '3.3.3': '5', '3.3.1': '400' }, notes: {} },
    }));
    await page.click('[data-action="back"]');
    await newDraft(page, 'huyen-cchc');
    await typeInto(page, headerField('year'), '2023');
    await page.setInputFiles('[data-action="rollup"]', [ours, theirs]);
    await page.waitForSelector('[data-section="tong-hop-xa"]');
    const summary = (code) => page.textContent(`[data-computed="tong-hop-xa/${code}"]`);
    assert.equal((await summary('2.1')).trim(), '3', 'only Sơn Bình had a figure');
    assert.equal((await summary('3.3.3')).trim(), '5');
    assert.equal((await summary('3.3.1')).trim(), '412', 'a row with a figure still sums');
    await context.close();
  });
});

// Issue 32: a key's frame repaints the field and what is beside it. The
// summary beside the form and the counts in the toolbar follow the checks
// once typing pauses (ui/shared/settled.rs); a field's own message
// (`data-issue-for`, the public hook) shows on the frame after the key's.
describe('the summary beside the form while the clerk types', () => {
  test('a field\'s message shows at once; the counts wait for the pause, then follow, and never show a count typed past', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await commune(page);
    await checksShown(page);
    const errors = () => page.textContent('[data-count="error"]');
    const before = await errors();
    await page.evaluate(() => {
      window.__seen = [];
      const summary = document.querySelector('[data-checks]');
      const note = () => window.__seen.push([summary.dataset.checks, summary.querySelector('[data-count="error"]').textContent]);
      new MutationObserver(note).observe(summary, { attributes: true, subtree: true, characterData: true, childList: true });
    });
    await page.click(valueField('3.3.1'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12x', { delay: 120 });
    // The field's own message, with no wait.
    const own = (await shownIssues(page)).filter((i) => i.code === '3.3.1');
    assert.deepEqual(own.map((i) => i.severity), ['error'], 'the field says at once that «12x» is no number');
    await checksShown(page);
    const after = await errors();
    assert.notEqual(after, before, 'once the keys paused, the counts follow');
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.some(([checks, count]) => checks === 'pending' && count === before), 'while the keys came, the summary waited');
    assert.ok(seen.every(([checks, count]) => checks !== 'pending' || count === before), 'no count changed while changes waited');
    // Put right: the field's error goes at once, the count after the pause.
    await page.keyboard.press('Backspace');
    assert.deepEqual((await shownIssues(page)).filter((i) => i.code === '3.3.1' && i.severity === 'error'), []);
    await checksShown(page);
    assert.equal(await errors(), before);
    await context.close();
  });
});

// Issue 32: while the clerk types, only the report near the screen is drawn
// (browser/typing_window.rs): the chunks of rows of every table, and the
// sections without any (the header, the narrative, the signature), once a
// fifth of a screen away, are hidden until found, and back at the pause.
describe('while the clerk types, the report far from the screen waits', () => {
  test('in a short grid, the narrative and the header far above are hidden until found, then back; nothing moves, and a far field is still typed into', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.setInputFiles('[data-action="import"]', { name: 'grid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(gridDraft(6))) });
    await page.waitForSelector('[data-code="pl5/6/c18"]');
    const here = '[data-code="pl5/3/c6"]';
    const hidden = () => page.$$eval('.paper [hidden="until-found"]', (l) => l.map((b) => b.className));
    await page.$eval(here, (el) => el.scrollIntoView({ block: 'center' }));
    await page.click(here);
    assert.deepEqual(await hidden(), [], 'nothing is hidden before a key');
    const place = () => page.$eval(here, (el) => Math.round(el.getBoundingClientRect().top + scrollY));
    const tall = () => page.evaluate(() => document.documentElement.scrollHeight);
    const top = await place();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('56', { delay: 120 });
    await page.waitForSelector('.paper > section.narrative[hidden="until-found"]', { state: 'attached' });
    const far = await hidden();
    assert.ok(far.includes('document-header'), `the header far above waits too (${far})`);
    assert.equal(await page.$eval(here, (el) => el.closest('[hidden]')?.className ?? null), null, 'the field and its rows are drawn');
    assert.equal(await page.$eval('[data-header="unit"]', (el) => el.checkVisibility()), false, 'a far field is not drawn while the clerk types');
    assert.equal(await place(), top, 'hiding moves nothing above the field');
    // The row's message shows on the frame after the key's.
    assert.ok((await shownIssues(page)).some((i) => i.code === 'pl5/3/c6'), 'the row says its sum is off');
    const height = await tall();
    // At the pause every block is back, where it was.
    await page.waitForFunction(() => !document.querySelector('.paper [hidden="until-found"]'), null, { timeout: 5000 });
    assert.equal(await place(), top, 'showing them again moves nothing');
    assert.equal(await tall(), height, 'nor the page\'s height');
    await page.fill(headerField('unit'), 'UBND huyện Quảng Xương');
    assert.equal(await page.inputValue(headerField('unit')), 'UBND huyện Quảng Xương');
    assert.equal(await fieldValue(page, here), '56');
    await context.close();
  });
});

// Vietnamese through an input method that composes (IBus-Unikey or Bamboo
// with preedit, macOS's Telex and VNI): each word is composition text until
// it is committed, and a field holds letters the clerk has not finished.
// CDP's Input.imeSetComposition sets that text as an IME does (with
// compositionstart/update and `input` events marked isComposing), and
// Input.insertText commits it. The app must not write its own text over a
// composition (a grid's number cell is a text box the app writes into) nor
// lose a word left composing when the clerk leaves the field.
describe('Vietnamese typed through an input method', () => {
  test('composed words in the narrative, a row\'s name and its figures are kept whole, tidied on leaving, over a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const cdp = await context.newCDPSession(page);
    /** Stages of a composition, then (if given) the word committed. */
    const compose = async (stages, word) => {
      for (const text of stages) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      if (word !== undefined) await cdp.send('Input.insertText', { text: word });
    };
    await page.evaluate(() => {
      window.__composed = [];
      addEventListener('compositionend', (e) => window.__composed.push(`${e.target.getAttribute('data-code') ?? e.target.getAttribute('data-outline')}:${e.data}`), true);
    });
    await newDraft(page, 'huyen-cchc');
    const narrative = 'textarea[data-outline="I.1"]';
    await page.click(narrative);
    await compose(['H', 'Hu', 'Huy', 'Huye', 'Huyê', 'Huyên', 'Huyện'], 'Huyện');
    await page.keyboard.press('Space');
    await compose(['d', 'đ', 'đa', 'đã'], 'đã');
    await page.keyboard.press('Space');
    await compose(['b', 'ba']);
    assert.equal(await fieldValue(page, narrative), 'Huyện đã ba', 'a word still composing is in the field as it stands');
    await compose(['ban'], 'ban');
    assert.equal(await fieldValue(page, narrative), 'Huyện đã ban');

    await clickOnce(page, '[data-action="add-row"][data-section="pl5"]');
    const label = '[data-code="pl5/1/c2"]';
    await page.click(label);
    await compose(['d', 'đ', 'đâ', 'đât', 'đất'], 'đất');
    await page.keyboard.press('Space');
    await compose(['d', 'đ', 'đa', 'đai'], 'đai');
    assert.equal(await fieldValue(page, label), 'đất đai');

    // VNI composes digits too (they are its tone keys).
    const received = '[data-code="pl5/1/c5"]';
    await page.click(received);
    await compose(['1', '16', '160']);
    assert.equal(await fieldValue(page, received), '160', 'digits still composing are neither tidied nor written over');
    await compose(['1603'], '1603');
    assert.equal(await fieldValue(page, received), '1603', 'the box keeps the digits as typed while the clerk is in it');
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, received), '1.603', 'tidied on leaving');
    assert.equal((await page.textContent('[data-computed="pl5/total/c5"]')).trim(), '1.603', 'and counted in the total');
    // A figure left composing: leaving the field commits it.
    const carried = '[data-code="pl5/1/c4"]';
    await page.click(carried);
    await compose(['2', '27']);
    await page.keyboard.press('Tab');
    assert.equal(await fieldValue(page, carried), '27');
    assert.equal((await page.textContent('[data-computed="pl5/total/c4"]')).trim(), '27');

    const composed = await page.evaluate(() => window.__composed);
    for (const end of ['I.1:ban', 'pl5/1/c2:đai', 'pl5/1/c5:1603', 'pl5/1/c4:27']) assert.ok(composed.includes(end), `${end} was typed as a composition (${composed})`);
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await fieldValue(page, narrative), 'Huyện đã ban');
    assert.equal(await fieldValue(page, label), 'đất đai');
    assert.equal(await fieldValue(page, received), '1.603');
    assert.equal(await fieldValue(page, carried), '27');
    await context.close();
  });
});
