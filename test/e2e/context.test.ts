/**
 * The editor on a draft folder with its base in another folder (`regelwerk serve --regels concept --regels
 * rules/twents-model`), in a real browser: the draft checks without errors (its base is read alongside), the
 * other folder is in the tree, and its files open read-only.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { CHANGE_2023 } from '../workflow/support.js';
import { APP_DIR, PROJECT_ROOT, openBrowser, screenshot, waitForApp, type TestBrowser } from './harness.js';

const WAIT = { timeout: 60_000, interval: 200 };
const RULES = path.join(PROJECT_ROOT, 'rules', 'twents-model');
let browser: TestBrowser;
let server: RunningServer;
let page: Page;
let tmp: string;

beforeAll(async () => {
  browser = await openBrowser();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-e2e-context-'));
  const concept = path.join(tmp, 'concept');
  await fs.mkdir(concept);
  await fs.writeFile(
    path.join(concept, '2023.regels'),
    `regelset "Twents Model"\nversie "2023" op basis van "2022"\ngeldig vanaf 2023-01-01\nstatus concept\n${CHANGE_2023}`,
  );
  server = await startServer({
    rulesDir: concept,
    context: [RULES],
    appDir: APP_DIR,
    host: '127.0.0.1',
    port: 0,
    person: { name: 'Lokale Persoon', email: 'lokaal@example' },
  });
  page = await browser.context.newPage();
  await waitForApp(page, server.url + '/');
}, 600_000);

afterAll(async () => {
  await page?.close().catch(() => undefined);
  await server?.close();
  await browser?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('een concept met zijn basis in een andere map', () => {
  it('checks the draft against its base without errors, and opens the base read-only', async () => {
    await page.click('[data-pad="2023.regels"]');
    await expect.poll(() => page.textContent('[data-testid="title"]'), WAIT).toMatch(/versie 2023/);
    await expect.poll(() => page.getByTestId('problems').textContent(), WAIT).toMatch(/\(0 fouten/);
    expect(await page.textContent('.file-tree')).toMatch(/alleen lezen/);
    await page.click('[data-pad=".basis-1/2022.regels"]');
    await expect
      .poll(() => page.textContent('[data-testid="alleen-lezen"]'), WAIT)
      .toMatch(/alleen meeleest/);
    expect(await page.isDisabled('[data-testid="save"]')).toBe(true);
    expect(await page.getByTestId('problems').textContent()).not.toMatch(/RW9001/);
    await screenshot(page, 'context-basis-alleen-lezen');
  });
});
