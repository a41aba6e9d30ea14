/** All diagnostics of the rules; a click jumps to the spot. Collapses to its heading when there are none. */
import type { Diagnostic, Span } from '../../dsl/index.js';
import { count } from './plural.js';

/**
 * The files the server could not read as rules (path → why; the server marks them with code RW9001, for instance
 * a file that is not UTF-8), as the RW9001 that `regelwerk check` reports for them: the checker in the browser
 * reads their decoded text and would otherwise find nothing.
 */
export function unreadableDiagnostics(unreadable: ReadonlyMap<string, string>): Diagnostic[] {
  return [...unreadable].map(([file, message]) => ({
    code: 'RW9001',
    severity: 'fout',
    message,
    file,
    span: { start: 0, end: 0 },
    stage: 'bestand',
  }));
}

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
    <section
      className={`problems${sorted.length === 0 ? ' empty' : ''}`}
      aria-label="Problemen"
      data-testid="problems"
    >
      <h2>
        Problemen{' '}
        <span className="muted">
          ({count(errors, 'fout', 'fouten')},{' '}
          {count(diagnostics.length - errors, 'waarschuwing', 'waarschuwingen')})
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
