/**
 * `editorImpactP95Ms`: from an edit of one weektarief cell to the updated Impact tab, in a real browser (Debian
 * chromium), on the 2,000-case sample: the edit, the debounce, compiling the rules, pricing every beschikking
 * under basis and variant in the impact worker, and React drawing the result. The concept version 2023 of the
 * browser test (test/e2e/fixtures/impact) is edited, alternately to 150,00 and back to 146,72, so every edit
 * changes the headline. Goal: p95 ≤ 1,000 ms. Part of `npm run bench`; alone: `npx tsx test/bench/editor-impact-bench.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEditor, PROJECT_ROOT } from '../e2e/harness.js';

const EDITS = 20;
const FIXTURE = path.join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'impact');

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

export interface EditorImpactBench {
  readonly editorImpactP95Ms: number;
  readonly editorImpactMedianMs: number;
  readonly editorImpactEdits: number;
}

export async function runEditorImpactBench(log: (s: string) => void): Promise<EditorImpactBench> {
  const s = await openEditor({ rulesOverlay: FIXTURE });
  try {
    const { page } = s;
    await page.goto(s.server.url + '/');
    await page.waitForSelector('.app[data-ready="ja"]', { timeout: 60_000 });
    await page.click('[data-pad="twents-model/2023.regels"]');
    await page.waitForFunction(
      () => /versie 2023/.test(document.querySelector('[data-testid="title"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await page.click('[data-testid="tab-impact"]');
    await page.waitForSelector('[data-testid="impact"][data-state="ok"]', { timeout: 120_000 });
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const ms = await page.evaluate(
        async (raise) => {
          const r = window.regelwerk;
          const model = r?.editor.getModel();
          if (r === undefined || model === null || model === undefined) throw new Error('geen editor');
          const [from, to] = raise ? ['146,72', '150,00'] : ['150,00', '146,72'];
          const text = model.getValue();
          const row = /^\s*ontwikkelen\s+OB2\s+77,35.*$/m.exec(text);
          const at = row === null ? -1 : text.indexOf(from, row.index);
          if (at < 0) throw new Error(`cel ${from} niet gevonden`);
          const panel = document.querySelector<HTMLElement>('[data-testid="impact"]');
          if (panel === null) throw new Error('geen tabblad Impact');
          const run = Number(panel.dataset.run);
          const done = new Promise<number>((resolve) => {
            const check = () => {
              const headline = panel.querySelector<HTMLElement>('[data-testid="impact-headline"]');
              const changed = headline?.dataset.difference !== '0.00';
              if (Number(panel.dataset.run) > run && panel.dataset.state === 'ok' && changed === raise) {
                obs.disconnect();
                resolve(performance.now());
              }
            };
            const obs = new MutationObserver(check);
            obs.observe(panel, { subtree: true, childList: true, attributes: true });
          });
          const start = model.getPositionAt(at);
          const end = model.getPositionAt(at + from.length);
          const t0 = performance.now();
          r.editor.executeEdits('bench', [
            {
              range: {
                startLineNumber: start.lineNumber,
                startColumn: start.column,
                endLineNumber: end.lineNumber,
                endColumn: end.column,
              },
              text: to,
            },
          ]);
          return (await done) - t0;
        },
        i % 2 === 0,
      );
      times.push(ms);
    }
    const result = {
      editorImpactP95Ms: Math.round(percentile(times, 95)),
      editorImpactMedianMs: Math.round(percentile(times, 50)),
      editorImpactEdits: EDITS,
    };
    log(
      `  wijziging → tabblad Impact bijgewerkt (2.000 beschikkingen, Chromium): mediaan ${result.editorImpactMedianMs} ms, ` +
        `p95 ${result.editorImpactP95Ms} ms (doel ≤ 1.000 ms)`,
    );
    return result;
  } finally {
    await s.close();
  }
}

// Alone: `npx tsx test/bench/editor-impact-bench.ts [--json]`.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  runEditorImpactBench(json ? () => undefined : console.log).then(
    (r) => json && console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
