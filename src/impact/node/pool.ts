/**
 * Impact on every core (Node only): the caseload is cut into chunks that a Piscina worker-thread pool prices
 * (each worker compiles both versions once, see worker.ts); the tallies that come back are merged exactly. At
 * most a few chunks are in flight, so a large file is read only as fast as it is priced. Cancellable.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Ir } from '../../../dsl/index.js';
import { finishReport, mergeTally } from '../report.js';
import { newTally } from '../tally.js';
import type { Tally } from '../tally.js';
import type { CaseloadEntry, CaseloadLine, ImpactOutcome, ImpactSide } from '../types.js';
import { selectVersion } from '../versions.js';
import type { ImpactWorkerData } from './worker.js';

/**
 * The worker's file: from the TypeScript sources a bootstrap that runs worker.ts through tsx; from the library
 * build (dist/src) worker.js beside this module; from the bundled CLI (dist/cli) its entry impact-worker.js.
 * (The names are not literals in `new URL(…)`, so that a bundler does not take them for assets.)
 */
function workerFile(): string {
  const candidates = import.meta.url.endsWith('.ts')
    ? ['worker-entry.mjs']
    : ['worker.js', 'impact-worker.js'];
  for (const name of candidates) {
    const url = new URL(`./${name}`, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new Error(
    `het werkbestand van de impactanalyse (${candidates.join(' of ')}) ontbreekt naast ${import.meta.url}`,
  );
}

export interface PoolOptions {
  /** What the workers compile: the rule texts and versions of both sides. */
  readonly data: ImpactWorkerData;
  /** The compiled programs of both sides in this thread (for the version check and the labels). */
  readonly basisPrograms: readonly Ir.Program[];
  readonly variantPrograms: readonly Ir.Program[];
  /** Worker threads (default: the cores available). */
  readonly threads?: number;
  /**
   * Workers already started with {@link startWorkers} on the same `data` (so that they compile while this thread
   * loads and checks the rules); otherwise they are started here.
   */
  readonly workers?: Piscina;
}

/**
 * Starts the worker threads on `data` (each loads the code and compiles both versions), without waiting for them.
 */
export function startWorkers(data: ImpactWorkerData, threads?: number): Piscina {
  const n = Math.max(1, threads ?? availableParallelism());
  const pool = new Piscina({
    filename: workerFile(),
    workerData: data,
    minThreads: n,
    maxThreads: n,
    idleTimeout: 60_000,
  });
  return pool;
}

export interface RunOptions {
  readonly entries: AsyncIterable<CaseloadEntry | CaseloadLine> | Iterable<CaseloadEntry | CaseloadLine>;
  readonly signal?: AbortSignal;
  /** Called when a chunk is done, with the entries done so far and how far the reader was when it was sent. */
  readonly onProgress?: (done: number, position: number) => void;
  /** How far the reader is (bytes of the file), noted with each chunk for the progress bar. */
  readonly position?: () => number;
  /** Entries per chunk (default 1,000). */
  readonly chunk?: number;
}

const CANCELLED: ImpactOutcome = {
  ok: false,
  reason: 'afgebroken',
  message: 'De impactanalyse is afgebroken.',
};

/** A started pool for one pair of versions: run it over one caseload or several, then close it. */
export class ImpactPool {
  private constructor(
    private readonly pool: Piscina,
    private readonly threads: number,
    private readonly sides: { readonly basis: ImpactSide; readonly variant: ImpactSide },
    private readonly labels: readonly Ir.Program[],
  ) {}

  /** Starts the workers (each compiles both versions), or says in Dutch which version is unknown. */
  static start(options: PoolOptions): { ok: true; pool: ImpactPool } | { ok: false; message: string } {
    const basis = selectVersion(options.basisPrograms, options.data.basis.version, 'basis');
    if (!basis.ok) return basis;
    const variant = selectVersion(options.variantPrograms, options.data.variant.version, 'variant');
    if (!variant.ok) return variant;
    const pool = options.workers ?? startWorkers(options.data, options.threads);
    const threads = pool.maxThreads;
    const sides = { basis: basis.side, variant: variant.side };
    return { ok: true, pool: new ImpactPool(pool, threads, sides, [...variant.programs, ...basis.programs]) };
  }

  /** Prices a caseload: chunks go to the workers, at most two per thread in flight; tallies merged exactly. */
  async run(options: RunOptions): Promise<ImpactOutcome> {
    const total = newTally();
    const inFlight = new Set<Promise<void>>();
    const size = Math.max(1, options.chunk ?? 1000);
    let done = 0;
    let failure: unknown;
    let reached = 0;
    const submit = (chunk: (CaseloadEntry | CaseloadLine)[]): void => {
      const at = options.position?.() ?? 0;
      const run = (this.pool.run(chunk) as Promise<Tally>).then(
        (t) => {
          mergeTally(total, t);
          done += chunk.length;
          reached = Math.max(reached, at);
          options.onProgress?.(done, reached);
        },
        (e: unknown) => {
          failure ??= e;
        },
      );
      const p = run.finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    let chunk: (CaseloadEntry | CaseloadLine)[] = [];
    for await (const entry of options.entries) {
      if (options.signal?.aborted || failure !== undefined) break;
      chunk.push(entry);
      if (chunk.length < size) continue;
      submit(chunk);
      chunk = [];
      // Read ahead no further than two chunks per thread.
      while (inFlight.size >= this.threads * 2) await Promise.race(inFlight);
    }
    if (chunk.length > 0 && !options.signal?.aborted && failure === undefined) submit(chunk);
    await Promise.all(inFlight);
    if (options.signal?.aborted) return CANCELLED;
    if (failure !== undefined) throw failure;
    return { ok: true, report: finishReport(total, this.sides, this.labels) };
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Starts a pool, prices one caseload on it and closes it. */
export async function analyzeImpactOnPool(options: PoolOptions & RunOptions): Promise<ImpactOutcome> {
  const started = ImpactPool.start(options);
  if (!started.ok) return { ok: false, reason: 'versie', message: started.message };
  try {
    return await started.pool.run(options);
  } finally {
    await started.pool.close();
  }
}
