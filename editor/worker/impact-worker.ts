/**
 * The impact worker: prices the caseload under the basis and the variant version (the open version with its
 * unsaved edits) off the UI thread, with the same in-process analysis the CLI's workers run
 * (src/impact/analyze.ts). A new run cancels the one in progress: the analysis yields every few hundred
 * beschikkingen, so the cancel message is seen within milliseconds. It also builds the board report's data.
 */
/// <reference lib="webworker" />
import type { Ir } from '../../dsl/index.js';
import { Workspace, type SourceFile } from '../../dsl/service/index.js';
import { analyzeImpact, knownVersions } from '../../src/impact/index.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { buildReportData } from '../../src/report/report-data.js';
import { openCaseload, type Caseload } from './caseload-source.js';
import type {
  CaseloadSource,
  FromImpactWorker,
  ImpactState,
  ToImpactWorker,
  VersionChoice,
} from './impact-protocol.js';
import { SAMPLE_NAME, SAMPLE_URL } from './sample-caseload.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromImpactWorker): void => self.postMessage(msg);

/** Progress is reported (and cancellation seen) after this many beschikkingen. */
const STEP = 250;

class ImpactHost {
  private readonly ws = new Workspace();
  private caseload: Promise<Caseload> | undefined;
  private running: AbortController | undefined;
  /** The last finished analysis, reused by the report when nothing changed since. */
  private last:
    | { compiled: unknown; basis: string; variant: string; caseload: Caseload; report: ImpactReport }
    | undefined;

  setCaseload(id: number, source: CaseloadSource): void {
    const loading = source.kind === 'voorbeeld' ? loadSample() : openCaseload(source.file, source.file.name);
    this.caseload = loading;
    this.last = undefined;
    loading.then(
      (c) => post({ type: 'caseload', id, outcome: { ok: true, info: c.info } }),
      (e: unknown) => {
        if (this.caseload === loading) this.caseload = undefined;
        post({ type: 'caseload', id, outcome: { ok: false, fout: message(e) } });
      },
    );
  }

  cancel(): void {
    this.running?.abort();
  }

  private sync(files: readonly SourceFile[]): void {
    const paths = this.ws.paths;
    if (paths.length !== files.length || files.some((f) => this.ws.text(f.path) === undefined)) {
      this.ws.setFiles(files);
      return;
    }
    for (const f of files) this.ws.update(f.path, f.text);
  }

  /** The programs and the two versions to compare, or why there is no analysis. */
  private select(files: readonly SourceFile[], path: string, choice: VersionChoice) {
    this.sync(files);
    const compiled = this.ws.compile();
    if (!compiled.ok) {
      const errors = compiled.diagnostics.filter((d) => d.severity === 'fout').length;
      return { ok: false as const, state: { kind: 'fouten', errors } as ImpactState };
    }
    const open = compiled.programs.find((p) => p.file === path);
    const geen = (reason: string, versions: readonly string[] = []) => ({
      ok: false as const,
      state: { kind: 'geen', reason, versions } as ImpactState,
    });
    if (open === undefined) return geen('Open een versie van een regelset om de impact te zien.');
    const programs = compiled.programs.filter((p) => p.ruleset === open.ruleset);
    const versions = knownVersions(programs);
    if (open.municipality !== undefined && choice.variant === undefined)
      return geen(
        `Dit is een gemeentelijke afwijking (${open.municipality}); kies de regionale versies om te vergelijken. ` +
          'De afwijking telt vanzelf mee voor de beschikkingen van haar gemeente.',
        versions,
      );
    const variant = choice.variant ?? open.version;
    const basis = choice.basis ?? open.base;
    if (basis === undefined)
      return geen(
        `Versie ${open.version} is niet op een andere versie gebaseerd; kies een basisversie.`,
        versions,
      );
    return { ok: true as const, compiled, programs, versions, basis, variant };
  }

  async run(id: number, files: readonly SourceFile[], path: string, choice: VersionChoice): Promise<void> {
    this.running?.abort();
    const control = new AbortController();
    this.running = control;
    const sel = this.select(files, path, choice);
    if (!sel.ok) {
      post({ type: 'impact', id, state: sel.state });
      return;
    }
    this.caseload ??= loadSample();
    let caseload: Caseload;
    try {
      caseload = await this.caseload;
    } catch (e) {
      this.caseload = undefined; // tried again on the next run
      post({ type: 'impact', id, state: { kind: 'geen', reason: message(e), versions: sel.versions } });
      return;
    }
    if (control.signal.aborted) return;
    const started = performance.now();
    const cases = await caseload.entries(sel.programs);
    if (!cases.ok) {
      post({ type: 'impact', id, state: { kind: 'geen', reason: cases.message, versions: sel.versions } });
      return;
    }
    const outcome = await analyzeImpact({
      basis: { programs: sel.programs, version: sel.basis },
      variant: { programs: sel.programs, version: sel.variant },
      cases: cases.entries,
      signal: control.signal,
      step: STEP,
      onProgress: (done) => post({ type: 'progress', id, done, total: caseload.size }),
    });
    if (this.running === control) this.running = undefined;
    if (!outcome.ok) {
      post({
        type: 'impact',
        id,
        state:
          outcome.reason === 'afgebroken'
            ? { kind: 'afgebroken' }
            : { kind: 'geen', reason: outcome.message, versions: sel.versions },
      });
      return;
    }
    this.last = {
      compiled: sel.compiled,
      basis: sel.basis,
      variant: sel.variant,
      caseload,
      report: outcome.report,
    };
    post({
      type: 'impact',
      id,
      state: {
        kind: 'ok',
        report: outcome.report,
        basis: sel.basis,
        variant: sel.variant,
        versions: sel.versions,
        caseload: caseload.info,
        ms: performance.now() - started,
      },
    });
  }

  async rapport(id: number, files: readonly SourceFile[], path: string, choice: VersionChoice, made: string) {
    const fail = (fout: string) => post({ type: 'rapport', id, outcome: { ok: false, fout } });
    const sel = this.select(files, path, choice);
    if (!sel.ok) {
      const s = sel.state;
      return fail(
        s.kind === 'fouten'
          ? `De regels bevatten ${s.errors} fout(en); los die eerst op.`
          : s.kind === 'geen'
            ? s.reason
            : 'Geen analyse.',
      );
    }
    this.caseload ??= loadSample();
    const caseload = await this.caseload;
    let report = this.last;
    const reusable =
      report !== undefined &&
      report.compiled === sel.compiled &&
      report.basis === sel.basis &&
      report.variant === sel.variant &&
      report.caseload === caseload;
    if (!reusable) {
      const cases = await caseload.entries(sel.programs);
      if (!cases.ok) return fail(cases.message);
      const outcome = await analyzeImpact({
        basis: { programs: sel.programs, version: sel.basis },
        variant: { programs: sel.programs, version: sel.variant },
        cases: cases.entries,
      });
      if (!outcome.ok) return fail(outcome.message);
      report = {
        compiled: sel.compiled,
        basis: sel.basis,
        variant: sel.variant,
        caseload,
        report: outcome.report,
      };
    }
    const regional = (v: string): Ir.Program | undefined =>
      sel.programs.find((p) => p.version === v && p.municipality === undefined);
    const basis = regional(sel.basis);
    const variant = regional(sel.variant);
    if (basis === undefined || variant === undefined || report === undefined)
      return fail('Versie niet gevonden.');
    const data = await buildReportData({
      programs: sel.programs,
      basis,
      variant,
      impact: report.report,
      caseload: caseload.info.name,
      made,
    });
    post({ type: 'rapport', id, outcome: { ok: true, data } });
  }
}

async function loadSample(): Promise<Caseload> {
  const res = await fetch(SAMPLE_URL);
  if (!res.ok) throw new Error(`De voorbeeldcaseload kon niet worden geladen (status ${res.status}).`);
  const blob = await res.blob();
  return openCaseload(blob, SAMPLE_NAME);
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const host = new ImpactHost();

self.onmessage = (e: MessageEvent<ToImpactWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'caseload':
      host.setCaseload(msg.id, msg.source);
      return;
    case 'run':
      void host.run(msg.id, msg.files, msg.path, msg.choice);
      return;
    case 'rapport':
      host
        .rapport(msg.id, msg.files, msg.path, msg.choice, msg.made)
        .catch((err: unknown) =>
          post({ type: 'rapport', id: msg.id, outcome: { ok: false, fout: message(err) } }),
        );
      return;
    case 'cancel':
      host.cancel();
      return;
  }
};
