/** `--tijdstip` of `regelwerk toewijzing`: checked as wrong usage before anything is loaded. */
import { daysInMonth } from '../calendar/dates.js';

/** Why `--tijdstip` is no real moment (form JJJJ-MM-DDTUU:MM:SS, an existing date, a time of day), if it is not. */
export function tijdstipProblem(t: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(t);
  if (m === null) return `--tijdstip moet de vorm JJJJ-MM-DDTUU:MM:SS hebben, niet '${t}'.`;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const what =
    y < 1900 || y > 2199
      ? `het jaar ${y} valt buiten 1900–2199`
      : mo < 1 || mo > 12
        ? `maand ${m[2]} bestaat niet (01 tot en met 12)`
        : d < 1 || d > daysInMonth(y, mo)
          ? `dag ${m[3]} bestaat niet in ${m[1]}-${m[2]} (die maand heeft ${daysInMonth(y, mo)} dagen)`
          : h > 23
            ? `uur ${m[4]} bestaat niet (00 tot en met 23)`
            : mi > 59
              ? `minuut ${m[5]} bestaat niet (00 tot en met 59)`
              : s > 59
                ? `seconde ${m[6]} bestaat niet (00 tot en met 59)`
                : undefined;
  return what === undefined ? undefined : `--tijdstip '${t}' is geen bestaand tijdstip: ${what}.`;
}
