/**
 * Prints the board report's HTML to PDF with Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * A4, backgrounds printed, in a fresh temporary profile that is removed afterwards. The HTML is self-contained,
 * so the page loads nothing; every request is refused all the same.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Chromium may be: REGELWERK_CHROMIUM (read at each call), else Debian's paths. */
const candidates = (): (string | undefined)[] => [
  process.env['REGELWERK_CHROMIUM'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

/** Chromium's path, or a Dutch message that says how to install it. */
export function findChromium(): { ok: true; path: string } | { ok: false; message: string } {
  const found = candidates().find((p): p is string => p !== undefined && p !== '' && existsSync(p));
  if (found !== undefined) return { ok: true, path: found };
  return {
    ok: false,
    message:
      "Chromium ontbreekt: een PDF wordt met Chromium gemaakt. Installeer het met 'sudo apt-get install -y chromium' " +
      '(of zet REGELWERK_CHROMIUM op het pad van een chromium). Het HTML-rapport kan ook vanuit een browser ' +
      'worden afgedrukt.',
  };
}

/** How long Chromium may take to start, and then to lay out and print the page (ms). */
const LAUNCH_TIMEOUT = 30_000;
const PRINT_TIMEOUT = 60_000;

/**
 * Why Chromium failed, in Dutch and in one line: Playwright's own message is English and carries a call log of
 * dozens of lines, which is for developers (REGELWERK_DEBUG=1 shows it).
 */
function launchFailure(chromiumPath: string, e: unknown): Error {
  const raw = e instanceof Error ? e.message : String(e);
  const timedOut = e instanceof Error && e.name === 'TimeoutError';
  const detail = process.env['REGELWERK_DEBUG'] === '1' ? `\n${raw}` : '';
  return new Error(
    timedOut
      ? `Chromium (${chromiumPath}) startte niet binnen ${LAUNCH_TIMEOUT / 1000} s.${detail}`
      : `Chromium (${chromiumPath}) kon niet starten; controleer de installatie ('sudo apt-get install -y chromium') of REGELWERK_CHROMIUM.${detail}`,
    { cause: e },
  );
}

/**
 * Whether `out` can be written: its folder exists and is a folder. Checked before any work, so a wrong path
 * costs no analysis; Chromium is never asked to create folders.
 */
export async function outputPathProblem(out: string, what: string): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(out));
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat) return `Kan ${what} niet schrijven naar '${out}': de map '${dir}' bestaat niet.`;
  if (!stat.isDirectory()) return `Kan ${what} niet schrijven naar '${out}': '${dir}' is geen map.`;
  const target = await fs.stat(out).catch(() => undefined);
  if (target?.isDirectory()) return `Kan ${what} niet schrijven naar '${out}': dat is een map.`;
  return undefined;
}

/** Writes `html` as a PDF to `out`. Throws (with a Dutch message) when Chromium is missing or fails. */
export async function printPdf(html: string, out: string): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath.ok) throw new Error(chromiumPath.message);
  const { chromium } = await import('playwright-core');
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-pdf-'));
  try {
    const context = await chromium
      .launchPersistentContext(profile, {
        executablePath: chromiumPath.path,
        headless: true,
        timeout: LAUNCH_TIMEOUT,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      .catch((e: unknown) => {
        throw launchFailure(chromiumPath.path, e);
      });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      page.setDefaultTimeout(PRINT_TIMEOUT);
      let pdf: Buffer;
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } catch (e) {
        const timedOut = e instanceof Error && e.name === 'TimeoutError';
        throw new Error(
          timedOut
            ? `Chromium drukte het rapport niet af binnen ${PRINT_TIMEOUT / 1000} s.`
            : 'Chromium kon het rapport niet afdrukken.',
          { cause: e },
        );
      }
      // Written here, not by Chromium: a missing folder is an error (ENOENT), never created.
      await fs.writeFile(out, pdf).catch((e: unknown) => {
        const code = e instanceof Error && 'code' in e ? ` (${String(e.code)})` : '';
        throw new Error(`Kan de PDF niet schrijven naar '${out}'${code}.`, { cause: e });
      });
    } finally {
      await context.close();
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}
