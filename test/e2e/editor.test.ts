/**
 * The editor in a real browser (Debian chromium via playwright-core), against the real server. Every test has
 * its own page, server and copy of rules/ (test/e2e/harness.ts): none depends on another, each can run alone
 * (`-t`) or in any order. Screenshots of the main screens go to test-results/screenshots/.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  editorText,
  markers,
  openBrowser,
  openPage,
  scenarioStatus,
  screenshot,
  selectedText,
  selectInLine,
  setEditorText,
  type EditorSession,
  type TestBrowser,
} from './harness.js';

let browser: TestBrowser;
let s: EditorSession;
/** The text of 2019.regels as the page loaded it. */
let original: string;
const FILE = 'twents-model/2019.regels';
const FILE_2020 = 'twents-model/2020.regels';
const SCENARIO = 'OB2 ontwikkelen midden/B met vervoer';
const CELL_ROW = '^\\s*ontwikkelen\\s+OB2\\s+71,80';
const WAIT = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  browser = await openBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // Adopted versions are read-only in the editor: these tests type in 2019 and 2020 as drafts.
  s = await openPage(browser, true, { drafts: [FILE, FILE_2020] });
  original = await editorText(s.page);
}, 180_000);

afterEach(async () => {
  await s?.close();
});

describe('de editor in de browser', () => {
  it('loads with the Twents Model', async () => {
    const { page } = s;
    await expect
      .poll(() => page.textContent('[data-testid="title"]'), WAIT)
      .toMatch(/Twents Model · versie 2019/);
    const tree = await page.textContent('.file-tree');
    expect(tree).toMatch(/Versie 2019/);
    expect(tree).toMatch(/vastgesteld/);
    expect(tree).toMatch(/vanaf 2019-01-01/);
    expect(await editorText(page)).toMatch(/^regelset "Twents Model"/m);
    await page.waitForSelector('[data-testid="scenario-summary"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="scenario-summary"]')).toMatch(/0 mislukt/);
    await screenshot(page, '01-editor-geladen');
  });

  it('shows a Dutch marker when an error is typed', async () => {
    const { page } = s;
    await selectInLine(page, '^status concept', 'concept');
    await page.keyboard.type('misschien');
    await expect
      .poll(
        async () =>
          (await markers(page)).filter((m) => m.severity === 8).map((m) => `${m.code} ${m.message}`),
        WAIT,
      )
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^RW\d{4} .*(Verwacht|verwacht|Onverwacht|Onbekend)/)]),
      );
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="problems"]')).toMatch(/RW\d{4}/);
    await screenshot(page, '02-foutmelding');
    await setEditorText(page, original);
    await expect.poll(async () => (await markers(page)).filter((m) => m.severity === 8).length, WAIT).toBe(0);
  });

  it('offers OB1–OB4 in a table key', async () => {
    const { page } = s;
    // A new row in weektarief: after the perspective comes the ondersteuningsbehoefte.
    await selectInLine(page, CELL_ROW, '294,60');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('  stabiliseren  ');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 15_000 });
    await expect
      .poll(
        () =>
          page.$$eval('.suggest-widget .monaco-list-row .label-name', (els) =>
            els.map((e) => e.textContent?.trim() ?? ''),
          ),
        WAIT,
      )
      .toEqual(expect.arrayContaining(['OB1', 'OB2', 'OB3', 'OB4']));
    await screenshot(page, '03-aanvulling-ob');
    await page.keyboard.press('Escape');
    await setEditorText(page, original);
  });

  it('turns the affected scenario red when a tariff cell changes, and green again when restored', async () => {
    const { page } = s;
    await expect.poll(() => scenarioStatus(page, SCENARIO), WAIT).toBe('geslaagd');
    await selectInLine(page, CELL_ROW, '136,20');
    await page.keyboard.type('140,00');
    await expect.poll(() => scenarioStatus(page, SCENARIO), WAIT).toBe('mislukt');
    const failure = await page.textContent(`[data-scenario^="${SCENARIO}"] .failure`);
    expect(failure).toMatch(/verwacht/);
    await screenshot(page, '04-scenario-rood');
    // The failing expectation is one click away.
    await page.click(`[data-scenario^="${SCENARIO}"] .failure`);
    await expect.poll(() => selectedText(page), WAIT).toMatch(/^verwacht/);
    await selectInLine(page, CELL_ROW, '140,00');
    await page.keyboard.type('136,20');
    await expect.poll(() => scenarioStatus(page, SCENARIO), WAIT).toBe('geslaagd');
    expect(await editorText(page)).toBe(original);
  });

  it('prices a case in the playground and jumps from the explanation to the tariff cell', async () => {
    const { page } = s;
    await page.click('aside .tabs button:has-text("Proefgeval")');
    await page.waitForSelector('[data-testid="total"]', { timeout: 30_000 });
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).toMatch(/€ 4\.021,74/);
    expect(await page.$$eval('.case-form select', (els) => els.length)).toBeGreaterThan(3);
    // The toewijzing next to the amounts: the sample case has no client data, so it says what is missing.
    await expect
      .poll(() => page.textContent('[data-testid="toewijzing"]'), WAIT)
      .toMatch(/Het geval noemt geen burgerservicenummer van de cliënt/);
    await screenshot(page, '05-proefgeval');
    await page.click('[data-testid="explanation"] button:has-text("tariefcel weektarief")');
    await expect.poll(() => selectedText(page), WAIT).toBe('136,20');
    // Change the case in the form: another intensity/bandwidth re-prices it.
    await page.selectOption('#Resultaten-0-bandbreedte', 'C');
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).not.toMatch(/€ 4\.021,74/);
    await page.click('aside .tabs button:has-text("Scenario\'s")');
  });

  it("explains a 2020 case with the inherited cell, and jumps to it in the base version's file", async () => {
    const { page } = s;
    await page.click(`.file-tree button[data-pad="${FILE_2020}"]`);
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2020/);
    await page.click('aside .tabs button:has-text("Proefgeval")');
    await page.click('[data-testid="playground"] button:has-text("Voorbeeld laden")');
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).toMatch(/€ 4\.156,48/);
    const explanation = (await page.textContent('[data-testid="explanation"]')) ?? '';
    expect(explanation).toMatch(/€ 140,08 per week × 26 weken = € 3\.642,08/);
    expect(explanation).toMatch(/geschreven in versie 2019 \(geldig vanaf 1 januari 2019\)/);
    expect(explanation).toMatch(/Geïndexeerd met 2,85 % in versie 2020/);
    expect(explanation).toMatch(/Bron: Tarievenblad Twents Model 2019/);
    expect(explanation).toMatch(/✓ Voorwaarde klopt/);
    await page.locator('[data-testid="explanation"]').scrollIntoViewIfNeeded();
    await screenshot(page, '07-uitleg');
    // The indexation step selects the `indexeer` line in 2020.regels itself.
    await page.click('[data-testid="explanation"] button:has-text("Geïndexeerd met 2,85 %")');
    await expect.poll(() => selectedText(page), WAIT).toMatch(/^indexeer alle tarieven met 2,85 %/);
    // The cell was written in 2019: clicking it opens 2019.regels and selects it there.
    await page.click('[data-testid="explanation"] button:has-text("tariefcel weektarief")');
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2019/);
    await expect.poll(() => selectedText(page), WAIT).toBe('136,20');
    expect(await page.getAttribute(`.file-tree button[data-pad="${FILE}"]`, 'class')).toMatch(/open/);
  });

  it('shows the Verschil of 2020 against 2019, live while the indexation is edited', async () => {
    const { page } = s;
    const row = '[data-key="weektarief/ontwikkelen/OB2/midden/B"]';
    await page.click(`.file-tree button[data-pad="${FILE_2020}"]`);
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2020/);
    await page.click('aside .tabs button:has-text("Verschil")');
    await page.waitForSelector(row, { timeout: 30_000 });
    expect(await page.textContent('[data-testid="diff-summary"]')).toMatch(/tegenover versie 2019/);
    await expect.poll(() => page.textContent(row), WAIT).toMatch(/136,20 → 140,08/);
    expect(await page.textContent(row)).toMatch(/\+3,88/);
    expect(await page.textContent(row)).toMatch(/\+2,85 %/);
    expect(await page.textContent('[data-testid="diff"]')).toMatch(
      /Parameter vervoer_per_rit: € 12,50 per rit → € 12,86 per rit \(\+2,88 %\)/,
    );
    await screenshot(page, '08-verschil');
    // The row leads to where the new value comes from: the indexation.
    await page.click(`${row} button`);
    await expect.poll(() => selectedText(page), WAIT).toMatch(/^indexeer alle tarieven met 2,85 %/);
    // Edit the percentage: the figures follow.
    await selectInLine(page, '^indexeer alle tarieven', '2,85');
    await page.keyboard.type('3');
    await expect.poll(() => page.textContent(row), WAIT).toMatch(/136,20 → 140,29/);
    expect(await page.textContent(row)).toMatch(/\+3,00 %/);
    await selectInLine(page, '^indexeer alle tarieven', '3 %');
    await page.keyboard.type('2,85 %');
    await expect.poll(() => page.textContent(row), WAIT).toMatch(/136,20 → 140,08/);
  });

  it('saves the file', async () => {
    const { page } = s;
    await selectInLine(page, '^status concept', 'concept');
    await page.keyboard.press('End');
    await page.keyboard.type('  // opgeslagen vanuit de browser');
    // Unsaved changes show in the window title.
    await expect.poll(() => page.title(), WAIT).toMatch(/^• Regelwerk/);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.textContent('[data-testid="notice"]'), WAIT).toMatch(/Opgeslagen/);
    await expect.poll(() => page.title(), WAIT).toMatch(/^Regelwerk/);
    const onDisk = await fs.readFile(path.join(s.rulesDir, FILE), 'utf8');
    expect(onDisk).toContain('status concept  // opgeslagen vanuit de browser');
    expect(onDisk).toBe(await editorText(page));
  });

  it('refuses a conflicting save with a message and loses nothing', async () => {
    const { page } = s;
    const file = path.join(s.rulesDir, FILE);
    // A colleague saves the file after this page loaded it.
    const colleague = (await fs.readFile(file, 'utf8')).replace(
      'status concept',
      'status concept  // collega was eerder',
    );
    expect(colleague).toContain('// collega was eerder');
    await fs.writeFile(file, colleague);
    await selectInLine(page, '^status concept', 'concept');
    await page.keyboard.press('End');
    await page.keyboard.type(' // en nog iets');
    const mine = await editorText(page);
    await page.click('[data-testid="save"]');
    await expect
      .poll(() => page.textContent('[data-testid="notice"]'), WAIT)
      .toMatch(/intussen door iemand anders gewijzigd/);
    await screenshot(page, '06-conflict');
    expect(await fs.readFile(file, 'utf8')).toBe(colleague);
    expect(await editorText(page)).toBe(mine);
    // Both changes side by side; saving the merge (here: one's own side) keeps it, nothing lost unseen.
    await page.click('[data-testid="samenvoegen-openen"]');
    await expect
      .poll(() => page.textContent('[data-testid="samenvoegen"]'), WAIT)
      .toMatch(/Iemand anders wijzigde/);
    await screenshot(page, '06b-samenvoegen');
    await page.click('[data-testid="samengevoegd-opslaan"]');
    await expect.poll(() => page.textContent('[data-testid="notice"]'), WAIT).toMatch(/Opgeslagen/);
    expect(await fs.readFile(file, 'utf8')).toBe(mine);
  });

  it('warns before leaving with unsaved changes', async () => {
    const { page } = s;
    await selectInLine(page, '^status concept', 'concept');
    await page.keyboard.press('End');
    await page.keyboard.type('  // niet opgeslagen');
    await expect.poll(() => page.title(), WAIT).toMatch(/^• Regelwerk.*niet opgeslagen/);
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
  });

  it('highlights a .json example as JSON', async () => {
    const { page } = s;
    // An example case opens in the playground; its file can still be shown as text.
    await page.click('.file-tree button[data-pad="twents-model/voorbeelden/ob-enkelvoudig-hengelo.json"]');
    await page.click('[data-testid="voorbeeld-als-tekst"]');
    await expect
      .poll(() => page.evaluate(() => window.regelwerk?.editor.getModel()?.getLanguageId() ?? ''), WAIT)
      .toBe('json');
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const r = window.regelwerk;
            const text = r?.editor.getModel()?.getValue() ?? '';
            return r === undefined
              ? []
              : [
                  ...new Set(
                    r.monaco.editor
                      .tokenize(text, 'json')
                      .flat()
                      .map((t) => t.type),
                  ),
                ];
          }),
        WAIT,
      )
      .toEqual(expect.arrayContaining(['string.key.json', 'string.value.json']));
    await screenshot(page, '09-json-voorbeeld');
  });
});
