/**
 * Real-browser test harness: builds the browser tests' copy of the editor (dist/editor-e2e, with the test hooks;
 * `npm run build:editor:e2e`) when stale, and drives Debian's chromium with playwright-core. Each test gets its
 * own page, server and copy of rules/ ({@link openPage}), so no test depends on another.
 * A missing chromium is a failure with instructions, never a silent skip.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ensureBuilt } from '../../src/server/ensure-built.js';
import { startServer, type RunningServer } from '../../src/server/http-server.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The browser tests' build of the editor: the only one with `window.regelwerk`. */
export const APP_DIR = path.join(PROJECT_ROOT, 'dist', 'editor-e2e');
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

const CANDIDATES = [process.env.REGELWERK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
  if (found === undefined) {
    throw new Error(
      'Chromium ontbreekt: de browsertests hebben Debian chromium nodig. Installeer het met ' +
        "'sudo apt-get install -y chromium' (of zet REGELWERK_CHROMIUM op het pad van een chromium).",
    );
  }
  return found;
}

/** Builds dist/editor-e2e (`npm run build:editor:e2e`, in a child process) when it is missing or stale. */
export async function ensureTestBuild(): Promise<void> {
  await ensureBuilt(PROJECT_ROOT, APP_DIR, () => undefined, 'build:editor:e2e');
}

/** One browser (a persistent context in a fresh profile folder) for the tests of a file. */
export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Builds the test copy of the editor when needed and starts chromium. */
export async function openBrowser(): Promise<TestBrowser> {
  const executablePath = chromiumPath();
  await ensureTestBuild();
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-e2e-profiel-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    viewport: { width: 1500, height: 900 },
  });
  // tsx (esbuild) wraps named functions in `__name(…)`; functions sent to page.evaluate need it in the page.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

export interface EditorSession {
  readonly server: RunningServer;
  /** This session's own copy of rules/. */
  readonly rulesDir: string;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * A page of its own: a fresh copy of rules/ in its own folder, its own server (its own port, so its own origin
 * and browser storage) and a new page on it, loaded and ready.
 */
export async function openPage(
  browser: TestBrowser,
  load = true,
  options: EditorOptions = {},
): Promise<EditorSession> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-e2e-'));
  const rulesDir = path.join(tmp, 'rules');
  await fs.cp(path.join(PROJECT_ROOT, 'rules'), rulesDir, { recursive: true });
  if (options.rulesOverlay !== undefined) await fs.cp(options.rulesOverlay, rulesDir, { recursive: true });
  for (const draft of options.drafts ?? []) {
    const file = path.join(rulesDir, draft);
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace(/^status vastgesteld$/m, 'status concept'),
    );
  }
  const server = await startServer({ rulesDir, appDir: APP_DIR, host: '127.0.0.1', port: 0 });
  const page = await browser.context.newPage();
  if (load) await waitForApp(page, server.url + '/');
  return {
    server,
    rulesDir,
    context: browser.context,
    page,
    async close() {
      await page.close().catch(() => undefined);
      await server.close();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the hooks of a test file whose tests each get a page of their own (`openPage` with `options`), all in
 * one browser per file. Returns the running test's session.
 */
export function pagePerTest(options: EditorOptions = {}): () => EditorSession {
  let browser: TestBrowser | undefined;
  let session: EditorSession | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error('De browser is niet gestart.');
    session = await openPage(browser, true, options);
  }, 180_000);
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return () => {
    if (session === undefined) throw new Error('Geen pagina: alleen binnen een test te gebruiken.');
    return session;
  };
}

export interface EditorOptions {
  /** A folder whose files are copied over the copy of rules/ (a test's own versions, e.g. a concept). */
  readonly rulesOverlay?: string;
  /**
   * Files of the copy whose header says `status concept` instead of `vastgesteld`: an adopted version is
   * read-only in the editor, so a test that types in 2019 makes it a draft first.
   */
  readonly drafts?: readonly string[];
}

/** A browser with one page of its own (for the editor benchmarks); closing it closes the browser. */
export async function openEditor(options: EditorOptions = {}): Promise<EditorSession> {
  const browser = await openBrowser();
  const session = await openPage(browser, false, options);
  return {
    ...session,
    async close() {
      await session.close();
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the app has loaded the rules and the worker has answered once. */
export async function waitForApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.app[data-ready="ja"]', { timeout: 60_000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 60_000 });
}

/** The open model's text. */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.regelwerk?.editor.getModel()?.getValue() ?? '');
}

/**
 * Selects the first `needle` on the first line matching `lineRegex` (source, flags 'm'), and focuses the editor.
 * Returns the selected offset.
 */
export async function selectInLine(page: Page, lineRegex: string, needle: string): Promise<number> {
  const offset = await page.evaluate(
    ([re, text]) => {
      const r = window.regelwerk;
      const model = r?.editor.getModel();
      if (r === undefined || model === null || model === undefined) throw new Error('geen editor');
      const value = model.getValue();
      const m = new RegExp(re ?? '', 'm').exec(value);
      if (m === null) throw new Error(`regel niet gevonden: ${re}`);
      const at = value.indexOf(text ?? '', m.index);
      if (at < 0) throw new Error(`tekst niet gevonden: ${text}`);
      const start = model.getPositionAt(at);
      const end = model.getPositionAt(at + (text ?? '').length);
      r.editor.setSelection({
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      });
      r.editor.revealLineInCenter(start.lineNumber);
      r.editor.focus();
      return at;
    },
    [lineRegex, needle] as const,
  );
  return offset;
}

/** Replaces the whole text of the open model (one undoable edit). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const r = window.regelwerk;
    const model = r?.editor.getModel();
    if (r === undefined || model === null || model === undefined) throw new Error('geen editor');
    r.editor.executeEdits('test', [{ range: model.getFullModelRange(), text: t }]);
  }, text);
}

/** The markers Monaco shows on the open model. */
export async function markers(page: Page): Promise<{ message: string; code: string; severity: number }[]> {
  return page.evaluate(() => {
    const r = window.regelwerk;
    const model = r?.editor.getModel();
    if (r === undefined || model === null || model === undefined) return [];
    return r.monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
      message: m.message,
      code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
      severity: m.severity,
    }));
  });
}

/** The currently selected text in the editor. */
export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const r = window.regelwerk;
    const model = r?.editor.getModel();
    const sel = r?.editor.getSelection();
    if (model === null || model === undefined || sel === null || sel === undefined) return '';
    return model.getValueInRange(sel);
  });
}

export async function scenarioStatus(page: Page, namePrefix: string): Promise<string | null> {
  return page.evaluate((prefix) => {
    const li = [...document.querySelectorAll<HTMLElement>('[data-scenario]')].find((e) =>
      (e.dataset.scenario ?? '').startsWith(prefix),
    );
    return li?.dataset.status ?? null;
  }, namePrefix);
}
