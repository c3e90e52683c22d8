// Firefox (Debian's firefox-esr) driven by Puppeteer over WebDriver BiDi,
// for the tests of the app opened from disk.
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * Headless Firefox with `file` (a path on disk) open in a page; `errors`
 * collects the page's console errors and uncaught exceptions. The caller
 * closes `browser` (it is closed here if the page cannot be opened).
 */
export async function firefoxFromDisk(file) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    return { browser, page, errors };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
