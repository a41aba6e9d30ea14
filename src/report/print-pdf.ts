/**
 * Prints the board report's HTML to PDF with Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * A4, backgrounds printed, in a fresh temporary profile that is removed afterwards. The HTML is self-contained,
 * so the page loads nothing; every request is refused all the same.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = [process.env['REGELWERK_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Chromium's path, or a Dutch message that says how to install it. */
export function findChromium(): { ok: true; path: string } | { ok: false; message: string } {
  const found = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
  if (found !== undefined) return { ok: true, path: found };
  return {
    ok: false,
    message:
      "Chromium ontbreekt: een PDF wordt met Chromium gemaakt. Installeer het met 'sudo apt-get install -y chromium' " +
      '(of zet REGELWERK_CHROMIUM op het pad van een chromium). Het HTML-rapport kan ook vanuit een browser ' +
      'worden afgedrukt.',
  };
}

/** Writes `html` as a PDF to `out`. Throws (with a Dutch message) when Chromium is missing or fails. */
export async function printPdf(html: string, out: string): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath.ok) throw new Error(chromiumPath.message);
  const { chromium } = await import('playwright-core');
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-pdf-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath.path,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}
