// End-to-end: a large report opens with its first screens drawn and the
// rest as placeholders (ui/deferred.rs); far rows are drawn when they come
// near the screen, in idle time, before printing, and when a message sends
// the clerk there. Typed with real keys, as a clerk would.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, newDraft, setUpSuite, fieldValue } from './support/browser.mjs';
import { stressTemplate } from './support/stress-template.mjs';
import { gridDraft } from './support/bench-grid.mjs';
import { readPdf } from './support/pdf.mjs';

const suite = setUpSuite();
const template = stressTemplate(5000);
const field = (code) => `[data-code="${code}"]`;

async function openStress(stress = template) {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  await page.setInputFiles('[data-action="load-template"]', {
    name: 'stress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(stress)),
  });
  await newDraft(page, stress.id);
  return { page, context };
}

const drawn = (page, code) => page.$(field(code)).then((e) => e !== null);
const placeholders = (page) => page.$$eval('.rows-later', (l) => l.length);

describe('a 5,000-indicator report', () => {
  test('opens with its first screens drawn; scrolling to the end draws the end, and it takes real keys', async () => {
    const { page, context } = await openStress();
    assert.ok(await drawn(page, '1.a'), 'the first rows are drawn');
    assert.ok(!(await drawn(page, '1250.c')), 'the last rows wait');
    const waiting = await placeholders(page);
    assert.ok(waiting > 100, `placeholders for the rest (${waiting})`);
    // The page is as tall as the whole form: placeholders hold the rows' place.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height > 5000 * 30, `page height ${height}`);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForSelector(field('1250.c'), { timeout: 5000 });
    assert.ok(await placeholders(page) > 0, 'drawn because it came on screen, not because everything was');
    await page.click(field('1250'));
    await page.keyboard.type('1603');
    await page.keyboard.press('Enter');
    await page.keyboard.type('581');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.code), '1250.c', 'Enter moves down the far rows');
    assert.equal(await page.textContent('[data-computed="1250.cong"]'), '583');
    await page.waitForSelector('[data-save-state="saved"]');

    // Idle time draws the rest; nothing is left as a placeholder.
    await page.waitForFunction(() => document.querySelectorAll('.rows-later').length === 0, null, { timeout: 60000 });
    assert.ok(await drawn(page, '600.b'));
    await context.close();
  });

  test('a message sends the clerk to a row not drawn yet', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.setInputFiles('[data-action="load-template"]', {
      name: 'stress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)),
    });
    // A draft whose total far down is smaller than its parts.
    const draft = {
      kind: 'bieumau-cchc/draft', format: 1, app_version: 'test', id: 'large-1', name: '', created_at: 0, updated_at: 0, revision: 0,
      report: { template_id: template.id, template_version: 1, header: {}, values: { 1249: '1', '1249.a': '5' }, notes: {} },
    };
    await page.setInputFiles('[data-action="import"]', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
    const message = await page.waitForSelector('[data-summary-for^="1249"]');
    const code = await message.getAttribute('data-summary-for');
    assert.ok(!(await drawn(page, code)), 'the row is not drawn yet');
    await message.click();
    await page.waitForFunction((c) => document.activeElement?.dataset?.code === c, code);
    assert.equal(await page.inputValue(field('1249.a')), '5');
    await context.close();
  });

  test('printed at once after opening, the PDF holds every row', async () => {
    // 1,200 indicators: deferred as 5,000 are, and a PDF made in seconds.
    const { page, context } = await openStress(stressTemplate(1200));
    assert.ok(await placeholders(page) > 0);
    const dir = mkdtempSync(join(tmpdir(), 'bieumau-large-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    // Chromium's printing sends beforeprint, as Ctrl+P does: the app draws the rest first.
    assert.match(execFileSync('pdfinfo', [pdf]).toString(), /Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    assert.match(text, /Kênh c của nhóm 300/);
    assert.match(text, /Kênh b của nhóm 150/);
    await context.close();
  });
});

describe('a roll-up of 600 commune files', () => {
  test('the list of files used is drawn after the tables, whole; the sums are every file\'s', async () => {
    const xa = JSON.parse(readFileSync('templates/xa-01b.json'));
    const counts = xa.sections.flatMap((s) => s.rows).filter((r) => r.kind === 'count').map((r) => r.code);
    const dir = mkdtempSync(join(tmpdir(), 'bieumau-rollup-'));
    let received = 0;
    const files = [];
    for (let i = 1; i <= 600; i++) {
      const values = Object.fromEntries(counts.map((code) => [code, String((i * 7 + code.length) % 400)]));
      received += Number(values['3.3.1']);
      const draft = {
        kind: 'bieumau-cchc/draft', format: 1, app_version: 'test', id: `xa-${i}`, name: '', created_at: 0, updated_at: i, revision: 1,
        report: { template_id: 'xa-01b', template_version: 1, header: { unit: `UBND xã Thử ${i}`, period: 'year', year: '2024' }, values, notes: {} },
      };
      const path = join(dir, `xa-${i}.json`);
      writeFileSync(path, JSON.stringify(draft));
      files.push(path);
    }
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'huyen-cchc');
    await page.setInputFiles('[data-action="rollup"]', files);
    await page.waitForSelector('[data-section="tong-hop-xa"] [data-computed="tong-hop-xa/3.3.1"]');
    assert.equal(await page.textContent('[data-computed="tong-hop-xa/3.3.1"]'), received.toLocaleString('de-DE'));
    // The clerk opens the list of files used: drawn after the tables (in
    // idle time at the latest), whole and in order.
    await page.click('.rollup-sources summary');
    await page.waitForFunction(() => document.querySelectorAll('[data-rollup-source]').length === 600, null, { timeout: 60000 });
    const [first, last] = await page.$$eval('[data-rollup-source]', (l) => [l[0], l.at(-1)].map((x) => x.getAttribute('data-rollup-source')));
    assert.deepEqual([first, last], ['xa-1.json', 'xa-600.json']);
    await page.waitForFunction(() => document.querySelectorAll('.rows-later').length === 0, null, { timeout: 60000 });
    assert.equal(await page.textContent('[data-computed="pl6/total/c5"]'), received.toLocaleString('de-DE'));
    await context.close();
  });
});

describe('a grid of 10,000 typed cells (Phụ lục V, 625 rows)', () => {
  async function openGrid() {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.setInputFiles('[data-action="import"]', { name: 'grid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(gridDraft(625))) });
    await page.waitForSelector('[data-section="pl5"]');
    await page.waitForFunction(() => !document.querySelector('.rows-later'), null, { timeout: 60000 });
    return { page, context };
  }

  test('its row chunks are skipped by the browser off screen, yet a far row is in the page, found, and typed into', async () => {
    const { page, context } = await openGrid();
    // Every chunk but the first (with the header) and the total's is a block
    // the browser may skip while off screen.
    const chunks = await page.$$eval('[data-section="pl5"] .grid-chunk', (l) => l.map((c) => {
      const style = getComputedStyle(c);
      return { first: c.classList.contains('first'), last: c.classList.contains('last'), display: style.display, visibility: style.contentVisibility };
    }));
    const middle = chunks.filter((c) => !c.first && !c.last);
    assert.ok(middle.length >= 70, `${middle.length} chunks of rows`);
    assert.deepEqual([...new Set(middle.map((c) => `${c.display} ${c.visibility}`))], ['block auto']);
    // A row far below: in the page, not rendered, and found as find-in-page finds it.
    const far = '[data-code="pl5/600/c5"]';
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).checkVisibility({ contentVisibilityAuto: true }), far), false, 'the far chunk is skipped');
    assert.equal(await fieldValue(page, '[data-code="pl5/600/c2"]'), 'Lĩnh vực 600');
    assert.ok(await page.evaluate(() => window.find('Lĩnh vực 600')), 'find-in-page finds text in a skipped chunk');
    await page.waitForFunction((sel) => document.querySelector(sel).checkVisibility({ contentVisibilityAuto: true }), far);
    // The clerk jumps there and types; Enter goes down the column, into the next chunk.
    await page.click(far);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1603');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'pl5/608/c5', 'Enter moves down the column across chunks');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('27');
    await page.keyboard.press('Enter');
    assert.equal(await fieldValue(page, far), '1.603');
    assert.equal(await fieldValue(page, '[data-code="pl5/608/c5"]'), '27');
    const total = await page.textContent('[data-computed="pl5/total/c5"]');
    assert.equal(total, (623 * 8 + 1603 + 27).toLocaleString('de-DE'));
    // Back at the top, the far rows are skipped again and keep what was typed.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction((sel) => !document.querySelector(sel).checkVisibility({ contentVisibilityAuto: true }), far);
    assert.equal(await fieldValue(page, far), '1.603');
    await context.close();
  });

  test('while the clerk types, rows far from the screen are hidden until found; they come back when the keys pause', async () => {
    const { page, context } = await openGrid();
    const here = '[data-code="pl5/300/c4"]';
    const far = '[data-code="pl5/600/c5"]';
    const hiddenChunks = () => page.$$eval('[data-section="pl5"] .grid-chunk[hidden]', (l) => l.map((c) => c.getAttribute('hidden')));
    await page.$eval(here, (el) => el.scrollIntoView({ block: 'center' }));
    await page.click(here);
    assert.deepEqual(await hiddenChunks(), [], 'nothing is hidden before a key');
    const top = () => page.$eval(here, (el) => el.getBoundingClientRect().top + scrollY);
    const before = await top();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('16', { delay: 120 });
    // The window: only the chunks within a fifth of a screen of the viewport are drawn.
    await page.waitForFunction(() => document.querySelectorAll('[data-section="pl5"] .grid-chunk[hidden]').length > 60);
    assert.deepEqual([...new Set(await hiddenChunks())], ['until-found'], 'hidden until found: find-in-page still reaches them');
    const near = await page.$$eval('[data-section="pl5"] .grid-chunk:not([hidden]):not(.last)', (l) => l.map((c) => c.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
    assert.ok(near.length >= 3 && near.length <= 8, `${near.length} chunks drawn near the screen`);
    for (const [t, b] of near) assert.ok(b > -0.25 * 768 && t < 1.25 * 768, `a drawn chunk at ${t}..${b} is near the screen`);
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).closest('.grid-chunk').hasAttribute('hidden'), here), false, 'the chunk with the focus is drawn');
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).checkVisibility(), far), false, 'a far row is not drawn while the clerk types');
    assert.ok(Math.abs((await top()) - before) < 1, 'hiding far rows moves nothing on the page');
    // Find-in-page still reaches a hidden row (the browser's find bar then
    // shows its chunk: what hidden="until-found" is for).
    assert.ok(await page.evaluate(() => window.find('Lĩnh vực 600')), 'find-in-page finds a hidden row');
    // Back to the field: Enter goes down the column, across chunks, while the window follows.
    await page.click(here);
    for (let i = 0; i < 10; i++) await page.keyboard.press('Enter', { delay: 30 });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'pl5/310/c4');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    // A far field filled at once (as a checker's script does) waits for the
    // pause, then takes its value; every value typed is kept.
    await page.fill(far, '5');
    assert.deepEqual(await hiddenChunks(), [], 'every chunk is back once the keys pause');
    assert.equal(await fieldValue(page, far), '5');
    assert.equal(await fieldValue(page, here), '16');
    assert.equal(await fieldValue(page, '[data-code="pl5/310/c4"]'), '7');
    assert.equal(await page.textContent('[data-computed="pl5/total/c4"]'), (623 * 2 + 16 + 7).toLocaleString('de-DE'));
    assert.ok(Math.abs((await top()) - before) < 1, 'showing them again moves nothing either');
    // The wheel ends the window at once: the screen it scrolls to is drawn
    // by the browser's own wider margin.
    await page.click(here);
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelectorAll('[data-section="pl5"] .grid-chunk[hidden]').length > 60);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => !document.querySelector('[data-section="pl5"] .grid-chunk[hidden]'), null, { timeout: 1000 });
    await context.close();
  });

  test('printed, the PDF holds its rows down to the last, on paper as one table', async () => {
    const { page, context } = await openGrid();
    const dir = mkdtempSync(join(tmpdir(), 'bieumau-grid-'));
    const path = join(dir, 'grid.pdf');
    writeFileSync(path, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const { text, pages } = readPdf(path);
    for (const name of ['Lĩnh vực 1 ', 'Lĩnh vực 313 ', 'Lĩnh vực 600 ', 'Lĩnh vực 625 ']) assert.ok(text.includes(name), `${name.trim()} is printed`);
    assert.ok(pages.length > 10, `${pages.length} pages`);
    await context.close();
  });
});
