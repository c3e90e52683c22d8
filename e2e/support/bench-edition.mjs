// The province's one-file edition (issue 34): building it in the page, as
// a province does, and the bench row (≤ 1 s, from the click to the
// download). `buildEdition` is also what e2e/edition.test.mjs uses.
import { readFileSync } from 'node:fs';
import { openApp } from './browser.mjs';

const ms = (x) => `${x.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Opens «Tạo bản cho các đơn vị», ticks `templates` (the others as they
 * are), types the province and downloads the edition. Returns its file name,
 * its text, the path Playwright saved it to and the time from the click to
 * the download.
 */
export async function buildEdition(page, { province, templates = [] }) {
  if (!(await page.$('[data-edition-panel][open]'))) await page.click('[data-edition-panel] summary');
  for (const id of templates) await page.check(`[data-edition-template="${id}"]`);
  await page.click('[data-field="edition-province"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(province);
  const waiting = page.waitForEvent('download');
  const start = Date.now();
  await page.click('[data-action="build-edition"]');
  const download = await waiting;
  const took = Date.now() - start;
  const path = await download.path();
  return { name: download.suggestedFilename(), path, html: readFileSync(path, 'utf8'), took };
}

/** Bench rows: the median of 5 builds of an edition with xa-01b. */
export async function editionRows(browser, url) {
  const { page, context } = await openApp(browser, url);
  const times = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const built = await buildEdition(page, { province: 'Tỉnh Thanh Hóa', templates: ['xa-01b'] });
    times.push(built.took);
    size = Buffer.byteLength(built.html);
    await page.waitForSelector('[data-edition-built]');
  }
  await context.close();
  const took = median(times);
  return [{
    what: `build an edition with xa-01b: click → download, median of 5 (file ${(size / 1024).toFixed(0)} KB)`,
    value: ms(took),
    budget: '≤ 1 s',
    verdict: took <= 1000 ? 'ok' : 'OVER',
  }];
}
