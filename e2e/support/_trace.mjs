import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';
import { openApp } from './browser.mjs';
const server = await serveDist({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: false, args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run'] });
const { page, context } = await openApp(browser, server.url);
const values = {}; const keys = [];
const balanced = { 3: 10, 4: 2, 5: 8, 6: 6, 7: 3, 8: 2, 9: 1, 10: 2, 11: 1, 12: 1, 13: 0, 14: 1, 15: 1, 16: 0, 17: 0, 18: 1 };
for (let r = 1; r <= 625; r++) { keys.push(String(r)); values[`pl5/${r}/c2`] = `Lĩnh vực ${r}`; for (const [c, v] of Object.entries(balanced)) values[`pl5/${r}/c${c}`] = String(v); }
const draft = { kind: 'bieumau-cchc/draft', format: 1, app_version: 'b', id: 'g', name: '', created_at: 0, updated_at: 0, revision: 0, report: { template_id: 'huyen-cchc', template_version: 1, header: {}, values, notes: {}, rows: { pl5: keys } } };
await page.setInputFiles('[data-action="import"]', { name: 'g.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
await page.waitForSelector('[data-code="pl5/625/c18"]');
await page.click('[data-code="pl5/85/c4"]');
await page.keyboard.press('Control+A');
await browser.startTracing(page, { path: '/tmp/gtrace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-v8.cpu_profiler'] });
for (const ch of '123456789') { await page.waitForTimeout(130); await page.keyboard.press(ch); }
await page.waitForTimeout(1200);
await browser.stopTracing();
await context.close(); await browser.close(); await server.close();
