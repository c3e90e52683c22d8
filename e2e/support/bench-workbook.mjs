// Bench rows of the template workbook (issue 34): the xa-01b workbook the
// app writes, picked in «Mở tệp biểu mẫu của tỉnh», read into a checked
// template in the page (the User Timing measure around the reading:
// unzip, XML, sheets to the template file, every check), and pick → the
// app's answer on screen. Returns rows in bench.mjs's format.
import { readFileSync } from 'node:fs';
import { openApp } from './browser.mjs';

const ms = (x) => `${x.toFixed(1).replace('.', ',')} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function workbookRows(browser, url) {
  const { page, context } = await openApp(browser, url);
  const waiting = page.waitForEvent('download');
  await page.click('[data-action="template-workbook"][data-template="xa-01b"]');
  const original = readFileSync(await (await waiting).path());
  const reads = [];
  const shown = [];
  for (let i = 0; i < 7; i++) {
    await page.evaluate(() => {
      window.__pick = null;
      document.addEventListener('change', () => { window.__pick = performance.now(); }, { capture: true, once: true });
    });
    // The same file each time: the shipped xa-01b itself, so the app says it
    // has it already; the reading and every check run in full each time.
    await page.setInputFiles('[data-action="load-template"]', { name: 'xa-01b.xlsx', mimeType: XLSX, buffer: original });
    await page.waitForFunction((n) => performance.getEntriesByName('bieumau:template-read').length > n, i);
    shown.push(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now() - window.__pick), 0)))));
    reads.push(await page.evaluate(() => performance.getEntriesByName('bieumau:template-read').map((e) => e.duration).pop()));
  }
  const said = await page.textContent('.open-files .banner');
  if (!/xa-01b|Phụ lục 01b/.test(said)) throw new Error(`loading the xa-01b workbook said: ${said}`);
  await context.close();
  const read = median(reads);
  return [
    { what: `template workbook: xa-01b.xlsx (${(original.length / 1024).toFixed(0)} KB) read into a checked template in the page (median of 7)`, value: ms(read), budget: '≤ 100 ms', verdict: read <= 100 ? 'ok' : 'OVER' },
    { what: '… pick → the answer on screen', value: ms(median(shown)), budget: '', verdict: '' },
  ];
}
