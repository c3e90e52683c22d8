// Debian's Chromium, headless, driven by Playwright, with the flags this
// kind of machine needs (run as root, no network beyond loopback).
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Every error any watched page reported: uncaught exceptions, console errors (panics among them). */
const allErrors = [];

/** Collects a page's errors, so that `takePageErrors` can fail the test. */
export function watch(page) {
  const errors = [];
  const record = (text) => { errors.push(text); allErrors.push(text); };
  page.on('pageerror', (e) => record(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') record(m.text()); });
  return errors;
}

/** The errors reported since the last call; for an `afterEach` that asserts there were none. */
export function takePageErrors() {
  return allErrors.splice(0);
}

/**
 * A fresh page with the app open on the start screen. Page errors fail the
 * test. `clipboard`: the context may read and write the real clipboard (for
 * Ctrl+V, see `pasteWithKeys`). `beforeLoad(page)` runs before the app's
 * first script, e.g. to `page.addInitScript` a stub of a browser API.
 */
export async function openApp(browser, url, { viewport = { width: 1366, height: 768 }, clipboard = false, beforeLoad } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const errors = watch(page);
  // Further tabs of this context report their errors too.
  context.on('page', (other) => watch(other));
  await beforeLoad?.(page);
  await page.goto(url);
  await page.waitForSelector('[data-action="new-draft"]');
  return { page, context, errors };
}

export async function newDraft(page, templateId) {
  await page.click(`[data-action="new-draft"][data-template="${templateId}"]`);
  await page.waitForSelector('[data-section]');
}

/** Types into a field as a person would: click, select what is there, type, leave with Tab. */
export async function typeInto(page, selector, text) {
  await page.click(selector);
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/**
 * Clicks as a person does: the control scrolled onto the screen, pressed
 * and released 100 ms later, as a hand does, once. Nothing waits for the
 * page to settle: a page that moves the control as it comes on screen
 * loses this click, as it would lose a clerk's. (A grid's chunks used to be
 * drawn at their real height, not their guessed one, about three frames
 * after they came near the screen, and «+ Thêm …» moved 16–20 px between
 * press and release: the add-row flake. The header chunk is now always
 * drawn.)
 */
export async function clickOnce(page, selector) {
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  await target.click({ delay: 100 });
}

/**
 * Pastes `text` as a clerk does: it is on the real clipboard (the context
 * needs `openApp(…, { clipboard: true })`), the cell is clicked, then
 * Ctrl+V. The page is brought to the front first: the clipboard is written
 * only from a focused page.
 */
export async function pasteWithKeys(page, selector, text) {
  await page.bringToFront();
  await page.evaluate((text) => navigator.clipboard.writeText(text), text);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, 'the clipboard holds the block');
  await page.click(selector);
  await page.keyboard.press('Control+V');
}

/** Reloads inside a draft: the address names it, so it reopens in the editor. */
export async function reloadInDraft(page) {
  await page.reload();
  await page.waitForSelector('[data-section]');
}

/**
 * What a field holds, as the clerk sees it: an `<input>`'s, `<select>`'s or
 * `<textarea>`'s value, or the text of a grid's number cell, which is a
 * one-line text box (contenteditable), not an `<input>` (issue 32). It
 * waits for the field as `inputValue` does.
 */
export async function fieldValue(page, selector) {
  return page.locator(selector).evaluate((el) => ('value' in el ? el.value : el.textContent));
}

// The field itself: a row's «Không phát sinh» button carries its data-code too.
export const valueField = (code) => `:is(input, select, textarea)[data-code="${code}"]`;
export const noteField = (code) => `[data-note="${code}"]`;
export const headerField = (name) => `[data-header="${name}"]`;

/**
 * Waits until the summary beside the form shows the checks as they are:
 * its list and counts, and the toolbar's, follow typing once it pauses
 * (ui/shared/settled.rs); a field's own messages show at once.
 */
export async function checksShown(page) {
  await page.waitForSelector('[data-checks="shown"]', { state: 'attached' });
}

/**
 * Resolves once the page has painted the frame after this moment: a field's
 * own messages follow the checks on the frame after the key's
 * (ui/shared/settled.rs), as the clerk sees them.
 */
export async function painted(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

/** Every message shown beside rows, as {code, severity, message}, once the frame after the last key is painted. */
export async function shownIssues(page) {
  await painted(page);
  return page.$$eval('[data-issue-for]', (nodes) => nodes.map((n) => ({
    code: n.getAttribute('data-issue-for'),
    severity: n.getAttribute('data-severity'),
    message: n.textContent.trim(),
  })));
}

/**
 * The hooks every end-to-end file needs: dist/ served on loopback, one
 * headless Chromium, and a check after each test that no page reported an
 * error or a panic. Returns an object whose `server` and `browser` are set
 * once the suite starts.
 */
export function setUpSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launch();
  });
  afterEach(() => assert.deepEqual(takePageErrors(), [], 'no page reported an error or a panic'));
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** A new xa-01b draft of the Hoằng Trường 2023 annual report: its header and the figures of 3.3. */
export async function hoangTruong2023(page) {
  await newDraft(page, 'xa-01b');
  await typeInto(page, headerField('parent-body'), 'ỦY BAN NHÂN DÂN HUYỆN HOẰNG HÓA');
  await typeInto(page, headerField('unit'), 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG');
  await typeInto(page, headerField('place'), 'Hoằng Trường');
  await page.selectOption(headerField('period'), 'nam');
  await typeInto(page, headerField('year'), '2023');
  await typeInto(page, valueField('3.3.1'), '1603');
  await typeInto(page, valueField('3.3.2'), '1588');
}
