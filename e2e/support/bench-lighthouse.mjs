// Lighthouse in the bench (issue 32): the first visit to the start screen,
// as Lighthouse 12 scores it with its desktop preset and simulated
// throttling, dist/ served with its precompressed .gz. Three runs, the
// median of each figure beside its budget. Debian's Chromium is driven
// (CHROMIUM, else /usr/bin/chromium): Lighthouse downloads no browser.
//
//   node e2e/support/bench-lighthouse.mjs [dist]   prints the table alone
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launch as launchChrome } from 'chrome-launcher';
import { resolve } from 'node:path';
import { serveDist } from './server.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';
import { isMain } from '../../scripts/is-main.mjs';

const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Vietnamese decimals, as the rest of the table's budgets are written.
const vn = (x, digits) => x.toFixed(digits).replace('.', ',');

/** One Lighthouse run per element of the result: the figures, and the opportunities it saw. */
async function runs(url) {
  const chrome = await launchChrome({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const out = [];
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktopConfig);
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
      out.push({
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        // The same page unthrottled, as the run saw it: what the simulation starts from.
        observedFcp: observed.observedFirstContentfulPaint ?? NaN,
        observedLcp: observed.observedLargestContentfulPaint ?? NaN,
        opportunities: Object.values(lhr.audits)
          .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
          .map((a) => `${a.id} ${Math.round(a.details.overallSavingsMs)} ms`),
      });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}

/** The bench table's rows: { what, value, budget, verdict }. */
export async function lighthouseRows(dir = 'dist') {
  const server = await serveDist({ dir: resolve(dir), encodings: ['gzip'] });
  try {
    const all = await runs(server.url);
    const m = (key) => median(all.map((r) => r[key]));
    const what = (figure) => `Lighthouse ${figure}, start screen (desktop, simulated throttling, .gz; median of ${RUNS})`;
    const row = (figure, value, budget = '', ok = null) => ({ what: what(figure), value, budget, verdict: ok === null ? '' : ok ? 'ok' : 'OVER' });
    const rows = [
      row('performance', `${m('performance')} (${all.map((r) => r.performance).join(', ')})`, '≥ 95', m('performance') >= 95),
      row('FCP', `${vn(m('fcp') / 1000, 2)} s`),
      row('LCP', `${vn(m('lcp') / 1000, 2)} s`, '≤ 1,0 s', m('lcp') <= 1000),
      row('TBT', `${Math.round(m('tbt'))} ms`),
      row('CLS', vn(m('cls'), 3), '≤ 0,02', m('cls') <= 0.02),
      row('FCP / LCP observed, unthrottled', `${Math.round(m('observedFcp'))} ms / ${Math.round(m('observedLcp'))} ms`),
    ];
    const seen = [...new Set(all.flatMap((r) => r.opportunities))];
    if (seen.length) rows.push(row('opportunities seen', seen.join('; ')));
    return rows;
  } finally {
    await server.close();
  }
}

if (isMain(import.meta.url)) {
  const rows = await lighthouseRows(process.argv[2] ?? 'dist');
  for (const r of rows) console.log([r.what, r.value, r.budget, r.verdict].join(' | '));
}
