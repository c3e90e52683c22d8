// End-to-end: the ways a clerk lost work before, each followed by what a
// clerk does next (type, wait for "Đã lưu", reload, look): a draft opened
// from a .json file, writes from a draft list that another tab has made
// out of date, commune files whose names are spelt differently, and Enter
// in a grid's label cell.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, newDraft, typeInto, valueField, headerField, setUpSuite, watch, fieldValue } from './support/browser.mjs';

const suite = setUpSuite();

const draftFile = ({ id = 'tu-tep', revision = 0, values = { '3.3.1': '1.603' }, header = { unit: 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG', year: '2023' } } = {}) => ({
  kind: 'bieumau-cchc/draft', format: 1, app_version: '0.1.0', id, name: '', created_at: 1, updated_at: 2, revision,
  report: { template_id: 'xa-01b', template_version: 1, header, values, notes: {} },
});

const importFile = (page, draft, name = 'bao-cao.json') =>
  page.setInputFiles('[data-action="import"]', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });

const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('bieumau.v1.draft.'))
  .map((k) => [k.slice('bieumau.v1.draft.'.length), JSON.parse(localStorage.getItem(k))])));

/** Types into a field and waits until the save indicator says it is stored. */
async function typeAndWaitSaved(page, selector, text) {
  await typeInto(page, selector, text);
  await page.waitForSelector('[data-save-state="saved"]', { timeout: 3000 });
}

/** Reloads; a page inside the draft reopens it, from the list the clerk opens it. */
async function reopen(page, id) {
  await page.reload();
  if (decodeURIComponent(new URL(page.url()).hash) !== `#/ban-nhap/${id}`) {
    await page.click(`[data-draft-id="${id}"] [data-action="open-draft"]`);
  }
  await page.waitForSelector('[data-section]');
}

describe('a draft opened from a .json file keeps saving', () => {
  for (const revision of [0, 1, 5]) {
    test(`a file at revision ${revision}: type, "Đã lưu", reload, the value is there`, async () => {
      const { page, context } = await openApp(suite.browser, suite.server.url);
      await importFile(page, draftFile({ revision }));
      await page.waitForSelector('[data-section]');
      await typeAndWaitSaved(page, valueField('3.3.2'), '1588');
      assert.equal(await page.$('[data-conflict]'), null, 'no "another tab" banner');
      await reopen(page, 'tu-tep');
      assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
      assert.equal(await page.inputValue(valueField('3.3.2')), '1.588');
      // Typing goes on being saved, the close-the-tab flush included.
      await page.click(valueField('1.1.1'));
      await page.keyboard.type('12');
      await reopen(page, 'tu-tep');
      assert.equal(await page.inputValue(valueField('1.1.1')), '12');
      await context.close();
    });
  }

  test('a file just exported by the app, opened on another browser and over the same draft', async () => {
    const a = await openApp(suite.browser, suite.server.url);
    await newDraft(a.page, 'xa-01b');
    await typeInto(a.page, headerField('unit'), 'UBND xã Hoằng Trường');
    await typeAndWaitSaved(a.page, valueField('3.3.1'), '1603');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-action="export-json"]')]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.report.values['3.3.1'], '1.603');

    // Another laptop: a fresh browser profile.
    const b = await openApp(suite.browser, suite.server.url);
    await b.page.setInputFiles('[data-action="import"]', file);
    await b.page.waitForSelector('[data-section]');
    await typeAndWaitSaved(b.page, valueField('3.3.2'), '1588');
    await reopen(b.page, exported.id);
    assert.equal(await b.page.inputValue(valueField('3.3.1')), '1.603');
    assert.equal(await b.page.inputValue(valueField('3.3.2')), '1.588');
    await b.context.close();

    // The same browser, over the draft it came from: merged, then typed in.
    await a.page.click('[data-action="back"]');
    await a.page.setInputFiles('[data-action="import"]', file);
    await a.page.waitForSelector('[data-section]');
    await typeAndWaitSaved(a.page, valueField('1.1.1'), '4');
    assert.equal(await a.page.$('[data-conflict]'), null);
    await reopen(a.page, exported.id);
    assert.equal(await a.page.inputValue(valueField('1.1.1')), '4');
    assert.equal(await a.page.inputValue(valueField('3.3.1')), '1.603');
    await a.context.close();
  });
});

describe('writes from a draft list another tab has made out of date', () => {
  /** Tab B on the start screen; tab A opens the same draft, types and closes. */
  async function twoTabs() {
    const context = await suite.browser.newContext({ acceptDownloads: true });
    const b = await context.newPage();
    watch(b);
    await b.goto(suite.server.url);
    await newDraft(b, 'xa-01b');
    await typeAndWaitSaved(b, valueField('1.1.1'), '5');
    await b.click('[data-action="back"]');
    const id = await b.getAttribute('[data-draft-id]', 'data-draft-id');
    // B keeps a copy of its list as it is now, to act on it after A's edits
    // even if the storage event refreshed it: the rendered entry stays.
    const a = await context.newPage();
    watch(a);
    await a.goto(suite.server.url);
    await a.click(`[data-draft-id="${id}"] [data-action="open-draft"]`);
    await a.waitForSelector('[data-section]');
    return { context, a, b, id };
  }

  test('rename in tab B after tab A typed and closed: A\'s figures stay', async () => {
    const { context, a, b, id } = await twoTabs();
    await a.click(valueField('1.1.2'));
    await a.keyboard.type('7');
    await a.click(valueField('3.3.1'));
    await a.keyboard.type('1603');
    await a.close({ runBeforeUnload: true });
    await b.click(`[data-draft-id="${id}"] [data-action="rename-draft"]`);
    await b.fill('[data-rename]', 'Bản gửi huyện');
    await b.keyboard.press('Enter');
    await b.waitForSelector('text=Bản gửi huyện');
    const draft = (await stored(b))[id];
    assert.equal(draft.name, 'Bản gửi huyện');
    assert.deepEqual(
      [draft.report.values['1.1.1'], draft.report.values['1.1.2'], draft.report.values['3.3.1']],
      ['5', '7', '1603'],
      'as typed: the tab closed before the field was left',
    );
    // What the clerk does next: open it and go on typing.
    await b.click(`[data-draft-id="${id}"] [data-action="open-draft"]`);
    assert.equal(await b.inputValue(valueField('3.3.1')), '1603');
    await typeAndWaitSaved(b, valueField('3.3.2'), '1588');
    assert.equal(await b.$('[data-conflict]'), null);
    await context.close();
  });

  test('open and copy to the next period in tab B show what tab A typed since', async () => {
    const { context, a, b, id } = await twoTabs();
    await typeAndWaitSaved(a, valueField('3.3.1'), '1603');
    await b.click(`[data-draft-id="${id}"] [data-action="duplicate-draft"]`);
    await b.waitForSelector('[data-draft-message]');
    const copies = Object.values(await stored(b)).filter((d) => d.id !== id);
    assert.equal(copies.length, 1);
    assert.equal(copies[0].report.values['3.3.1'], '1.603', 'the copy starts from the stored draft');
    await b.click(`[data-draft-id="${id}"] [data-action="open-draft"]`);
    await b.waitForSelector('[data-section]');
    assert.equal(await b.inputValue(valueField('3.3.1')), '1.603');
    await context.close();
  });

  test('undo a delete after another tab saved the draft back: the two copies merge, nothing asked', async () => {
    const { context, a, b, id } = await twoTabs();
    await typeAndWaitSaved(a, valueField('1.1.2'), '7');
    await b.click(`[data-draft-id="${id}"] [data-action="delete-draft"]`);
    // A still has the draft open: it says so, and stores it again once typed in.
    await a.waitForSelector('[data-deleted-elsewhere]');
    assert.equal((await stored(b))[id], undefined, 'not written back untouched');
    await typeAndWaitSaved(a, valueField('3.3.1'), '1603');
    await b.click('[data-action="undo-delete"]');
    assert.match(await b.textContent('[data-draft-message]'), /gộp với bản được lưu lại ở thẻ khác/);
    const draft = (await stored(b))[id];
    assert.deepEqual([draft.report.values['1.1.1'], draft.report.values['1.1.2'], draft.report.values['3.3.1']], ['5', '7', '1.603']);
    await context.close();
  });

  test('undo a delete restores the draft as stored, figures and all', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, headerField('unit'), 'UBND xã Hoằng Trường');
    await typeAndWaitSaved(page, valueField('3.3.1'), '1603');
    await page.click('[data-action="back"]');
    const id = await page.getAttribute('[data-draft-id]', 'data-draft-id');
    await page.click(`[data-draft-id="${id}"] [data-action="delete-draft"]`);
    assert.equal(await page.$(`[data-draft-id="${id}"]`), null);
    assert.deepEqual(await stored(page), {});
    await page.click('[data-action="undo-delete"]');
    assert.match(await page.textContent('[data-draft-message]'), /Đã khôi phục «UBND xã Hoằng Trường — Năm/);
    await reopen(page, id);
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    await context.close();
  });
});

describe('roll-up of commune files whose names are spelt differently', () => {
  test('"XÃ HOẰNG HÒA", "XÃ HOẰNG HOÀ" and the decomposed form are one commune', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'variants-'));
    const units = ['XÃ HOẰNG HÒA', 'XÃ HOẰNG HOÀ', 'XÃ HOẰNG HÒA'.normalize('NFD'), 'ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG'];
    const files = units.map((unit, i) => {
      const path = join(dir, `xa-${i + 1}.json`);
      const draft = draftFile({ id: `x${i}`, revision: 1, header: { unit, period: 'year', year: '2023' }, values: { '3.3.1': String(100 + i) } });
      draft.updated_at = 10 + i;
      writeFileSync(path, JSON.stringify(draft));
      return path;
    });
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'huyen-cchc');
    await page.setInputFiles('[data-action="rollup"]', files);
    await page.waitForSelector('[data-section="tong-hop-xa"]');
    const rows = await page.$$eval('[data-section="pl6"] tbody [data-row]', (r) => r.map((x) => x.getAttribute('data-row')));
    assert.deepEqual(rows, ['1', '2']);
    assert.equal(await fieldValue(page, '[data-code="pl6/1/c5"]'), '102', 'the file saved last');
    assert.equal(await page.textContent('[data-computed="pl6/total/c5"]'), '205');
    assert.equal(await page.textContent('[data-computed="tong-hop-xa/3.3.1"]'), '205', 'each commune counted once');
    const notices = await page.$$eval('[data-rollup-notice]', (n) => n.map((x) => x.textContent));
    assert.equal(notices.filter((n) => n.includes('Hai tệp của cùng xã Hoằng')).length, 2, notices.join('\n'));
    await context.close();
  });
});

describe('Enter in a grid', () => {
  test('in a label cell, Enter moves down the column; Alt+Enter breaks the line', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'huyen-cchc');
    for (let i = 0; i < 2; i++) await page.click('[data-action="add-row"][data-section="pl5"]');
    await page.click('[data-code="pl5/1/c2"]');
    await page.keyboard.type('Tư pháp');
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.type('hộ tịch');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-code')), 'pl5/2/c2');
    await page.keyboard.type('Đất đai');
    assert.equal(await fieldValue(page, '[data-code="pl5/1/c2"]'), 'Tư pháp\nhộ tịch');
    assert.equal(await fieldValue(page, '[data-code="pl5/2/c2"]'), 'Đất đai');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.equal(await fieldValue(page, '[data-code="pl5/1/c2"]'), 'Tư pháp\nhộ tịch');
    await context.close();
  });
});
