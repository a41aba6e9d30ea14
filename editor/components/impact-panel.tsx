/**
 * The Impact tab: what the open version (with its unsaved edits) costs against its base over a caseload — the
 * shipped sample, or a CSV/JSON Lines file the advisor picks (read in the browser; it stays on the machine).
 * Recomputes in the impact worker after each edit (debounced; a newer edit cancels the run in progress), and
 * shows the headline, the change per gemeente, the bands, the tables and the largest changes; one click opens a
 * change in the playground with its explanation. "Rapport maken" downloads the board report as one HTML file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LargestChange } from '../../src/impact/types.js';
import { count } from '../../views/format.js';
import {
  BadRowsSection,
  BandsSection,
  BreakdownSection,
  CellSection,
  GemeenteSection,
  ImpactHeadline,
  LargestSection,
  StatusSection,
} from '../../views/impact/impact-sections.js';
import { IMPACT_CSS } from '../../views/impact/impact-style.js';
import type { ImpactClient } from '../worker/impact-client.js';
import type { CaseloadInfo, ImpactState, VersionChoice } from '../worker/impact-protocol.js';
import { downloadReport } from './impact-report.js';
import './impact-panel.css';

/** Wait this long after the last edit before recomputing. */
const DEBOUNCE_MS = 200;

export interface OpenCase {
  readonly casus: unknown;
  /** The version to price it with, on all its days ("as if"), as the impact analysis did. */
  readonly version: string;
  readonly basis: string;
  readonly label: string;
}

interface Props {
  readonly client: ImpactClient;
  readonly path: string | undefined;
  /** Whether the tab is shown: a hidden tab only remembers that it is out of date. */
  readonly active: boolean;
  readonly onOpenCase: (c: OpenCase) => void;
}

type Progress = { readonly done: number; readonly total: number | undefined };

export function ImpactPanel({ client, path, active, onOpenCase }: Props) {
  const [choice, setChoice] = useState<VersionChoice>({ basis: undefined, variant: undefined });
  const [state, setState] = useState<ImpactState | undefined>(undefined);
  const [shownRun, setShownRun] = useState(0);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [caseload, setCaseload] = useState<CaseloadInfo | undefined>(undefined);
  const [caseloadError, setCaseloadError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [edits, setEdits] = useState(0);
  const latest = useRef(0);
  const caseloadId = useRef(0);
  const ran = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      client.onMessage((msg) => {
        if (msg.type === 'progress' && msg.id === latest.current) setProgress(msg);
        else if (msg.type === 'impact' && msg.id === latest.current) {
          setProgress(undefined);
          setState(msg.state);
          setShownRun(msg.id);
          if (msg.state.kind === 'ok') setCaseload(msg.state.caseload);
        } else if (msg.type === 'caseload' && msg.id === caseloadId.current) {
          if (msg.outcome.ok) {
            setCaseload(msg.outcome.info);
            setCaseloadError(undefined);
          } else setCaseloadError(msg.outcome.fout);
        }
      }),
    [client],
  );

  // Every edit counts; the run waits until the typing pauses.
  useEffect(() => client.onEdit(() => setEdits((n) => n + 1)), [client]);

  // A new run cancels the one in progress (in the worker).
  const run = useCallback(() => {
    if (path === undefined || !client.hasFiles) return;
    latest.current = client.run(path, choice);
    setProgress({ done: 0, total: undefined });
  }, [client, path, choice]);

  // What the shown analysis was computed for: recompute when that changes and the tab is visible.
  const key = `${path ?? ''}\u0000${choice.basis ?? ''}\u0000${choice.variant ?? ''}\u0000${edits}\u0000${caseloadId.current}`;
  useEffect(() => {
    if (!active || ran.current === key) return;
    const timer = setTimeout(() => {
      ran.current = key;
      run();
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [active, key, run]);

  const pick = (file: File | undefined) => {
    if (file === undefined) return;
    caseloadId.current = client.setCaseload({ kind: 'bestand', file });
    setCaseloadError(undefined);
    setEdits((n) => n + 1);
  };
  const sample = () => {
    caseloadId.current = client.setCaseload({ kind: 'voorbeeld' });
    setEdits((n) => n + 1);
  };

  const makeReport = async () => {
    if (path === undefined) return;
    setNotice('Rapport maken…');
    try {
      const data = await client.rapport(path, choice, new Date().toISOString().slice(0, 10));
      const name = await downloadReport(data);
      setNotice(`Rapport gedownload: ${name}`);
    } catch (e) {
      setNotice(`Het rapport kon niet worden gemaakt: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const versions = state?.kind === 'ok' || state?.kind === 'geen' ? state.versions : [];
  const ok = state?.kind === 'ok' ? state : undefined;
  const open = (c: LargestChange) =>
    ok !== undefined &&
    onOpenCase({
      casus: c.casus,
      version: ok.variant,
      basis: ok.basis,
      label: c.id !== undefined ? `beschikking ${c.id}` : `regel ${c.line} van de caseload`,
    });

  return (
    <div
      className="impact"
      data-testid="impact"
      data-run={shownRun}
      data-state={progress !== undefined ? 'bezig' : (state?.kind ?? 'leeg')}
    >
      <style>{IMPACT_CSS}</style>
      <div className="impact-controls">
        <label>
          Basis{' '}
          <select
            value={choice.basis ?? ''}
            onChange={(e) => setChoice({ ...choice, basis: e.target.value || undefined })}
            data-testid="impact-basis"
          >
            <option value="">
              {ok !== undefined && choice.basis === undefined
                ? `${ok.basis} (basis van de open versie)`
                : 'basis van de open versie'}
            </option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Variant{' '}
          <select
            value={choice.variant ?? ''}
            onChange={(e) => setChoice({ ...choice, variant: e.target.value || undefined })}
            data-testid="impact-variant"
          >
            <option value="">
              {ok !== undefined && choice.variant === undefined
                ? `${ok.variant} (open, met niet-opgeslagen wijzigingen)`
                : 'open versie (met wijzigingen)'}
            </option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <div className="impact-caseload">
          Caseload: <strong>{caseload?.name ?? 'voorbeeld'}</strong>{' '}
          <label className="button">
            Bestand kiezen…
            <input
              type="file"
              accept=".csv,.jsonl,.ndjson,.json,text/csv"
              data-testid="impact-bestand"
              onChange={(e) => pick(e.target.files?.[0])}
            />
          </label>{' '}
          {caseload !== undefined &&
            caseload.name !== undefined &&
            !caseload.name.startsWith('voorbeeld') && (
              <button type="button" className="link" onClick={sample}>
                Voorbeeld gebruiken
              </button>
            )}
          <span className="muted"> Het bestand blijft op deze computer.</span>
        </div>
        {caseloadError !== undefined && <p className="warning">{caseloadError}</p>}
        <div className="impact-status">
          {progress !== undefined ? (
            <>
              <span role="status">
                Berekenen…{' '}
                {progress.total !== undefined
                  ? `${count(progress.done)} van ${count(progress.total)}`
                  : count(progress.done)}
              </span>
              <progress max={progress.total ?? undefined} value={progress.done} />
              <button type="button" onClick={() => client.cancel()} data-testid="impact-stop">
                Stop
              </button>
            </>
          ) : ok !== undefined ? (
            <span className="muted">
              {count(ok.report.counts.read)} {ok.report.counts.read === 1 ? 'rij' : 'rijen'} gelezen, berekend
              in {count(Math.round(ok.ms))} ms.
            </span>
          ) : null}
          <span className="spacer" />
          <button
            type="button"
            className="primary"
            disabled={ok === undefined}
            onClick={() => void makeReport()}
            data-testid="rapport-maken"
          >
            Rapport maken
          </button>
        </div>
        {notice !== undefined && (
          <p className="muted" data-testid="impact-notice">
            {notice}
          </p>
        )}
      </div>
      <Body state={state} onOpen={open} />
    </div>
  );
}

function Body({ state, onOpen }: { state: ImpactState | undefined; onOpen: (c: LargestChange) => void }) {
  if (state === undefined) return <p className="muted">Impact berekenen…</p>;
  switch (state.kind) {
    case 'fouten':
      return (
        <p className="warning" data-testid="impact-geen">
          De regels bevatten {state.errors} {state.errors === 1 ? 'fout' : 'fouten'}; de impact volgt zodra ze
          zijn opgelost.
        </p>
      );
    case 'geen':
      return (
        <p className="muted" data-testid="impact-geen">
          {state.reason}
        </p>
      );
    case 'afgebroken':
      return (
        <p className="muted">
          Berekening gestopt. Wijzig de regels of kies een versie om opnieuw te rekenen.
        </p>
      );
    case 'ok': {
      const r = state.report;
      return (
        <div className="impact-body">
          <ImpactHeadline report={r} />
          <GemeenteSection report={r} width={600} />
          <BandsSection report={r} width={600} />
          <LargestSection report={r} onOpen={onOpen} />
          <BreakdownSection report={r} />
          <StatusSection report={r} />
          <details className="impact-cells">
            <summary>Per tariefcel en module ({count(r.perCell.length)})</summary>
            <CellSection report={r} />
          </details>
          <BadRowsSection report={r} />
        </div>
      );
    }
  }
}
