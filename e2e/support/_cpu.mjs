import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serveDist } from './server.mjs';
import { openApp } from './browser.mjs';
const which = process.argv[2] ?? 'grid';
const server = await serveDist({ dir: process.argv[3] ?? '/tmp/dist-names' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: false, args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run'] });
const { page, context } = await openApp(browser, server.url);
let target;
if (which === 'grid') {
  const values = {}; const keys = [];
  const balanced = { 3: 10, 4: 2, 5: 8, 6: 6, 7: 3, 8: 2, 9: 1, 10: 2, 11: 1, 12: 1, 13: 0, 14: 1, 15: 1, 16: 0, 17: 0, 18: 1 };
  for (let r = 1; r <= 625; r++) { keys.push(String(r)); values[`pl5/${r}/c2`] = `Lĩnh vực ${r}`; for (const [c, v] of Object.entries(balanced)) values[`pl5/${r}/c${c}`] = String(v); }
  const draft = { kind: 'bieumau-cchc/draft', format: 1, app_version: 'b', id: 'g', name: '', created_at: 0, updated_at: 0, revision: 0, report: { template_id: 'huyen-cchc', template_version: 1, header: {}, values, notes: {}, rows: { pl5: keys } } };
  await page.setInputFiles('[data-action="import"]', { name: 'g.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await page.waitForSelector('[data-code="pl5/625/c18"]');
  target = '[data-code="pl5/85/c4"]';
} else {
  await page.click('[data-action="new-draft"][data-template="xa-01b"]'); await page.waitForSelector('[data-section]');
  target = '[data-code="3.3.2"]';
}
await page.$eval(target, (el) => el.scrollIntoView({ block: 'center' }));
await page.click(target);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 60; i++) { await page.waitForTimeout(130); await page.keyboard.press(String(i % 10)); }
await page.waitForTimeout(1000);
const { profile } = await cdp.send('Profiler.stop');
// self time per function, and inclusive time of top-level-ish frames
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); const incl = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => {
  const d = (dt[i + 1] ?? 0) / 1000; total += d;
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) ?? 0) + d);
  const seen = new Set(); let cur = id;
  while (cur) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + d); } cur = parent.get(cur); }
});
const top = (m, k) => [...m.entries()].filter(([n]) => !['(idle)', '(program)', '(root)'].includes(n)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1)} ${n.slice(0, 110)}`).join('\n');
console.log('--- self (ms over 60 keys)\n' + top(self, 25));
console.log('--- inclusive\n' + top(incl, 45));
await context.close(); await browser.close(); await server.close();
