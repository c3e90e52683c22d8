// Keystroke latency as a clerk feels it: real key presses (Playwright's
// keyboard goes through the browser's input pipeline) into a focused,
// on-screen field, at a clerk's pace, read from the browser's Event Timing
// API: for each key, from its hardware timestamp to the next paint (the
// INP metric). A key with no entry took under the 16 ms threshold.
//
// Run it in a headed Chromium (under Xvfb: `launchHeaded`). Headless
// Chromium does not present a frame whose only change is a field cut off
// by a fraction of a pixel at the viewport's edge (where scrolling "into
// view" can leave it) until some other part of the page changes: keys then
// read 150–800 ms there, and under 24 ms in a headed browser on the same
// page. Fields are also scrolled fully on screen first, as a clerk sees them.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, launch } from './browser.mjs';

/** A headed Chromium when there is a display (xvfb-run), else headless. */
export async function launchForKeys() {
  if (!process.env.DISPLAY) return { browser: await launch(), headed: false };
  const args = CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu');
  return { browser: await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false, args }), headed: true };
}

/** Starts recording key interactions in the page. */
export async function observeKeys(page) {
  await page.evaluate(() => {
    window.__keys = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId || !e.name.startsWith('key')) continue;
        const seen = window.__keys.get(e.interactionId);
        if (!seen || e.duration > seen.duration) {
          window.__keys.set(e.interactionId, {
            duration: e.duration,
            name: e.name,
            target: e.target?.getAttribute?.('data-code') ?? e.target?.tagName ?? '',
            processing: e.processingEnd - e.processingStart,
            delay: e.processingStart - e.startTime, start: e.startTime,
          });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    // The app's own work per key: from the window's capture of an `input`
    // to its bubbling back (the field's handlers run between), in ms.
    window.__handlers = [];
    let start = null;
    window.addEventListener('input', () => { start = performance.now(); }, { capture: true });
    window.addEventListener('input', () => {
      if (start !== null) window.__handlers.push(performance.now() - start);
      start = null;
    });
  });
}

const pause = (page, [low, high]) => page.waitForTimeout(low + Math.random() * (high - low));

/**
 * Types `[selector, text]` pairs as a clerk does, until `count` keys were
 * pressed: click the field, select what is there, type each character,
 * leave with Tab; `gap` ms between keys. Returns the number of keys pressed.
 */
export async function typeLikeAClerk(page, fields, { count = 300, gap = [120, 150] } = {}) {
  let pressed = 0;
  while (pressed < count) {
    for (const [selector, text] of fields) {
      // A row the browser does not render yet is brought near by its chunk first.
      await page.$eval(selector, async (el) => {
        if (!el.checkVisibility({ contentVisibilityAuto: true })) {
          el.closest('.grid-chunk')?.scrollIntoView({ block: 'center' });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
        el.scrollIntoView({ block: 'center' });
      });
      await page.click(selector);
      await pause(page, gap);
      await page.keyboard.press('Control+A');
      pressed++;
      for (const ch of text) {
        await pause(page, gap);
        await page.keyboard.press(ch);
        pressed++;
      }
      await pause(page, gap);
      await page.keyboard.press('Tab');
      pressed++;
      if (pressed >= count) break;
    }
  }
  await page.waitForTimeout(1000);
  return pressed;
}

/**
 * The latency of each of `pressed` keys (0 for a key under the threshold),
 * the slowest key's entry, and the time the app's `input` handlers took
 * for each key that changed a field.
 */
export async function keyLatencies(page, pressed) {
  const seen = await page.evaluate(() => [...window.__keys.values()]);
  const latencies = seen.map((k) => k.duration);
  while (latencies.length < pressed) latencies.push(0);
  const worst = seen.reduce((a, b) => (!a || b.duration > a.duration ? b : a), null);
  const handlers = await page.evaluate(() => window.__handlers);
  return { latencies, over16: seen.length, worst, handlers };
}
