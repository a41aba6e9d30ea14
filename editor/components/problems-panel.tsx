/** All diagnostics of the rules; a click jumps to the spot. */
import type { Diagnostic, Span } from '../../dsl/index.js';

interface Props {
  readonly diagnostics: readonly Diagnostic[];
  readonly open: string | undefined;
  readonly lineOf: (file: string, offset: number) => number | undefined;
  readonly onJump: (file: string, span: Span) => void;
}

export function ProblemsPanel({ diagnostics, open, lineOf, onJump }: Props) {
  const sorted = [...diagnostics].sort(
    (a, b) =>
      Number(b.file === open) - Number(a.file === open) ||
      (a.severity === 'fout' ? -1 : 1) - (b.severity === 'fout' ? -1 : 1),
  );
  const errors = diagnostics.filter((d) => d.severity === 'fout').length;
  return (
    <section className="problems" aria-label="Problemen" data-testid="problems">
      <h2>
        Problemen{' '}
        <span className="muted">
          ({errors} {errors === 1 ? 'fout' : 'fouten'}, {diagnostics.length - errors} waarschuwingen)
        </span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">Geen problemen gevonden.</p>
      ) : (
        <ul>
          {sorted.slice(0, 200).map((d, i) => (
            <li key={i}>
              <button
                type="button"
                className={`problem ${d.severity}`}
                onClick={() => onJump(d.file, d.span)}
              >
                <span className="code">{d.code}</span>
                <span className="message">{d.message}</span>
                <span className="where">
                  {d.file}:{lineOf(d.file, d.span.start) ?? '?'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
