/**
 * `npm run bench [-- --json]`: every benchmark, measured in one run, printed as figures and ratios against
 * baselines measured in the same run. With `--json`, one JSON object.
 */
import { existsSync } from 'node:fs';
import { setV8Flags } from '../../bin/v8-flags.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliStartBench } from './cli-start-bench.js';
import { runFrontEndBench } from './front-end-bench.js';
import { runPathologicalBench } from './pathological-bench.js';

// As the CLI runs (bin/v8-flags.mjs): the same V8 settings, so that what is measured in this process (the fast
// path, the library) runs as in the CLI and its worker threads.
setV8Flags();

const json = process.argv.includes('--json');
const quick = process.argv.includes('--snel');
const log = (s: string) => {
  if (!json) console.log(s);
};

const here = path.dirname(fileURLToPath(import.meta.url));
const result: Record<string, unknown> = {};

// First, while nothing else has warmed up or filled memory: the start of the built CLI (fresh processes).
log('Opstarten van de opdrachtregel (mediaan van 5, nieuwe processen)');
const start = runCliStartBench(5);
Object.assign(result, start);
log(
  `  node -e 0 (Node zelf):   ${start.nodeStartSeconds.toFixed(3)} s  (CPU ${start.nodeStartCpuSeconds.toFixed(3)} s)`,
);
log(
  `  regelwerk --help:        ${start.cliHelpSeconds.toFixed(3)} s  (CPU ${start.cliHelpCpuSeconds.toFixed(3)} s; doel < 0,4 s)`,
);
log(
  `  regelwerk check rules/:  ${start.cliCheckRulesSeconds.toFixed(3)} s  (CPU ${start.cliCheckRulesCpuSeconds.toFixed(3)} s; doel < 1 s)`,
);

log('Front end (gegenereerde regelset van 10.000 regels)');
const fe = runFrontEndBench(10_000, quick ? 5 : 15);
Object.assign(result, {
  frontEndLinesPerSecond: fe.frontEndLinesPerSecond,
  frontEndToRawParseRatio: fe.frontEndToRawParseRatio,
  rawParseLinesPerSecond: fe.rawParseLinesPerSecond,
  frontEndLines: fe.lines,
});
log(
  `  ruwe Chevrotain-parse:  ${fe.rawParseMs.toFixed(1)} ms  (${fe.rawParseLinesPerSecond.toLocaleString('nl-NL')} regels/s)`,
);
log(
  `  volledige front end:    ${fe.frontEndMs.toFixed(1)} ms  (${fe.frontEndLinesPerSecond.toLocaleString('nl-NL')} regels/s; doel ≥ 100.000)`,
);
log(`  verhouding front end / ruwe parse: ${fe.frontEndToRawParseRatio} (doel ≤ 2,5)`);

log('\nRommel controleren (80.000 regels rommel, 160 KB)');
const junk = runPathologicalBench(quick ? 1 : 3);
Object.assign(result, junk);
log(
  `  ${junk.pathologicalCheckSeconds.toLocaleString('nl-NL')} s (doel < 2 s); ${junk.pathologicalToValidCheckRatio.toLocaleString('nl-NL')} × een geldig bestand van dezelfde grootte`,
);

if (existsSync(path.join(here, 'eval-bench.ts'))) {
  const { runEvalBench } = (await import('./eval-bench.js')) as {
    runEvalBench: (o: {
      cases: number;
      seed: number;
      log: (s: string) => void;
    }) => Promise<Record<string, unknown>>;
  };
  log('\nEvaluatie');
  Object.assign(result, await runEvalBench({ cases: quick ? 10_000 : 100_000, seed: 2019, log }));
}

log('\nInbedden: bundel, runtime en HTTP-API');
Object.assign(result, await (await import('./api-bench.js')).runApiBench({ quick, log }));

log('\nImpact (30.000 beschikkingen, twee versies, alle cores)');
Object.assign(result, await (await import('./impact-bench.js')).runImpactBench({ cases: 30_000, log }));

log('\nEditorserver');
Object.assign(result, await (await import('./server-memory.js')).runServerMemoryBench(log));

log('\nEditor: tabblad Impact');
Object.assign(result, await (await import('./editor-impact-bench.js')).runEditorImpactBench(log));

if (json) console.log(JSON.stringify(result));
