// Keys into big and small grids, as a clerk types them (issue 32): real key
// presses, headed under Xvfb, timed by Event Timing (support/keys.mjs).
//
//   - the 10,000-cell Phụ lục V (625 rows × 16 columns), fields in rows
//     that follow each other down the grid;
//   - the same grid, each field in a row far from the last (the clerk
//     jumps by clicking or Ctrl+F between the top, the middle and the end);
//   - a 96-cell grid (6 rows × 16 columns), for comparison;
//   - the xa-01b form.
//
// `gridBench` returns rows for bench.mjs's table. Run alone, it compares
// builds: `xvfb-run -a node e2e/support/bench-grid.mjs dist-main dist` serves
// each directory and alternates them scenario by scenario, `ROUNDS` times,
// so that the noise of a shared machine falls on both alike.
import { readFileSync } from 'node:fs';
import { isMain } from '../../scripts/is-main.mjs';
import { openApp, newDraft, fieldValue } from './browser.mjs';
import { observeKeys, typeLikeAClerk, keyLatencies, launchForKeys } from './keys.mjs';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const shown = (x) => (x < 16 ? '< 16' : x.toFixed(0));

/** A district draft whose Phụ lục V has `count` rows of 16 typed cells. */
export function gridDraft(count, id = `bench-grid-${count}`) {
  const values = {};
  const keys = [];
  const balanced = { 3: 10, 4: 2, 5: 8, 6: 6, 7: 3, 8: 2, 9: 1, 10: 2, 11: 1, 12: 1, 13: 0, 14: 1, 15: 1, 16: 0, 17: 0, 18: 1 };
  for (let r = 1; r <= count; r++) {
    keys.push(String(r));
    values[`pl5/${r}/c2`] = `Lĩnh vực ${r}`;
    for (const [c, v] of Object.entries(balanced)) values[`pl5/${r}/c${c}`] = String(v);
  }
  return {
    kind: 'bieumau-cchc/draft', format: 1, app_version: 'bench', id, name: '', created_at: 0, updated_at: 0, revision: 0,
    report: { template_id: 'huyen-cchc', template_version: 1, header: {}, values, notes: {}, rows: { pl5: keys } },
  };
}

async function openFromList(page) {
  await page.click('[data-action="back"]');
  await page.click('[data-draft-id] [data-action="open-draft"]');
  await page.waitForSelector('[data-section]');
}

/** Fields in rows down the grid, 41 apart (as bench.mjs's grid row). */
function sequential(rows) {
  const fields = [];
  for (let r = 3; r <= rows; r += 41) fields.push([`[data-code="pl5/${r}/c4"]`, '27'], [`[data-code="pl5/${r}/c5"]`, '1603']);
  return fields;
}

/** Each field far from the one before: top, end, middle, quarter, … */
function jumping(rows) {
  const order = [3, 610, 300, 150, 470, 40, 560, 220, 390, 90, 520, 260, 620, 10, 340];
  return order.filter((r) => r <= rows).map((r, i) => [`[data-code="pl5/${r}/c${4 + (i % 6)}"]`, i % 2 ? '1603' : '27']);
}

/** Every cell of a small grid, row by row. */
function allCells(rows) {
  const fields = [];
  for (let r = 1; r <= rows; r++) for (let c = 3; c <= 18; c += 3) fields.push([`[data-code="pl5/${r}/c${c}"]`, String(r * 10 + c)]);
  return fields;
}

/** The scenarios, each a function of (browser, url, keys) → key latencies. */
export const SCENARIOS = [
  ['10.000-cell grid, rows in order', (b, url, keys, detach) => gridKeys(b, url, 625, sequential(625), keys, detach)],
  ['10.000-cell grid, jumping between distant rows', (b, url, keys, detach) => gridKeys(b, url, 625, jumping(625), keys, detach)],
  ['96-cell grid (6 rows)', (b, url, keys, detach) => gridKeys(b, url, 6, allCells(6), keys, detach)],
  ['xa-01b', (b, url, keys) => formKeys(b, url, keys)],
];

// The alternative to skipping off-screen rows: dropping them from the page.
// For comparison only (`dist+detach` on the command line): each chunk of rows
// more than a screen away is taken out of the document, its height kept,
// and put back as it nears the screen, as a virtualised list does.
function dropFarRows() {
  const observer = new IntersectionObserver((entries) => {
    for (const { target: chunk, isIntersecting } of entries) {
      if (isIntersecting && chunk.kept) {
        chunk.replaceChildren(...chunk.kept);
        chunk.kept = null;
        chunk.style.height = '';
      } else if (!isIntersecting && !chunk.kept && !chunk.contains(document.activeElement)) {
        chunk.style.height = `${chunk.offsetHeight}px`;
        chunk.kept = [...chunk.childNodes];
        chunk.replaceChildren();
      }
    }
  }, { rootMargin: '100% 0px 100% 0px' });
  for (const chunk of document.querySelectorAll('.grid-chunk:not(.first):not(.last)')) observer.observe(chunk);
  // A field is reached by scrolling to its chunk (it is not in the page to be found).
  window.revealRow = async (row) => {
    const chunk = document.querySelectorAll('[data-section="pl5"] .grid-chunk')[Math.floor((row - 1) / 8)];
    chunk.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  };
}

// Experiment: chunks more than half a screen away hidden (content-visibility: hidden).
function hideFarRows() {
  const style = document.createElement('style');
  style.textContent = '.grid-chunk.far { content-visibility: hidden; }';
  document.head.append(style);
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) e.target.classList.toggle('far', !e.isIntersecting);
  }, { rootMargin: '50% 0px 50% 0px' });
  for (const chunk of document.querySelectorAll('.grid-chunk:not(.first):not(.last)')) observer.observe(chunk);
}

/** `typeLikeAClerk`, but each field's row is first brought near the screen when rows are dropped. */
async function typeInGrid(page, fields, count, detach) {
  if (detach !== 'detach') return typeLikeAClerk(page, fields, { count });
  let pressed = 0;
  while (pressed < count) {
    for (const [selector, text] of fields) {
      const row = Number(selector.match(/pl5\/(\d+)\//)[1]);
      await page.evaluate((r) => window.revealRow(r), row);
      pressed += await typeLikeAClerk(page, [[selector, text]], { count: 1 + text.length + 1 });
      if (pressed >= count) break;
    }
  }
  return pressed;
}

async function gridKeys(browser, url, rows, fields, count, detach = false) {
  const draft = gridDraft(rows);
  const { page, context } = await openApp(browser, url);
  await page.setInputFiles('[data-action="import"]', { name: 'grid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await page.waitForSelector(`[data-code="pl5/${rows}/c18"]`);
  await openFromList(page);
  // Every row drawn, as it is a few seconds after opening (in idle time).
  await page.waitForFunction(() => !document.querySelector('.rows-later'), null, { timeout: 120000, polling: 100 });
  if (detach === 'detach') await page.evaluate(dropFarRows);
  if (detach === 'near') await page.evaluate(hideFarRows);
  // `dir+css`: that build with the CSS in $CSS added (to try a rule without a build).
  if (detach === 'css') await page.addStyleTag({ content: process.env.CSS });
  // `dir+js`: that build with the script in $JS run in the page (to try a change without a build).
  if (detach === 'js') await page.evaluate(process.env.JS);
  await observeKeys(page);
  const pressed = await typeInGrid(page, fields, count, detach);
  const result = await keyLatencies(page, pressed);
  const [code, text] = fields[0];
  if (detach === 'detach') await page.evaluate((r) => window.revealRow(r), Number(code.match(/pl5\/(\d+)\//)[1]));
  const value = await fieldValue(page, code);
  if (value !== text) throw new Error(`the keys did not reach the grid (${code} shows ${value})`);
  await context.close();
  return result;
}

/** Real keys typed into a filled xa-01b draft reopened from the list (bench.mjs's xa-01b rows too). */
export async function formKeys(browser, url, count) {
  const seed = JSON.parse(readFileSync('tests/fixtures/hoang-truong-2023.json'));
  const { page, context } = await openApp(browser, url);
  await newDraft(page, 'xa-01b');
  await page.click('[data-header="unit"]');
  await page.keyboard.type('UBND xã Hoằng Trường');
  await page.waitForSelector('[data-save-state="saved"]');
  await openFromList(page);
  await observeKeys(page);
  const pressed = await typeLikeAClerk(page, Object.entries(seed.values).map(([code, v]) => [`[data-code="${code}"]`, v]), { count });
  const result = await keyLatencies(page, pressed);
  await context.close();
  return result;
}

/** p50 / p95 / p99 / worst, and how many keys took 24 ms or more. */
export function summary(latencies) {
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(latencies, q));
  return { p50, p95, p99, worst: Math.max(...latencies), slow: latencies.filter((x) => x >= 24).length, keys: latencies.length };
}
export const describe = (s) => `${shown(s.p50)} / ${shown(s.p95)} / ${shown(s.p99)} / ${shown(s.worst)} ms, ${s.slow} of ${s.keys} keys ≥ 24 ms`;

/** Rows for bench.mjs: each scenario once, in `browser` (headed when `headed`). */
export async function gridBench(browser, url, headed, keys = 300) {
  const how = headed ? 'headed' : 'HEADLESS, not comparable';
  const rows = [];
  // xa-01b's keys have their rows in bench.mjs already.
  for (const [label, run] of SCENARIOS.filter(([label]) => label !== 'xa-01b')) {
    const s = summary((await run(browser, url, keys)).latencies);
    const budget = label.startsWith('10.000') ? 24 : null;
    rows.push({
      what: `real keys → next paint (${how}), ${label}: p50 / p95 / p99 / worst`,
      value: describe(s),
      budget: budget ? `p95 ≤ ${budget} ms` : '',
      verdict: budget ? (s.p95 <= budget ? 'ok' : 'OVER') : '',
    });
  }
  return rows;
}

// Alone: compare builds, alternating them scenario by scenario.
if (isMain(import.meta.url)) {
  const { serveDist } = await import('./server.mjs');
  const dirs = process.argv.slice(2);
  if (!dirs.length) dirs.push('dist');
  const rounds = Number(process.env.ROUNDS ?? 2);
  const keys = Number(process.env.KEYS ?? 150);
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
  // `dir+detach`: that build, with far rows dropped from the page (dropFarRows).
  const servers = await Promise.all(dirs.map((dir) => serveDist({ dir: dir.replace(/\+\w+$/, '') })));
  const { browser, headed } = await launchForKeys();
  const all = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const [label, run] of SCENARIOS) {
      if (only && !only.test(label)) continue;
      for (const [i, dir] of dirs.entries()) {
        const { latencies } = await run(browser, servers[i].url, keys, dir.split('+')[1]);
        const key = `${label} | ${dir}`;
        all.set(key, [...(all.get(key) ?? []), ...latencies]);
        console.error(`round ${round + 1}, ${key}: ${describe(summary(latencies))}`);
      }
    }
  }
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
  console.log(`| scenario (${headed ? 'headed' : 'HEADLESS'}, ${rounds} rounds interleaved) | build | p50 | p95 | p99 | worst | keys ≥ 24 ms |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const [key, latencies] of all) {
    const [label, dir] = key.split(' | ');
    const s = summary(latencies);
    console.log(`| ${label} | ${dir} | ${shown(s.p50)} | ${shown(s.p95)} | ${shown(s.p99)} | ${shown(s.worst)} | ${s.slow} of ${s.keys} |`);
  }
}
