/**
 * The Tarieven tab and comparing any two versions, in a real browser (Debian chromium via playwright-core),
 * against the real server. Every test has its own page, server and copy of rules/ (with the concept 2023 of
 * test/e2e/fixtures/sheet over it); the CLI checks what the editor wrote.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { editorText, pagePerTest, screenshot, selectedText, selectInLine } from './harness.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sheet');
const WAIT = { timeout: 30_000, interval: 100 };
const CELL = 'table[data-table="weektarief"] td[data-key="ontwikkelen/OB2/midden/C"]';
const ORIGIN_2022 =
  'geschreven in versie 2019 (2019-01-01), geïndexeerd in 2020 (+2,85 %) en 2022 (+4,74 %); ' +
  'bron: Tarievenblad Twents Model 2019 (illustratief)';

const session = pagePerTest({ rulesOverlay: FIXTURE });

async function openVersion(file: string, version: string): Promise<void> {
  const { page } = session();
  await page.click(`.file-tree button[data-pad="twents-model/${file}"]`);
  await expect
    .poll(() => page.textContent('[data-testid="title"]'), WAIT)
    .toMatch(new RegExp(`versie ${version} `));
}

async function openSheet(version: string): Promise<void> {
  await session().page.click('[data-testid="tab-tarieven"]');
  await session().page.waitForSelector(`[data-testid="sheet"][data-version="${version}"]`, {
    timeout: 30_000,
  });
}

const focusedKey = () =>
  session().page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? null);

describe('het tarievenblad', () => {
  it('shows the 2022 sheet: weektarief[ontwikkelen, OB2, midden, C] is € 188,41, with its origin; read-only', async () => {
    const { page } = session();
    await openVersion('2022.regels', '2022');
    await openSheet('2022');
    expect(await page.textContent(CELL)).toBe('€ 188,41');
    expect(await page.getAttribute(CELL, 'title')).toBe(`€ 188,41: ${ORIGIN_2022}`);
    expect(await page.getAttribute('[data-testid="sheet"]', 'data-editable')).toBe('nee');
    // A real table: caption, column and row headers.
    expect(await page.textContent('table[data-table="weektarief"] caption')).toMatch(/Tabel weektarief/);
    expect(
      await page.$$eval('table[data-table="weektarief"] thead th', (t) => t.map((x) => x.textContent)),
    ).toEqual([
      'perspectief',
      'ondersteuningsbehoefte',
      'licht/A',
      'licht/B',
      'midden/B',
      'midden/C',
      'zwaar/C',
      'zwaar/D',
    ]);
    // Selecting the cell shows where its value comes from, each step a link into the file that wrote it.
    await page.click(CELL);
    const origin = '[data-testid="sheet-origin"]';
    await expect
      .poll(() => page.textContent(origin), WAIT)
      .toMatch(/weektarief\[ontwikkelen, OB2, midden, C\] = € 188,41/);
    expect(await page.textContent(origin)).toMatch(/Geschreven in versie 2019 \(2019-01-01\)/);
    expect(await page.textContent(origin)).toMatch(
      /Geïndexeerd in versie 2020: \+2,85 %, afgerond op centen/,
    );
    expect(await page.textContent(origin)).toMatch(
      /Geïndexeerd in versie 2022: \+4,74 %, afgerond op centen/,
    );
    // The keyboard moves through the grid.
    await expect.poll(focusedKey, WAIT).toBe('ontwikkelen/OB2/midden/C');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedKey, WAIT).toBe('ontwikkelen/OB2/zwaar/C');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedKey, WAIT).toBe('ontwikkelen/OB3/zwaar/C');
    await page.keyboard.press('Home');
    await expect.poll(focusedKey, WAIT).toBe('ontwikkelen/OB3/licht/A');
    // 2022 is vastgesteld: no editing.
    await page.keyboard.press('Enter');
    expect(await page.$('[data-testid="sheet"] input')).toBeNull();
    await expect
      .poll(() => page.textContent('[data-testid="sheet-message"]'), WAIT)
      .toMatch(/Versie 2022 is vastgesteld: alleen een conceptversie kan worden gewijzigd/);
    // The parameters as they apply, with their origin.
    expect(await page.textContent('[data-parameter="vervoer_per_rit"]')).toMatch(
      /€ 13,47 per rit.*geïndexeerd in 2020 \(\+2,85 %\) en 2022 \(\+4,74 %\)/,
    );
    // The origin's step leads to the 2019 cell.
    await page.click(`${origin} button:has-text("Geschreven in versie 2019")`);
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2019 /);
    await screenshot(page, '20-tarievenblad');
  });

  it('shows on an indexeer line what it does to which tables', async () => {
    const { page } = session();
    await openVersion('2022.regels', '2022');
    await selectInLine(page, '^indexeer alle tarieven', 'indexeer');
    await page.evaluate(() => window.regelwerk?.editor.trigger('test', 'editor.action.showHover', {}));
    await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 30_000 });
    await expect
      .poll(() => page.textContent('.monaco-hover:not(.hidden)'), WAIT)
      .toMatch(/Indexatie \+4,74 % in versie 2022: 79 tariefcellen in 4 tabellen en 4 parameters/);
    const hover = (await page.textContent('.monaco-hover:not(.hidden)')) ?? '';
    expect(hover).toMatch(/tabel weektarief: 48 cellen, € 57,80 → € 60,54 … € 410,68 → € 430,15/);
    expect(hover).toMatch(/parameter vervoer_per_rit: € 12,86 per rit → € 13,47 per rit/);
    await screenshot(page, '21-indexeer-hover');
  });

  it('shows a partial indexation typed into a concept: only the OB2 cells move, with the selection in origin and hover', async () => {
    const { page } = session();
    await openVersion('2023.regels', '2023');
    await selectInLine(page, '^bron "Concept', 'bron');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(
      'indexeer weektarief voor ondersteuningsbehoefte OB2 met -3 % afgerond op centen',
    );
    await page.keyboard.press('Escape');
    await openSheet('2023');
    // 188,41 × 0,97 = 182,7577 → 182,76; OB3 keeps the regional value.
    await expect.poll(() => page.textContent(CELL), WAIT).toBe('€ 182,76');
    expect(await page.getAttribute(CELL, 'title')).toBe(
      '€ 182,76: geschreven in versie 2019 (2019-01-01), geïndexeerd in 2020 (+2,85 %), 2022 (+4,74 %) en 2023 ' +
        '(-3 % voor ondersteuningsbehoefte OB2); bron: Tarievenblad Twents Model 2019 (illustratief)',
    );
    const ob3 = 'table[data-table="weektarief"] td[data-key="ontwikkelen/OB3/midden/C"]';
    expect(await page.getAttribute(ob3, 'title')).not.toMatch(/2023/);
    await page.click(CELL);
    await expect
      .poll(() => page.textContent('[data-testid="sheet-origin"]'), WAIT)
      .toMatch(/Geïndexeerd in versie 2023: -3 % voor ondersteuningsbehoefte OB2, afgerond op centen/);
    // The hover on the line lists the twelve cells it moves, old → new.
    await selectInLine(page, '^indexeer weektarief', 'indexeer');
    await page.evaluate(() => window.regelwerk?.editor.trigger('test', 'editor.action.showHover', {}));
    await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 30_000 });
    await expect
      .poll(() => page.textContent('.monaco-hover:not(.hidden)'), WAIT)
      .toMatch(/Indexatie -3 % voor ondersteuningsbehoefte OB2 in versie 2023: 12 tariefcellen in 1 tabel/);
    const hover = (await page.textContent('.monaco-hover:not(.hidden)')) ?? '';
    expect(hover).toMatch(/ontwikkelen\/OB2\/midden\/C: € 188,41 → € 182,76/);
    expect(hover).not.toMatch(/OB3/);
    await screenshot(page, '23-indexatie-deel');
  });

  it('edits a cell of a concept version: the smallest wijzig tabel, accepted by check, one cell in diff', async () => {
    const { page, rulesDir } = session();
    await openVersion('2023.regels', '2023');
    await openSheet('2023');
    expect(await page.getAttribute('[data-testid="sheet"]', 'data-editable')).toBe('ja');
    expect(await page.textContent(CELL)).toBe('€ 188,41');
    await page.click(CELL);
    await page.keyboard.press('Enter');
    const input = `${CELL} input`;
    await page.waitForSelector(input, { timeout: 10_000 });
    await page.fill(input, '190,00');
    await page.keyboard.press('Enter');
    // The text gets the block; the grid follows the text.
    await expect.poll(() => editorText(page), WAIT).toMatch(/wijzig tabel weektarief/);
    expect(await editorText(page)).toContain(
      [
        'wijzig tabel weektarief in € per week',
        '  rijen perspectief, ondersteuningsbehoefte',
        '  kolommen intensiteit/bandbreedte',
        '                    midden/C',
        '  ontwikkelen  OB2    190,00',
      ].join('\n'),
    );
    await expect.poll(() => page.textContent(CELL), WAIT).toBe('€ 190,00');
    await expect.poll(() => page.getAttribute(CELL, 'data-written'), WAIT).toBe('2023');
    // Grid and text are on the same cell: the new value is selected in the text.
    await expect.poll(() => selectedText(page), WAIT).toBe('190,00');
    await screenshot(page, '22-tarievenblad-gewijzigd');
    // Saved, the CLI accepts it and reports exactly that one cell.
    await page.click('[data-testid="save"]');
    await expect.poll(() => page.textContent('[data-testid="notice"]'), WAIT).toMatch(/Opgeslagen/);
    const check = await cli('check', rulesDir);
    expect(check.code, check.out + check.err).toBe(0);
    const diff = await cli('diff', '--regels', path.join(rulesDir, 'twents-model'), '2022', '2023', '--json');
    expect(diff.code).toBe(0);
    const d = JSON.parse(diff.out) as { cells: unknown[]; items: unknown[] };
    expect(d.cells).toEqual([
      {
        table: 'weektarief',
        key: 'ontwikkelen/OB2/midden/C',
        old: '188.41',
        new: '190.00',
        delta: '1.59',
        percent: '0.8439',
      },
    ]);
    expect(d.items).toEqual([]);
    expect(await fs.readFile(path.join(rulesDir, 'twents-model', '2023.regels'), 'utf8')).toBe(
      await editorText(page),
    );
    // An edit in the text shows in the grid; undo in the editor takes the grid back too.
    await page.click('table[data-table="weektarief"] td[data-key="stabiliseren/OB4/zwaar/D"]');
    await selectInLine(page, '^wijzig tabel', 'weektarief');
    expect(await page.getAttribute(CELL, 'aria-selected')).toBe('false');
    await selectInLine(page, '^ {2}ontwikkelen {2}OB2 {4}190,00', '190,00');
    // The cursor on a cell in the text selects it in the grid.
    await expect.poll(() => page.getAttribute(CELL, 'aria-selected'), WAIT).toBe('true');
    await page.keyboard.type('191,25');
    await expect.poll(() => page.textContent(CELL), WAIT).toBe('€ 191,25');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.textContent(CELL), WAIT).toBe('€ 190,00');
    // A wrong number is refused in Dutch, and the text stays as it was.
    const before = await editorText(page);
    await page.click(CELL);
    await page.keyboard.press('Enter');
    await page.waitForSelector(input, { timeout: 10_000 });
    await page.fill(input, '190.5');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.textContent('[data-testid="sheet-message"]'), WAIT)
      .toMatch(/schrijf decimalen met een komma, zoals 190,5/);
    expect(await editorText(page)).toBe(before);
    // A parameter too: vervoer_per_rit is declared in the concept, with the bron it inherits.
    const rit = '[data-parameter="vervoer_per_rit"] td.amount';
    await page.dblclick(rit);
    await page.fill(`${rit} input`, '14');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => editorText(page), WAIT)
      .toMatch(/^parameter vervoer_per_rit = € 14,00 per rit\n {2}bron "/m);
    await expect.poll(() => page.textContent(rit), WAIT).toBe('€ 14,00 per rit');
  });
});

describe('twee versies vergelijken', () => {
  it('compares 2019 with 2022 cell by cell, as the CLI prints it, and exports CSV', async () => {
    const { page } = session();
    await page.click('aside .tabs button:has-text("Verschil")');
    await page.selectOption('[data-testid="compare-from"]', '2019');
    await page.selectOption('[data-testid="compare-to"]', '2022');
    const row = '[data-key="weektarief/ontwikkelen/OB2/midden/C"]';
    await page.waitForSelector(row, { timeout: 30_000 });
    expect(await page.textContent('[data-testid="diff-summary"]')).toMatch(
      /Versie 2022 .* tegenover versie 2019/,
    );
    expect(await page.textContent(row)).toMatch(/174,90 → 188,41/);
    await screenshot(page, '23-vergelijken-2019-2022');
    // The same text as `regelwerk diff`.
    await page.check('text=Als tekst');
    await page.waitForSelector('[data-testid="compare-text"]', { timeout: 30_000 });
    const shown = await page.textContent('[data-testid="compare-text"]');
    const printed = await cli('diff', '--regels', 'rules/twents-model', '2019', '2022');
    expect(shown?.trimEnd()).toBe(printed.out.trimEnd());
    // The CSV is `regelwerk diff --csv`.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('[data-testid="compare-csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe('verschil-2019-2022.csv');
    const csv = await fs.readFile((await download.path()) ?? '', 'utf8');
    const fromCli = await cli('diff', '--regels', 'rules/twents-model', '2019', '2022', '--csv');
    expect(csv).toBe(fromCli.out.replace(/\n$/, ''));
    expect(csv).toContain(
      '2019,2022,tariefcel,weektarief,ontwikkelen/OB2/midden/C,gewijzigd,174.90,188.41,13.51,7.7244,',
    );
  });

  it('compares a municipal override with its regional version', async () => {
    const { page } = session();
    await page.click('aside .tabs button:has-text("Verschil")');
    await page.selectOption('[data-testid="compare-from"]', '2019');
    await page.selectOption('[data-testid="compare-to"]', '2019-almelo');
    const row = '[data-key="weektarief/ontwikkelen/OB2/midden/B"]';
    await page.waitForSelector(row, { timeout: 30_000 });
    expect(await page.textContent(row)).toMatch(/136,20 → 144,00/);
    // Only the rows OB1 and OB2 differ.
    const keys = await page.$$eval('[data-table="weektarief"] tr[data-key]', (rows) =>
      rows.map((r) => (r as HTMLElement).dataset.key ?? ''),
    );
    expect(keys.length).toBe(24);
    expect(keys.every((k) => /\/(OB1|OB2)\//.test(k))).toBe(true);
  });
});
