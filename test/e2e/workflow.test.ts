/**
 * The yearly round in a real browser, with two accounts in team mode: Anna (opsteller and vaststeller) makes
 * 2023 from 2022, changes a cell, saves with her message and asks for vaststelling; she cannot adopt her own
 * version (four eyes); Bart (vaststeller) reviews and adopts it with the decision. Then the file is read-only in
 * the editor, a direct save through the API is refused, `git log` shows both authors, and the cell's history
 * names the commit and the person.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { AccountFile } from '../../src/workflow/people.js';
import { CHANGE_2023 } from '../workflow/support.js';
import {
  APP_DIR,
  PROJECT_ROOT,
  editorText,
  openBrowser,
  screenshot,
  setEditorText,
  type TestBrowser,
} from './harness.js';

const WAIT = { timeout: 60_000, interval: 200 };
const FILE = 'twents-model/2023.regels';
let browser: TestBrowser;
let server: RunningServer;
let tmp: string;
let rules: string;
let page: Page;
const browserDialogs: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-e2e-ronde-'));
  rules = path.join(tmp, 'regels');
  await fs.cp(path.join(PROJECT_ROOT, 'rules'), rules, { recursive: true });
  const users = path.join(tmp, 'gebruikers.json');
  const accounts = await AccountFile.read(users, { create: true });
  await accounts.add({
    gebruikersnaam: 'anna',
    naam: 'Anna de Vries',
    email: 'anna@ozjt.example',
    rollen: ['opsteller', 'vaststeller'],
    wachtwoord: 'anna-wachtwoord-1',
  });
  await accounts.add({
    gebruikersnaam: 'bart',
    naam: 'Bart Jansen',
    email: 'bart@ozjt.example',
    rollen: ['vaststeller'],
    wachtwoord: 'bart-wachtwoord-1',
  });
  await accounts.write();
  server = await startServer({ rulesDir: rules, appDir: APP_DIR, host: '127.0.0.1', port: 0, users });
  page = await browser.context.newPage();
  // The editor asks in its own dialogs: a browser prompt or confirm would be a failure.
  page.on('dialog', (d) => {
    if (d.type() !== 'beforeunload') browserDialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
}, 600_000);

afterAll(async () => {
  await page?.close().catch(() => undefined);
  await server?.close();
  await browser?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function logIn(name: string, password: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/inloggen$/);
  await page.fill('#gebruikersnaam', name);
  await page.fill('#wachtwoord', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('.app[data-ready="ja"]', { timeout: 60_000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 60_000 });
}

async function openFile(file: string): Promise<void> {
  const name = path.posix.basename(file, '.regels');
  await page.click(`.file-tree >> text=Versie ${name}`);
  await expect
    .poll(() => page.textContent('[data-testid="title"]'), WAIT)
    .toMatch(new RegExp(`versie ${name}`));
}

describe('de jaarlijkse ronde in de browser', () => {
  it('Anna makes 2023 from 2022 with Nieuwe versie', async () => {
    await logIn('anna', 'anna-wachtwoord-1');
    expect(await page.textContent('[data-testid="ik"]')).toBe('Anna de Vries');
    await page.click('[data-testid="nieuwe-versie"]');
    await page.selectOption('[data-testid="nv-basis"]', '2022');
    expect(await page.inputValue('[data-testid="nv-naam"]')).toBe('2023');
    expect(await page.inputValue('[data-testid="nv-vanaf"]')).toBe('2023-01-01');
    await screenshot(page, '30-nieuwe-versie');
    await page.click('[data-testid="nv-maken"]');
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2023/);
    expect(await editorText(page)).toContain(
      'versie "2023" op basis van "2022"\ngeldig vanaf 2023-01-01\nstatus concept',
    );
    expect(await page.textContent('[data-testid="versie-status"]')).toBe('concept');
  });

  it('Anna changes a cell and saves with her message', async () => {
    await setEditorText(page, (await editorText(page)) + CHANGE_2023);
    await page.fill('[data-testid="commit-bericht"]', 'OB2 midden/C naar € 190,00');
    await page.click('[data-testid="save"]');
    await expect.poll(() => page.textContent('[data-testid="notice"]'), WAIT).toMatch(/Opgeslagen/);
  });

  it('restoring an earlier state asks in a dialog first; Annuleren changes nothing', async () => {
    const commits = () =>
      execFileSync('git', ['log', '--format=%h', '--', FILE], { cwd: rules, encoding: 'utf8' });
    const before = commits();
    const text = await editorText(page);
    await page.click('[data-testid="tab-geschiedenis"]');
    await expect.poll(() => page.locator('[data-testid="commit"]').count(), WAIT).toBe(2);
    await page.locator('[data-testid="commit"]').nth(1).locator('button.link').click();
    await page.click('text=Deze stand herstellen');
    const dialog = page.locator('[data-testid="herstel-dialoog"]');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    expect(await dialog.textContent()).toMatch(/terugzetten naar de stand van commit/);
    // The confirm button has the focus; Tab reaches Annuleren, Enter presses it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'herstel-dialoog-ok',
    );
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(commits()).toBe(before);
    expect(await editorText(page)).toBe(text);
  });

  it('Anna asks for vaststelling with a comment in the dialog; Escape cancels', async () => {
    const dialog = page.locator('[data-testid="ter-vaststelling-dialoog"]');
    const field = '[data-testid="ter-vaststelling-dialoog-tekst"]';
    await page.click('[data-testid="ter-vaststelling"]');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    // The comment field has the focus; Escape closes the dialog and nothing is asked.
    await page.keyboard.type('niet versturen');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(await page.textContent('[data-testid="versie-status"]')).toBe('concept');

    await page.click('[data-testid="ter-vaststelling"]');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    expect(await page.inputValue(field)).toBe('');
    expect(await dialog.textContent()).toMatch(/Versie 2023 ter vaststelling aanbieden/);
    await page.keyboard.type('Graag vaststellen in de bestuurscommissie van mei.');
    await screenshot(page, '30b-ter-vaststelling');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.textContent('[data-testid="versie-status"]'), WAIT).toBe('ter vaststelling');
    expect(await dialog.count()).toBe(0);
    expect(browserDialogs).toEqual([]);
  });

  it('Anna cannot adopt her own version', async () => {
    await page.click('[data-testid="beoordelen"]');
    await page.fill('[data-testid="besluit-tekst"]', 'Besluit bestuurscommissie OZJT 17 mei 2023');
    await page.click('[data-testid="vaststellen"]');
    await expect.poll(() => page.textContent('[data-testid="beoordeling-fout"]'), WAIT).toMatch(/Vier ogen/);
    expect(await page.textContent('[data-testid="versie-status"]')).toBe('ter vaststelling');
    await page.click('text=Uitloggen');
    await page.waitForURL(/\/inloggen$/);
  });

  it('Bart reviews and adopts it with the decision', async () => {
    await logIn('bart', 'bart-wachtwoord-1');
    await openFile(FILE);
    await page.click('[data-testid="beoordelen"]');
    const review = '[data-testid="beoordeling"]';
    await expect
      .poll(() => page.textContent(review), WAIT)
      .toMatch(/ontwikkelen\/OB2\/midden\/C\s*188,41\s*190,00/);
    await expect
      .poll(() => page.textContent('[data-testid="scenario-uitslag"]'), WAIT)
      .toMatch(/1 van versie 2023/);
    // The impact report over the sample caseload: basis 2022, variant 2023 (OB2 midden/C went up).
    await expect
      .poll(() => page.getAttribute('[data-testid="review-impact"]', 'data-state'), WAIT)
      .toBe('ok');
    const headline = '[data-testid="review-impact"] [data-testid="impact-headline"]';
    expect(await page.textContent(headline)).toMatch(/Versie 2023 kost €\s[\d.,]+ meer dan versie 2022 \(\+/);
    expect(Number(await page.getAttribute(headline, 'data-difference'))).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="review-impact"]')).toMatch(/Verschil per gemeente/);
    expect(await page.textContent('[data-testid="opmerkingen"]')).toMatch(
      /Anna de Vries.*ter vaststelling.*Graag vaststellen/s,
    );
    await screenshot(page, '31-beoordeling');
    expect(await page.isVisible('[data-testid="nieuwe-versie"]')).toBe(false);
    await page.fill('[data-testid="besluit-tekst"]', 'Besluit bestuurscommissie OZJT 17 mei 2023');
    await page.click('[data-testid="vaststellen"]');
    await expect.poll(() => page.textContent('[data-testid="versie-status"]'), WAIT).toBe('vastgesteld');
  });

  it('shows the adopted file read-only and refuses a direct save through the API', async () => {
    await expect
      .poll(() => page.textContent('[data-testid="alleen-lezen"]'), WAIT)
      .toMatch(/Versie 2023 is vastgesteld/);
    expect(await page.isDisabled('[data-testid="save"]')).toBe(true);
    expect(await editorText(page)).toContain('status vastgesteld');
    // Read-only because adopted, yet readable: Problemen shows no RW9001 for it (the server's code says so).
    expect(await page.getByTestId('problems').textContent()).not.toMatch(/RW9001/);
    const status = await page.evaluate(async (pad) => {
      const file = (await (await fetch(`/api/bestand?pad=${encodeURIComponent(pad)}`)).json()) as {
        inhoud: string;
        versie: string;
      };
      const res = await fetch(`/api/bestand?pad=${encodeURIComponent(pad)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ inhoud: file.inhoud.replace('190,00', '199,00'), versie: file.versie }),
      });
      return res.status;
    }, FILE);
    expect(status).toBe(403);
    await screenshot(page, '32-vastgesteld');
  });

  it('has both authors in git log, and a tag with the decision', () => {
    const authors = execFileSync('git', ['log', '--format=%an', '--', FILE], {
      cwd: rules,
      encoding: 'utf8',
    });
    expect(new Set(authors.trim().split('\n'))).toEqual(new Set(['Anna de Vries', 'Bart Jansen']));
    const log = execFileSync('git', ['log', '--format=%an|%s'], { cwd: rules, encoding: 'utf8' });
    expect(log).toContain('Anna de Vries|OB2 midden/C naar € 190,00');
    expect(log).toContain('Bart Jansen|Versie 2023 vastgesteld');
    expect(execFileSync('git', ['tag', '--list'], { cwd: rules, encoding: 'utf8' })).toContain(
      'vastgesteld/2023',
    );
  });

  it("names the commit and the person in the cell's history", async () => {
    const hash = execFileSync('git', ['log', '--format=%h', '--grep=OB2 midden/C naar', '-1'], {
      cwd: rules,
      encoding: 'utf8',
    }).trim();
    await page.click('[data-testid="tab-geschiedenis"]');
    await expect.poll(() => page.locator('[data-testid="commit"]').count(), WAIT).toBeGreaterThanOrEqual(3);
    await page.fill('[data-testid="wg-tabel"]', 'weektarief');
    await page.fill('[data-testid="wg-cel"]', 'ontwikkelen/OB2/midden/C');
    await page.click('[data-testid="wg-toon"]');
    await expect
      .poll(() => page.textContent('[data-testid="waardegeschiedenis"]'), WAIT)
      .toMatch(new RegExp(`€ 190,00 per week sinds 2023, gezet in commit ${hash} door Anna de Vries`));
    await screenshot(page, '33-celgeschiedenis');
  });
});
