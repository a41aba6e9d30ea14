/**
 * The Impact tab in a real browser (Debian chromium), on its own copy of rules/ with a concept version 2023
 * (test/e2e/fixtures/impact) that rewrites the row ontwikkelen OB2 of the weektarief with 2022's amounts. The
 * test changes one cell: exactly the results priced with that cell change (their number is the cell's count in
 * the table, and is counted here independently from the sample caseload), nothing else does.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openEditor,
  PROJECT_ROOT,
  screenshot,
  selectInLine,
  waitForApp,
  type EditorSession,
} from './harness.js';

const FIXTURE = path.join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'impact');
const SAMPLE = path.join(PROJECT_ROOT, 'rules', 'twents-model', 'voorbeelden', 'caseload-2000.jsonl');
const CELL = 'weektarief[ontwikkelen, OB2, midden, B]';
const WAIT = { timeout: 60_000, interval: 100 };

let s: EditorSession;

interface Row {
  readonly key: string;
  readonly count: string | null;
  readonly difference: string | null;
}

/** The rows of one impact table, with their exact figures (data attributes). */
async function rows(testId: string): Promise<Row[]> {
  return s.page.evaluate((id) => {
    const table = document.querySelector(`[data-testid="impact"] [data-testid="${id}"]`);
    return [...(table?.querySelectorAll<HTMLElement>('tbody tr') ?? [])].map((tr) => ({
      key: tr.dataset.key ?? '',
      count: tr.dataset.count ?? null,
      difference: tr.querySelector<HTMLElement>('[data-difference]')?.dataset.difference ?? null,
    }));
  }, testId);
}

const impactState = () =>
  s.page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="impact"]');
    return { run: Number(el?.dataset.run ?? 0), state: el?.dataset.state ?? '' };
  });

const headlineDifference = () => s.page.getAttribute('[data-testid="impact-headline"]', 'data-difference');

/** Waits for an analysis newer than `after` to be shown. */
async function nextAnalysis(after: number): Promise<void> {
  await s.page.waitForFunction(
    (n) => {
      const el = document.querySelector<HTMLElement>('[data-testid="impact"]');
      return Number(el?.dataset.run ?? 0) > n && el?.dataset.state === 'ok';
    },
    after,
    { timeout: WAIT.timeout },
  );
}

/** Results in the sample caseload with this perspectief, OB, intensiteit and bandbreedte. */
async function resultsInSample(p: string, ob: string, i: string, b: string): Promise<number> {
  const text = await fs.readFile(SAMPLE, 'utf8');
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const casus = JSON.parse(line) as { resultaten?: Record<string, unknown>[] };
    for (const r of casus.resultaten ?? [])
      if (
        r.perspectief === p &&
        r.ondersteuningsbehoefte === ob &&
        r.intensiteit === i &&
        r.bandbreedte === b
      )
        n++;
  }
  return n;
}

const cents = (v: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(v);
  if (m === null) throw new Error(`geen bedrag: ${v}`);
  const c = BigInt(m[2] as string) * 100n + BigInt(m[3] as string);
  return m[1] === '-' ? -c : c;
};

beforeAll(async () => {
  s = await openEditor({ rulesOverlay: FIXTURE });
  await waitForApp(s.page, s.server.url + '/');
  await s.page.click('[data-pad="twents-model/2023.regels"]');
  await s.page.waitForFunction(
    () => /versie 2023/.test(document.querySelector('[data-testid="title"]')?.textContent ?? ''),
    undefined,
    { timeout: WAIT.timeout },
  );
  await s.page.click('[data-testid="tab-impact"]');
  await nextAnalysis(0);
}, 240_000);

afterAll(async () => {
  await s?.close();
});

describe('het tabblad Impact in de browser', () => {
  it('compares the open concept with its base over the sample: no change yet, so nothing differs', async () => {
    expect(await s.page.textContent('[data-testid="impact-headline"]')).toMatch(
      /^Versie 2023 kost evenveel als versie 2022: €\s[\d.]+,\d\d voor 2\.000 beschikkingen\./,
    );
    expect(await headlineDifference()).toBe('0.00');
    const cells = await rows('impact-cellen');
    expect(cells.length).toBeGreaterThan(40);
    expect(cells.filter((c) => c.difference !== '0.00')).toEqual([]);
    await screenshot(s.page, 'impact-01-geen-verschil');
  });

  it('after one weektarief cell changes, exactly the results priced with it differ', async () => {
    const { page } = s;
    const before = (await impactState()).run;
    await selectInLine(page, '^\\s*ontwikkelen\\s+OB2\\s+77,35', '146,72');
    await page.keyboard.type('150,00');
    await nextAnalysis(before);
    await expect.poll(headlineDifference, WAIT).not.toBe('0.00');

    const expected = await resultsInSample('ontwikkelen', 'OB2', 'midden', 'B');
    expect(expected).toBeGreaterThan(0);
    const cells = await rows('impact-cellen');
    const changed = cells.filter((c) => c.difference !== '0.00');
    expect(changed.map((c) => c.key)).toEqual([CELL]);
    const cell = changed[0] as Row;
    expect(Number(cell.count)).toBe(expected);
    expect(cents(cell.difference ?? '')).toBeGreaterThan(0n);
    // The total moves by exactly what that cell moves, and the gemeenten add up to it.
    expect(await headlineDifference()).toBe(cell.difference);
    const gemeenten = await rows('impact-gemeente');
    expect(gemeenten).toHaveLength(14);
    const sum = gemeenten.reduce((t, g) => t + cents(g.difference ?? ''), 0n);
    expect(sum).toBe(cents(cell.difference ?? ''));
    // Results elsewhere (other OB, other intensiteit) did not move.
    for (const r of await rows('impact-ob'))
      if (r.key !== 'ontwikkelen, OB2') expect(r.difference, r.key).toBe('0.00');
    for (const r of await rows('impact-intensiteit'))
      if (r.key !== 'midden/B') expect(r.difference, r.key).toBe('0.00');
    for (const r of await rows('impact-module')) expect(r.difference, r.key).toBe('0.00');
    expect(await page.textContent('[data-testid="impact-headline"]')).toMatch(
      /^Versie 2023 kost €\s[\d.]+,\d\d meer dan versie 2022 \(\+\d+,\d\d\s%\)/,
    );
    await screenshot(page, 'impact-02-een-cel');
  });

  it('opens a largest change in the playground, priced as the variant, with its explanation', async () => {
    const { page } = s;
    const first = page.locator('[data-testid="impact-grootste"] tbody tr').first();
    const variant = (await first.locator('td.amount').nth(1).textContent())?.replace(/\u00a0/g, ' ');
    await first.locator('[data-testid="open-case"]').click();
    await page.waitForSelector('[data-testid="als-versie"]', WAIT);
    expect(await page.textContent('[data-testid="als-versie"]')).toMatch(/berekend alsof versie/);
    await expect.poll(() => page.textContent('[data-testid="total"]'), WAIT).toBe(variant);
    expect(await page.textContent('[data-testid="explanation"]')).toMatch(/weektarief/);
    await screenshot(page, 'impact-03-proefgeval');
    await page.click('[data-testid="tab-impact"]');
  });

  it('downloads the board report as one self-contained HTML file', async () => {
    const { page } = s;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid="rapport-maken"]'),
    ]);
    expect(download.suggestedFilename()).toBe('rapport-twents-model-2023-tegenover-2022.html');
    const file = await download.path();
    const html = await fs.readFile(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Versie 2023 tegenover versie 2022');
    expect(html).toMatch(/Versie 2023 kost €(\s|&nbsp;)[\d.]+,\d\d meer dan versie 2022/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(await page.textContent('[data-testid="impact-notice"]')).toMatch(/Rapport gedownload/);
  });

  it('reads a CSV caseload the advisor picks, in the browser, and reports a bad row with its line', async () => {
    const { page } = s;
    const csv = [
      'beschikking,soort,gemeente,wet,geboortedatum,ingangsdatum,verwijzer,id,perspectief,ondersteuningsbehoefte,intensiteit,bandbreedte,periode_van,periode_tot',
      'b1,resultaat,Oldenzaal,jeugdwet,2010-12-01,2022-04-15,toegang,r1,ontwikkelen,OB2,midden,B,2022-04-15,2022-10-14',
      'b1,resultaat,Oldenzaal,jeugdwet,2010-12-01,2022-04-15,toegang,r2,ontwikkelen,OB3,midden,B,2022-04-15,2022-10-14',
      'b2,resultaat,Enschede,wmo,1951-09-08,2022-06-15,toegang,r1,stabiliseren,OB1,licht,A,2022-06-15,2022-12-14',
      'b3,resultaat,Enschede,jeugdwet,2012-04-08,2022-01-27,toegang,r1,ontwikkelen,OB9,midden,B,2022-01-27,2022-07-26',
    ].join('\n');
    const before = (await impactState()).run;
    await page.setInputFiles('[data-testid="impact-bestand"]', {
      name: 'mijn-caseload.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await nextAnalysis(before);
    await page.waitForFunction(
      () => /mijn-caseload\.csv/.test(document.querySelector('.impact-caseload')?.textContent ?? ''),
      undefined,
      { timeout: WAIT.timeout },
    );
    expect(await page.textContent('[data-testid="impact-headline"]')).toMatch(/voor 2 beschikkingen\./);
    expect(await page.textContent('[data-testid="impact-fouten"]')).toMatch(/Regel 5 \(beschikking b3\)/);
    const cell = (await rows('impact-cellen')).find((c) => c.key === CELL);
    expect(cell?.count).toBe('1');
    await screenshot(page, 'impact-04-csv');
    const back = (await impactState()).run;
    await page.click('text=Voorbeeld gebruiken');
    await nextAnalysis(back);
    expect(await page.textContent('[data-testid="impact-headline"]')).toMatch(/voor 2\.000 beschikkingen/);
  });

  it('shows only the latest of several quick edits (older runs are cancelled)', async () => {
    const { page } = s;
    const before = (await impactState()).run;
    await selectInLine(page, '^\\s*ontwikkelen\\s+OB2\\s+77,35', '150,00');
    await page.keyboard.type('151,00');
    await selectInLine(page, '^\\s*ontwikkelen\\s+OB2\\s+77,35', '151,00');
    await page.keyboard.type('146,72');
    await nextAnalysis(before);
    await expect.poll(headlineDifference, WAIT).toBe('0.00');
  });

  it('the review page computes in its own worker: switching mid-run stops neither run', async () => {
    const { page } = s;
    // A caseload ten times the sample, so that a run lasts long enough to switch tabs in the middle of it.
    const sample = await fs.readFile(SAMPLE, 'utf8');
    const big = Array.from({ length: 10 }, () => sample.trimEnd()).join('\n') + '\n';
    await page.setInputFiles('[data-testid="impact-bestand"]', {
      name: 'grote-caseload.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(big, 'utf8'),
    });
    // Wait until the Impact tab is computing over the big file, then switch to Beoordeling mid-run.
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="impact"]')?.dataset.state === 'bezig',
      undefined,
      { timeout: WAIT.timeout, polling: 20 },
    );
    const runBefore = (await impactState()).run;
    await page.click('[data-testid="tab-beoordeling"]');
    expect((await impactState()).state).toBe('bezig');
    await page.waitForSelector('[data-testid="review-impact"]', WAIT);
    // The review's own run finishes over the same (chosen) caseload…
    await expect
      .poll(() => page.getAttribute('[data-testid="review-impact"]', 'data-state'), WAIT)
      .toBe('ok');
    expect(await page.textContent('[data-testid="review-impact"]')).toMatch(
      /grote-caseload\.jsonl[\s\S]*voor 20\.000 beschikkingen/,
    );
    // …and so does the Impact tab's run that was going on when we switched: not stopped, not re-run.
    await page.click('[data-testid="tab-impact"]');
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="impact"]')?.dataset.state !== 'bezig',
      undefined,
      { timeout: WAIT.timeout },
    );
    expect(await impactState()).toEqual({ run: expect.any(Number) as number, state: 'ok' });
    expect((await impactState()).run).toBeGreaterThan(runBefore);
    expect(await page.textContent('[data-testid="impact-headline"]')).toMatch(/voor 20\.000 beschikkingen/);
    expect(await page.textContent('[data-testid="impact"]')).not.toMatch(/onderbroken|afgebroken/);
    const back = (await impactState()).run;
    await page.click('text=Voorbeeld gebruiken');
    await nextAnalysis(back);
  });
});
