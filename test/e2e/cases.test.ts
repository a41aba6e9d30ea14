/**
 * Cases as first-class things (issue 16, item 3), in a real browser: an example case from voorbeelden/ opens in
 * the playground next to the version that prices it, and "Opslaan als scenario" adds a scenario with the outcome
 * as its expectations; saved, it passes in the editor and in `regelwerk test`. Each test has its own page, server
 * and copy of rules/ (test/e2e/harness.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin } from '../support/cli.js';
import { editorText, pagePerTest, screenshot, scenarioStatus } from './harness.js';

const WAIT = { timeout: 30_000, interval: 100 };
const CASE = 'twents-model/voorbeelden/ob-enkelvoudig-hengelo.json';
/** This file's fixture: a concept version 2023 (a vastgesteld version cannot be saved) and a case dated in it. */
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cases');
const CONCEPT_CASE = 'twents-model/voorbeelden/concept-2023.json';

const session = pagePerTest({ rulesOverlay: FIXTURE });

describe('voorbeeldgevallen in de proefomgeving', () => {
  it('opens an example case next to the version that prices it, with domain labels', async () => {
    const { page } = session();
    await page.click(`[data-pad="${CASE}"]`);
    await page.waitForSelector('[data-testid="voorbeeld"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="voorbeeld"]')).toContain(CASE);
    // The editor shows the version that prices the case (2019), not the raw JSON.
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2019 ·/);
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).toMatch(/^€ \d/);
    const gemeenten = await page.$$eval('#beschikking-gemeente option', (os) => os.map((o) => o.textContent));
    expect(gemeenten).toContain('Hof van Twente');
    expect(gemeenten).not.toContain('Hof_van_Twente');
  });

  it('saves an example case as a scenario of its (concept) version, which passes', async () => {
    const { page } = session();
    await page.click(`[data-pad="${CONCEPT_CASE}"]`);
    await page.waitForSelector('[data-testid="voorbeeld"]', { timeout: 30_000 });
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2023 ·/);
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).toMatch(/^€ \d/);
    const total = (await page.textContent('[data-testid="total"]')) ?? '';
    await screenshot(page, 'geval-voorbeeld-geladen');

    const before = await editorText(page);
    await page.click('[data-testid="save-scenario"]');
    await expect
      .poll(() => page.textContent('[data-testid="case-message"]'), WAIT)
      .toMatch(/Scenario toegevoegd/);
    const after = await editorText(page);
    const added = after.slice(before.length);
    expect(added).toMatch(/^\s*scenario "concept-2023"\n {2}gegeven\n/);
    expect(added).toContain(`  verwacht totaal = ${total}`);
    await page.click('aside .tabs button:has-text("Scenario\'s")');
    await expect.poll(() => scenarioStatus(page, 'concept-2023'), WAIT).toBe('geslaagd');

    await page.click('[data-testid="save"]');
    await expect.poll(() => page.textContent('[data-testid="notice"]'), WAIT).toMatch(/^Opgeslagen/);
    const saved = await fs.readFile(path.join(session().rulesDir, 'twents-model', '2023.regels'), 'utf8');
    expect(saved).toContain('scenario "concept-2023"');
    const run = await bin('test', session().rulesDir);
    expect(run.err + run.out).not.toMatch(/mislukt: [1-9]/);
    expect(run.code).toBe(0);
    await screenshot(page, 'geval-als-scenario');
  });

  it('shows a declared unit: the form writes dagdelen after aantal, the result 18 dagdelen', async () => {
    const { page } = session();
    await page.click('[data-pad="twents-model/voorbeelden/dagbesteding-dagdelen.json"]');
    await page.waitForSelector('[data-testid="voorbeeld"]', { timeout: 30_000 });
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2022 ·/);
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).toBe('€ 2.719,78');
    expect(await page.textContent('[data-testid="eenheid-Modules-0-aantal"]')).toBe('dagdelen');
    expect(await page.textContent('.playground')).toContain('18 dagdelen');
    await page.locator('[data-testid="eenheid-Modules-0-aantal"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'geval-gedeclareerde-eenheid');
  });

  it('offers only the bandbreedtes of the chosen intensiteit', async () => {
    const { page } = session();
    await page.click('aside .tabs button:has-text("Proefgeval")');
    await page.waitForSelector('[data-testid="total"]', { timeout: 30_000 });
    const choose = async (intensiteit: string) => {
      await page.selectOption('[id="Resultaten-0-intensiteit"]', intensiteit);
      return page.$$eval('[id="Resultaten-0-bandbreedte"] option', (os) =>
        os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''),
      );
    };
    expect(await choose('licht')).toEqual(['A', 'B']);
    expect(await choose('zwaar')).toEqual(expect.arrayContaining(['C', 'D']));
  });
});
