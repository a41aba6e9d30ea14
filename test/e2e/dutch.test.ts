/**
 * Dutch throughout (issue 16, item 4), in a real browser: Monaco's context menu (with its submenu), the hover on a
 * problem and the language's own × sign show no English. The English words below are the ones an advisor saw in
 * these places before Monaco was given Dutch texts (editor/monaco/nls-nl.ts). Each test has its own page, server
 * and copy of rules/ (test/e2e/harness.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openBrowser,
  openPage,
  screenshot,
  selectInLine,
  type EditorSession,
  type TestBrowser,
} from './harness.js';

/** English seen in the context menu, its "Peek" submenu and the problem hover (2026-12-06). */
const ENGLISH = [
  'Go',
  'Definition',
  'References',
  'Symbol',
  'Peek',
  'Rename',
  'Change',
  'All',
  'Occurrences',
  'Cut',
  'Copy',
  'Paste',
  'Command',
  'Palette',
  'View',
  'Problem',
  'No',
  'quick',
  'fixes',
  'available',
  'Fix',
  'Checking',
  'Loading',
  'parser',
  'confused',
  'character',
];

const englishIn = (text: string): string[] =>
  ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(text));

/** A concept version 2023 (vastgesteld versions are read-only, with a shorter menu). */
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'dutch');
const CONCEPT = 'twents-model/2023.regels';

let browser: TestBrowser;
let s: EditorSession;
const WAIT = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  browser = await openBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  s = await openPage(browser, true, { rulesOverlay: FIXTURE });
  await s.page.click(`[data-pad="${CONCEPT}"]`);
  await expect
    .poll(() => s.page.textContent('[data-testid="title"]'), { timeout: 30_000 })
    .toMatch(/versie 2023 ·/);
}, 180_000);

afterEach(async () => {
  await s?.close();
});

/** The visible text of Monaco's menus (they may live in a shadow root). */
function menuText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      root.querySelectorAll('.monaco-menu').forEach((e) => out.push((e as HTMLElement).innerText));
      root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
    };
    visit(document);
    return out.join('\n');
  });
}

describe('Monaco in het Nederlands', () => {
  it('shows a context menu (and its submenu) without English', async () => {
    const { page } = s;
    await selectInLine(page, '^versie "2023"', 'versie');
    await page.locator('.monaco-editor .view-line').nth(3).click({ button: 'right' });
    await expect.poll(() => menuText(page), WAIT).toMatch(/Ga naar definitie/);
    const menu = await menuText(page);
    expect(menu).toMatch(/Knippen/);
    expect(menu).toMatch(/Naam wijzigen/);
    expect(englishIn(menu)).toEqual([]);
    // The submenu.
    await page.getByText('Ter plekke bekijken').first().hover();
    await expect.poll(() => menuText(page), WAIT).toMatch(/Definitie ter plekke bekijken/);
    expect(englishIn(await menuText(page))).toEqual([]);
    await screenshot(page, 'contextmenu-nederlands');
  });

  it('shows the hover on a problem without English', async () => {
    const { page } = s;
    await selectInLine(page, '^status concept', 'concept');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
    await page.keyboard.press('ArrowLeft');
    await page.evaluate(() => window.regelwerk?.editor.trigger('test', 'editor.action.showHover', {}));
    await expect.poll(() => page.locator('.monaco-hover').first().innerText(), WAIT).toMatch(/RW\d{4}/);
    await expect
      .poll(() => page.locator('.monaco-hover').first().innerText(), WAIT)
      .toMatch(/Probleem bekijken/);
    const hover = await page.locator('.monaco-hover').first().innerText();
    expect(englishIn(hover)).toEqual([]);
    expect(hover).not.toMatch(/parser\(/);
    await screenshot(page, 'probleem-hover-nederlands');
  });

  it('does not flag the language’s own × as a confusable character', async () => {
    const { page } = s;
    await page.click('[data-pad="twents-model/2021-07.regels"]'); // read-only (vastgesteld) is fine here
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2021-07/);
    await selectInLine(page, '^\\s*tarief weektarief', '×');
    await expect.poll(() => page.locator('.monaco-editor .view-lines').innerText(), WAIT).toContain('×');
    expect(await page.locator('.monaco-editor .unicode-highlight').count()).toBe(0);
  });
});
