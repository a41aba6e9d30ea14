/**
 * Allocation numbers and change messages. Without an earlier message every product gets a new number. With
 * one (`--vorige`), a new product and an earlier one are the same allocation when category, code and
 * Ingangsdatum agree: the standard allows keeping the ToewijzingNummer when only the Einddatum, the Budget or
 * the Omvang with Frequentie 6 changes. Anything else ends the earlier allocation and issues a new one:
 *  - same allocation, nothing changed: repeated as it was (its own Toewijzingsdatum and RedenWijziging);
 *  - same allocation, Einddatum or Volume changed: same number, new date and time, RedenWijziging 04
 *    (herbeoordeling: verlenging) when it ends later, otherwise 05 (herbeoordeling: verkorting / andere omvang);
 *  - an earlier allocation without a match that had not started on the dagtekening: Einddatum = Ingangsdatum,
 *    RedenWijziging 13 (verwijderd); one that had started: ended the day before its replacement starts (a new
 *    product of the same category), or else on the dagtekening, RedenWijziging 05;
 *  - an earlier allocation that had already ended before the dagtekening and has no match is left out.
 */
import type { PreviousMessage } from './xml.js';
import type { Omvang, ToegewezenProduct } from './model.js';

/** A product as built from the evaluation, before numbers and dates. */
export interface NewProduct {
  readonly categorie: string;
  readonly code: string | undefined;
  readonly ingangsdatum: string;
  readonly einddatum: string;
  readonly omvang: Omvang;
  readonly commentaar: string | undefined;
}

export interface Moment {
  readonly datum: string;
  readonly tijd: string;
}

const matchKey = (p: { categorie: string; code: string | undefined; ingangsdatum: string }): string =>
  `${p.categorie}|${p.code ?? ''}|${p.ingangsdatum}`;

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function assignNumbers(
  products: readonly NewProduct[],
  previous: PreviousMessage | undefined,
  at: Moment,
  firstNumber: number,
): ToegewezenProduct[] {
  const old = previous?.producten ?? [];
  let next = Math.max(
    firstNumber,
    ...old.map((p) => (/^\d+$/.test(p.toewijzingNummer) ? Number(p.toewijzingNummer) + 1 : 0)),
  );
  const fresh = (p: NewProduct, number: string, reden: string | undefined): ToegewezenProduct => ({
    toewijzingNummer: number,
    categorie: p.categorie,
    code: p.code,
    toewijzingsdatum: at.datum,
    toewijzingstijd: at.tijd,
    ingangsdatum: p.ingangsdatum,
    einddatum: p.einddatum,
    redenWijziging: reden,
    omvang: p.omvang,
    commentaar: p.commentaar,
  });
  const unmatchedOld = [...old];
  const out: ToegewezenProduct[] = [];
  const issued: NewProduct[] = [];
  for (const p of products) {
    const i = unmatchedOld.findIndex(
      (o) =>
        matchKey(o) === matchKey(p) && o.omvang?.eenheid === p.omvang.eenheid && o.omvang.frequentie === '6',
    );
    const o = i >= 0 ? unmatchedOld[i] : undefined;
    if (!o) {
      issued.push(p);
      continue;
    }
    unmatchedOld.splice(i, 1);
    if (o.einddatum === p.einddatum && o.omvang?.volume === p.omvang.volume) out.push(o);
    else {
      const later = o.einddatum === undefined ? false : p.einddatum > o.einddatum;
      out.push(fresh(p, o.toewijzingNummer, later ? '04' : '05'));
    }
  }
  for (const o of unmatchedOld) {
    if (o.einddatum !== undefined && o.einddatum < at.datum) continue;
    const replacement = issued
      .filter((p) => p.categorie === o.categorie && p.ingangsdatum > o.ingangsdatum)
      .sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? -1 : 1))[0];
    let einddatum: string;
    let reden: string;
    if (replacement) {
      einddatum = dayBefore(replacement.ingangsdatum);
      reden = '05';
    } else if (o.ingangsdatum >= at.datum) {
      einddatum = o.ingangsdatum;
      reden = '13';
    } else {
      einddatum = at.datum;
      reden = '05';
    }
    if (o.einddatum !== undefined && o.einddatum < einddatum) einddatum = o.einddatum;
    out.push({
      ...o,
      einddatum,
      redenWijziging: reden,
      toewijzingsdatum: at.datum,
      toewijzingstijd: at.tijd,
    });
  }
  for (const p of issued) out.push(fresh(p, String(next++), undefined));
  return out.sort((a, b) => Number(a.toewijzingNummer) - Number(b.toewijzingNummer));
}
