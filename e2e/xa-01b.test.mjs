// End-to-end: the commune annex xa-01b in the built dist/, in headless
// Chromium, typed as a clerk would type it.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launch, openApp, newDraft, typeInto, valueField, noteField, headerField, shownIssues,
  setUpSuite, watch, takePageErrors, checksShown } from './support/browser.mjs';

const seed = JSON.parse(readFileSync(new URL('../tests/fixtures/hoang-truong-2023.json', import.meta.url)));
const template = JSON.parse(readFileSync(new URL('../templates/xa-01b.json', import.meta.url)));
const allRows = template.sections.flatMap((s) => s.rows);

const suite = setUpSuite();

async function freshForm(options) {
  const app = await openApp(suite.browser, suite.server.url, options);
  await newDraft(app.page, 'xa-01b');
  return app;
}

const text = (page, selector) => page.$eval(selector, (n) => n.textContent.trim());
const activeCode = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-code'));

describe('xa-01b with the Hoằng Trường 2023 figures (seed 001)', () => {
  let app;
  before(async () => {
    app = await freshForm();
    const { page } = app;
    for (const [name, value] of Object.entries(seed.header)) {
      if (name === 'period') await page.selectOption(headerField('period'), value);
      else await typeInto(page, headerField(name), value);
    }
    for (const [code, value] of Object.entries(seed.values)) {
      await typeInto(page, valueField(code), value);
    }
  });
  after(() => app.context.close());

  test('every slip in the seed is flagged with the right figures, and nothing else', async () => {
    assert.deepEqual(await shownIssues(app.page), seed.issues);
  });

  test('the summary counts them and lists them in row order', async () => {
    const { page } = app;
    await checksShown(page);
    assert.equal(await text(page, '[data-count="error"]'), '0 lỗi');
    assert.equal(await text(page, '[data-count="warning"]'), '2 cảnh báo');
    const listed = await page.$$eval('[data-summary-for]', (n) => n.map((x) => x.getAttribute('data-summary-for')));
    assert.deepEqual(listed, seed.issues.map((i) => i.code));
  });

  test('a rate whose figures disagree is never shown as met: 3.4.3 (1.599 TTHC) over 3.1.3 (189)', async () => {
    const { page } = app;
    const target = '[data-target="thanh-toan-truc-tuyen"]';
    assert.equal(await page.getAttribute(target, 'data-met'), 'false');
    assert.equal(await page.getAttribute(target, 'data-target-state'), 'mismatch');
    assert.equal(await page.$eval(target, (n) => n.classList.contains('met')), false);
    assert.equal(await text(page, `${target} .target-result`), '846,03 % (chỉ tiêu ≥ 30 %) — số liệu không khớp: 3.4.3 (1.599) lớn hơn 3.1.3 (189)');
    assert.equal(await page.getAttribute('[data-target="dung-hen"]', 'data-target-state'), 'met');
  });

  test('computed totals and rates are live, in Vietnamese format', async () => {
    for (const [code, expected] of Object.entries(seed.computed)) {
      assert.equal(await text(app.page, `[data-computed="${code}"]`), expected, code);
    }
  });

  test('values show in Vietnamese format once the field is left', async () => {
    for (const [code, expected] of Object.entries(seed.shown_after_leaving)) {
      assert.equal(await app.page.inputValue(valueField(code)), expected, code);
    }
  });

  test('the completion meter counts filled indicators', async () => {
    const fillable = allRows.filter((r) => r.kind !== 'heading').length;
    const filled = Object.keys(seed.values).length;
    await checksShown(app.page);
    assert.equal(await app.page.getAttribute('[data-completion]', 'data-completion'), `${filled}/${fillable}`);
    assert.match(await text(app.page, '[data-completion]'), new RegExp(`Đã điền ${filled}/${fillable} chỉ tiêu`));
  });

  test('the period window is derived from the period and year', async () => {
    assert.match(await text(app.page, '[data-computed="period-window"]'), /từ ngày 15\/12\/2022 đến ngày 14\/12\/2023/);
    await app.page.selectOption(headerField('period'), 'quy-3');
    assert.match(await text(app.page, '[data-computed="period-window"]'), /từ ngày 15\/06\/2023 đến ngày 14\/09\/2023/);
    await app.page.selectOption(headerField('period'), 'nam');
  });

  test('clicking a message in the summary focuses its field', async () => {
    await app.page.click('[data-summary-for="3.4.3"]');
    assert.equal(await activeCode(app.page), '3.4.3');
    await app.page.click('[data-summary-for="3.3.1"]');
    assert.equal(await activeCode(app.page), '3.3.1');
  });

  test('fixing a figure clears its warning at once', async () => {
    const { page } = app;
    await typeInto(page, valueField('3.3.1.a'), '587');
    const codes = (await shownIssues(page)).map((i) => i.code);
    assert.deepEqual(codes, ['3.4.3']);
    assert.equal(await text(page, '[data-computed="3.3.1.cong-trong-do"]'), '1.603');
    await typeInto(page, valueField('3.3.1.a'), '581');
    assert.deepEqual(await shownIssues(page), seed.issues);
  });
});

describe('typing in the form', () => {
  let app;
  before(async () => { app = await freshForm(); });
  after(() => app.context.close());

  test('a typed value counts at once, with no blur or Enter', async () => {
    const { page } = app;
    await page.click(valueField('1.1.1'));
    await page.keyboard.type('8');
    await page.click(valueField('1.1.2'));
    await page.keyboard.type('6');
    assert.equal(await text(page, '[data-computed="1.1.ty-le-hoan-thanh"]'), '75');
    await page.keyboard.type('0');
    assert.equal(await text(page, '[data-computed="1.1.ty-le-hoan-thanh"]'), '750');
    assert.deepEqual((await shownIssues(page)).map((i) => [i.code, i.severity]), [['1.1.2', 'warning']]);
    assert.match((await shownIssues(page))[0].message, /1\.1\.2: số nhiệm vụ đã hoàn thành \(60\) lớn hơn số nhiệm vụ đề ra trong kế hoạch 1\.1\.1 \(8\)/);
  });

  test('Enter moves to the next field, Shift+Enter back, Tab follows the table', async () => {
    const { page } = app;
    await page.click(valueField('3.3.1'));
    await page.keyboard.press('Enter');
    assert.equal(await activeCode(page), '3.3.1.a');
    await page.keyboard.press('Enter');
    assert.equal(await activeCode(page), '3.3.1.b');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await activeCode(page), '3.3.1.a');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-note')), '3.3.1.a');
    await page.keyboard.press('Tab');
    assert.equal(await activeCode(page), '3.3.1.b');
  });

  test('both number conventions are read; ambiguity follows the Vietnamese one', async () => {
    const { page } = app;
    await typeInto(page, valueField('3.2.4'), '99.5');
    assert.equal(await page.inputValue(valueField('3.2.4')), '99,5');
    await typeInto(page, valueField('3.2.5'), '99,06 %');
    assert.equal(await page.inputValue(valueField('3.2.5')), '99,06');
    await typeInto(page, valueField('3.1.3'), '1 603');
    assert.equal(await page.inputValue(valueField('3.1.3')), '1.603');
    await typeInto(page, valueField('3.2.1'), '1,603,000');
    assert.equal(await page.inputValue(valueField('3.2.1')), '1.603.000');
    await typeInto(page, valueField('3.2.2'), '1.500');
    assert.equal(await page.inputValue(valueField('3.2.2')), '1.500');
    for (const code of ['3.2.4', '3.2.5', '3.1.3', '3.2.1', '3.2.2']) await typeInto(page, valueField(code), '');
  });

  test('bad input is an error on its field, kept exactly as typed', async () => {
    const { page } = app;
    const cases = [
      ['3.3.1', 'mười', /«mười» không phải là số/],
      ['1.2.1', '-3', /số lượng không được âm/],
      ['1.1.3', '1,5', /số lượng phải là số nguyên/],
      ['3.2.4', '120', /tỷ lệ phần trăm phải từ 0 đến 100/],
      ['1.4.2', '3', /«3» không phải là một lựa chọn; chọn một trong: 0 = Trực tuyến; 1 = Phát phiếu; 2 = Kết hợp/],
      ['7.2.1', 'có lẽ', /không phải là một lựa chọn/],
      ['2.1', '1.60.3', /dấu phân cách hàng nghìn đặt sai chỗ/],
    ];
    for (const [code, typed, expected] of cases) {
      await typeInto(page, valueField(code), typed);
      assert.equal(await page.inputValue(valueField(code)), typed, `${code} keeps its text`);
      const issues = (await shownIssues(page)).filter((i) => i.code === code);
      assert.equal(issues.length, 1, code);
      assert.equal(issues[0].severity, 'error');
      assert.match(issues[0].message, expected);
      assert.equal(await page.getAttribute(valueField(code), 'aria-invalid'), 'true');
    }
    await checksShown(page);
    assert.equal(await text(page, '[data-count="error"]'), `${cases.length} lỗi`);
    // A rule waits while a value it needs is not a number.
    for (const [code, v] of [['3.3.1.a', '1'], ['3.3.1.b', '1'], ['3.3.1.c', '1'], ['3.3.1.d', '1']]) await typeInto(page, valueField(code), v);
    assert.deepEqual((await shownIssues(page)).filter((i) => i.code === '3.3.1').map((i) => i.severity), ['error']);
    for (const [code] of cases) await typeInto(page, valueField(code), '');
    await checksShown(page);
    assert.equal(await text(page, '[data-count="error"]'), '0 lỗi');
  });

  test('no input can crash the page', async () => {
    const { page, errors } = app;
    const nasty = ['9'.repeat(400), '½', '١٢٣', '1e309', '\u0000', '𝟙𝟚', '-', ',', '.', '--', '1..2', '%', ' ', '+-1', 'NaN', 'Infinity'];
    for (const t of nasty) {
      await page.fill(valueField('3.3.2'), t);
      await page.fill(valueField('3.2.5'), t);
      await page.fill(valueField('7.1'), t);
    }
    await typeInto(page, valueField('3.3.2'), '12');
    assert.equal(await page.inputValue(valueField('3.3.2')), '12');
    assert.equal(await page.$('[data-panic]'), null);
    assert.deepEqual(errors, []);
  });

  test('if the wasm still traps, the clerk is told to reload, once', async () => {
    // The release build aborts at once on a panic: no hook runs, the wasm
    // traps, and the trap reaches the page as an uncaught
    // WebAssembly.RuntimeError, from an event handler or from a task.
    const { page, context } = await freshForm();
    try {
      await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new Error('a script error') })));
      assert.equal(await page.$('[data-panic]'), null, 'a plain script error is not a crash of the app');
      // A real trap of the release wasm, uncaught as in an event handler:
      // wasm-bindgen's externref table freeing a slot far past its end.
      await page.evaluate(async () => {
        const glue = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /bieumau-[0-9a-f]+\.js$/.test(n));
        const wasm = await (await import(glue)).default();
        setTimeout(() => wasm.__externref_table_dealloc(123456789));
      });
      await page.waitForSelector('[data-panic]');
      await page.evaluate(() => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); });
      await page.waitForTimeout(200);
      assert.equal(await page.$$eval('[data-panic]', (n) => n.length), 1);
      assert.match(await text(page, '[data-panic]'), /tải lại trang \(F5\)/);
    } finally {
      await context.close();
      const errors = takePageErrors();
      assert.ok(errors.every((e) => /RuntimeError/.test(e)), `only the traps made here: ${errors.join(' | ')}`);
    }
  });

  test('every row has a note, and notes are kept', async () => {
    const { page } = app;
    assert.equal(await page.$$eval('[data-note]', (n) => n.length), allRows.length);
    await typeInto(page, noteField('3.3.1'), 'Số liệu từ phần mềm một cửa');
    assert.equal(await page.inputValue(noteField('3.3.1')), 'Số liệu từ phần mềm một cửa');
  });
});

describe('layout', () => {
  test('usable in a narrow window: no sideways scrolling, fields wide enough to type in', async () => {
    const app = await freshForm({ viewport: { width: 390, height: 844 } });
    const { page } = app;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    const box = await page.locator(valueField('3.3.1')).boundingBox();
    assert.ok(box.width >= 100, `value field is ${box.width}px wide`);
    await typeInto(page, valueField('3.3.1'), '1603');
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    await app.context.close();
  });

  test('in a window 800 px wide, a new message moves nothing either; the toolbar shows the counts', async () => {
    const app = await freshForm({ viewport: { width: 800, height: 900 } });
    const { page } = app;
    await typeInto(page, valueField('3.3.1'), '10');
    await page.click(valueField('3.3.1.a'));
    const before = await page.locator(valueField('3.3.1.a')).boundingBox();
    await page.keyboard.type('99');
    assert.deepEqual((await shownIssues(page)).map((i) => i.code), ['3.3.1.a']);
    assert.deepEqual(await page.locator(valueField('3.3.1.a')).boundingBox(), before);
    await checksShown(page);
    assert.match(await page.textContent('.issue-counts'), /0 lỗi\s*1 cảnh báo/);
    assert.deepEqual(await page.locator(valueField('3.3.1.a')).boundingBox(), before, 'nor does the summary once it follows');
    await app.context.close();
  });

  test('at 1366×768 the table and the summary sit side by side, and typing moves nothing', async () => {
    const app = await freshForm();
    const { page } = app;
    const table = await page.locator('table.annex').first().boundingBox();
    const summary = await page.locator('.issue-summary').boundingBox();
    // A section is drawn as several tables of a dozen rows: they line up as one.
    const columns = await page.$$eval('[data-section] table.annex', (tables) => tables.map((t) => {
      const cells = t.querySelector('tr.row')?.children ?? [];
      return [t.getBoundingClientRect().x, t.getBoundingClientRect().width, ...[...cells].map((c) => Math.round(c.getBoundingClientRect().width))];
    }));
    assert.ok(columns.length > 1);
    for (const c of columns) assert.deepEqual(c, columns[0], 'every table of the annex has the same columns');
    assert.ok(summary.x >= table.x + table.width - 1, 'summary is beside the table');
    await page.click(valueField('3.3.1.a'));
    const before = await page.locator(valueField('3.3.1.a')).boundingBox();
    await page.keyboard.type('99999');
    const afterBox = await page.locator(valueField('3.3.1.a')).boundingBox();
    assert.deepEqual(afterBox, before, 'the field did not move while a message appeared');
    await app.context.close();
  });
});

describe('templates as data', () => {
  test('a broken template file is refused with a precise message', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const broken = structuredClone(template);
    broken.rules.push({ left: ['3.3.1'], op: '<=', right: ['9.9.9'] });
    await page.setInputFiles('[data-action="load-template"]', {
      name: 'bien-the.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)),
    });
    const message = await page.waitForSelector('[data-template-error]');
    assert.match(await message.textContent(), /nhắc đến mã "9\.9\.9", nhưng biểu mẫu không có chỉ tiêu này/);
    // A mistake of shape is named by where it is, in Vietnamese.
    const misspelt = structuredClone(template);
    misspelt.sections[0].rows[2].colour = 'đỏ';
    await page.setInputFiles('[data-action="load-template"]', {
      name: 'sai-truong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(misspelt)),
    });
    await page.waitForFunction(() => document.querySelector('[data-template-error]')?.textContent.includes('sai-truong.json'));
    assert.equal(
      await page.textContent('[data-template-error]'),
      'Không mở được biểu mẫu «sai-truong.json»: Tệp biểu mẫu không đọc được: «sections[0].rows[2]» có trường "colour" không được hỗ trợ',
    );
    await context.close();
  });

  test("a province's variant loads at run time and opens as a form", async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const variant = structuredClone(template);
    variant.id = 'xa-01b-bien-the';
    variant.name = 'Phụ lục 01b — biến thể của tỉnh';
    variant.sections[0].rows.push({ code: '8', label: 'Chỉ tiêu riêng của tỉnh', unit: 'Văn bản', kind: 'count' });
    await page.setInputFiles('[data-action="load-template"]', {
      name: 'bien-the.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(variant)),
    });
    await newDraft(page, 'xa-01b-bien-the');
    await typeInto(page, valueField('8'), '1234');
    assert.equal(await page.inputValue(valueField('8')), '1.234');
    await context.close();
  });
});
