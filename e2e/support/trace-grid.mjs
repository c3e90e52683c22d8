// Where a key's frame time goes in the 10,000-cell grid: real keys, headed
// (under xvfb-run), with Chromium's Performance trace (CDP Tracing). Prints
// the renderer main thread's time per kind of work, summed over the keys.
//
//   xvfb-run -a node e2e/support/trace-grid.mjs [dist] [jump]
import { serveDist } from './server.mjs';
import { openApp } from './browser.mjs';
import { launchForKeys, observeKeys, typeLikeAClerk, keyLatencies } from './keys.mjs';
import { gridDraft } from './bench-grid.mjs';

const dir = process.argv[2] ?? 'dist';
const jump = process.argv[3] === 'jump';
const server = await serveDist({ dir });
const { browser } = await launchForKeys();
const { page, context } = await openApp(browser, server.url);
const draft = gridDraft(625);
await page.setInputFiles('[data-action="import"]', { name: 'grid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
await page.waitForSelector('[data-code="pl5/625/c18"]');
await page.waitForFunction(() => !document.querySelector('.rows-later'), null, { timeout: 120000, polling: 100 });
// CSS to try, without a build: CSS='…' node e2e/support/trace-grid.mjs
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
// MARGIN='25%': chunks farther than that from the screen get content-visibility: hidden.
if (process.env.MARGIN) {
  await page.addStyleTag({ content: '.grid-chunk.far { content-visibility: hidden; }' });
  await page.evaluate((margin) => {
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) e.target.classList.toggle('far', !e.isIntersecting);
    }, { rootMargin: `${margin} 0px ${margin} 0px` });
    for (const c of document.querySelectorAll('.grid-chunk:not(.first):not(.last)')) observer.observe(c);
  }, process.env.MARGIN);
}
const fields = jump
  ? [3, 610, 300, 150, 470, 40, 560].map((r, i) => [`[data-code="pl5/${r}/c${4 + (i % 6)}"]`, '1603'])
  : [3, 44, 85, 126].flatMap((r) => [[`[data-code="pl5/${r}/c4"]`, '27'], [`[data-code="pl5/${r}/c5"]`, '1603']]);
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await observeKeys(page);
await cdp.send('Tracing.start', {
  traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'benchmark'] },
});
const pressed = await typeLikeAClerk(page, fields, { count: 60 });
await cdp.send('Tracing.end');
await done;
const { latencies } = await keyLatencies(page, pressed);
const rendererMain = new Map();
for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') rendererMain.set(`${e.pid}:${e.tid}`, true);
const sums = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !rendererMain.has(`${e.pid}:${e.tid}`)) continue;
  const s = sums.get(e.name) ?? { total: 0, count: 0, max: 0 };
  s.total += e.dur / 1000; s.count++; s.max = Math.max(s.max, e.dur / 1000);
  sums.set(e.name, s);
}
const top = [...sums.entries()].sort((a, b) => b[1].total - a[1].total).filter(([n]) => /^(Paint|Layerize|PaintArtifactCompositor::Update|Layout|UpdateLayoutTree|PrePaint|Commit|ProxyMain::BeginMainFrame|EventDispatch|FunctionCall|Document::UpdateStyleAndLayout)$/.test(n));
console.log(`${pressed} keys, ${latencies.filter((x) => x > 0).length} ≥ 16 ms, sorted: ${latencies.filter((x) => x > 0).sort((a, b) => a - b).join(' ')}`);
for (const [name, s] of top) console.log(`${name.padEnd(40)} total ${s.total.toFixed(1).padStart(8)} ms  n ${String(s.count).padStart(5)}  max ${s.max.toFixed(1)} ms`);
await browser.close();
await server.close();
