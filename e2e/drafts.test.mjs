// End-to-end: drafts survive reloads, closed tabs, storage faults and a
// second tab, in headless Chromium against the built dist/.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, newDraft, typeInto, valueField, noteField, headerField, shownIssues, setUpSuite, watch, reloadInDraft } from './support/browser.mjs';

const seed = JSON.parse(readFileSync(new URL('../tests/fixtures/hoang-truong-2023.json', import.meta.url)));
const suite = setUpSuite();

/** A page whose errors fail the test. */
const watched = (page) => { watch(page); return page; };

const HEADER = { ...seed.header, number: '15', date: '05/01/2024' };
const NOTES = { '3.3.1': 'Theo phần mềm một cửa', '1.1': 'Kế hoạch số 01/KH-UBND', '3.4.3': 'Số hồ sơ, không phải thủ tục' };

async function fillSeed(page) {
  for (const [name, value] of Object.entries(HEADER)) {
    if (name === 'period') await page.selectOption(headerField('period'), value);
    else await typeInto(page, headerField(name), value);
  }
  for (const [code, value] of Object.entries(seed.values)) await typeInto(page, valueField(code), value);
  for (const [code, note] of Object.entries(NOTES)) await typeInto(page, noteField(code), note);
}

async function expectSeed(page) {
  for (const [name, value] of Object.entries(HEADER)) {
    assert.equal(await page.inputValue(headerField(name)), value, `header ${name}`);
  }
  for (const [code, value] of Object.entries(seed.values)) {
    const shown = seed.shown_after_leaving[code] ?? value.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    assert.equal(await page.inputValue(valueField(code)), shown, `value ${code}`);
  }
  for (const [code, note] of Object.entries(NOTES)) assert.equal(await page.inputValue(noteField(code)), note, `note ${code}`);
  assert.deepEqual(await shownIssues(page), seed.issues);
}

async function openFirstDraft(page) {
  await page.waitForSelector('[data-draft-id]');
  await page.click('[data-draft-id] [data-action="open-draft"]');
  await page.waitForSelector('[data-section]');
}

describe('autosave', () => {
  test('type, reload at once: every value, note and header field is back', async () => {
    const { page, context, errors } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await fillSeed(page);
    // The very last keystroke, then reload with no pause at all.
    await page.click(valueField('7.5.1'));
    await page.keyboard.type('12');
    await reloadInDraft(page);
    await expectSeed(page);
    assert.equal(await page.inputValue(valueField('7.5.1')), '12');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('close the tab within a second of typing, reopen: everything is there', async () => {
    const context = await suite.browser.newContext();
    let page = watched(await context.newPage());
    await page.goto(suite.server.url);
    await newDraft(page, 'xa-01b');
    await page.click(valueField('3.3.1'));
    await page.keyboard.type('1603');
    await page.click(noteField('3.3.1'));
    await page.keyboard.type('ghi chú cuối');
    await page.close({ runBeforeUnload: true });
    page = watched(await context.newPage());
    await page.goto(suite.server.url);
    await openFirstDraft(page);
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    assert.equal(await page.inputValue(noteField('3.3.1')), 'ghi chú cuối');
    await context.close();
  });

  test('the save indicator says when the draft was saved', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    assert.equal(await page.getAttribute('[data-save-state]', 'data-save-state'), 'unchanged');
    await page.click(valueField('1.1.1'));
    await page.keyboard.type('5');
    await page.waitForSelector('[data-save-state="saved"]', { timeout: 1000 });
    assert.match(await page.textContent('[data-save-state]'), /^Đã lưu lúc \d\d:\d\d$/);
    await context.close();
  });
});

describe('the list of drafts', () => {
  test('shows template, unit, period, year, last edit, completion and counts; rename, copy to the next period, delete and undo', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await fillSeed(page);
    await page.click('[data-action="back"]');
    const entry = page.locator('[data-draft-id]').first();
    const text = await entry.textContent();
    assert.match(text, /ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG — Năm 2023/);
    assert.match(text, /Phụ lục 01b — Thống kê CCHC cấp xã · Năm 2023 · sửa lần cuối \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    assert.match(text, /Đã điền 43\/63 chỉ tiêu · 0 lỗi · 2 cảnh báo/);

    await entry.locator('[data-action="rename-draft"]').click();
    await page.fill('[data-rename]', 'Báo cáo năm 2023 — bản gửi huyện');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Báo cáo năm 2023 — bản gửi huyện');

    await page.locator('[data-draft-id]').first().locator('[data-action="duplicate-draft"]').click();
    assert.match(await page.textContent('[data-draft-message]'), /Đã tạo bản sao cho kỳ Quý I năm 2024: giữ phần đầu báo cáo, người ký, nơi nhận, số liệu và ghi chú; xóa số và ngày văn bản/);
    assert.equal(await page.locator('[data-draft-id]').count(), 2);
    const copy = page.locator('[data-draft-id]', { hasText: 'Quý I năm 2024' });
    await copy.locator('[data-action="open-draft"]').click();
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    assert.equal(await page.inputValue(headerField('number')), '');
    assert.equal(await page.inputValue(headerField('period')), 'quy-1');
    await page.click('[data-action="back"]');

    const copyId = await copy.getAttribute('data-draft-id');
    await copy.locator('[data-action="delete-draft"]').click();
    assert.equal(await page.locator('[data-draft-id]').count(), 1);
    assert.equal(await page.$(`[data-draft-id="${copyId}"]`), null, 'the copy is the one deleted');
    await page.click('[data-action="undo-delete"]');
    assert.equal(await page.locator('[data-draft-id]').count(), 2);
    const restored = page.locator(`[data-draft-id="${copyId}"]`);
    assert.match(await restored.textContent(), /Quý I năm 2024 .*Đã điền 43\/63 chỉ tiêu/s);
    await restored.locator('[data-action="open-draft"]').click();
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603', 'restored with its figures');
    await context.close();
  });
});

describe('a newer template version', () => {
  test('values of unchanged codes carry over; values whose code is gone are kept and shown', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await page.evaluate(() => {
      const draft = {
        kind: 'bieumau-cchc/draft', format: 1, app_version: '0.0.9', id: 'cu', name: 'Bản nháp cũ', created_at: 1, updated_at: 2, revision: 3,
        report: {
          template_id: 'xa-01b', template_version: 0, header: { year: '2023' },
          values: { '3.3.1': '1.603', '3.3.4': '77' }, notes: { '3.3.4': 'chỉ tiêu cũ' },
        },
      };
      localStorage.setItem('bieumau.v1.draft.cu', JSON.stringify(draft));
    });
    await page.reload();
    await page.click('[data-draft-id="cu"] [data-action="open-draft"]');
    assert.match(await page.textContent('[data-notice]'), /Biểu mẫu đã đổi từ phiên bản 0 sang 1: 1 mục không còn trong biểu mẫu \(3\.3\.4\) được giữ lại ở cuối trang\./);
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    assert.match(await page.textContent('[data-orphan="3.3.4"]'), /3\.3\.4: 77 \(ghi chú: chỉ tiêu cũ\) — không còn trong biểu mẫu/);
    // Editing and saving never drops the kept value.
    await typeInto(page, valueField('3.3.2'), '1588');
    await page.waitForSelector('[data-save-state="saved"]');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('bieumau.v1.draft.cu')).report);
    assert.equal(stored.template_version, 1);
    assert.equal(stored.values['3.3.4'], '77');
    assert.equal(stored.notes['3.3.4'], 'chỉ tiêu cũ');
    assert.equal(stored.values['3.3.2'], '1.588');
    await context.close();
  });
});

describe('storage faults', () => {
  test('a corrupt entry is quarantined, offered for download, and every other draft still opens', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, valueField('3.3.1'), '1603');
    await page.click('[data-action="back"]');
    await page.evaluate(() => localStorage.setItem('bieumau.v1.draft.hong', '{"kind":"bieumau-cchc/draft","format":1,"id":"hong","report":'));
    await page.reload();
    const banner = await page.waitForSelector('[data-quarantined]');
    assert.match(await banner.textContent(), /không đọc được/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-quarantined"]')]);
    assert.equal(readFileSync(await download.path(), 'utf8'), '{"kind":"bieumau-cchc/draft","format":1,"id":"hong","report":');
    assert.equal(await page.locator('[data-draft-id]').count(), 1);
    await openFirstDraft(page);
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    await context.close();
  });

  test('storage unavailable: the app works in memory, a banner says so and offers the file', async () => {
    const context = await suite.browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    const page = watched(await context.newPage());
    await page.goto(suite.server.url);
    await page.waitForSelector('[data-storage-state="unavailable"]');
    await newDraft(page, 'xa-01b');
    await page.waitForSelector('[data-storage-banner="unavailable"]');
    await typeInto(page, valueField('3.3.1'), '1603');
    assert.equal(await page.getAttribute('[data-save-state]', 'data-save-state'), 'memory');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-storage-banner="unavailable"] [data-action="export-json"]')]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.report.values['3.3.1'], '1.603');
    assert.match(download.suggestedFilename(), /^xa-01b_nam\.json$/);
    await context.close();
  });

  test('storage full: a clear message, the work stays on screen, old drafts can be deleted and the save goes through', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await typeInto(page, valueField('1.1.1'), '5');
    await page.click('[data-action="back"]');
    await newDraft(page, 'xa-01b');
    await page.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      window.__full = true;
      Storage.prototype.setItem = function (key, value) {
        if (window.__full && key.startsWith('bieumau.v1.draft.')) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
      Storage.prototype.removeItem = new Proxy(Storage.prototype.removeItem, {
        apply(target, self, args) { window.__full = false; return Reflect.apply(target, self, args); },
      });
    });
    await typeInto(page, valueField('3.3.1'), '1603');
    const banner = await page.waitForSelector('[data-storage-banner="full"]');
    assert.match(await banner.textContent(), /Bộ nhớ lưu trữ của trình duyệt đã đầy/);
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    await page.click('[data-storage-banner="full"] [data-action="delete-draft"]');
    await page.waitForSelector('[data-save-state="saved"]');
    await reloadInDraft(page);
    assert.equal(await page.inputValue(valueField('3.3.1')), '1.603');
    await context.close();
  });
});

describe('two tabs', () => {
  test("each tab shows the other's saves at once and goes on saving", async () => {
    const context = await suite.browser.newContext({ acceptDownloads: true });
    const a = watched(await context.newPage());
    await a.goto(suite.server.url);
    await newDraft(a, 'xa-01b');
    await typeInto(a, valueField('1.1.1'), '10');
    await a.waitForSelector('[data-save-state="saved"]');
    const b = watched(await context.newPage());
    await b.goto(suite.server.url);
    await openFirstDraft(b);
    assert.equal(await b.inputValue(valueField('1.1.1')), '10');

    await typeInto(a, valueField('1.1.2'), '7');
    await a.waitForSelector('[data-save-state="saved"]');
    // B merges A's save through the storage event: the field shows it.
    await b.waitForFunction(() => document.querySelector('[data-code="1.1.2"]').value === '7');
    await typeInto(b, valueField('1.1.3'), '3');
    await b.waitForSelector('[data-save-state="saved"]');
    await a.waitForFunction(() => document.querySelector('[data-code="1.1.3"]').value === '3');
    const stored = await a.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('bieumau.v1.draft.'));
      return JSON.parse(localStorage.getItem(key)).report.values;
    });
    assert.deepEqual([stored['1.1.1'], stored['1.1.2'], stored['1.1.3']], ['10', '7', '3']);
    assert.equal(await a.$('[data-conflict]'), null);
    assert.equal(await b.$('[data-conflict]'), null);
    await context.close();
  });
});

describe('persistent storage', () => {
  // The browser's answers are stubbed before the app loads: headless
  // Chromium's own answer depends on the profile, and a test that asserts
  // whatever it is cannot fail. `navigator.storage.persisted()` says whether
  // the site already has it; `persist()` asks for it. Each call is recorded.
  const GRANTED = 'Trình duyệt đã nhận giữ các bản nháp lâu dài, kể cả khi máy thiếu chỗ.';
  const REFUSED = 'Trình duyệt chưa nhận giữ bản nháp lâu dài: khi máy thiếu chỗ hoặc khi xóa dữ liệu duyệt web, bản nháp có thể mất. Hãy tải tệp .json của báo cáo quan trọng để giữ.';
  const stub = (answers) => (page) => page.addInitScript(({ persisted, persist }) => {
    window.__storageCalls = [];
    navigator.storage.persisted = () => { window.__storageCalls.push('persisted'); return Promise.resolve(persisted); };
    navigator.storage.persist = () => { window.__storageCalls.push('persist'); return Promise.resolve(persist); };
  }, answers);

  /** The start screen before and after a draft is kept: what is shown, and what the browser was asked. */
  async function answerShown(answers) {
    const { page, context } = await openApp(suite.browser, suite.server.url, { beforeLoad: stub(answers) });
    try {
      await page.waitForSelector('.start-screen');
      assert.equal(await page.$('[data-storage-persisted]'), null, 'nothing shown before there is a draft');
      assert.deepEqual(await page.evaluate(() => window.__storageCalls), [], 'nothing asked before there is a draft');
      await newDraft(page, 'xa-01b');
      await typeInto(page, valueField('1.1.1'), '10');
      await page.click('[data-action="back"]');
      const shown = await page.waitForSelector('[data-storage-persisted]');
      return {
        attribute: await shown.getAttribute('data-storage-persisted'),
        text: (await shown.textContent()).trim(),
        calls: await page.evaluate(() => window.__storageCalls),
      };
    } finally {
      await context.close();
    }
  }

  test('storage already kept (persisted() is true): the list says the drafts are kept, and nothing more is asked', async () => {
    const { attribute, text, calls } = await answerShown({ persisted: true, persist: true });
    assert.equal(attribute, 'true');
    assert.equal(text, GRANTED);
    assert.deepEqual(calls, ['persisted']);
  });

  test('storage not kept and the browser refuses (persisted() and persist() false): the list says so and tells the clerk to download the .json', async () => {
    const { attribute, text, calls } = await answerShown({ persisted: false, persist: false });
    assert.equal(attribute, 'false');
    assert.equal(text, REFUSED);
    assert.deepEqual(calls, ['persisted', 'persist'], 'the browser was asked');
  });

  test('storage not kept yet and the browser grants it when asked (persist() true): the list says the drafts are kept', async () => {
    const { attribute, text, calls } = await answerShown({ persisted: false, persist: true });
    assert.equal(attribute, 'true');
    assert.equal(text, GRANTED);
    assert.deepEqual(calls, ['persisted', 'persist'], 'the browser was asked');
  });
});
