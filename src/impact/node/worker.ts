/**
 * A worker thread of the impact pool (Node only). It gets both sides already compiled and selected by the main
 * thread (plain IR data, once per worker), so it loads only the engine, never the compiler; then it prices each
 * chunk of the caseload it is given into a fresh tally and returns it (structured clone: Maps and bigint cents
 * cross intact) to be merged exactly by the main thread. The selection comes with `workerData`, or, when the pool
 * was started before the rules were compiled, through a {@link Handoff} this worker waits on after loading.
 */
import { workerData } from 'piscina';
import { selectedPricer } from '../analyze.js';
import type { SelectedSides } from '../analyze.js';
import { newTally } from '../tally.js';
import type { Tally } from '../tally.js';
import type { CaseloadPiece } from '../types.js';
import { takeHandoff } from './handoff.js';

/** What every worker gets when it starts: the programs of both sides, selected (see `selectImpact`), or the
 * shared buffer they will be handed on. */
export type ImpactWorkerData = SelectedSides | { readonly handoff: SharedArrayBuffer };

const data = workerData as ImpactWorkerData;
const selected = 'handoff' in data ? (takeHandoff(data.handoff) as SelectedSides | undefined) : data;
const pricer = selected ? selectedPricer(selected) : undefined;

/** Prices one chunk of the caseload: entries, or a chunk of JSON Lines bytes (split and parsed here). */
export default function priceChunk(entries: readonly CaseloadPiece[]): Tally {
  if (!pricer) throw new Error('de impactanalyse is gestopt voordat de versies gekozen waren');
  const tally = newTally();
  for (const entry of entries) pricer.add(tally, entry);
  return tally;
}
