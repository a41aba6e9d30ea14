/**
 * The iStandaarden vocabulary the `toewijzing` declaration speaks (iJw / iWmo release 3.2): product categories
 * per wet (JZ020 / WMO020), the Eenheid codes (WJ756) and how the language's units convert into them. Plain
 * data, shared by the checker and `src/istandaard`.
 */

/** The wetten with an iStandaard, by the value of the case's `wet` field. */
export type IstandaardWet = 'jeugdwet' | 'wmo';

export const ISTANDAARD_WETTEN: readonly IstandaardWet[] = ['jeugdwet', 'wmo'];

export const isIstandaardWet = (w: string): w is IstandaardWet => w === 'jeugdwet' || w === 'wmo';

/** Product categories (iJw JZ020, iWmo WMO020), code → omschrijving. */
export const PRODUCT_CATEGORIES: Readonly<Record<IstandaardWet, Readonly<Record<string, string>>>> = {
  jeugdwet: {
    '40': 'Persoonlijke verzorging',
    '41': 'Dagbehandeling',
    '42': 'Vervoerdiensten',
    '43': 'Jeugdhulp verblijf (incl. behandeling)',
    '44': 'Jeugdhulp verblijf (excl. behandeling)',
    '45': 'Jeugdhulp ambulant',
    '46': 'Jeugdhulp crisis',
    '47': 'Jeugdreclassering',
    '48': 'Jeugdbescherming',
    '49': 'Activiteiten in het preventief justitieel kader',
    '50': 'Maatwerkarrangementen jeugd',
    '51': 'Generalistische basis-ggz',
    '52': 'Specialistische ggz',
    '53': 'Kindergeneeskunde',
    '54': 'Jeugd-ggz',
    '55': 'Landelijk ingekochte zorg',
  },
  wmo: {
    '01': 'Hulp bij het huishouden',
    '02': 'Begeleiding',
    '03': 'Persoonlijke verzorging',
    '04': 'Kortdurend verblijf',
    '05': 'Woondiensten',
    '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin',
    '07': 'Dagbesteding',
    '08': 'Vervoerdiensten',
    '09': 'Overige groepsgerichte ondersteuning',
    '10': 'Overige maatwerkarrangementen',
    '11': 'Rolstoelen',
    '12': 'Vervoervoorzieningen',
    '13': 'Woonvoorzieningen',
    '14': 'Overige hulpmiddelen',
    '15': 'Beschermd wonen',
    '16': 'Opvang',
    '17': 'Spoedopvang',
    '18': 'Overige beschermd wonen en opvang',
  },
};

/** Eenheid (WJ756): 01 minuut, 04 uur, 14 etmaal, 16 dagdeel (4 uur), 82 stuks (output), 83 euro's. */
export type Eenheid = '01' | '04' | '14' | '16' | '82' | '83';

/** How an amount is expressed: `in euro's totaal` (the amount in cents) or a volume in a unit. */
export interface AllocationUnit {
  readonly eenheid: Eenheid;
  /** The language units whose quantity this volume counts, with the factor quantity → volume. */
  readonly from: Readonly<Partial<Record<string, string>>>;
  readonly word: string;
}

const unit = (eenheid: Eenheid, word: string, from: Partial<Record<string, string>>): AllocationUnit => ({
  eenheid,
  word,
  from,
});

/** The unit words of `toewijzing … in <eenheid> totaal`, singular and plural. */
export const ALLOCATION_UNITS: Readonly<Record<string, AllocationUnit>> = {
  "euro's": unit('83', "euro's", {}),
  minuut: unit('01', 'minuten', { uur: '60' }),
  minuten: unit('01', 'minuten', { uur: '60' }),
  uur: unit('04', 'uren', { uur: '1' }),
  uren: unit('04', 'uren', { uur: '1' }),
  etmaal: unit('14', 'etmalen', { etmaal: '1', dag: '1' }),
  etmalen: unit('14', 'etmalen', { etmaal: '1', dag: '1' }),
  dagdeel: unit('16', 'dagdelen', { uur: '0.25' }),
  dagdelen: unit('16', 'dagdelen', { uur: '0.25' }),
  stuk: unit('82', 'stuks', { traject: '1', rit: '1' }),
  stuks: unit('82', 'stuks', { traject: '1', rit: '1' }),
};

/** Frequentie (WMO757) 6: totaal binnen geldigheidsduur toewijzing, the only one `toewijzing` writes. */
export const FREQUENTIE_TOTAAL = '6';

/** A product code is agreed per region, at most 5 characters (LDT_ProductCode). */
export const MAX_PRODUCT_CODE = 5;
