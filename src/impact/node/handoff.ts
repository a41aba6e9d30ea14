/**
 * Handing data to worker threads that started before it existed (Node only): the pool of `regelwerk impact`
 * starts its workers while this thread still compiles the rules, so that both happen at once; each worker loads
 * its code and then waits here for the selected versions. A shared buffer (given to the workers when they start)
 * holds a state word, the length and the data (v8-serialized, as structured clone does); the worker blocks on the
 * state word until this thread gives the data or gives up.
 */
import { deserialize, serialize } from 'node:v8';

/** State word, length word, then the bytes. */
const HEADER = 8;
/** The most a handoff can carry (the selected IR of a large ruleset is a few MB at most). */
const MAX_BYTES = 256 * 1024 * 1024;

/** A growable shared buffer (ES2024, in Node 20; the TypeScript library here predates it). */
type GrowableBuffer = SharedArrayBuffer & { grow(length: number): void };
const GrowableBuffer = SharedArrayBuffer as unknown as new (
  length: number,
  options: { maxByteLength: number },
) => GrowableBuffer;

const WAITING = 0;
const GIVEN = 1;
const CANCELLED = 2;

/** The giving side, owned by the thread that starts the workers. */
export class Handoff {
  /** Shared with the workers (in their `workerData`); grows to hold the data when it is given. */
  readonly buffer: GrowableBuffer = new GrowableBuffer(HEADER, { maxByteLength: HEADER + MAX_BYTES });
  private readonly head = new Int32Array(this.buffer, 0, 2);

  /** Gives `data` to every worker, waiting or still to come. */
  give(data: unknown): void {
    const bytes = serialize(data);
    if (bytes.length > MAX_BYTES)
      throw new Error(`de gekozen versies zijn te groot om aan de workers te geven (${bytes.length} bytes)`);
    this.buffer.grow(HEADER + bytes.length);
    new Uint8Array(this.buffer, HEADER, bytes.length).set(bytes);
    this.head[1] = bytes.length;
    Atomics.store(this.head, 0, GIVEN);
    Atomics.notify(this.head, 0);
  }

  /** Tells the workers nothing will come (they then refuse every task); they are stopped next. */
  cancel(): void {
    if (Atomics.compareExchange(this.head, 0, WAITING, CANCELLED) === WAITING) Atomics.notify(this.head, 0);
  }
}

/** In a worker: waits for the data given on `buffer`; undefined when the handoff was cancelled. */
export function takeHandoff(buffer: SharedArrayBuffer): unknown {
  const head = new Int32Array(buffer, 0, 2);
  Atomics.wait(head, 0, WAITING);
  if (Atomics.load(head, 0) !== GIVEN) return undefined;
  // A copy of the bytes: deserializing reads an ordinary buffer.
  return deserialize(new Uint8Array(buffer, HEADER, head[1]).slice());
}
