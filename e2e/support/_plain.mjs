import { chromium } from 'playwright-core';
import { observeKeys, keyLatencies } from './keys.mjs';
const headed = process.env.HEADED === '1';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: !headed, args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run'] });
const p = await (await b.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await p.goto(process.env.URL ?? 'file:///tmp/plain.html');
await observeKeys(p);
await p.click(process.env.SEL ?? '#i5');
let n=0; for (const ch of 'abcdefghijklmnopqrstuvwxyzabcdefghij') { await p.waitForTimeout(130); await p.keyboard.press(ch); n++; }
await p.waitForTimeout(1500);
const { latencies } = await keyLatencies(p, n);
console.log(headed ? 'headed' : 'headless', latencies.map(Math.round).join(' '));
await b.close();
