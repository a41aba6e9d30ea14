/** Cases (beschikkingen) for tests: a valid Twents Model youth-care case, with whatever a test changes. */

/** One result (resultaat) of a case: OB2, midden, bandbreedte B, over the given period. */
export function resultaat(
  van = '2019-01-01',
  tot = '2019-06-30',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 'r1',
    perspectief: 'ontwikkelen',
    ondersteuningsbehoefte: 'OB2',
    intensiteit: 'midden',
    bandbreedte: 'B',
    periode: { van, tot },
    ...overrides,
  };
}

export interface CasusOptions {
  readonly gemeente?: string;
  readonly van?: string;
  readonly tot?: string;
  readonly resultaten?: readonly Record<string, unknown>[];
  readonly modules?: readonly Record<string, unknown>[];
  /** Any other beschikking field (verwijzer, maatregel, …), replacing the default. */
  readonly velden?: Record<string, unknown>;
}

/**
 * A valid Twents Model case: Hengelo, jeugdwet, one result (OB2 midden B) from `van` to `tot`
 * (2019-01-01 to 2019-06-30 unless given), no modules. The beschikking starts on `van`.
 */
export function casus(options: CasusOptions = {}): {
  resultaten: Record<string, unknown>[];
  modules: Record<string, unknown>[];
  [field: string]: unknown;
} {
  const van = options.van ?? '2019-01-01';
  const tot = options.tot ?? '2019-06-30';
  return {
    gemeente: options.gemeente ?? 'Hengelo',
    wet: 'jeugdwet',
    geboortedatum: '2010-05-01',
    ingangsdatum: van,
    verwijzer: 'toegang',
    ...options.velden,
    resultaten: (options.resultaten ?? [resultaat(van, tot)]).map((r) => ({ ...r })),
    modules: (options.modules ?? []).map((m) => ({ ...m })),
  };
}
