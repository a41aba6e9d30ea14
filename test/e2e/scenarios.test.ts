/**
 * Scenarios across versions (issue 16, item 5), in a real browser: with "alle versies" the panel runs the
 * scenarios of every version, so a changed 2019 tariff cell that later versions inherit fails their scenarios too;
 * a failed amount names the cell it comes from, with its value as saved and now. Its own page, server and copy of
 * rules/ (test/e2e/harness.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pagePerTest, screenshot, selectInLine } from './harness.js';

const WAIT = { timeout: 60_000, interval: 200 };
/** Concepts 2023 (indexes 2022 by 1 %) and 2024 (on 2023), each with a scenario; vastgesteld versions are locked. */
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scenarios');

const session = pagePerTest({ rulesOverlay: FIXTURE });

describe("scenario's van alle versies", () => {
  it('shows later versions failing on a 2019 change, with the cell the difference comes from', async () => {
    const { page } = session();
    await page.waitForSelector('[data-testid="scenario-summary"]', { timeout: 60_000 });
    await page.check('[data-testid="scenarios-all"]');
    await expect
      .poll(() => page.textContent('[data-testid="scenario-summary"]'), WAIT)
      .toMatch(/in alle versies: \d+ geslaagd, 0 mislukt/);
    const versions = await page.$$eval('.scenarios section[data-version]', (els) =>
      els.map((e) => e.getAttribute('data-version')),
    );
    expect(versions).toEqual(expect.arrayContaining(['2019', '2020', '2022']));

    // The 2023 concept indexes by 2 % instead of 1 %: its scenario and that of 2024 (built on it) fail.
    await page.click('[data-pad="twents-model/2023.regels"]');
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2023 ·/);
    await selectInLine(page, '^indexeer alle tarieven', '1 %');
    await page.keyboard.type('2 %');
    const failingIn = () =>
      page.$$eval('.scenarios section[data-version]', (els) =>
        els.filter((e) => e.querySelector('li.fail') !== null).map((e) => e.getAttribute('data-version')),
      );
    await expect.poll(failingIn, WAIT).toEqual(['2023', '2024']);
    // The failed amount names the cell it comes from, as saved and now.
    const origins = await page
      .locator('section[data-version="2024"] [data-testid="scenario-origins"]')
      .first()
      .innerText();
    expect(origins).toMatch(/gewijzigd tegenover de opgeslagen regels/);
    expect(origins).toMatch(
      /weektarief\[ontwikkelen, OB2, midden, B\] € [\d.,]+ per week → € [\d.,]+ per week/,
    );
    expect(origins).toMatch(/geïndexeerd in .*2023/);
    await screenshot(page, 'scenarios-alle-versies');
  });
});
