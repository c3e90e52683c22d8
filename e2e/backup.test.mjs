// End-to-end: "Sao lưu tất cả" and "Khôi phục" in headless Chromium against
// the built dist/: every draft in one file, restored draft by draft on this
// browser and on another, and the reminder after 7 days.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, newDraft, typeInto, valueField, headerField, setUpSuite } from './support/browser.mjs';

const suite = setUpSuite();
const xa01b = JSON.parse(readFileSync(new URL('../templates/xa-01b.json', import.meta.url)));
const DAY = 86_400_000;

/** A new xa-01b draft of commune `unit` with 3.3.1 typed, saved, and back to the list; its id. */
async function draftOf(page, unit, value) {
  await newDraft(page, 'xa-01b');
  await typeInto(page, headerField('unit'), unit);
  await typeInto(page, valueField('3.3.1'), value);
  await page.waitForSelector('[data-save-state="saved"]');
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/ban-nhap/', ''));
  await page.click('[data-action="back"]');
  await page.waitForSelector(`[data-draft-id="${id}"]`);
  return id;
}

async function openDraft(page, id) {
  await page.click(`[data-draft-id="${id}"] [data-action="open-draft"]`);
  await page.waitForSelector('[data-section]');
}

/** Clicks "Sao lưu tất cả"; the downloaded file's name and parsed content. */
async function backUp(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="backup-all"]')]);
  return { name: download.suggestedFilename(), file: JSON.parse(readFileSync(await download.path(), 'utf8')) };
}

async function restore(page, file, name = 'sao-luu.json') {
  await page.setInputFiles('[data-action="restore"]', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('[data-restore-report]');
}

/** Each restored draft's outcome, by id. */
async function outcomes(page) {
  return Object.fromEntries(await page.$$eval('[data-restore-outcome]', (lines) =>
    lines.map((l) => [l.getAttribute('data-restore-id'), l.getAttribute('data-restore-outcome')])));
}

describe('backup and restore', () => {
  test('back up three drafts, delete one and change one, restore: each outcome, then a new browser gets every draft', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    assert.equal(await page.isDisabled('[data-action="backup-all"]'), true, 'nothing to back up yet');
    assert.equal(await page.textContent('[data-last-backup]'), 'Chưa sao lưu lần nào');
    const a = await draftOf(page, 'UBND xã An Phú', '100');
    const b = await draftOf(page, 'UBND xã Bình Minh', '200');
    const c = await draftOf(page, 'UBND xã Cát Tiên', '300');

    const { name, file } = await backUp(page);
    assert.match(name, /^sao-luu-ban-nhap_\d{4}-\d\d-\d\d\.json$/);
    assert.equal(file.kind, 'bieumau-cchc/backup');
    assert.deepEqual(file.drafts.map((d) => d.id).sort(), [a, b, c].sort());
    assert.deepEqual(file.drafts.map((d) => d.report.values['3.3.1']).sort(), ['100', '200', '300']);
    assert.match(await page.textContent('[data-backup-message]'), /^Đã tải tệp sao lưu 3 bản nháp\./);
    assert.match(await page.textContent('[data-last-backup]'), /^Sao lưu gần nhất: \d\d\/\d\d\/\d{4} \d\d:\d\d$/);

    // After the backup: a is deleted, b changed here.
    await page.click(`[data-draft-id="${a}"] [data-action="delete-draft"]`);
    await page.waitForSelector(`[data-draft-id="${a}"]`, { state: 'detached' });
    await openDraft(page, b);
    await typeInto(page, valueField('3.3.1'), '250');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.click('[data-action="back"]');

    await restore(page, file);
    assert.deepEqual(await outcomes(page), { [a]: 'added', [b]: 'kept', [c]: 'same' });
    const report = await page.textContent('[data-restore-report]');
    assert.match(report, /Khôi phục từ «sao-luu\.json» \(sao lưu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\)\. 3 bản nháp trong tệp: 1 khôi phục, 1 giữ bản trong trình duyệt, 1 không đổi\./);
    assert.match(report, /«UBND xã Bình Minh — Năm»: trình duyệt đã có mọi thay đổi trong tệp \(và mới hơn\), không đổi\./);
    await page.waitForSelector(`[data-draft-id="${a}"]`);
    await openDraft(page, a);
    assert.equal(await page.inputValue(valueField('3.3.1')), '100', 'the deleted draft is back with its figures');
    // The next thing a clerk does: type in it, and it saves and reloads.
    await typeInto(page, valueField('3.3.2'), '90');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('3.3.2')), '90');
    await page.click('[data-action="back"]');
    await openDraft(page, b);
    assert.equal(await page.inputValue(valueField('3.3.1')), '250', 'the newer copy in the browser is kept');
    await context.close();

    // Another browser: everything comes back, and opens.
    const other = await openApp(suite.browser, suite.server.url);
    await restore(other.page, file);
    assert.deepEqual(await outcomes(other.page), { [a]: 'added', [b]: 'added', [c]: 'added' });
    assert.equal(await other.page.locator('[data-draft-id]').count(), 3);
    await openDraft(other.page, c);
    assert.equal(await other.page.inputValue(valueField('3.3.1')), '300');
    assert.equal(await other.page.inputValue(headerField('unit')), 'UBND xã Cát Tiên');
    await other.context.close();
  });

  test('where both browsers changed one field, the restore merges the rest and the field waits for a choice, kept over a reload', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const d = await draftOf(page, 'UBND xã Đông Hòa', '400');
    const { file } = await backUp(page);
    // Another browser restores the backup and changes 3.3.1 and 1.1.1 there.
    const other = await openApp(suite.browser, suite.server.url);
    await restore(other.page, file);
    await openDraft(other.page, d);
    await typeInto(other.page, valueField('3.3.1'), '420');
    await typeInto(other.page, valueField('1.1.1'), '6');
    await other.page.waitForSelector('[data-save-state="saved"]');
    await other.page.click('[data-action="back"]');
    const { file: theirs } = await backUp(other.page);
    await other.context.close();
    // Here, 3.3.1 was changed too.
    await openDraft(page, d);
    await typeInto(page, valueField('3.3.1'), '410');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.click('[data-action="back"]');

    await restore(page, theirs);
    assert.deepEqual(await outcomes(page), { [d]: 'conflict' });
    assert.match(await page.textContent('[data-restore-outcome="conflict"]'),
      /^«UBND xã Đông Hòa — Năm»: đã gộp từng mục: 1 mục lấy từ tệp, 1 mục cả hai bên cùng sửa đang chờ bạn chọn/);
    await openDraft(page, d);
    assert.equal(await page.inputValue(valueField('1.1.1')), '6', "the other browser's edit arrived");
    assert.equal(await page.inputValue(valueField('3.3.1')), '410', "this browser's value stays shown");
    const choice = page.locator('[data-conflict="3.3.1"]');
    assert.match(await choice.textContent(), /Giữ bản này: 410.*Lấy bản kia: 420/);
    assert.equal(await page.getAttribute('[data-conflict-item="3.3.1"]', 'data-conflict-item'), '3.3.1');
    await choice.locator('[data-action="take-other"]').click();
    await page.waitForSelector('[data-conflict="3.3.1"]', { state: 'detached' });
    assert.equal(await page.inputValue(valueField('3.3.1')), '420');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.reload();
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('3.3.1')), '420');
    assert.equal(await page.$('[data-conflict]'), null, 'a choice made is not asked again');
    // The same file again changes nothing.
    await page.click('[data-action="back"]');
    await restore(page, theirs);
    assert.deepEqual(await outcomes(page), { [d]: 'same' });
    await context.close();
  });

  test("a draft of a province's template loaded at run time comes back on another browser with its template", async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const variant = structuredClone(xa01b);
    variant.id = 'xa-01b-tinh';
    variant.name = 'Phụ lục 01b — mẫu của tỉnh';
    variant.sections[0].rows.push({ code: '8', label: 'Chỉ tiêu riêng của tỉnh', unit: 'Văn bản', kind: 'count' });
    await page.setInputFiles('[data-action="load-template"]', {
      name: 'mau-tinh.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(variant)),
    });
    await newDraft(page, 'xa-01b-tinh');
    await typeInto(page, valueField('8'), '1234');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.click('[data-action="back"]');
    const { file } = await backUp(page);
    assert.equal(file.format, 2);
    // Each template with where it came from and when (format 2).
    assert.deepEqual(file.templates.map((t) => [JSON.parse(t.template).id, t.origin, t.file]), [['xa-01b-tinh', 'file', 'mau-tinh.json']]);
    assert.equal(file.templates[0].template, JSON.stringify(variant), 'the template\'s own text, as it came');
    await context.close();
    // Kept on 15/03/2026 in the first browser, say.
    file.templates[0].at = new Date(2026, 2, 15, 9).getTime();

    const other = await openApp(suite.browser, suite.server.url);
    assert.equal(await other.page.$('[data-template="xa-01b-tinh"]'), null);
    await restore(other.page, file);
    assert.match(await other.page.textContent('[data-restore-report]'), /Đã thêm biểu mẫu «Phụ lục 01b — mẫu của tỉnh»\. 1 bản nháp trong tệp: 1 khôi phục\./);
    await other.page.waitForSelector('[data-action="new-draft"][data-template="xa-01b-tinh"]');
    await other.page.click('[data-draft-id] [data-action="open-draft"]');
    await other.page.waitForSelector('[data-section]');
    assert.equal(await other.page.inputValue(valueField('8')), '1.234');
    // The template is kept: after a reload the draft still opens.
    await other.page.reload();
    await other.page.waitForSelector('[data-section]');
    assert.equal(await other.page.inputValue(valueField('8')), '1.234');
    // The card says where the template came from, not the backup's name.
    await other.page.click('[data-action="back"]');
    const origin = `.template-card:has([data-template="xa-01b-tinh"]) [data-template-origin="file"]`;
    assert.equal(await other.page.textContent(origin), 'Mở từ tệp «mau-tinh.json» ngày 15/03/2026');
    await other.context.close();

    // A backup of the older format (the templates' JSON alone) still
    // restores them, as opened from the backup file.
    const older = { ...file, format: 1, templates: file.templates.map((t) => JSON.parse(t.template)) };
    const third = await openApp(suite.browser, suite.server.url);
    await restore(third.page, older, 'sao-luu-cu.json');
    assert.match(await third.page.textContent('[data-restore-report]'), /Đã thêm biểu mẫu «Phụ lục 01b — mẫu của tỉnh»\. 1 bản nháp trong tệp: 1 khôi phục\./);
    assert.match(await third.page.textContent(origin), /^Mở từ tệp «sao-luu-cu\.json» ngày \d\d\/\d\d\/20\d\d$/);
    await third.context.close();
  });

  test('a file that is not a backup is refused and nothing changes; a draft file restores as one draft', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    const e = await draftOf(page, 'UBND xã Ea Kar', '5');
    await page.setInputFiles('[data-action="restore"]', { name: 'bieu-mau.json', mimeType: 'application/json', buffer: Buffer.from('{"id":"xa-01b","version":9}') });
    assert.equal(await page.textContent('[data-backup-message]'),
      '«bieu-mau.json»: Đây không phải tệp sao lưu của ứng dụng này (tệp do nút «Sao lưu tất cả» tải về).');
    assert.equal(await page.$('[data-restore-report]'), null);
    assert.equal(await page.locator('[data-draft-id]').count(), 1);
    const single = await page.evaluate((id) => JSON.parse(localStorage.getItem(`bieumau.v1.draft.${id}`)), e);
    single.id = 'tu-tep';
    await restore(page, single, 'mot-ban.json');
    assert.deepEqual(await outcomes(page), { 'tu-tep': 'added' });
    assert.equal(await page.locator('[data-draft-id]').count(), 2);
    await context.close();
  });

  test('the reminder: drafts changed since a backup more than 7 days ago; a backup puts it away for good', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await draftOf(page, 'UBND xã Gia Lộc', '7');
    assert.equal(await page.$('[data-backup-reminder]'), null, 'a new draft is no reason to nag');
    await page.evaluate((at) => localStorage.setItem('bieumau.v1.last-backup', String(at)), Date.now() - 8 * DAY);
    await page.reload();
    assert.match(await page.textContent('[data-backup-reminder]'),
      /^Lần sao lưu gần nhất đã cách đây 8 ngày, và 1 bản nháp đã thay đổi từ đó\. Hãy bấm «Sao lưu tất cả»/);
    await backUp(page);
    assert.equal(await page.$('[data-backup-reminder]'), null);
    await page.reload();
    await page.waitForSelector('[data-draft-id]');
    assert.equal(await page.$('[data-backup-reminder]'), null, 'the backup time is kept');
    await context.close();
  });
});
