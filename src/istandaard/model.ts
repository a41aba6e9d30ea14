/**
 * The toewijzing message (iJw JW301 / iWmo WMO301, release 3.2) as plain data: what `build.ts` makes, `xml.ts`
 * writes and reads, `checks.ts` checks and `change.ts` compares. Money and volumes are whole numbers as strings
 * (eurocent, etmalen …), dates ISO `YYYY-MM-DD`.
 */
import type { Eenheid, IstandaardWet } from '../../dsl/ir/istandaard.js';

export type { Eenheid, IstandaardWet };

/** Per wet: message name, BerichtCode (COD002-VEKT) and namespaces. */
export const MESSAGE_KINDS = {
  jeugdwet: {
    name: 'JW301',
    code: '436',
    namespace: 'http://www.istandaarden.nl/ijw/3_2/jw301/schema',
    basis: 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema',
    prefix: 'ijw',
  },
  wmo: {
    name: 'WMO301',
    code: '414',
    namespace: 'http://www.istandaarden.nl/iwmo/3_2/wmo301/schema',
    basis: 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema',
    prefix: 'iwmo',
  },
} as const satisfies Record<
  IstandaardWet,
  { name: string; code: string; namespace: string; basis: string; prefix: string }
>;

/** The XSD versions written in `XsdVersie` (basisschema and message schema of release 3.2). */
export const XSD_VERSIE = { basisschema: '1.0.0', bericht: '1.0.0' } as const;

export interface Header {
  readonly berichtCode: string;
  readonly berichtVersie: '3';
  readonly berichtSubversie: '2';
  /** CBS gemeentecode, 4 digits. */
  readonly afzender: string;
  /** AGB code of the provider, 8 digits. */
  readonly ontvanger: string;
  /** At most 12 characters. */
  readonly identificatie: string;
  readonly dagtekening: string;
}

export interface Client {
  readonly bsn: string;
  readonly geboortedatum: string;
  /** COD046: 0 onbekend, 1 mannelijk, 2 vrouwelijk. */
  readonly geslacht: '0' | '1' | '2';
  readonly achternaam: string;
  readonly voorvoegsel: string | undefined;
  readonly voorletters: string | undefined;
}

export interface Omvang {
  /** Whole number 0…99.999.999 (eurocent with Eenheid 83). */
  readonly volume: string;
  readonly eenheid: Eenheid;
  /** WMO757: always 6 (totaal binnen geldigheidsduur toewijzing) here; a read message may have another. */
  readonly frequentie: string;
}

export interface ToegewezenProduct {
  readonly toewijzingNummer: string;
  readonly categorie: string;
  readonly code: string | undefined;
  readonly toewijzingsdatum: string;
  /** `HH:MM:SS`. */
  readonly toewijzingstijd: string;
  readonly ingangsdatum: string;
  readonly einddatum: string | undefined;
  /** JZ002 / WMO588 RedenWijziging, on a changed or ended allocation. */
  readonly redenWijziging: string | undefined;
  readonly omvang: Omvang | undefined;
  readonly commentaar: string | undefined;
}

export interface Toewijzingsbericht {
  readonly wet: IstandaardWet;
  readonly header: Header;
  readonly client: Client;
  readonly producten: readonly ToegewezenProduct[];
}

/** The largest Volume or Budget the standard allows (LDT_Bedrag / LDT_Volume: 8 digits). */
export const MAX_VOLUME = 99_999_999;
