/**
 * A worker thread of the impact pool (Node only): compiles both sides once, when the worker starts, then prices
 * each chunk of the caseload it is given into a fresh tally and returns it (structured clone: Maps and bigint
 * cents cross intact) to be merged exactly by the main thread.
 */
import { workerData } from 'piscina';
import { compile } from '../../index.js';
import type { Source } from '../../index.js';
import { createPricer } from '../analyze.js';
import type { ImpactPricer } from '../analyze.js';
import { newTally } from '../tally.js';
import type { Tally } from '../tally.js';
import type { CaseloadEntry, CaseloadLine } from '../types.js';

/** What every worker gets when it starts: the rule texts and versions of both sides. */
export interface ImpactWorkerData {
  readonly basis: { readonly sources: readonly Source[]; readonly version: string };
  /** The variant's sources, when they are not the basis's (`--variant-regels`). */
  readonly variant: { readonly sources?: readonly Source[]; readonly version: string };
}

function programsOf(sources: readonly Source[]) {
  const result = compile([...sources]);
  if (!result.ok) throw new Error('de regels bevatten fouten');
  return result.programs;
}

function build(data: ImpactWorkerData): ImpactPricer {
  const basisPrograms = programsOf(data.basis.sources);
  const variantPrograms =
    data.variant.sources === undefined ? basisPrograms : programsOf(data.variant.sources);
  const made = createPricer({
    basis: { programs: basisPrograms, version: data.basis.version },
    variant: { programs: variantPrograms, version: data.variant.version },
  });
  if (!made.ok) throw new Error(made.message);
  return made.pricer;
}

const pricer = build(workerData as ImpactWorkerData);

/** Prices one chunk of the caseload. */
export default function priceChunk(entries: readonly (CaseloadEntry | CaseloadLine)[]): Tally {
  const tally = newTally();
  for (const entry of entries) pricer.add(tally, entry);
  return tally;
}
