/**
 * The editor in a real browser (Debian chromium via playwright-core), against the real server and a temporary
 * copy of rules/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEditor, screenshot, waitForApp, type EditorSession } from './harness.js';

let s: EditorSession;

beforeAll(async () => {
  s = await openEditor();
  await waitForApp(s.page, s.server.url + '/');
}, 180_000);

afterAll(async () => {
  await s?.close();
});

describe('de editor in de browser', () => {
  it('loads with the Twents Model', async () => {
    const { page } = s;
    await expect
      .poll(() => page.textContent('[data-testid="title"]'), { timeout: 30_000 })
      .toMatch(/Twents Model/);
    const tree = await page.textContent('.file-tree');
    expect(tree).toMatch(/Versie 2019/);
    expect(tree).toMatch(/vanaf 2019-01-01/);
    const code = await page.textContent('.monaco-editor .view-lines');
    expect(code).toMatch(/regelset/);
    await page.waitForSelector('[data-testid="scenario-summary"]', { timeout: 60_000 });
    await screenshot(page, '01-editor-geladen');
  });
});
