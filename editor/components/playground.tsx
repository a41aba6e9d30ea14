/** The case playground: a form (or JSON) for one case, priced live; each explanation step jumps to its source. */
import { useEffect, useState } from 'react';
import type { Ir, Span } from '../../dsl/index.js';
import { euro } from '../../src/scenarios/run.js';
import { lineQuantityText } from '../../src/engine/format.js';
import type { EvaluationOk } from '../../src/engine/result.js';
import type { WorkerClient } from '../worker/client.js';
import type { PlaygroundResult } from '../worker/protocol.js';
import { CaseActions } from './case-actions.js';
import { CaseForm, type CaseData } from './case-form.js';
import { ToewijzingView } from './toewijzing-view.js';

interface Props {
  readonly client: WorkerClient;
  readonly path: string | undefined;
  readonly input: Ir.InputDef | undefined;
  readonly domains: readonly Ir.DomainDef[];
  readonly modules: readonly {
    readonly name: string;
    readonly label?: string | undefined;
    readonly variants: readonly string[];
    /** The unit a quantity of the module is in, as written after a number ('dagdelen'), per variant ('' without). */
    readonly units?: Readonly<Record<string, string>> | undefined;
  }[];
  /** Which bandbreedtes each intensiteit allows (the form offers only those). */
  readonly bandwidths?: readonly { readonly name: string; readonly intensity: string }[] | undefined;
  /** The open version (a scenario is added to it). */
  readonly version?: string | undefined;
  /** A case saved as a new JSON file. */
  readonly onFileSaved?: (path: string, text: string, versie: string) => void;
  /** Shows a file as text in the editor (an example case's JSON). */
  readonly onShowFile?: (path: string) => void;
  readonly sample: unknown;
  /** Changes with every analysis, so the case is re-priced after an edit. */
  readonly revision: number;
  readonly onJump: (file: string, span: Span) => void;
  /** A case opened from the Impact tab (a new `nonce` each time), priced as if one version applied throughout. */
  readonly opened?: OpenedCase | undefined;
}

/**
 * A case opened from elsewhere: a beschikking from the Impact tab, with the versions it was compared under (priced
 * as if one applied throughout), or an example case file (`file`, no versions: priced by its dates).
 */
export interface OpenedCase {
  readonly casus: unknown;
  readonly version?: string;
  readonly basis?: string;
  readonly label: string;
  /** The example case file it came from. */
  readonly file?: string;
  readonly nonce: number;
}

const isRecord = (v: unknown): v is CaseData => typeof v === 'object' && v !== null && !Array.isArray(v);

export function Playground({
  client,
  path,
  input,
  domains,
  modules,
  sample,
  revision,
  onJump,
  opened,
  bandwidths,
  version,
  onFileSaved,
  onShowFile,
}: Props) {
  const [casus, setCasus] = useState<CaseData | undefined>(undefined);
  const [view, setView] = useState<'formulier' | 'json'>('formulier');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<PlaygroundResult | undefined>(undefined);
  /** Set while a case from the Impact tab is shown: price it as this version on all its days. */
  const [asIf, setAsIf] = useState<{ version: string; opened: OpenedCase } | undefined>(undefined);

  useEffect(() => {
    if (casus === undefined && isRecord(sample)) {
      setCasus(sample);
      setJsonText(JSON.stringify(sample, null, 2));
    }
  }, [sample, casus]);

  // After the sample: a case opened from the Impact tab wins over it.
  useEffect(() => {
    if (opened === undefined || !isRecord(opened.casus)) return;
    setCasus(opened.casus);
    setJsonText(JSON.stringify(opened.casus, null, 2));
    setAsIf(opened.version === undefined ? undefined : { version: opened.version, opened });
  }, [opened]);

  useEffect(() => {
    if (casus === undefined || path === undefined) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const request =
        asIf === undefined
          ? { method: 'evaluate' as const, path, casus }
          : { method: 'evaluate' as const, path, casus, version: asIf.version };
      client.request(request).then(
        (r) => !cancelled && setResult(r),
        (e: unknown) =>
          !cancelled && setResult({ ok: false, fout: e instanceof Error ? e.message : String(e) }),
      );
    }, 100);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, path, casus, revision, asIf]);

  const update = (next: CaseData) => {
    setCasus(next);
    setJsonText(JSON.stringify(next, null, 2));
  };

  if (input === undefined)
    return <p className="muted">Open een versie van een regelset om een geval door te rekenen.</p>;

  return (
    <div className="playground" data-testid="playground">
      <div className="tabs small">
        <button
          type="button"
          className={view === 'formulier' ? 'active' : ''}
          onClick={() => setView('formulier')}
        >
          Formulier
        </button>
        <button type="button" className={view === 'json' ? 'active' : ''} onClick={() => setView('json')}>
          JSON
        </button>
        <button type="button" className="link" onClick={() => isRecord(sample) && update(sample)}>
          Voorbeeld laden
        </button>
      </div>
      {asIf !== undefined && (
        <div className="as-if" data-testid="als-versie">
          {asIf.opened.label}, berekend alsof versie{' '}
          <select
            value={asIf.version}
            onChange={(e) => setAsIf({ ...asIf, version: e.target.value })}
            aria-label="Versie"
          >
            {[...new Set([asIf.opened.version ?? asIf.version, asIf.opened.basis ?? asIf.version])].map(
              (v) => (
                <option key={v} value={v}>
                  {v}
                  {v === asIf.opened.version ? ' (variant)' : ' (basis)'}
                </option>
              ),
            )}
          </select>{' '}
          op al haar dagen gold.{' '}
          <button type="button" className="link" onClick={() => setAsIf(undefined)}>
            Volgens de datums rekenen
          </button>
        </div>
      )}
      {opened?.file !== undefined && asIf === undefined && (
        <p className="as-if" data-testid="voorbeeld">
          Voorbeeldgeval <strong>{opened.file}</strong>, berekend volgens zijn datums.{' '}
          {onShowFile !== undefined && (
            <button
              type="button"
              className="link"
              onClick={() => opened.file !== undefined && onShowFile(opened.file)}
              data-testid="voorbeeld-als-tekst"
            >
              Bestand als tekst tonen
            </button>
          )}
        </p>
      )}
      {view === 'formulier' ? (
        <CaseForm
          input={input}
          domains={domains}
          modules={modules}
          bandwidths={bandwidths ?? []}
          value={casus ?? {}}
          onChange={update}
        />
      ) : (
        <div className="json-view">
          <textarea
            aria-label="Geval als JSON"
            spellCheck={false}
            value={jsonText}
            onChange={(e) => {
              setJsonText(e.target.value);
              try {
                const parsed: unknown = JSON.parse(e.target.value);
                if (!isRecord(parsed)) throw new Error('verwacht een object');
                setCasus(parsed);
                setJsonError(undefined);
              } catch (err) {
                setJsonError(`Geen geldige JSON: ${err instanceof Error ? err.message : String(err)}`);
              }
            }}
          />
          {jsonError !== undefined && <p className="warning">{jsonError}</p>}
        </div>
      )}
      <CaseActions
        path={path}
        version={version}
        input={input}
        casus={casus}
        result={result}
        suggestion={opened?.file?.replace(/^.*\//, '').replace(/\.json$/, '')}
        onScenarioAdded={(file, start, end) => onJump(file, { start, end })}
        onFileSaved={onFileSaved}
      />
      <Outcome result={result} onJump={onJump} />
    </div>
  );
}

/** A module line's label from the explanation ("Vervoer: Per rit"), when the rules declare one. */
const lineLabel = (ev: EvaluationOk, ref: string, key: string): string | undefined =>
  ev.explanation?.lines.find((x) => x.ref === ref && x.key === key)?.label;

/** A module decision's label from the explanation, when the rules declare one. */
const decisionLabel = (ev: EvaluationOk, ref: string, module: string): string | undefined =>
  ev.explanation?.decisions.find((x) => x.ref === ref && x.module === module)?.label;

function Outcome({ result, onJump }: { result: PlaygroundResult | undefined; onJump: Props['onJump'] }) {
  if (result === undefined) return null;
  if (!result.ok) return <p className="warning">{result.fout}</p>;
  const ev = result.evaluation;
  return (
    <div className="outcome" data-testid="outcome">
      {ev.ok ? (
        <>
          <table className="lines">
            <thead>
              <tr>
                <th>Regel</th>
                <th>Hoeveelheid</th>
                <th>Tarief</th>
                <th>Bedrag</th>
              </tr>
            </thead>
            <tbody>
              {ev.lines.map((l, i) => (
                <tr key={i}>
                  <td title={l.key}>
                    {l.ref}: {lineLabel(ev, l.ref, l.key) ?? l.key}
                  </td>
                  <td>{lineQuantityText(l.quantity, l.unit, l.plural)}</td>
                  <td>{euro(l.rate)}</td>
                  <td className="amount">{euro(l.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>Totaal (versie {ev.version})</td>
                <td className="amount" data-testid="total">
                  {euro(ev.total)}
                </td>
              </tr>
            </tfoot>
          </table>
          {ev.decisions.length > 0 && (
            <ul className="decisions">
              {ev.decisions.map((d, i) => (
                <li key={i} className={d.allowed ? 'pass' : 'fail'}>
                  Module{' '}
                  {decisionLabel(ev, d.ref, d.module) ??
                    `${d.module}${d.variant !== undefined ? ` (${d.variant})` : ''}`}
                  : {d.allowed ? 'toegestaan' : `geweigerd — ${d.reason ?? ''}`}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="warning">Het geval is ongeldig.</p>
      )}
      <ToewijzingView toewijzing={result.toewijzing} />
      <h3>Uitleg</h3>
      <ol className="explanation" data-testid="explanation">
        {result.explanation.map((s, i) => {
          const file = s.file;
          const span = s.span;
          return (
            <li key={i} className={`tone-${s.tone}`} style={{ paddingLeft: `${s.depth * 1.2}em` }}>
              {file !== undefined && span !== undefined ? (
                <button
                  type="button"
                  className="step"
                  title={`Toon in ${file}`}
                  data-file={file}
                  onClick={() => onJump(file, span)}
                >
                  {s.text}
                </button>
              ) : (
                <span>{s.text}</span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
