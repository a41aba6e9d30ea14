/** The open version's scenarios, re-run on every change: pass/fail, and a click to the failing expectation. */
import type { Span } from '../../dsl/index.js';
import type { ScenarioState } from '../worker/protocol.js';

interface Props {
  readonly state: ScenarioState | undefined;
  readonly stale: boolean;
  readonly onJump: (file: string, span: Span) => void;
}

export function ScenarioPanel({ state, stale, onJump }: Props) {
  if (state === undefined) return <p className="muted">Scenario's worden uitgerekend…</p>;
  if (state.kind === 'geen') return <p className="muted">{state.reason}</p>;
  if (state.kind === 'fouten') {
    return (
      <p className="warning" data-testid="scenarios-blocked">
        De regels bevatten {state.errors === 1 ? 'een fout' : `${state.errors} fouten`}; de scenario's draaien
        weer zodra die zijn opgelost.
      </p>
    );
  }
  const failed = state.outcomes.filter((o) => !o.passed).length;
  return (
    <div className={`scenarios${stale ? ' stale' : ''}`} data-testid="scenarios">
      <p className="summary" data-testid="scenario-summary">
        {state.outcomes.length} scenario's: {state.outcomes.length - failed} geslaagd, {failed} mislukt
      </p>
      <ul>
        {state.outcomes.map((o, i) => (
          <li
            key={i}
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
              <button type="button" key={j} className="failure" onClick={() => onJump(f.file, f.span)}>
                {f.message}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
