import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';
import { openApp } from './browser.mjs';
const server = await serveDist({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: false, args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run'] });
const { page, context } = await openApp(browser, server.url);
await page.click('[data-action="new-draft"][data-template="xa-01b"]'); await page.waitForSelector('[data-section]');
for (const [c,v] of [['3.3.1','1603'],['3.3.1.a','581']]) { await page.click(`[data-code="${c}"]`); await page.keyboard.type(v); }
await page.evaluate(() => document.querySelector('[data-code="3.3.2"]').scrollIntoView({block:'center'}));
await page.click('[data-code="3.3.2"]');
await browser.startTracing(page, { path: '/tmp/xtrace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-v8.cpu_profiler'] });
for (const ch of '123456789') { await page.waitForTimeout(130); await page.keyboard.press(ch); }
await page.waitForTimeout(1200);
await browser.stopTracing();
await context.close(); await browser.close(); await server.close();
