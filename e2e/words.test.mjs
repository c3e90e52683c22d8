// End-to-end: the words of a new report before its year is typed. The
// subject and the opening sentence read «năm …» (a gap to fill), never
// «năm năm …»; once the year is typed they read «năm 2023».
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, newDraft, typeInto, headerField, setUpSuite } from './support/browser.mjs';

const suite = setUpSuite();

const pageText = (page) => page.evaluate(() => document.body.innerText);

describe('words before the year', () => {
  test('a new annual report reads «năm …», never «năm năm», until its year is typed', async () => {
    const { page, context } = await openApp(suite.browser, suite.server.url);
    await newDraft(page, 'xa-01b');
    await page.waitForFunction(() => document.body.innerText.includes('cải cách hành chính năm …'));
    assert.doesNotMatch(await pageText(page), /năm\s+năm/);
    await typeInto(page, headerField('year'), '2023');
    await page.waitForFunction(() => document.body.innerText.includes('cải cách hành chính năm 2023'));
    assert.doesNotMatch(await pageText(page), /năm\s+năm/);
    await context.close();
  });
});
