// Templates kept and listed (issue 34, item 5): a template loaded from a
// file stays after a reload, its card says where it came from and which
// version it is, and «Gỡ biểu mẫu» asks first when drafts use it. The
// drafts stay, and say why they do not open.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, newDraft, typeInto, valueField, setUpSuite } from './support/browser.mjs';

const suite = setUpSuite();
const xa01b = JSON.parse(readFileSync(new URL('../templates/xa-01b.json', import.meta.url)));

/** The province's own form: the commune's annex under another id, at version 2. */
function provinceTemplate() {
  const variant = structuredClone(xa01b);
  variant.id = 'bieu-rieng-cua-tinh';
  variant.name = 'Phụ lục 01b — mẫu riêng của tỉnh';
  variant.version = 2;
  return variant;
}

const card = (id) => `.template-card:has([data-action="new-draft"][data-template="${id}"])`;

async function loadTemplate(page, template, name) {
  await page.setInputFiles('[data-action="load-template"]', {
    name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)),
  });
}

describe('templates kept and listed', () => {
  test('a loaded template stays with its origin and version; removing it asks, naming its draft, which stays', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    // A second tab of the same browser follows the first's templates.
    const other = await context.newPage();
    await other.goto(suite.server.url);
    await other.waitForSelector('[data-action="new-draft"]');

    assert.equal(await page.textContent(`${card('xa-01b')} [data-template-origin]`), 'Có sẵn trong ứng dụng');
    await loadTemplate(page, provinceTemplate(), 'bieu tinh.json');
    const loaded = await page.waitForSelector('.open-files .banner.ok');
    assert.equal(await loaded.textContent(), 'Đã mở biểu mẫu «Phụ lục 01b — mẫu riêng của tỉnh» (phiên bản 2).');
    const origin = `${card('bieu-rieng-cua-tinh')} [data-template-origin="file"]`;
    assert.match(await page.textContent(origin), /^Mở từ tệp «bieu tinh\.json» ngày \d\d\/\d\d\/20\d\d$/);
    assert.match(await page.textContent(`${card('bieu-rieng-cua-tinh')} .meta`), /phiên bản 2$/);
    assert.equal(await page.$(`${card('xa-01b')} [data-action="remove-template"]`), null, 'a built-in template is not removed');
    await other.waitForSelector(origin);

    await page.reload();
    await page.waitForSelector('[data-action="new-draft"]');
    assert.match(await page.textContent(origin), /^Mở từ tệp «bieu tinh\.json» ngày /);

    await newDraft(page, 'bieu-rieng-cua-tinh');
    await typeInto(page, valueField('1.1.1'), '12');
    await page.waitForSelector('[data-save-state="saved"]');
    await page.click('[data-action="back"]');
    await page.waitForSelector('[data-draft-id]');

    const remove = `${card('bieu-rieng-cua-tinh')} [data-action="remove-template"][data-template="bieu-rieng-cua-tinh"]`;
    await page.click(remove);
    const question = page.locator('[data-remove-template="bieu-rieng-cua-tinh"]');
    assert.equal(await question.getAttribute('data-template-drafts'), '1');
    assert.match(await question.textContent(), /^Có 1 bản nháp đang dùng biểu mẫu «Phụ lục 01b — mẫu riêng của tỉnh»\. Gỡ biểu mẫu thì bản nháp đó vẫn được giữ nhưng không mở được cho đến khi biểu mẫu này được mở lại từ tệp\. Vẫn gỡ\?/);
    await question.locator('[data-action="cancel"]').click();
    await page.waitForSelector(remove);
    assert.equal(await question.count(), 0);
    assert.ok(await page.$(card('bieu-rieng-cua-tinh')), 'cancel keeps it');

    await page.click(remove);
    await question.locator('[data-action="confirm"]').click();
    await page.waitForSelector(card('bieu-rieng-cua-tinh'), { state: 'detached' });
    await other.waitForSelector(card('bieu-rieng-cua-tinh'), { state: 'detached' });

    await page.reload();
    await page.waitForSelector('[data-draft-id]');
    assert.equal(await page.$(card('bieu-rieng-cua-tinh')), null, 'gone after a reload');
    const draft = page.locator('[data-draft-id]');
    assert.equal(await draft.count(), 1, 'the draft stays');
    assert.match(await draft.locator('.draft-meta').textContent(), /Biểu mẫu «bieu-rieng-cua-tinh» \(chưa có trong ứng dụng\)/);
    await draft.locator('[data-action="open-draft"]').click();
    assert.equal(
      await page.textContent('[data-draft-message]'),
      'Không có biểu mẫu «bieu-rieng-cua-tinh» để mở bản nháp này. Hãy mở tệp biểu mẫu đó trước.',
    );

    // Loaded again, the draft opens with its figure.
    await loadTemplate(page, provinceTemplate(), 'bieu tinh.json');
    await page.waitForSelector(card('bieu-rieng-cua-tinh'));
    await draft.locator('[data-action="open-draft"]').click();
    await page.waitForSelector('[data-section]');
    assert.equal(await page.inputValue(valueField('1.1.1')), '12');
    await context.close();
  });

  test('a template no draft uses is removed after one question, and a same-version copy of a built-in one is refused', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await loadTemplate(page, provinceTemplate(), 'tinh.json');
    await page.waitForSelector(card('bieu-rieng-cua-tinh'));
    // A corrected file of the same version replaces the one loaded before.
    const corrected = provinceTemplate();
    corrected.name = 'Phụ lục 01b — mẫu riêng của tỉnh (sửa)';
    await loadTemplate(page, corrected, 'tinh-sua.json');
    await page.waitForFunction(() => document.querySelector('.open-files .banner.ok')?.textContent.includes('(sửa)'));
    assert.equal(await page.textContent('.open-files .banner.ok'), 'Đã mở lại biểu mẫu «Phụ lục 01b — mẫu riêng của tỉnh (sửa)» (phiên bản 2).');
    assert.equal(await page.textContent(`${card('bieu-rieng-cua-tinh')} h3`), corrected.name);
    assert.match(await page.textContent(`${card('bieu-rieng-cua-tinh')} [data-template-origin]`), /^Mở từ tệp «tinh-sua\.json» ngày /);
    assert.equal(await page.locator(card('bieu-rieng-cua-tinh')).count(), 1);
    await page.click(`${card('bieu-rieng-cua-tinh')} [data-action="remove-template"]`);
    const question = page.locator('[data-remove-template="bieu-rieng-cua-tinh"]');
    assert.equal(await question.getAttribute('data-template-drafts'), '0');
    assert.match(await question.textContent(), /^Gỡ biểu mẫu «Phụ lục 01b — mẫu riêng của tỉnh \(sửa\)» khỏi trình duyệt này\? Muốn dùng lại thì mở lại tệp biểu mẫu\./);
    await question.locator('[data-action="confirm"]').click();
    await page.waitForSelector(card('bieu-rieng-cua-tinh'), { state: 'detached' });
    await page.reload();
    await page.waitForSelector('[data-action="new-draft"]');
    assert.equal(await page.$(card('bieu-rieng-cua-tinh')), null);

    // The built-in xa-01b changed without a new version: refused, the app's own kept.
    const edited = structuredClone(xa01b);
    edited.name = 'Phụ lục 01b (sửa)';
    await loadTemplate(page, edited, 'xa-sua.json');
    const error = await page.waitForSelector('[data-template-error]');
    assert.match(await error.textContent(), /phiên bản 1 đã có sẵn trong ứng dụng, với nội dung khác tệp này\. Nếu đây là bản sửa đổi, hãy tăng số phiên bản trong tệp \("version": 2\)/);
    assert.equal(await page.textContent(`${card('xa-01b')} [data-template-origin]`), 'Có sẵn trong ứng dụng');
    // At version 2 it replaces the built-in one, in its place, and removing it brings that back.
    edited.version = 2;
    await loadTemplate(page, edited, 'xa-sua.json');
    await page.waitForSelector(`${card('xa-01b')} [data-template-origin="file"]`);
    assert.equal(await page.locator('.template-card h3').first().textContent(), 'Phụ lục 01b (sửa)');
    await page.reload();
    await page.waitForSelector(`${card('xa-01b')} [data-template-origin="file"]`);
    await page.click(`${card('xa-01b')} [data-action="remove-template"]`);
    assert.match(await page.textContent('[data-remove-template="xa-01b"]'), /Ứng dụng sẽ dùng lại biểu mẫu có sẵn \(phiên bản 1\)\./);
    await page.click('[data-remove-template="xa-01b"] [data-action="confirm"]');
    await page.waitForSelector(`${card('xa-01b')} [data-template-origin="built-in"]`);
    assert.equal(await page.locator('.template-card h3').first().textContent(), xa01b.name);
    await context.close();
  });
});
