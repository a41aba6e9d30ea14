/**
 * The rules of the standard that regelwerk checks itself, without the official XSD files: formats of the
 * header and client, code lists, whole amounts within 0…99.999.999, product codes of at most 5 characters,
 * dates in order, unique allocation numbers. Every message passes these before it is written; with `--xsd`
 * it is also validated against the XSD files (see validate-xsd.ts).
 */
import { PRODUCT_CATEGORIES } from '../../dsl/ir/istandaard.js';
import { MAX_VOLUME, type Toewijzingsbericht } from './model.js';

/** BSN: 9 digits passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11, and not 0). */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let total = 0;
  for (let i = 0; i < 8; i++) total += Number(bsn[i]) * (9 - i);
  total -= Number(bsn[8]);
  return total % 11 === 0 && total !== 0;
}

/** AGB code of a provider: 8 digits. */
export const isValidAgb = (agb: string): boolean => /^\d{8}$/.test(agb) && agb !== '00000000';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const EENHEDEN = new Set(['01', '04', '14', '16', '82', '83', '84']);
const FREQUENTIES = new Set(['1', '2', '4', '6']);

/** Every rule the message breaks, in Dutch; empty when it passes. */
export function checkMessage(m: Toewijzingsbericht): string[] {
  const errors: string[] = [];
  const h = m.header;
  if (!/^\d{4}$/.test(h.afzender))
    errors.push(`Afzender '${h.afzender}' is geen CBS-gemeentecode van vier cijfers.`);
  if (!isValidAgb(h.ontvanger)) errors.push(`Ontvanger '${h.ontvanger}' is geen AGB-code van acht cijfers.`);
  if (h.identificatie.length < 1 || h.identificatie.length > 12)
    errors.push(
      `Identificatie '${h.identificatie}' heeft ${h.identificatie.length} tekens; toegestaan is 1 tot 12.`,
    );
  if (!ISO_DATE.test(h.dagtekening)) errors.push(`Dagtekening '${h.dagtekening}' is geen datum.`);
  const c = m.client;
  if (!isValidBsn(c.bsn))
    errors.push(`Bsn '${c.bsn}' is geen geldig burgerservicenummer (9 cijfers, elfproef).`);
  if (!ISO_DATE.test(c.geboortedatum)) errors.push(`Geboortedatum '${c.geboortedatum}' is geen datum.`);
  if (c.achternaam.trim() === '' || c.achternaam.length > 200)
    errors.push('De achternaam van de cliënt ontbreekt of is langer dan 200 tekens.');
  if (c.voorletters !== undefined && c.voorletters.length > 6)
    errors.push(`Voorletters '${c.voorletters}' zijn langer dan 6 tekens.`);
  if (c.voorvoegsel !== undefined && c.voorvoegsel.length > 10)
    errors.push(`Voorvoegsel '${c.voorvoegsel}' is langer dan 10 tekens.`);
  if (m.producten.length === 0) errors.push('Het bericht heeft geen toegewezen product.');
  const numbers = new Set<string>();
  for (const t of m.producten) {
    const at = `Toewijzing ${t.toewijzingNummer}`;
    if (!/^\d{1,8}$/.test(t.toewijzingNummer))
      errors.push(`${at}: het ToewijzingNummer is geen nummer van 1 tot 8 cijfers.`);
    if (numbers.has(t.toewijzingNummer)) errors.push(`${at}: het ToewijzingNummer komt twee keer voor.`);
    numbers.add(t.toewijzingNummer);
    if (!Object.hasOwn(PRODUCT_CATEGORIES[m.wet], t.categorie))
      errors.push(
        `${at}: categorie '${t.categorie}' is geen productcategorie van de ${m.wet === 'jeugdwet' ? 'Jeugdwet' : 'Wmo'}.`,
      );
    if (t.code !== undefined && !/^[A-Za-z0-9]{1,5}$/.test(t.code))
      errors.push(
        `${at}: productcode '${t.code}' heeft meer dan 5 tekens of andere tekens dan letters en cijfers.`,
      );
    for (const [what, d] of [
      ['Toewijzingsdatum', t.toewijzingsdatum],
      ['Ingangsdatum', t.ingangsdatum],
      ['Einddatum', t.einddatum],
    ] as const)
      if (d !== undefined && !ISO_DATE.test(d)) errors.push(`${at}: ${what} '${d}' is geen datum.`);
    if (!/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(t.toewijzingstijd))
      errors.push(`${at}: Toewijzingstijd '${t.toewijzingstijd}' is geen tijd (UU:MM:SS).`);
    if (t.einddatum !== undefined && t.einddatum < t.ingangsdatum)
      errors.push(`${at}: de einddatum ${t.einddatum} ligt voor de ingangsdatum ${t.ingangsdatum}.`);
    if (t.redenWijziging !== undefined && !/^(0[1-9]|1[0-4])$/.test(t.redenWijziging))
      errors.push(
        `${at}: RedenWijziging '${t.redenWijziging}' staat niet in de codelijst (01 tot en met 14).`,
      );
    if (t.omvang) {
      const v = t.omvang.volume;
      if (!/^\d+$/.test(v)) errors.push(`${at}: het volume '${v}' is geen heel getal.`);
      else if (Number(v) > MAX_VOLUME)
        errors.push(`${at}: het volume ${v} is groter dan 99.999.999 (het maximum van de standaard).`);
      if (!EENHEDEN.has(t.omvang.eenheid))
        errors.push(`${at}: eenheid '${t.omvang.eenheid}' staat niet in de codelijst.`);
      if (!FREQUENTIES.has(t.omvang.frequentie))
        errors.push(`${at}: frequentie '${t.omvang.frequentie}' staat niet in de codelijst.`);
    } else
      errors.push(
        `${at}: de omvang ontbreekt (een outputgerichte toewijzing heeft Volume, Eenheid en Frequentie).`,
      );
    if (t.commentaar !== undefined && t.commentaar.length > 1000)
      errors.push(`${at}: het commentaar is langer dan 1000 tekens.`);
  }
  return errors;
}
