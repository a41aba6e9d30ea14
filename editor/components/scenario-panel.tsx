/**
 * The scenarios, re-run on every change: those of the open version, or of every version of its ruleset (a change
 * in 2019 can break 2020 and 2022 too). Pass/fail, a click to the failing expectation, and for a failed amount the
 * tariff cells and parameters it comes from (those that differ from the saved rules first).
 */
import { useState } from 'react';
import type { Span } from '../../dsl/index.js';
import type { WorkerClient } from '../worker/client.js';
import type { ScenarioState, ScenarioView } from '../worker/protocol.js';
import { count } from './plural.js';

interface Props {
  readonly state: ScenarioState | undefined;
  readonly stale: boolean;
  readonly onJump: (file: string, span: Span) => void;
  /** To switch between the open version's scenarios and all versions'. */
  readonly client?: WorkerClient;
}

export function ScenarioPanel({ state, stale, onJump, client }: Props) {
  const [all, setAll] = useState(false);
  const scope =
    client === undefined ? null : (
      <label className="scenario-scope">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => {
            setAll(e.target.checked);
            client.setScope(e.target.checked);
          }}
          data-testid="scenarios-all"
        />{' '}
        Scenario&apos;s van alle versies
      </label>
    );
  if (state === undefined) return <p className="muted">Scenario&apos;s worden uitgerekend…</p>;
  if (state.kind === 'geen') return <p className="muted">{state.reason}</p>;
  if (state.kind === 'fouten') {
    return (
      <p className="warning" data-testid="scenarios-blocked">
        De regels bevatten {state.errors === 1 ? 'een fout' : `${count(state.errors, 'fout', 'fouten')}`}; de
        scenario&apos;s draaien weer zodra die zijn opgelost.
      </p>
    );
  }
  const failed = state.outcomes.filter((o) => !o.passed).length;
  const groups = state.all === true ? byVersion(state.outcomes) : [[undefined, state.outcomes] as const];
  return (
    <div className={`scenarios${stale ? ' stale' : ''}`} data-testid="scenarios">
      {scope}
      <p className="summary" data-testid="scenario-summary">
        {count(state.outcomes.length, 'scenario', "scenario's")}
        {state.all === true ? ' in alle versies' : ''}: {state.outcomes.length - failed} geslaagd, {failed}{' '}
        mislukt
      </p>
      {groups.map(([version, outcomes]) => (
        <section key={version ?? ''} data-version={version}>
          {version !== undefined && (
            <h3>
              Versie {version}{' '}
              <span className="muted">
                (
                {outcomes.filter((o) => !o.passed).length === 0
                  ? 'alle geslaagd'
                  : `${outcomes.filter((o) => !o.passed).length} mislukt`}
                )
              </span>
            </h3>
          )}
          <ul>
            {outcomes.map((o, i) => (
              <Outcome key={i} o={o} onJump={onJump} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function byVersion(outcomes: readonly ScenarioView[]): (readonly [string | undefined, ScenarioView[]])[] {
  const out = new Map<string, ScenarioView[]>();
  for (const o of outcomes) {
    const key = o.version ?? '';
    out.set(key, [...(out.get(key) ?? []), o]);
  }
  return [...out].map(([v, os]) => [v === '' ? undefined : v, os] as const);
}

function Outcome({ o, onJump }: { o: ScenarioView; onJump: Props['onJump'] }) {
  return (
    <li
      className={o.passed ? 'pass' : 'fail'}
      data-scenario={o.name}
      data-status={o.passed ? 'geslaagd' : 'mislukt'}
    >
      <button
        type="button"
        className="scenario-name"
        onClick={() => onJump(o.file, o.failures[0]?.span ?? o.span)}
      >
        <span className="icon" aria-hidden>
          {o.passed ? '✓' : '✗'}
        </span>
        {o.name}
      </button>
      {o.failures.map((f, j) => (
        <div key={j}>
          <button type="button" className="failure" onClick={() => onJump(f.file, f.span)}>
            {f.message}
          </button>
          {f.origins !== undefined && f.origins.length > 0 && (
            <div className="origins" data-testid="scenario-origins">
              <span className="muted">
                {f.changed === true
                  ? 'Het verschil komt van (gewijzigd tegenover de opgeslagen regels):'
                  : 'Het bedrag komt van:'}
              </span>
              <ul>
                {f.origins.map((c, k) => (
                  <li key={k}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => onJump(c.file, c.span)}
                      title={`Toon in ${c.file}`}
                      data-origin={c.label}
                    >
                      {c.label}
                    </button>{' '}
                    {c.before !== undefined ? `${c.before} → ${c.now}` : c.now}{' '}
                    <span className="muted">
                      (versie {c.version}
                      {c.indexed.length > 0 ? `, geïndexeerd in ${c.indexed.join(', ')}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      ))}
    </li>
  );
}
