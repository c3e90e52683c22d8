// Temporary: screenshots for review (not a test).
import { launch, openApp, newDraft, typeInto, valueField, noteField, headerField } from './browser.mjs';
import { serveDist } from './server.mjs';
const server = await serveDist();
const browser = await launch();
const { page } = await openApp(browser, server.url);
async function report(period, year, figures) {
  await newDraft(page, 'xa-01b');
  await typeInto(page, headerField('unit'), 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG');
  await page.selectOption(headerField('period'), period);
  await typeInto(page, headerField('year'), year);
  for (const [c, v] of Object.entries(figures)) await typeInto(page, valueField(c), v);
  await page.waitForSelector('[data-save-state="saved"]');
}
await report('quy-1', '2023', { '3.3.1': '388' });
await page.click('[data-action="back"]');
await report('quy-1', '2024', { '3.3.1': '800', '3.3.2': '790', '3.1.3': '189', '3.4.3': '1599' });
await page.screenshot({ path: '/tmp/shots/top.png' });
const row = await page.$('td.value:has([data-previous="3.3.1"])');
await row.scrollIntoViewIfNeeded();
await page.screenshot({ path: '/tmp/shots/compare.png' });
await page.locator('.compare-with').screenshot({ path: '/tmp/shots/compare-bar.png' });
const summary = await page.$('[data-target]');
if (summary) { await summary.scrollIntoViewIfNeeded(); await page.screenshot({ path: '/tmp/shots/targets.png' }); }
await page.click('[data-action="export-docx"]');
await page.waitForSelector('[data-export-confirm]');
await page.locator('[data-export-confirm]').screenshot({ path: '/tmp/shots/preflight.png' });
const docx = page.waitForEvent('download');
await page.click('[data-export-confirm] [data-action="confirm"]');
const d = await docx; await d.saveAs('/tmp/shots/report.docx');
await browser.close(); await server.close?.();
process.exit(0);
