// Debian's Chromium, headless, driven by Playwright, with the flags this
// kind of machine needs (run as root, no network beyond loopback).
import { chromium } from 'playwright-core';

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

/** A fresh page with the app open on the start screen. Page errors fail the test. */
export async function openApp(browser, url, { viewport = { width: 1366, height: 768 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
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

export const valueField = (code) => `[data-code="${code}"]`;
export const noteField = (code) => `[data-note="${code}"]`;
export const headerField = (name) => `[data-header="${name}"]`;

/** Every message shown beside rows, as {code, severity, message}. */
export async function shownIssues(page) {
  return page.$$eval('[data-issue-for]', (nodes) => nodes.map((n) => ({
    code: n.getAttribute('data-issue-for'),
    severity: n.getAttribute('data-severity'),
    message: n.textContent.trim(),
  })));
}
