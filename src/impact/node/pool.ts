/**
 * Impact on every core (Node only): the caseload is cut into chunks that a Piscina worker-thread pool prices; the
 * tallies that come back are merged exactly. This thread compiles the rules and selects both versions once; every
 * worker gets the selected programs (plain IR data) when it starts, so it loads only the engine (no compiler,
 * no compiling: see worker.ts). At most a few chunks are in flight, so a large file is read only as fast as it is
 * priced. Cancellable.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Ir } from '../../../dsl/index.js';
import { selectImpact } from '../analyze.js';
import type { ImpactRequest, SelectedSides } from '../analyze.js';
import { finishReport, mergeTally } from '../report.js';
import { newTally } from '../tally.js';
import type { Tally } from '../tally.js';
import type { CaseloadPiece, ImpactOutcome, ImpactSide } from '../types.js';
import { Handoff } from './handoff.js';
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

export interface WorkerOptions {
  /** Worker threads (default: the cores available). */
  readonly threads?: number;
  /**
   * The worker's file (a file URL or path; default: the one beside this module). The benchmark runs the built
   * CLI's worker (dist/cli/impact-worker.js) from the TypeScript sources with it.
   */
  readonly workerFile?: string;
}

export interface PoolOptions extends ImpactRequest, WorkerOptions {
  /** Workers started before the rules were compiled (see {@link ImpactPool.early}): used instead of new ones. */
  readonly early?: EarlyPool;
}

export interface RunOptions {
  /** A chunk of JSON Lines bytes goes to a worker as it is (its buffer moved, not copied); entries in groups. */
  readonly entries: AsyncIterable<CaseloadPiece> | Iterable<CaseloadPiece>;
  readonly signal?: AbortSignal;
  /** Called when a chunk is done, with the entries read so far and how far the reader was when it was sent. */
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

  /**
   * Selects both versions and starts the workers on them (without waiting for them to load), or says in Dutch
   * which version is unknown.
   */
  static start(options: PoolOptions): { ok: true; pool: ImpactPool } | { ok: false; message: string } {
    const made = selectImpact(options);
    if (!made.ok) return made;
    const { pool, threads } = startWorkers(options, forWorkers(made.selected));
    return { ok: true, pool: ImpactPool.on(pool, threads, made.selected) };
  }

  /**
   * Starts the workers before there are versions to give them (they load their code meanwhile and then wait):
   * for a caller that compiles the rules next. {@link EarlyPool.begin} gives them the versions.
   */
  static early(options: WorkerOptions): EarlyPool {
    const handoff = new Handoff();
    const { pool, threads } = startWorkers(options, { handoff: handoff.buffer });
    return new EarlyPool(pool, threads, handoff);
  }

  /** A pool on started workers that have (or are handed) `selected`. */
  static on(pool: Piscina, threads: number, selected: SelectedSides): ImpactPool {
    const { basis, variant } = selected;
    const sides = { basis: basis.side, variant: variant.side };
    return new ImpactPool(pool, threads, sides, [...variant.programs, ...basis.programs]);
  }

  /** Prices a caseload: chunks go to the workers, at most two per thread in flight; tallies merged exactly. */
  async run(options: RunOptions): Promise<ImpactOutcome> {
    const total = newTally();
    const inFlight = new Set<Promise<void>>();
    const size = Math.max(1, options.chunk ?? 1000);
    let done = 0;
    let failure: unknown;
    let reached = 0;
    const submit = (chunk: CaseloadPiece[], transferList?: ArrayBuffer[]): void => {
      const at = options.position?.() ?? 0;
      const task = this.pool.run(chunk, transferList ? { transferList } : {}) as Promise<Tally>;
      const run = task.then(
        (t) => {
          done += t.read;
          mergeTally(total, t);
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
    let chunk: CaseloadPiece[] = [];
    for await (const entry of options.entries) {
      if (options.signal?.aborted || failure !== undefined) break;
      if (entry.kind === 'chunk') {
        if (chunk.length > 0) submit(chunk);
        chunk = [];
        submit([entry], [entry.bytes.buffer as ArrayBuffer]);
      } else {
        chunk.push(entry);
        if (chunk.length < size) continue;
        submit(chunk);
        chunk = [];
      }
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

/** Only what the workers need crosses: the programs of each side and its label. */
const forWorkers = ({ basis, variant }: SelectedSides): SelectedSides => ({
  basis: { programs: basis.programs, side: basis.side },
  variant: { programs: variant.programs, side: variant.side },
});

function startWorkers(options: WorkerOptions, data: ImpactWorkerData): { pool: Piscina; threads: number } {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new Piscina({
    filename: options.workerFile ?? workerFile(),
    workerData: data,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return { pool, threads };
}

/** Workers started early (see {@link ImpactPool.early}), waiting for the versions. */
export class EarlyPool {
  private closed = false;

  constructor(
    private readonly pool: Piscina,
    private readonly threads: number,
    private readonly handoff: Handoff,
  ) {}

  /** Selects both versions and hands them to the workers; or says in Dutch which version is unknown. */
  begin(request: ImpactRequest): { ok: true; pool: ImpactPool } | { ok: false; message: string } {
    const made = selectImpact(request);
    if (!made.ok) return made;
    this.handoff.give(forWorkers(made.selected));
    return { ok: true, pool: ImpactPool.on(this.pool, this.threads, made.selected) };
  }

  /** Stops the workers (once; also when nothing was handed to them: they are told first). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handoff.cancel();
    await this.pool.destroy();
  }
}

/** Starts a pool (or uses the early one), prices one caseload on it and closes it. */
export async function analyzeImpactOnPool(options: PoolOptions & RunOptions): Promise<ImpactOutcome> {
  const { early } = options;
  try {
    const started = early ? early.begin(options) : ImpactPool.start(options);
    if (!started.ok) return { ok: false, reason: 'versie', message: started.message };
    try {
      return await started.pool.run(options);
    } finally {
      if (!early) await started.pool.close();
    }
  } finally {
    await early?.close();
  }
}
