/**
 * The UI thread's handle on the language worker: posts edits, awaits requests, fans out worker events.
 */
import type { FromWorker, ServiceRequest, ServiceResults, SourceFile, ToWorker } from './protocol.js';
import LanguageWorker from './language-worker.ts?worker';

type Event = Exclude<FromWorker, { type: 'response' }>;
type Listener = (event: Event) => void;

export class WorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<Listener>();

  constructor() {
    this.worker = new LanguageWorker();
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === 'response') {
        const p = this.pending.get(msg.id);
        if (p === undefined) return;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.result);
        return;
      }
      for (const l of this.listeners) l(msg);
    };
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  setFiles(files: readonly SourceFile[]): void {
    this.post({ type: 'files', files });
  }

  edit(path: string, text: string, version: number): void {
    this.post({ type: 'edit', path, text, version });
  }

  focus(path: string): void {
    this.post({ type: 'focus', path });
  }

  /** Run the scenarios of every version of the open ruleset (`true`) or of the open version only. */
  setScope(all: boolean): void {
    this.post({ type: 'scope', all });
  }

  /** A file was saved: failed scenario amounts are compared with this text from now on. */
  saved(path: string, text: string): void {
    this.post({ type: 'saved', path, text });
  }

  request<R extends ServiceRequest>(request: R): Promise<ServiceResults[R['method']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'request', id, request });
    });
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
