/**
 * The review page of a version ter vaststelling: the diff against its base, every scenario and its result, the
 * comment thread, the impact report over the caseload (basis: its base, variant: the version), and the buttons to adopt (with the decision it rests on) or send back (with a comment).
 */
import { useCallback, useEffect, useState } from 'react';
import {
  workflowApi,
  when,
  type GateReport,
  type Me,
  type VersionDiff,
  type VersionState,
} from '../workflow-api.js';
import type { ImpactClient } from '../worker/impact-client.js';
import { ReviewImpact } from './review-impact.js';
import { VersionDiffView } from './version-diff-view.js';

interface Props {
  readonly versie: string | undefined;
  readonly states: readonly VersionState[];
  readonly me: Me | undefined;
  /** The impact worker: the review shows what the version costs against its base over the caseload. */
  readonly impact: ImpactClient;
  /** After a step: reload the files and the states. */
  readonly onChanged: () => void;
}

export function ReviewPanel({ versie, states, me, impact, onChanged }: Props) {
  const state = states.find((s) => s.versie === versie);
  const [diff, setDiff] = useState<VersionDiff>();
  const [gate, setGate] = useState<GateReport>();
  const [fout, setFout] = useState<string>();
  const [besluit, setBesluit] = useState('');
  const [tekst, setTekst] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDiff(undefined);
    setGate(undefined);
    setFout(undefined);
    if (state === undefined) return;
    let cancelled = false;
    if (state.basis !== undefined) {
      workflowApi
        .compare({ vanVersie: state.basis, naarVersie: state.versie })
        .then((d) => !cancelled && setDiff(d))
        .catch((e: unknown) => !cancelled && setFout(e instanceof Error ? e.message : String(e)));
    }
    workflowApi
      .gate(state.versie)
      .then((g) => !cancelled && setGate(g))
      .catch((e: unknown) => !cancelled && setFout(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [state?.versie, state?.basis, state]);

  const run = useCallback(
    async (step: () => Promise<unknown>) => {
      setBusy(true);
      setFout(undefined);
      try {
        await step();
        setTekst('');
        onChanged();
      } catch (e) {
        setFout(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [onChanged],
  );

  if (state === undefined) {
    return <p className="muted">Kies een versie die ter vaststelling ligt (knop Beoordelen).</p>;
  }
  const ownScenarios = gate?.scenarios.filter((s) => s.versie === state.versie) ?? [];
  const failed = gate?.scenarios.filter((s) => !s.geslaagd) ?? [];
  const isAdopter = me?.rollen.includes('vaststeller') === true;
  return (
    <div className="review-panel" data-testid="beoordeling">
      <h2>
        Versie {state.versie}{' '}
        <span className={`status-badge status-${state.status.replace(' ', '-')}`}>{state.status}</span>
      </h2>
      <p className="muted">
        {state.pad} · op basis van {state.basis ?? '—'} · geldig vanaf {state.vanaf}
        {state.gemeente !== undefined ? ` · gemeente ${state.gemeente}` : ''} · auteurs:{' '}
        {state.auteurs.map((a) => a.name).join(', ')}
      </p>
      {state.status === 'vastgesteld' && (
        <p className="ok" data-testid="besluit">
          Vastgesteld{state.vastgesteldDoor !== undefined ? ` door ${state.vastgesteldDoor}` : ''}
          {state.vastgesteldOp !== undefined ? ` op ${when(state.vastgesteldOp)}` : ''}
          {state.besluit !== undefined ? `: ${state.besluit}` : ''}
          {state.tag !== undefined ? ` (tag ${state.tag})` : ''}
        </p>
      )}
      <h3>Wat verandert ten opzichte van {state.basis}</h3>
      {diff === undefined ? <p className="muted">Verschil laden…</p> : <VersionDiffView diff={diff} />}
      <h3>Impact over de caseload</h3>
      <ReviewImpact client={impact} path={state.pad} versie={state.versie} basis={state.basis} />
      <h3>Scenario's</h3>
      {gate === undefined ? (
        <p className="muted">Scenario's uitvoeren…</p>
      ) : (
        <>
          <p data-testid="scenario-uitslag">
            {gate.scenarios.length - failed.length} van {gate.scenarios.length} scenario's geslaagd (alle
            versies); {ownScenarios.length} van versie {state.versie}.
          </p>
          <ul className="scenario-list">
            {ownScenarios.map((s) => (
              <li key={s.scenario} className={s.geslaagd ? 'ok' : 'fout'}>
                {s.geslaagd ? '✓' : '✗'} {s.scenario}
                {s.fouten.length > 0 ? ` — ${s.fouten.join('; ')}` : ''}
              </li>
            ))}
          </ul>
          {gate.problemen.length > 0 && (
            <ul className="fout">
              {gate.problemen.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>Opmerkingen</h3>
      <ol className="thread" data-testid="opmerkingen">
        {state.opmerkingen.map((r) => (
          <li key={r.commit}>
            <strong>{r.door}</strong> · {when(r.op)} · <em>{r.soort}</em>
            {r.tekst !== '' && <div className="tekst">{r.tekst}</div>}
          </li>
        ))}
      </ol>
      <textarea
        value={tekst}
        onChange={(e) => setTekst(e.target.value)}
        placeholder="Opmerking (of: waarom terug naar concept)"
        rows={3}
        data-testid="opmerking-tekst"
      />
      <div className="knoppen">
        <button
          type="button"
          disabled={busy || tekst.trim() === ''}
          onClick={() => void run(() => workflowApi.comment(state.versie, tekst))}
        >
          Opmerking plaatsen
        </button>
        {state.status === 'ter vaststelling' && isAdopter && (
          <button
            type="button"
            disabled={busy || tekst.trim() === ''}
            onClick={() => void run(() => workflowApi.sendBack(state.versie, tekst))}
            data-testid="terugsturen"
          >
            Terug naar concept
          </button>
        )}
      </div>
      {state.status === 'ter vaststelling' && isAdopter && (
        <div className="adopt">
          <label>
            Besluit waarop de vaststelling rust
            <input
              value={besluit}
              onChange={(e) => setBesluit(e.target.value)}
              placeholder="Besluit bestuurscommissie OZJT 17 mei 2023"
              data-testid="besluit-tekst"
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || besluit.trim() === ''}
            onClick={() => void run(() => workflowApi.adopt(state.versie, besluit))}
            data-testid="vaststellen"
          >
            Vaststellen
          </button>
        </div>
      )}
      {fout !== undefined && (
        <p className="fout" role="alert" data-testid="beoordeling-fout">
          {fout}
        </p>
      )}
    </div>
  );
}
