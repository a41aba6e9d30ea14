/**
 * The UI thread's handle on the impact workers. Keeps the latest text of every rules file (the app reports each
 * edit), tells listeners that something was edited (the Impact tab debounces and re-runs), and numbers each
 * request (unique across workers) so that only the answer to the latest one is shown.
 *
 * Each lane has its own worker: the Impact tab (`impact`) and the review page (`beoordeling`) compute side by
 * side, so switching between them never stops the other's run; a new run or Stop cancels only its own lane.
 * The caseload chosen in the Impact tab is the caseload of every lane.
 */
import type { SourceFile } from '../../dsl/service/index.js';
import type { ReportData } from '../../src/report/report-data.js';
import type { CaseloadSource, FromImpactWorker, ToImpactWorker, VersionChoice } from './impact-protocol.js';
import ImpactWorker from './impact-worker.ts?worker';

type Listener = (msg: FromImpactWorker) => void;

/** Who computes: the Impact tab, or the review page. */
export type ImpactLane = 'impact' | 'beoordeling';

export class ImpactClient {
  private readonly workers = new Map<ImpactLane, Worker>();
  /** The caseload last chosen (undefined: the shipped sample), handed to a lane's worker when it starts. */
  private caseload: CaseloadSource | undefined;
  private nextId = 1;
  private readonly texts = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  private readonly editListeners = new Set<() => void>();

  /** A lane's worker starts when that lane first needs it. */
  private post(msg: ToImpactWorker, lane: ImpactLane = 'impact'): void {
    let worker = this.workers.get(lane);
    if (worker === undefined) {
      worker = new ImpactWorker();
      worker.onmessage = (e: MessageEvent<FromImpactWorker>) => {
        for (const l of this.listeners) l(e.data);
      };
      this.workers.set(lane, worker);
      if (this.caseload !== undefined && msg.type !== 'caseload')
        worker.postMessage({
          type: 'caseload',
          id: this.nextId++,
          source: this.caseload,
        } satisfies ToImpactWorker);
    }
    worker.postMessage(msg);
  }

  setFiles(files: readonly SourceFile[]): void {
    for (const f of files) this.texts.set(f.path, f.text);
    for (const l of this.editListeners) l();
  }

  edit(path: string, text: string): void {
    this.texts.set(path, text);
    for (const l of this.editListeners) l();
  }

  get hasFiles(): boolean {
    return this.texts.size > 0;
  }

  private files(): SourceFile[] {
    return [...this.texts].map(([path, text]) => ({ path, text }));
  }

  /** Chooses the caseload of every lane; the answer (with the returned id) comes from the Impact tab's worker. */
  setCaseload(source: CaseloadSource): number {
    this.caseload = source;
    const id = this.nextId++;
    this.post({ type: 'caseload', id, source });
    for (const lane of this.workers.keys())
      if (lane !== 'impact') this.post({ type: 'caseload', id: this.nextId++, source }, lane);
    return id;
  }

  /** Runs the analysis in a lane, cancelling that lane's run in progress (not another lane's). */
  run(path: string, choice: VersionChoice, lane: ImpactLane = 'impact'): number {
    const id = this.nextId++;
    this.post({ type: 'run', id, files: this.files(), path, choice }, lane);
    return id;
  }

  cancel(lane: ImpactLane = 'impact'): void {
    if (this.workers.has(lane)) this.post({ type: 'cancel' }, lane);
  }

  /** The board report's data for the current texts (the worker reuses its last analysis when it can). */
  rapport(path: string, choice: VersionChoice, made: string): Promise<ReportData> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const off = this.onMessage((msg) => {
        if (msg.type !== 'rapport' || msg.id !== id) return;
        off();
        if (msg.outcome.ok) resolve(msg.outcome.data);
        else reject(new Error(msg.outcome.fout));
      });
      this.post({ type: 'rapport', id, files: this.files(), path, choice, made });
    });
  }

  onMessage(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEdit(listener: () => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }
}
