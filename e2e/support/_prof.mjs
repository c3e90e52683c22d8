import { readFileSync } from 'node:fs';
import { serveDist } from '/work/main/e2e/support/server.mjs';
import { launch, openApp, newDraft } from '/work/main/e2e/support/browser.mjs';
import { observeKeys, typeLikeAClerk, keyLatencies } from '/work/main/e2e/support/keys.mjs';
const dir = process.argv[2] ?? 'dist';
const which = process.argv[3] ?? 'xa';
const server = await serveDist({ dir });
import { chromium } from 'playwright-core';
const browser = process.env.HEADED ? await chromium.launch({ executablePath: '/usr/bin/chromium', headless: false, args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run'] }) : await launch();
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const { page, context } = await openApp(browser, server.url);
let fields;
if (which === 'xa') {
  const seed = JSON.parse(readFileSync('/work/main/tests/fixtures/hoang-truong-2023.json'));
  await newDraft(page, 'xa-01b');
  fields = Object.entries(seed.values).map(([c, v]) => [`[data-code="${c}"]`, v]);
} else {
  const values = {}; const keys = [];
  const balanced = { 3: 10, 4: 2, 5: 8, 6: 6, 7: 3, 8: 2, 9: 1, 10: 2, 11: 1, 12: 1, 13: 0, 14: 1, 15: 1, 16: 0, 17: 0, 18: 1 };
  for (let r = 1; r <= 625; r++) { keys.push(String(r)); values[`pl5/${r}/c2`] = `Lĩnh vực ${r}`; for (const [c, v] of Object.entries(balanced)) values[`pl5/${r}/c${c}`] = String(v); }
  const draft = { kind: 'bieumau-cchc/draft', format: 1, app_version: 'b', id: 'g', name: '', created_at: 0, updated_at: 0, revision: 0, report: { template_id: 'huyen-cchc', template_version: 1, header: {}, values, notes: {}, rows: { pl5: keys } } };
  await page.setInputFiles('[data-action="import"]', { name: 'g.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await page.waitForSelector('[data-code="pl5/625/c18"]');
  fields = [];
  for (let r = 3; r <= 625; r += 41) fields.push([`[data-code="pl5/${r}/c4"]`, '27'], [`[data-code="pl5/${r}/c5"]`, '1603']);
}
await page.click('[data-header="unit"]'); await page.keyboard.type('x'); await page.waitForTimeout(1200);
await page.click('[data-action="back"]'); await page.click('[data-draft-id] [data-action="open-draft"]'); await page.waitForSelector('[data-section]');
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
if (process.env.JS) await page.evaluate(process.env.JS);
await observeKeys(page);
await page.evaluate(() => { window.__pressed = []; document.addEventListener('keydown', (e) => window.__pressed.push([e.timeStamp, e.key, e.target.getAttribute('data-code') ?? e.target.getAttribute('data-note')]), true); });
await page.evaluate(() => performance.clearMeasures());
const n = await typeLikeAClerk(page, fields, { count: Number(process.argv[4] ?? 150) });
const { latencies, over16, worst } = await keyLatencies(page, n);
const all = await page.evaluate(() => [...window.__keys.values()]);
console.log(which, 'keys', n, 'over16', over16, 'p50', q(latencies, .5), 'p95', q(latencies, .95), 'p99', q(latencies, .99), 'max', Math.max(...latencies));
console.log('worst', JSON.stringify(worst));
const pressed = await page.evaluate(() => window.__pressed);
const slowKeys = await page.evaluate(() => { const out = []; return out; });
const entries = await page.evaluate(() => window.__slow ?? []);
console.log('slow keys', JSON.stringify(all.filter((k) => k.duration > 100).map((k) => { const p = pressed.find((x) => Math.abs(x[0] - k.start) < 1); return [k.duration, p?.[1], p?.[2]]; })));
const hist = {}; for (const k of all) { const b = Math.round(k.duration / 8) * 8; hist[b] = (hist[b] ?? 0) + 1; } console.log('hist', JSON.stringify(hist));
console.log('slow', JSON.stringify(all.filter((k) => k.duration > 40).slice(0, 12)));
const saves = await page.evaluate(() => performance.getEntriesByName('bieumau:save').map((m) => m.duration.toFixed(1)));
console.log('saves', saves.join(' '));
await context.close(); await browser.close(); await server.close();
