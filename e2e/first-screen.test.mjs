// End-to-end: the first screen before the wasm (issue 32). index.html
// carries the start screen's static part; it is readable and styled with
// no script at all, and the app takes it over with the same text in the
// same boxes, no layout shift, then fills in the saved drafts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { openApp, newDraft, typeInto, valueField, watch, setUpSuite } from './support/browser.mjs';

const suite = setUpSuite();
const SCREENS = 'target/e2e-screens';
mkdirSync(SCREENS, { recursive: true });

// The shipped templates' names, the commune's annex first (src/core/catalog.rs).
const TEMPLATE_NAMES = readdirSync('templates').filter((f) => f.endsWith('.json'))
  .sort((a, b) => (b === 'xa-01b.json') - (a === 'xa-01b.json') || a.localeCompare(b))
  .map((f) => JSON.parse(readFileSync(`templates/${f}`, 'utf8')).name);

/** A page whose layout shifts are summed from the start (entries after input excluded, as CLS does). */
async function newPage({ blockScripts = false, holdWasm = null } = {}) {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  // Blocked scripts fail to load, as they should: only the other pages' errors fail a test.
  const errors = blockScripts ? [] : watch(page);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  if (blockScripts) await page.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
  if (holdWasm) await page.route(/_bg\.wasm$/, async (route) => { await holdWasm; await route.continue(); });
  return { context, page, errors };
}

const shiftSum = (page) => page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
/** Waits two frames, so that whatever the last change laid out has been painted and reported. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * What the start screen shows: each heading, paragraph, button, label,
 * section and card, with its text and box. The drafts' line (a placeholder
 * before the wasm, the list's own words after) is compared by its box only,
 * and so is the date of the last backup (a <span>, not listed).
 */
const screen = (page) => page.evaluate(() => {
  const main = document.querySelectorAll('main.start-screen');
  if (main.length !== 1) throw new Error(`${main.length} start screens in the page`);
  return [...main[0].querySelectorAll('header, section, article, ul, h1, h2, h3, p, button, label')].map((e) => {
    const r = e.getBoundingClientRect();
    // A container's text is its children's, compared there (the static
    // markup has line breaks between them, the app's has none).
    const boxOnly = e.matches('p.empty, header, section, article, ul');
    return {
      what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`,
      text: boxOnly ? '' : e.textContent.replace(/\s+/g, ' ').trim(),
      box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2),
    };
  });
});

describe('the first screen before the wasm', () => {
  test('with scripts blocked, the title and the built-in templates are readable and styled', async () => {
    const { context, page, errors } = await newPage({ blockScripts: true });
    await page.goto(suite.server.url);
    await page.waitForLoadState('load');
    assert.equal((await page.textContent('h1')).trim(), 'Biểu mẫu báo cáo cải cách hành chính');
    assert.deepEqual((await page.$$eval('.template-card h3', (hs) => hs.map((h) => h.textContent.trim()))), TEMPLATE_NAMES);
    assert.ok(await page.isVisible('.template-card button.primary'));
    assert.match(await page.textContent('.keeps-drafts'), /tự động lưu ngay trong trình duyệt trên máy này/);
    // Styled by the app's stylesheet, not the browser's defaults.
    const style = await page.evaluate(() => {
      const of = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
      return {
        desk: of('body', 'backgroundColor'),
        card: of('.template-card', 'backgroundColor'),
        radius: of('.template-card', 'borderTopLeftRadius'),
        button: of('.template-card button.primary', 'backgroundColor'),
        width: document.querySelector('main.start-screen').getBoundingClientRect().width,
      };
    });
    assert.deepEqual(style, { desk: 'rgb(238, 241, 245)', card: 'rgb(255, 255, 255)', radius: '8px', button: 'rgb(11, 92, 173)', width: 960 });
    // Nothing in it looks like the app's controls to a test or a checker.
    assert.equal(await page.$('[data-action]'), null);
    await page.screenshot({ path: `${SCREENS}/first-screen-no-script.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('with scripts, the app takes it over: the same text in the same boxes, no layout shift', async () => {
    let release;
    const holdWasm = new Promise((r) => { release = r; });
    const { context, page, errors } = await newPage({ holdWasm });
    await page.goto(suite.server.url, { waitUntil: 'domcontentloaded' });
    // The static screen, painted while the wasm is still on its way.
    await page.waitForSelector('[data-first-screen] .template-card', { state: 'visible' });
    await settle(page);
    const before = await screen(page);
    assert.equal(await page.$('[data-action="new-draft"]'), null, 'the app is not there yet');
    release();
    await page.waitForSelector('[data-action="new-draft"]');
    assert.equal(await page.$('[data-first-screen]'), null, 'the static screen is gone');
    await settle(page);
    await page.waitForTimeout(500);
    await settle(page);
    const after = await screen(page);
    assert.deepEqual(after, before);
    assert.equal(await page.textContent('p.empty'), 'Chưa có bản nháp nào. Chọn một biểu mẫu bên dưới để bắt đầu.');
    const shifted = await shiftSum(page);
    assert.ok(shifted <= 0.02, `layout shift ${shifted}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the saved drafts appear when the app is ready, with no layout shift, and a template starts', async () => {
    const { page: first, context: firstContext } = await openApp(suite.browser, suite.server.url);
    await newDraft(first, 'xa-01b');
    await typeInto(first, valueField('1.1.1'), '12');
    await first.waitForSelector('[data-save-state="saved"]');
    const state = await firstContext.storageState();
    await firstContext.close();

    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', storageState: state });
    const page = await context.newPage();
    const errors = watch(page);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(suite.server.url);
    await page.waitForSelector('[data-draft-id]');
    // The browser's answer on keeping the drafts comes a moment later.
    await page.waitForSelector('[data-storage-persisted]');
    await settle(page);
    await page.waitForTimeout(500);
    const shifted = await shiftSum(page);
    assert.ok(shifted <= 0.02, `layout shift ${shifted}`);
    assert.equal(await page.$$eval('[data-draft-id]', (es) => es.length), 1);
    assert.equal(await page.$('[data-first-screen]'), null);
    await page.screenshot({ path: `${SCREENS}/first-screen-with-a-draft.png` });
    await page.click('[data-action="new-draft"][data-template="bieu-06"]');
    await page.waitForSelector('[data-section]');
    assert.match(decodeURIComponent(new URL(page.url()).hash), /^#\/ban-nhap\/.+/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a reload into a draft never shows the start screen before the editor', async () => {
    const { page, context, errors } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, valueField('1.1.1'), '12');
    await page.waitForSelector('[data-save-state="saved"]');
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    // Past the service worker, which would answer the wasm itself.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.unregister()));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-first-screen]', { state: 'attached' });
    await page.waitForTimeout(200);
    assert.equal(await page.isVisible('[data-first-screen]'), false, 'the start screen is not shown before the draft');
    assert.equal(await page.isVisible('h1'), false);
    release();
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('1.1.1')), '12');
    assert.equal(await page.$('[data-first-screen]'), null);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
