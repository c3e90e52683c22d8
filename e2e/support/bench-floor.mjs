// The browser's own floor for a grid's keys (issue 32): the same real keys,
// timed the same way (support/keys.mjs), typed into a page with no script
// and no style but a width, holding as many cells as the app draws while a
// clerk types in the 10,000-cell grid at 1366×768 (20 rows × 16 columns;
// the typing window hides the rest, browser/typing_window.rs).
//
//   - plain `<input>` cells, as the app's grid has;
//   - `contenteditable="plaintext-only"` cells, for comparison: each
//     `<input>` is a scroller with an editor inside, a paint chunk or more
//     that Chromium re-layerizes on every key in a focused field.
//
// `floorBench` returns rows for bench.mjs's table, printed beside the app's
// grid rows with no budget of their own: a budget under the plain-input
// floor cannot be met with `<input>` cells on that machine. Run alone:
// `xvfb-run -a node e2e/support/bench-floor.mjs`.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain } from '../../scripts/is-main.mjs';
import { serveDist } from './server.mjs';
import { observeKeys, typeLikeAClerk, keyLatencies, launchForKeys } from './keys.mjs';
import { summary, describe } from './bench-grid.mjs';

const ROWS = 20;
const COLUMNS = 16;

const CELLS = {
  'plain <input> cells': (code) => `<input data-code="${code}" value="1">`,
  'contenteditable cells': (code) => `<div contenteditable="plaintext-only" role="textbox" data-code="${code}">1</div>`,
};

function page(cell) {
  const rows = [];
  for (let r = 1; r <= ROWS; r++) {
    const cells = [];
    for (let c = 3; c < 3 + COLUMNS; c++) cells.push(`<td>${cell(`g/${r}/c${c}`)}</td>`);
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>floor</title>
<style>input, td > div { width: 4em; } td > div { border: 1px solid #888; white-space: nowrap; overflow: hidden; }</style>
</head><body><table>${rows.join('')}</table></body></html>`;
}

/** Every third cell of the first 6 rows, as bench-grid.mjs's 96-cell scenario. */
function fields() {
  const out = [];
  for (let r = 1; r <= 6; r++) for (let c = 3; c < 3 + COLUMNS; c += 3) out.push([`[data-code="g/${r}/c${c}"]`, String(r * 10 + c)]);
  return out;
}

/** Key latencies in a page of `ROWS × COLUMNS` cells made by `cell`. */
async function floorKeys(browser, cell, keys) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  writeFileSync(join(dir, 'index.html'), page(cell));
  const server = await serveDist({ dir, precompressed: false });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  try {
    const p = await context.newPage();
    await p.goto(server.url);
    await observeKeys(p);
    const pressed = await typeLikeAClerk(p, fields(), { count: keys });
    const [code, text] = fields()[0];
    const typed = await p.$eval(code, (el) => el.value ?? el.textContent);
    if (typed !== text) throw new Error(`the keys did not reach the floor page (${code} shows ${typed})`);
    return await keyLatencies(p, pressed);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows for bench.mjs: each kind of cell once. */
export async function floorBench(browser, headed, keys = 300) {
  const how = headed ? 'headed' : 'HEADLESS, not comparable';
  const rows = [];
  for (const [label, cell] of Object.entries(CELLS)) {
    const s = summary((await floorKeys(browser, cell, keys)).latencies);
    rows.push({
      what: `the browser's floor (${how}): real keys → next paint in a script-free page of ${ROWS * COLUMNS} ${label}: p50 / p95 / p99 / worst`,
      value: describe(s),
      budget: '',
      verdict: '',
    });
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const { browser, headed } = await launchForKeys();
  for (const row of await floorBench(browser, headed, Number(process.env.KEYS ?? 150))) console.log(`${row.what}: ${row.value}`);
  await browser.close();
}
