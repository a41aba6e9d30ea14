/**
 * The language worker: hosts the language service (dsl/service) and the evaluator (src/engine, fast path), so
 * diagnostics and scenario runs happen off the UI thread.
 *
 * Edits are coalesced: each message only records the new text; the analysis runs once the queue is empty, on
 * the latest texts. Diagnostics go out first; scenarios follow when no newer edit has arrived meanwhile.
 */
/// <reference lib="webworker" />
import type { Ir } from '../../dsl/index.js';
import * as service from '../../dsl/service/index.js';
import { Workspace } from '../../dsl/service/index.js';
import { unitWordAfter } from '../../dsl/core.js';
import { evaluateCase, runScenarioViews } from './evaluation.js';
import { versionDiff } from './version-diff.js';
import { compareVersions, indexationHover, parameterEdit, sheetEdit, sheetState } from './sheet-service.js';
import type { FileSummary, FromWorker, ServiceRequest, ServiceResults, ToWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const ws = new Workspace();
/** The rules as last saved (as loaded, then updated on each save): failed amounts are compared with them. */
const saved = new Workspace();
/** Whether the scenario panel runs every version's scenarios. */
let allVersions = false;
const versions: Record<string, number> = {};
let focused: string | undefined;
let generation = 0;
let analysisTimer: ReturnType<typeof setTimeout> | undefined;
let scenarioTimer: ReturnType<typeof setTimeout> | undefined;

/** Scenarios wait this long after the last edit (diagnostics do not wait). */
const SCENARIO_DELAY_MS = 60;

const post = (msg: FromWorker): void => self.postMessage(msg);

function scheduleAnalysis(): void {
  generation++;
  if (analysisTimer !== undefined) clearTimeout(analysisTimer);
  if (scenarioTimer !== undefined) clearTimeout(scenarioTimer);
  analysisTimer = setTimeout(analyse, 0);
}

function summaries(diagnostics: readonly { file: string; severity: string }[]): FileSummary[] {
  return ws.paths.map((path) => {
    const h = ws.file(path)?.ast.header;
    const own = diagnostics.filter((d) => d.file === path);
    return {
      path,
      ruleset: h?.ruleset.value,
      version: h?.version.value,
      base: h?.base?.value,
      status: h?.status,
      validFrom: h?.validFrom.value,
      municipality: h?.municipality?.text,
      errors: own.filter((d) => d.severity === 'fout').length,
      warnings: own.filter((d) => d.severity === 'waarschuwing').length,
    };
  });
}

function analyse(): void {
  analysisTimer = undefined;
  const diagnostics = service.diagnostics(ws);
  post({ type: 'diagnostics', versions: { ...versions }, diagnostics, files: summaries(diagnostics) });
  const at = generation;
  scenarioTimer = setTimeout(() => {
    scenarioTimer = undefined;
    if (at === generation) void runScenarios(at);
  }, SCENARIO_DELAY_MS);
}

async function runScenarios(at: number): Promise<void> {
  if (focused === undefined) return;
  const path = focused;
  const compiled = ws.compile();
  const program: Ir.Program | undefined = compiled.ok
    ? compiled.programs.find((p) => p.file === path)
    : undefined;
  const state = await runScenarioViews(compiled, path, { all: allVersions, saved: saved.compile() });
  if (at !== generation) return;
  post({
    type: 'scenarios',
    path,
    versions: { ...versions },
    state,
    input: program?.input,
    domains: program?.domains ?? [],
    modules:
      program?.modules.map((m) => ({
        name: m.name,
        label: m.label,
        variants: m.variants.map((v) => v.name),
        // The plural of each variant's unit (a declared one from the rules: 'dagdelen'), for the form.
        units: Object.fromEntries(
          (m.variants.length > 0
            ? m.variants.map((v) => [v.name, v.unit] as const)
            : m.unit !== undefined
              ? [['', m.unit] as const]
              : []
          ).map(([k, u]) => [k, unitWordAfter(false, u, program.units ?? [])]),
        ),
      })) ?? [],
    bandwidths: program?.bandwidths.map((b) => ({ name: b.name, intensity: b.intensity })) ?? [],
    sample: program?.scenarios[0]?.casus,
  });
  // After the scenarios (which the benchmark times): the Verschil view of the same compiled programs.
  post({ type: 'verschil', path, versions: { ...versions }, state: versionDiff(compiled, path) });
}

async function answer(request: ServiceRequest): Promise<ServiceResults[ServiceRequest['method']]> {
  switch (request.method) {
    case 'completions':
      return service.completions(ws, request.path, request.offset);
    case 'hover': {
      const hover = service.hover(ws, request.path, request.offset);
      // On an `indexeer` line: what it does to which tables (sheet-service.ts).
      const effect = indexationHover(ws.compile(), request.path, request.offset);
      if (effect === undefined) return hover;
      const line = ws
        .file(request.path)
        ?.ast.decls.find(
          (d) =>
            d.kind === 'IndexationDecl' && d.span.start <= request.offset && request.offset <= d.span.end,
        );
      const span = hover?.span ?? line?.span ?? { start: request.offset, end: request.offset };
      return { span, markdown: hover === undefined ? effect : `${hover.markdown}\n\n---\n\n${effect}` };
    }
    case 'definition':
      return service.definition(ws, request.path, request.offset);
    case 'references':
      return service.references(ws, request.path, request.offset);
    case 'rename':
      return service.rename(ws, request.path, request.offset, request.newName);
    case 'symbols':
      return service.documentSymbols(ws, request.path);
    case 'format':
      return service.format(ws, request.path);
    case 'folding':
      return service.foldingRanges(ws, request.path);
    case 'evaluate':
      return evaluateCase(ws.compile(), request.path, request.casus, request.version);
    case 'sheet':
      return sheetState(ws.compile(), request.path);
    case 'sheetEdit': {
      const { path, table, key, typed } = request;
      return sheetEdit(ws.compile(), path, ws.file(path)?.text, table, key, typed);
    }
    case 'parameterEdit':
      return parameterEdit(
        ws.compile(),
        request.path,
        ws.file(request.path)?.text,
        request.name,
        request.typed,
      );
    case 'compare':
      return compareVersions(ws.compile(), request.from, request.to);
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'files':
      ws.setFiles(msg.files);
      saved.setFiles(msg.files);
      scheduleAnalysis();
      return;
    case 'saved':
      saved.update(msg.path, msg.text);
      scheduleAnalysis();
      return;
    case 'scope':
      allVersions = msg.all;
      scheduleAnalysis();
      return;
    case 'edit':
      ws.update(msg.path, msg.text);
      versions[msg.path] = msg.version;
      scheduleAnalysis();
      return;
    case 'focus':
      focused = msg.path;
      scheduleAnalysis();
      return;
    case 'request':
      answer(msg.request).then(
        (result) => post({ type: 'response', id: msg.id, result }),
        (err: unknown) =>
          post({ type: 'response', id: msg.id, error: err instanceof Error ? err.message : String(err) }),
      );
      return;
  }
};
