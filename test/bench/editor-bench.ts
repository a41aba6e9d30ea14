/**
 * `npm run bench:editor [-- --json]`: the editor in a real browser (Debian chromium) on the full Twents Model.
 *
 * - keystroke → updated markers: an in-page timer from a typed character to Monaco's marker change
 *   (alternately making and fixing an error, so every keystroke changes the markers), median and p95;
 * - keystroke → re-run scenarios: from changing a tariff cell to the affected scenario flipping red/green;
 * - first load: from navigation to a ready app with its scenarios shown (cold profile);
 * - bundle size of dist/editor (raw and gzip).
 * Targets (printed, not asserted): markers ≤ 150 ms p95, scenarios ≤ 300 ms.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_DIR, openEditor, selectInLine, waitForApp } from '../e2e/harness.js';

const EDITS = 30;
const SCENARIO_EDITS = 12;
const json = process.argv.includes('--json');

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

async function bundleSize(dir: string): Promise<{ bytes: number; gzip: number; files: number }> {
  let bytes = 0;
  let gzip = 0;
  let files = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else {
        const data = await fs.readFile(full);
        bytes += data.length;
        gzip += gzipSync(data).length;
        files++;
      }
    }
  };
  await walk(dir);
  return { bytes, gzip, files };
}

async function main(): Promise<void> {
  const s = await openEditor();
  try {
    const { page } = s;
    const t0 = performance.now();
    await waitForApp(page, s.server.url + '/');
    await page.waitForSelector('[data-testid="scenario-summary"]', { timeout: 60_000 });
    const firstLoad = performance.now() - t0;

    // Keystroke → markers.
    await selectInLine(page, '^status vastgesteld', 'vastgesteld');
    await page.keyboard.press('End');
    const markerTimes: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const ms = await page.evaluate(
        async (makeError) => {
          const r = window.regelwerk;
          if (r === undefined) throw new Error('geen editor');
          const model = r.editor.getModel();
          if (model === null) throw new Error('geen model');
          const changed = new Promise<number>((resolve) => {
            const sub = r.monaco.editor.onDidChangeMarkers((uris) => {
              if (!uris.some((u) => u.toString() === model.uri.toString())) return;
              const errors = r.monaco.editor
                .getModelMarkers({ resource: model.uri })
                .filter((m) => m.severity === r.monaco.MarkerSeverity.Error).length;
              if (makeError ? errors > 0 : errors === 0) {
                sub.dispose();
                resolve(performance.now());
              }
            });
          });
          const start = performance.now();
          if (makeError) r.editor.trigger('bench', 'type', { text: 'x' });
          else r.editor.trigger('bench', 'deleteLeft', null);
          return (await changed) - start;
        },
        i % 2 === 0,
      );
      markerTimes.push(ms);
    }

    // Keystroke → scenarios re-run (the affected scenario flips).
    const scenarioTimes: number[] = [];
    await selectInLine(page, '^\\s*ontwikkelen\\s+OB2\\s+71,80', '136,20');
    await page.keyboard.press('ArrowRight'); // caret after "136,20"
    for (let i = 0; i < SCENARIO_EDITS; i++) {
      const ms = await page.evaluate(
        async (breakIt) => {
          const r = window.regelwerk;
          if (r === undefined) throw new Error('geen editor');
          const want = breakIt ? 'mislukt' : 'geslaagd';
          const target = (): HTMLElement | undefined =>
            [...document.querySelectorAll<HTMLElement>('[data-scenario]')].find((e) =>
              (e.dataset.scenario ?? '').startsWith('OB2 ontwikkelen midden/B met vervoer'),
            );
          const flipped = new Promise<number>((resolve) => {
            const obs = new MutationObserver(() => {
              if (target()?.dataset.status === want) {
                obs.disconnect();
                resolve(performance.now());
              }
            });
            obs.observe(document.body, { subtree: true, childList: true, attributes: true });
          });
          const start = performance.now();
          if (breakIt) r.editor.trigger('bench', 'type', { text: '9' });
          else r.editor.trigger('bench', 'deleteLeft', null);
          return (await flipped) - start;
        },
        i % 2 === 0,
      );
      scenarioTimes.push(ms);
    }

    const bundle = await bundleSize(APP_DIR);
    const result = {
      markers: {
        edits: EDITS,
        medianMs: percentile(markerTimes, 50),
        p95Ms: percentile(markerTimes, 95),
        targetP95Ms: 150,
      },
      scenarios: {
        edits: SCENARIO_EDITS,
        medianMs: percentile(scenarioTimes, 50),
        p95Ms: percentile(scenarioTimes, 95),
        targetMs: 300,
      },
      firstLoadMs: firstLoad,
      bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzip, files: bundle.files },
    };
    if (json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const mb = (x: number) => `${(x / 1024 / 1024).toFixed(2)} MiB`;
    const rows: [string, string, string][] = [
      ['toetsaanslag → markeringen (mediaan)', ms(result.markers.medianMs), ''],
      [
        'toetsaanslag → markeringen (p95)',
        ms(result.markers.p95Ms),
        `doel ≤ 150 ms ${result.markers.p95Ms <= 150 ? '✓' : '✗'}`,
      ],
      ["wijziging → scenario's opnieuw (mediaan)", ms(result.scenarios.medianMs), ''],
      [
        "wijziging → scenario's opnieuw (p95)",
        ms(result.scenarios.p95Ms),
        `doel ≤ 300 ms ${result.scenarios.p95Ms <= 300 ? '✓' : '✗'}`,
      ],
      ['eerste keer laden (koud)', ms(firstLoad), ''],
      ['bundel dist/editor', `${mb(bundle.bytes)} (gzip ${mb(bundle.gzip)})`, `${bundle.files} bestanden`],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log(
      `Editorbenchmark (Chromium, volledig Twents Model, ${EDITS} + ${SCENARIO_EDITS} wijzigingen)\n`,
    );
    for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  } finally {
    await s.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
