// End-to-end: several hands on one report. Copies of a draft (tabs,
// browsers, backups, a colleague's file) merge field by field, typed with
// real keys, each followed by what a clerk does next (type, "Đã lưu",
// reload, another tab).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, newDraft, typeInto, valueField, noteField, headerField, setUpSuite } from './support/browser.mjs';

const suite = setUpSuite();

const draftId = (page) => decodeURIComponent(new URL(page.url()).hash.replace('#/ban-nhap/', ''));

const storedDraft = (page, id) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `bieumau.v1.draft.${id}`);

async function saved(page) {
  await page.waitForSelector('[data-save-state="saved"]', { timeout: 5000 });
}

async function openDraft(page, id) {
  await page.click(`[data-draft-id="${id}"] [data-action="open-draft"]`);
  await page.waitForSelector('[data-section]');
}

async function backToList(page) {
  await page.click('[data-action="back"]');
  await page.waitForSelector('[data-action="backup-all"]');
}

/** "Sao lưu tất cả": the file's content. */
async function backUp(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="backup-all"]')]);
  return readFileSync(await download.path(), 'utf8');
}

async function restore(page, text) {
  await page.setInputFiles('[data-action="restore"]', { name: 'sao-luu.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('[data-restore-report]');
  const lines = await page.$$eval('[data-restore-outcome]', (ls) => ls.map((l) => l.getAttribute('data-restore-outcome')));
  await page.click('[data-restore-report] button');
  return lines;
}

/** The values of 1.1.1, 2.1 and 3.3.1 shown in the open draft. */
async function shown(page) {
  return Promise.all(['1.1.1', '2.1', '3.3.1'].map((code) => page.inputValue(valueField(code))));
}

describe('tabs', () => {
  test('a rename from another tab: this tab goes on saving, and typing then closing keeps both', async () => {
    const { page: a, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(a, 'xa-01b');
    await typeInto(a, valueField('1.1.1'), '5');
    await saved(a);
    const id = draftId(a);
    const b = await context.newPage();
    await b.goto(suite.server.url);
    await b.click(`[data-draft-id="${id}"] [data-action="rename-draft"]`);
    await b.fill('[data-rename]', 'Báo cáo năm 2026');
    await b.keyboard.press('Enter');
    await b.waitForSelector('text=Báo cáo năm 2026');
    // Tab A types on, and closes without waiting for anything.
    await a.click(valueField('3.3.1'));
    await a.keyboard.type('123');
    assert.notEqual(await a.getAttribute('[data-save-state]', 'data-save-state'), 'conflict');
    await a.close({ runBeforeUnload: true });
    // What the closing tab wrote reaches the other tab's storage within moments.
    await b.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).report.values['3.3.1'] !== undefined, `bieumau.v1.draft.${id}`, { timeout: 3000 })
      .catch(() => {});
    const draft = await storedDraft(b, id);
    assert.equal(draft.name, 'Báo cáo năm 2026');
    assert.deepEqual([draft.report.values['1.1.1'], draft.report.values['3.3.1']], ['5', '123']);
    // Next: the clerk opens it in B, and types on.
    await b.reload();
    await openDraft(b, id);
    assert.equal(await b.inputValue(valueField('3.3.1')), '123');
    await typeInto(b, valueField('3.3.2'), '120');
    await saved(b);
    assert.equal((await storedDraft(b, id)).name, 'Báo cáo năm 2026');
    await context.close();
  });

  test('a rename from a list while another tab is typing', async () => {
    const { page: a, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(a, 'xa-01b');
    await typeInto(a, valueField('1.1.1'), '1');
    await saved(a);
    const id = draftId(a);
    const b = await context.newPage();
    await b.goto(suite.server.url);
    await a.click(valueField('3.3.1'));
    // A types slowly, a key every 150 ms, while B renames.
    const typing = a.keyboard.type('1603', { delay: 150 });
    await b.click(`[data-draft-id="${id}"] [data-action="rename-draft"]`);
    await b.fill('[data-rename]', 'Bản gửi tỉnh');
    await b.keyboard.press('Enter');
    await typing;
    await a.keyboard.press('Tab');
    await saved(a);
    await a.waitForTimeout(400);
    const draft = await storedDraft(a, id);
    assert.equal(draft.name, 'Bản gửi tỉnh');
    assert.equal(draft.report.values['3.3.1'], '1.603');
    await a.reload();
    await a.waitForSelector('[data-section]');
    assert.equal(await a.inputValue(valueField('3.3.1')), '1.603');
    await context.close();
  });

  test('a draft deleted in another tab stays on the page, and is stored again when typed in or restored', async () => {
    const { page: a, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(a, 'xa-01b');
    await typeInto(a, valueField('1.1.1'), '8');
    await saved(a);
    const id = draftId(a);
    const b = await context.newPage();
    await b.goto(suite.server.url);
    await b.click(`[data-draft-id="${id}"] [data-action="delete-draft"]`);
    await a.waitForSelector('[data-deleted-elsewhere]');
    assert.equal(await a.getAttribute('[data-save-state]', 'data-save-state'), 'deleted');
    assert.equal(await a.inputValue(valueField('1.1.1')), '8', 'still on the page');
    await a.waitForTimeout(1200);
    assert.equal(await storedDraft(a, id), null, 'not written back by itself');
    await a.click('[data-action="restore-deleted"]');
    await saved(a);
    assert.equal((await storedDraft(a, id)).report.values['1.1.1'], '8');
    // Deleted again: typing stores it back with the new figure.
    await b.reload();
    await b.click(`[data-draft-id="${id}"] [data-action="delete-draft"]`);
    await a.waitForSelector('[data-deleted-elsewhere]');
    await typeInto(a, valueField('2.1'), '4');
    await saved(a);
    const back = await storedDraft(a, id);
    assert.deepEqual([back.report.values['1.1.1'], back.report.values['2.1']], ['8', '4']);
    await b.waitForSelector(`[data-draft-id="${id}"]`);
    await context.close();
  });
});

describe('browsers and backups', () => {
  /** Browser A with a draft (1.1.1 = 10) backed up, restored in browser B. */
  async function twoBrowsers() {
    const A = await openApp(suite.browser, suite.server.url);
    await newDraft(A.page, 'xa-01b');
    await typeInto(A.page, headerField('unit'), 'UBND xã Hoằng Trường');
    await typeInto(A.page, valueField('1.1.1'), '10');
    await saved(A.page);
    const id = draftId(A.page);
    await backToList(A.page);
    const first = await backUp(A.page);
    const B = await openApp(suite.browser, suite.server.url);
    assert.deepEqual(await restore(B.page, first), ['added']);
    return { A, B, id, first };
  }

  async function edit(page, id, code, values) {
    await openDraft(page, id);
    for (const value of values) {
      await typeInto(page, valueField(code), value);
      await saved(page);
    }
    await backToList(page);
  }

  test('each browser restores the other\'s backup and keeps every edit, in both directions', async () => {
    const { A, B, id } = await twoBrowsers();
    await edit(A.page, id, '1.1.1', ['11']);
    const fromA = await backUp(A.page);
    await edit(B.page, id, '3.3.1', ['401', '402', '403']);
    const fromB = await backUp(B.page);

    assert.deepEqual(await restore(B.page, fromA), ['updated']);
    await openDraft(B.page, id);
    assert.deepEqual(await shown(B.page), ['11', '', '403']);
    await backToList(B.page);
    assert.deepEqual(await restore(A.page, fromB), ['updated']);
    await openDraft(A.page, id);
    assert.deepEqual(await shown(A.page), ['11', '', '403']);
    // Next: type, reload, and restoring either file again changes nothing.
    await typeInto(A.page, valueField('2.1'), '2');
    await saved(A.page);
    await A.page.reload();
    await A.page.waitForSelector('[data-section]');
    assert.deepEqual(await shown(A.page), ['11', '2', '403']);
    await backToList(A.page);
    assert.deepEqual(await restore(A.page, fromB), ['kept']);
    assert.deepEqual(await restore(A.page, fromA), ['kept']);
    await A.context.close();
    await B.context.close();
  });

  test('three browsers, each with its own edit, end with all three', async () => {
    const { A, B, id, first } = await twoBrowsers();
    const C = await openApp(suite.browser, suite.server.url);
    await restore(C.page, first);
    await edit(A.page, id, '1.1.1', ['12']);
    await edit(B.page, id, '2.1', ['5']);
    await edit(C.page, id, '3.3.1', ['300']);
    const [a, b, c] = [await backUp(A.page), await backUp(B.page), await backUp(C.page)];
    // B gets A's; C gets B's (which now holds A's); A gets C's.
    await restore(B.page, a);
    const b2 = await backUp(B.page);
    await restore(C.page, b2);
    const c2 = await backUp(C.page);
    await restore(A.page, c2);
    for (const browser of [A, C]) {
      await openDraft(browser.page, id);
      assert.deepEqual(await shown(browser.page), ['12', '5', '300']);
    }
    await restore(B.page, c);
    await openDraft(B.page, id);
    assert.deepEqual(await shown(B.page), ['12', '5', '300']);
    assert.equal(await B.page.$('[data-conflict]'), null, 'no question where only one side changed a field');
    void b;
    for (const browser of [A, B, C]) await browser.context.close();
  });
});

describe("a colleague's file", () => {
  /** The clerk's draft, and the copy made for the officer, filled on the officer's laptop. */
  async function officerCopy(officerValues) {
    const clerk = await openApp(suite.browser, suite.server.url);
    await newDraft(clerk.page, 'xa-01b');
    await typeInto(clerk.page, headerField('unit'), 'UBND xã Hoằng Trường');
    await typeInto(clerk.page, valueField('1.1.1'), '5');
    await saved(clerk.page);
    await clerk.page.fill('[data-field="author"]', 'Bản cho công chức tư pháp');
    const [copy] = await Promise.all([clerk.page.waitForEvent('download'), clerk.page.click('[data-action="copy-for-colleague"]')]);
    assert.match(copy.suggestedFilename(), /ban-cho-cong-chuc-tu-phap\.json$/);
    const officer = await openApp(suite.browser, suite.server.url);
    await officer.page.setInputFiles('[data-action="import"]', await copy.path());
    await officer.page.waitForSelector('[data-section]');
    for (const [code, value] of officerValues) await typeInto(officer.page, code, value);
    await saved(officer.page);
    const [back] = await Promise.all([officer.page.waitForEvent('download'), officer.page.click('[data-action="export-json"]')]);
    const file = { name: back.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await back.path()) };
    await officer.context.close();
    return { clerk, file };
  }

  test("the officer's figures arrive and the clerk's later edits stay", async () => {
    const { clerk, file } = await officerCopy([[valueField('2.1'), '3'], [noteField('2.1'), 'theo sổ tư pháp']]);
    const page = clerk.page;
    await typeInto(page, valueField('3.3.1'), '450');
    await saved(page);
    await page.setInputFiles('[data-action="merge-file"]', file);
    const report = await page.waitForSelector('[data-merge-report]');
    const text = await report.textContent();
    assert.match(text, /đã gộp «Bản cho công chức tư pháp»: \d+ mục lấy từ tệp/);
    assert.match(text, /2\.1 /);
    assert.match(text, /Ghi chú 2\.1/);
    await page.waitForFunction(() => document.querySelector('[data-code="2.1"]').value === '3');
    assert.deepEqual(await shown(page), ['5', '3', '450']);
    assert.equal(await page.inputValue(noteField('2.1')), 'theo sổ tư pháp');
    // Next: type, reload.
    await typeInto(page, valueField('3.3.2'), '440');
    await saved(page);
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.deepEqual(await shown(page), ['5', '3', '450']);
    assert.equal(await page.inputValue(valueField('3.3.2')), '440');
    // The same file again changes nothing.
    await page.setInputFiles('[data-action="merge-file"]', file);
    assert.match(await (await page.waitForSelector('[data-merge-report]')).textContent(), /không đổi gì/);
    await clerk.context.close();
  });

  test('a figure both changed waits at its field; keep this, then take the other, each kept over a reload', async () => {
    const { clerk, file } = await officerCopy([[valueField('3.3.1'), '500'], [valueField('1.1.1'), '6']]);
    const page = clerk.page;
    await typeInto(page, valueField('3.3.1'), '450');
    await typeInto(page, valueField('1.1.1'), '7');
    await saved(page);
    await page.setInputFiles('[data-action="merge-file"]', file);
    await page.waitForSelector('[data-conflict="3.3.1"]');
    await page.waitForSelector('[data-conflict="1.1.1"]');
    assert.equal(await page.inputValue(valueField('3.3.1')), '450', "this browser's value stays shown");
    assert.equal(await page.getAttribute('[data-conflicts]', 'data-conflicts'), '2');
    // Exports list the open conflicts first.
    await page.click('[data-action="export-xlsx"]');
    assert.equal(await page.getAttribute('[data-export-conflicts]', 'data-export-conflicts'), '2');
    await page.click('[data-export-confirm] [data-action="cancel"]');
    // Saving goes on meanwhile.
    await typeInto(page, valueField('3.3.2'), '440');
    await saved(page);

    await page.click('[data-conflict="3.3.1"] [data-action="keep-this"]');
    await page.waitForSelector('[data-conflict="3.3.1"]', { state: 'detached' });
    await page.click('[data-conflict="1.1.1"] [data-action="take-other"]');
    await page.waitForSelector('[data-conflict="1.1.1"]', { state: 'detached' });
    assert.deepEqual([await page.inputValue(valueField('3.3.1')), await page.inputValue(valueField('1.1.1'))], ['450', '6']);
    await saved(page);
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.deepEqual([await page.inputValue(valueField('3.3.1')), await page.inputValue(valueField('1.1.1'))], ['450', '6']);
    assert.equal(await page.inputValue(valueField('3.3.2')), '440');
    assert.equal(await page.$('[data-conflict]'), null);
    // The officer's file once more: the choices stand.
    await page.setInputFiles('[data-action="merge-file"]', file);
    await page.waitForSelector('[data-merge-report]');
    assert.equal(await page.$('[data-conflict]'), null, 'a settled conflict does not come back');
    // Another tab sees the same.
    const other = await clerk.context.newPage();
    await other.goto(page.url());
    await other.waitForSelector('[data-section]');
    assert.deepEqual([await other.inputValue(valueField('3.3.1')), await other.inputValue(valueField('1.1.1'))], ['450', '6']);
    await clerk.context.close();
  });
});

describe('storage', () => {
  test('past 4 MB of drafts, the list says how much they take', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    assert.equal(await page.$('[data-storage-total]'), null, 'nothing said for a few drafts');
    await page.evaluate(() => {
      const draft = {
        kind: 'bieumau-cchc/draft', format: 1, app_version: '0.1.0', id: 'lon', name: 'Bản nháp lớn', created_at: 1, updated_at: 2, revision: 1,
        report: { template_id: 'xa-01b', template_version: 1, header: { unit: 'UBND xã A', year: '2025' }, values: {}, notes: { '3.3.1': 'x'.repeat(4_300_000) } },
      };
      localStorage.setItem('bieumau.v1.draft.lon', JSON.stringify(draft));
    });
    await page.reload();
    const total = await page.waitForSelector('[data-storage-total]');
    assert.ok(Number(await total.getAttribute('data-storage-total')) > 4 * 1024 * 1024);
    assert.match(await total.textContent(), /^Các bản nháp đang chiếm 4,1 MB bộ nhớ của trình duyệt/);
    await context.close();
  });
});
