/**
 * The hardened server with the built editor in real Chromium: the CSP still lets Monaco and the language
 * worker run (no violation), a page on another name that resolves to 127.0.0.1 (DNS rebinding) gets a
 * refusal instead of the editor, and a Latin-1 file opens read-only with the message.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { APP_DIR, chromiumPath, ensureTestBuild, PROJECT_ROOT } from '../e2e/harness.js';

let tmp: string;
let rules: string;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];
const LATIN1 = Buffer.from('regelset "Twents Model"\n// caf\xe9 en cr\xe8che\n', 'latin1');

beforeAll(async () => {
  const executablePath = chromiumPath();
  // The browser tests' build (dist/editor-e2e): the app as shipped plus the test hooks (window.regelwerk).
  await ensureTestBuild();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-browser-'));
  rules = path.join(tmp, 'rules');
  await fs.cp(path.join(PROJECT_ROOT, 'rules'), rules, { recursive: true });
  await fs.writeFile(path.join(rules, 'latijn-1.regels'), LATIN1);
  server = await startServer({ rulesDir: rules, appDir: APP_DIR, host: '127.0.0.1', port: 0 });
  context = await chromium.launchPersistentContext(path.join(tmp, 'profiel'), {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      // The attacker's name resolves to this machine, as after DNS rebinding.
      '--host-resolver-rules=MAP evil.example 127.0.0.1',
    ],
  });
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP-schending: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.text().startsWith('CSP-schending') || /Content Security Policy/.test(m.text()))
      violations.push(m.text());
  });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('.app[data-ready="ja"]', { timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.close();
  if (tmp !== undefined) await fs.rm(tmp, { recursive: true, force: true });
});

describe('the editor behind the hardened server', () => {
  it('runs Monaco and the language worker under the CSP without a violation', async () => {
    // The workers start lazily: wait until both run.
    const workers = () => page.workers().map((w) => new URL(w.url()).pathname);
    const wait = { timeout: 30_000, interval: 100 };
    await expect.poll(() => workers().some((w) => /language-worker/.test(w)), wait).toBe(true);
    await expect.poll(() => workers().some((w) => /editor\.worker/.test(w)), wait).toBe(true);
    // The worker answered: markers come from it.
    expect(await page.locator('.monaco-editor .view-lines').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it('refuses the editor and the files to a page on another name (DNS rebinding)', async () => {
    const other = await context.newPage();
    const res = await other.goto(`http://evil.example:${server.port}/`);
    expect(res?.status()).toBe(421);
    expect(await other.content()).toContain('antwoordt niet voor de host');
    const api = await other.goto(
      `http://evil.example:${server.port}/api/bestand?pad=twents-model/2019.regels`,
    );
    expect(api?.status()).toBe(421);
    expect(await other.content()).not.toContain('regelset');
    await other.close();
  });

  it('opens a Latin-1 file read-only with the message, and typing changes nothing', async () => {
    await page.click('[data-pad="latijn-1.regels"]');
    const banner = page.getByTestId('alleen-lezen');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/geen geldige UTF-8.*alleen-lezen/);
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
    // Problemen says what `regelwerk check` says about the file (RW9001), not "0 fouten".
    await expect
      .poll(() => page.getByTestId('problems').textContent(), { timeout: 30_000 })
      .toMatch(/RW9001/);
    expect(await page.getByTestId('problems').textContent()).not.toMatch(/\(0 fouten/);
    // The banner is a line or two above the editor, which keeps most of the height.
    const bannerBox = await banner.boundingBox();
    const editorBox = await page.locator('.monaco-editor').first().boundingBox();
    expect(bannerBox && editorBox && editorBox.height > 3 * bannerBox.height).toBe(true);
    const before = await page.evaluate(() => window.regelwerk?.editor.getModel()?.getValue() ?? '');
    expect(before).toContain('café en crèche');
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.type('xyz');
    await page.keyboard.press('Control+S');
    const after = await page.evaluate(() => window.regelwerk?.editor.getModel()?.getValue() ?? '');
    expect(after).toBe(before);
    expect(Buffer.compare(await fs.readFile(path.join(rules, 'latijn-1.regels')), LATIN1)).toBe(0);
  });
});
