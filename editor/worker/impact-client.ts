/**
 * The UI thread's handle on the impact worker. Keeps the latest text of every rules file (the app reports each
 * edit), tells listeners that something was edited (the Impact tab debounces and re-runs), and numbers each
 * request so that only the answer to the latest one is shown.
 */
import type { SourceFile } from '../../dsl/service/index.js';
import type { ReportData } from '../../src/report/report-data.js';
import type { CaseloadSource, FromImpactWorker, ToImpactWorker, VersionChoice } from './impact-protocol.js';
import ImpactWorker from './impact-worker.ts?worker';

type Listener = (msg: FromImpactWorker) => void;

export class ImpactClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly texts = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  private readonly editListeners = new Set<() => void>();

  /** The worker starts when the Impact tab first needs it. */
  private post(msg: ToImpactWorker): void {
    if (this.worker === undefined) {
      this.worker = new ImpactWorker();
      this.worker.onmessage = (e: MessageEvent<FromImpactWorker>) => {
        for (const l of this.listeners) l(e.data);
      };
    }
    this.worker.postMessage(msg);
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

  setCaseload(source: CaseloadSource): number {
    const id = this.nextId++;
    this.post({ type: 'caseload', id, source });
    return id;
  }

  run(path: string, choice: VersionChoice): number {
    const id = this.nextId++;
    this.post({ type: 'run', id, files: this.files(), path, choice });
    return id;
  }

  cancel(): void {
    this.post({ type: 'cancel' });
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
