// Bench rows of the province's roll-up (tinh-cchc, issue 33): the files of
// Hồ Chí Minh City's 168 units to an interactive screen, and all 3.321
// units of the country into one draft as a scale test, with generated
// files (support/province-files.mjs). Returns rows in bench.mjs's format.
import { openApp, newDraft, typeInto, headerField } from './browser.mjs';
import { unitFiles, figures } from './province-files.mjs';

const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Picks `count` unit files into a new tinh-cchc draft; what the page measured. */
async function rollUp(browser, url, count) {
  const { page, context } = await openApp(browser, url);
  await newDraft(page, 'tinh-cchc');
  await typeInto(page, headerField('year'), '2026');
  const files = unitFiles(count);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: false });
    document.addEventListener('change', (e) => {
      if (!e.target.matches('[data-action="rollup"]')) return;
      window.__pick = performance.now();
      // Interactive: the tables on screen, one frame drawn after them.
      window.__shown = new Promise((done) => {
        const seen = () => {
          if (!document.querySelector('[data-section="tong-hop-xa"]')) return false;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
          return true;
        };
        const observer = new MutationObserver(seen);
        observer.observe(document, { subtree: true, childList: true });
      });
      // A progress line, if one shows, and when.
      window.__progress = null;
      const watch = new MutationObserver(() => {
        if (window.__progress === null && document.querySelector('[data-rollup-progress]')) {
          window.__progress = performance.now() - window.__pick;
          watch.disconnect();
        }
      });
      watch.observe(document, { subtree: true, childList: true });
    }, true);
  });
  await page.setInputFiles('[data-action="rollup"]', files);
  const m = await page.evaluate(async () => {
    const shown = (await window.__shown) - window.__pick;
    const during = window.__long.filter(([start]) => start >= window.__pick && start <= window.__pick + shown);
    return {
      shown,
      core: performance.getEntriesByName('bieumau:rollup').map((e) => e.duration).pop() ?? NaN,
      longest: Math.max(0, ...during.map(([, d]) => d)),
      progress: window.__progress,
    };
  });
  const total = await page.$eval('[data-computed="don-vi/total/c5"]', (n) => Number(n.textContent.replace(/\./g, '')));
  const expected = Array.from({ length: count }, (_, i) => figures(i)['3.3.1']).reduce((a, b) => a + b, 0);
  if (total !== expected) throw new Error(`province roll-up of ${count}: total ${total}, expected ${expected}`);
  await page.waitForSelector(':is([data-save-state="saved"], [data-save-state="unchanged"])', { timeout: 60000 });
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('bieumau.v1.draft.') && localStorage.getItem(k).includes('"tinh-cchc"'));
    const text = localStorage.getItem(key);
    const draft = JSON.parse(text);
    return { all: text.length, history: JSON.stringify(draft.history ?? {}).length };
  });
  await context.close();
  return { ...m, stored };
}

export async function provinceRows(browser, url) {
  const rows = [];
  const row = (what, value, budget = '', ok = null) => rows.push({ what, value, budget, verdict: ok === null ? '' : ok ? 'ok' : 'OVER' });
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await rollUp(browser, url, 168));
  const shown = median(runs.map((r) => r.shown));
  row('province roll-up, 168 unit files (Hồ Chí Minh City): pick → tables on screen (median of 3)', ms(shown), '≤ 1 s', shown <= 1000);
  row('… of which the roll-up itself (parse, check, sum, subtotals by kind)', ms(median(runs.map((r) => r.core))));
  const big = await rollUp(browser, url, 3321);
  row('province roll-up, all 3.321 units of the country: pick → draft on screen', ms(big.shown), '≤ 3 s', big.shown <= 3000);
  row('… of which the roll-up itself', ms(big.core));
  row('… longest task that blocks input meanwhile', ms(big.longest));
  row('… progress line shown after', big.progress === null ? 'none' : ms(big.progress), 'past 300 ms');
  row('… stored size of the 3.321-unit draft (of which its history)', `${kb(big.stored.all)} (${kb(big.stored.history)})`, '< 5 MB local storage', big.stored.all < 5 * 1024 * 1024);
  return rows;
}
