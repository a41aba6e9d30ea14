// V8 settings the command line runs with, set before anything else runs (worker threads share them); the
// benchmark (test/bench/run.ts) sets the same, so that what it measures in its own process runs as the CLI does.
// Measured in docs/benchmarks.md ("Sessie 6").
//
// --no-allocation-site-pretenuring: V8 guesses from the first objects an allocation site makes whether its
//   objects live long, and then allocates them in the old generation. The engine's caches keep the first results
//   of a few sites, so V8 would often guess "long-lived" for objects that live for one evaluation: every
//   evaluation's garbage then went to the old generation and full collections took 30-40 % of the time, in some
//   runs and not in others (the fast path 47,000-64,000 cases/s against 81,000-100,000 with this flag).
// --max-inlined-bytecode-size-cumulative=150 (V8's default is 920): less inlining per optimised function, so each
//   worker thread spends less time optimising the same engine code: `regelwerk impact` on 30,000 beschikkingen
//   1.26-1.48 s -> 1.17-1.27 s (5 runs each, alternating; 100 and 300 gave the same).
import v8 from 'node:v8';

export const V8_FLAGS = ['--no-allocation-site-pretenuring', '--max-inlined-bytecode-size-cumulative=150'];

/** Sets {@link V8_FLAGS} in this process. */
export function setV8Flags() {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}
