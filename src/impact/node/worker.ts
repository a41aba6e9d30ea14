/**
 * A worker thread of the impact pool (Node only). It gets both sides already compiled and selected by the main
 * thread (plain IR data, cloned once per worker when it starts), so it loads only the engine, never the compiler;
 * then it prices each chunk of the caseload it is given into a fresh tally and returns it (structured clone: Maps
 * and bigint cents cross intact) to be merged exactly by the main thread.
 */
import { workerData } from 'piscina';
import { selectedPricer } from '../analyze.js';
import type { SelectedSides } from '../analyze.js';
import { newTally } from '../tally.js';
import type { Tally } from '../tally.js';
import type { CaseloadPiece } from '../types.js';

/** What every worker gets when it starts: the programs of both sides, selected (see `selectImpact`). */
export type ImpactWorkerData = SelectedSides;

const pricer = selectedPricer(workerData as ImpactWorkerData);

/** Prices one chunk of the caseload: entries, or a chunk of JSON Lines bytes (split and parsed here). */
export default function priceChunk(entries: readonly CaseloadPiece[]): Tally {
  const tally = newTally();
  for (const entry of entries) pricer.add(tally, entry);
  return tally;
}
