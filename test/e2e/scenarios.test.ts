/**
 * Scenarios across versions (issue 16, item 5), in a real browser: with "alle versies" the panel runs the
 * scenarios of every version, so a changed 2019 tariff cell that later versions inherit fails their scenarios too;
 * a failed amount names the cell it comes from, with its value as saved and now. Its own page, server and copy of
 * rules/ (test/e2e/harness.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  openBrowser,
  openPage,
  screenshot,
  selectInLine,
  type EditorSession,
  type TestBrowser,
} from './harness.js';

let browser: TestBrowser;
let s: EditorSession;
const WAIT = { timeout: 60_000, interval: 200 };
const CELL_ROW = '^\\s*ontwikkelen\\s+OB2\\s+71,80';

beforeAll(async () => {
  browser = await openBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // Adopted versions are read-only in the editor (issue 12): this test edits 2019, so it is a draft here.
  s = await openPage(browser, true, { drafts: ['twents-model/2019.regels'] });
}, 180_000);

afterEach(async () => {
  await s?.close();
});

describe("scenario's van alle versies", () => {
  it('shows later versions failing on a 2019 change, with the cell the difference comes from', async () => {
    const { page } = s;
    await page.waitForSelector('[data-testid="scenario-summary"]', { timeout: 60_000 });
    await page.check('[data-testid="scenarios-all"]');
    await expect
      .poll(() => page.textContent('[data-testid="scenario-summary"]'), WAIT)
      .toMatch(/in alle versies: \d+ geslaagd, 0 mislukt/);
    const versions = await page.$$eval('.scenarios section[data-version]', (els) =>
      els.map((e) => e.getAttribute('data-version')),
    );
    expect(versions).toEqual(expect.arrayContaining(['2019', '2020', '2022']));

    // midden/B of ontwikkelen OB2 in 2019: 136,20 → 999,00.
    await selectInLine(page, CELL_ROW, '136,20');
    await page.keyboard.type('999,00');
    const failingIn = () =>
      page.$$eval('.scenarios section[data-version]', (els) =>
        els.filter((e) => e.querySelector('li.fail') !== null).map((e) => e.getAttribute('data-version')),
      );
    await expect.poll(failingIn, WAIT).toEqual(expect.arrayContaining(['2019', '2020']));
    expect((await failingIn()).length).toBeGreaterThan(2);
    // The failed amount in 2019 names the cell, as saved and now.
    const origins = await page
      .locator('section[data-version="2019"] [data-testid="scenario-origins"]')
      .first()
      .innerText();
    expect(origins).toMatch(/gewijzigd tegenover de opgeslagen regels/);
    expect(origins).toMatch(
      /weektarief\[ontwikkelen, OB2, midden, B\] € 136,20 per week → € 999,00 per week/,
    );
    await screenshot(page, 'scenarios-alle-versies');
    // A click on the cell jumps to it.
    await page
      .locator('section[data-version="2019"] [data-origin="weektarief[ontwikkelen, OB2, midden, B]"]')
      .first()
      .click();
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const r = window.regelwerk;
            const sel = r?.editor.getSelection();
            return sel ? (r?.editor.getModel()?.getValueInRange(sel) ?? '') : '';
          }),
        WAIT,
      )
      .toBe('999,00');
  });
});
