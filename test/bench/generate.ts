/**
 * Generates a large, valid ruleset for the front-end benchmark, shaped like the real rules in
 * `rules/twents-model/*.regels`. Deterministic for a given size; checks without errors.
 *
 * How the mix was chosen: the real files (six versions, 1,509 lines) were counted line by line, each line
 * attributed to the declaration it belongs to. Shares of all lines:
 *
 *   scenarios 58.8 % (header 4.7, `gegeven` 4.7, given values 32.5, expectations 16.9), comments 10.5 %,
 *   blank lines 10.3 %, tables 3.7 % (of which rows 2.3), domains 3.4 %, modules 3.0 %, rules 2.8 %,
 *   input 1.6 %, parameters 1.6 %, budget 0.9 %, file header 2.3 %, bandwidths 0.4 %, provisions 0.2 %,
 *   calculations 0.1 %, versioning (`indexeer`, `vervalt`, `gemeente`) 0.2 %.
 *
 * Shares below {@link SHARE} are those measured figures. The parts that a single version has once whatever
 * its size (file header, the six bandwidths, the budget) keep their real size; tables, domains, modules,
 * rules, input fields, parameters, provisions and calculations scale with the requested size by their share;
 * scenarios fill the rest; comment lines are placed before declarations so that their share stays at the
 * measured one. Versioning lines only occur in derived versions and are left out of this base version.
 * Within each part the constructs are the ones the real files use, in the same forms (wide tables with
 * `kolommen intensiteit/bandbreedte`, modules with variants, a cap and conditions, rules with `voor elk
 * resultaat`, `in (…)`, `niet`, `is niet leeg`, `module … aangevraagd`, scenarios with one to four results,
 * module requests and every expectation form in the real proportions).
 */

/** Measured shares of the real files' lines (see above). */
const SHARE = {
  comment: 0.105,
  table: 0.037,
  domain: 0.034,
  module: 0.03,
  rule: 0.028,
  input: 0.016,
  parameter: 0.016,
  provision: 0.002,
  calculation: 0.001,
} as const;

const money = (cents: number): string => {
  const euros = Math.floor(cents / 100);
  const c = String(cents % 100).padStart(2, '0');
  return `${String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${c}`;
};

const PAIRS = ['licht/A', 'licht/B', 'midden/B', 'midden/C', 'zwaar/C', 'zwaar/D'] as const;
const PERSPECTIVES = ['ontwikkelen', 'stabiliseren'] as const;
const INTENSITIES = ['licht', 'midden', 'zwaar'] as const;
const MUNICIPALITIES = [
  'Almelo',
  'Borne',
  'Dinkelland',
  'Enschede',
  'Haaksbergen',
  'Hellendoorn',
  'Hengelo',
  'Hof_van_Twente',
  'Losser',
  'Oldenzaal',
  'Rijssen_Holten',
  'Tubbergen',
  'Twenterand',
  'Wierden',
] as const;
const REFERRERS = ['toegang', 'huisarts', 'jeugdarts', 'medisch_specialist', 'gi', 'rechter'] as const;
const MEASURES = ['geen', 'ots', 'voogdij', 'jeugdreclassering'] as const;
const STAYS = ['gezinshuis', 'residentieel', 'logeren', 'kamertraining'] as const;
const COMMENTS = [
  '// Bron: factsheet Twents Model; bedragen illustratief.',
  '// Illustratief: een aannemelijke invulling, geen vastgesteld Twents beleid.',
  '// ── Onderdeel van de regelset ───────────────────────────────────────────────',
  '// Het tarief volgt uit de tabel; afronding op centen, half naar boven.',
] as const;

type ModuleKind = 'vervoer' | 'verblijf' | 'maatregel' | 'cd';
const MODULE_KINDS: readonly ModuleKind[] = ['vervoer', 'verblijf', 'maatregel', 'cd'];

/** Returns a `.regels` text of about `lines` lines. */
export function generateRuleset(lines: number): string {
  let seed = 7;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

  const out: string[] = [];
  let comments = 0;
  /** Declaration lines (no comments, no blank lines) written so far: what a part's budget counts. */
  let declLines = 0;
  /** A declaration: a blank line, comment lines while below the measured share, then its lines. */
  const decl = (body: readonly string[], blank = true): void => {
    if (blank) out.push('');
    while (comments < SHARE.comment * (out.length + body.length + 1)) {
      out.push(pick(COMMENTS));
      comments++;
    }
    out.push(...body);
    declLines += body.length;
  };
  const budget = (share: number): number => Math.round(share * lines);
  const countFrom = (start: number): number => declLines - start;

  // ── header (once) ──
  out.push(
    'regelset "Benchmark Twents Model"',
    'versie "2019"',
    'geldig vanaf 2019-01-01',
    'geldig tot 2019-12-31',
    'status vastgesteld',
    'bron "Gegenereerd voor de benchmark, in de vorm van rules/twents-model (bedragen illustratief)"',
  );

  // ── tables decide the number of support needs: four tables, two of them with a row per need ──
  const tableRowsFixed = 5 + 5 + 4 + STAYS.length + 4 + MEASURES.length;
  const needs = Math.max(4, Math.floor((budget(SHARE.table) - tableRowsFixed) / 4));

  // ── domains ──
  let start = declLines;
  decl([
    'domein perspectief "Perspectief"',
    '  ontwikkelen "Ontwikkelen: groei, afname van de ondersteuningsvraag"',
    '  stabiliseren "Stabiliseren: behoud van de situatie of voorkomen van achteruitgang"',
  ]);
  const needLines = ['domein ondersteuningsbehoefte "Ondersteuningsbehoefte"'];
  for (let i = 1; i <= needs; i++)
    needLines.push(`  OB${i} "OB${i}: ondersteuningsbehoefte ${i} (plaatshouder)"`);
  decl(needLines);
  decl(['domein intensiteit "Intensiteit"', '  licht "Licht"', '  midden "Midden"', '  zwaar "Zwaar"']);
  decl(['domein wet "Wet"', '  jeugdwet "Jeugdwet"', '  wmo "Wet maatschappelijke ondersteuning 2015"']);
  decl(['domein verwijzer "Verwijzer"', ...REFERRERS.map((r) => `  ${r} "Verwijzer ${r}"`)]);
  decl(['domein maatregel "Maatregel"', ...MEASURES.map((m) => `  ${m} "Maatregel ${m}"`)]);
  decl(['domein gemeente "Gemeente"', ...MUNICIPALITIES.map((m) => `  ${m} "${m.replace(/_/g, ' ')}"`)]);
  decl(['domein verblijfsvorm "Vorm van wonen en verblijf"', ...STAYS.map((s) => `  ${s} "Verblijf: ${s}"`)]);
  // Further small domains (like `groepsgrootte` in 2021-07), each with an optional input field.
  const traits: { name: string; values: string[] }[] = [];
  while (countFrom(start) < budget(SHARE.domain)) {
    const k = traits.length + 1;
    const values = Array.from({ length: int(3, 5) }, (_, i) => `k${k}_waarde${i + 1}`);
    traits.push({ name: `kenmerk${k}`, values });
    decl([`domein kenmerk${k} "Kenmerk ${k}"`, ...values.map((v) => `  ${v} "Waarde ${v}"`)]);
  }

  // ── bandwidths (once) ──
  decl([
    'bandbreedte A bij licht van 0 tot 2 uur per week',
    'bandbreedte B bij licht van 2 tot 4 uur per week',
    'bandbreedte B bij midden van 4 tot 6 uur per week',
    'bandbreedte C bij midden van 6 tot 9 uur per week',
    'bandbreedte C bij zwaar van 9 tot 12 uur per week',
    'bandbreedte D bij zwaar van 12 tot 16 uur per week',
  ]);

  // ── input ──
  const caseFields = [
    'invoer beschikking',
    '  veld gemeente: gemeente',
    '  veld wet: wet',
    '  veld geboortedatum: datum',
    '  veld ingangsdatum: datum',
    '  veld verwijzer: verwijzer',
    '  veld maatregel: maatregel optioneel',
    '  veld verlengde_jeugdhulp: ja/nee optioneel',
  ];
  const resultFields = [
    'invoer resultaat',
    '  veld perspectief: perspectief',
    '  veld ondersteuningsbehoefte: ondersteuningsbehoefte',
    '  veld intensiteit: intensiteit',
    '  veld bandbreedte: bandbreedte',
  ];
  const moduleFields = [
    'invoer module',
    '  veld aantal: hoeveelheid optioneel',
    '  veld perspectief: perspectief optioneel',
    '  veld ondersteuningsbehoefte: ondersteuningsbehoefte optioneel',
    '  veld intensiteit: intensiteit optioneel',
  ];
  // Each further domain gives an optional field, on the case, the result and the module in turn.
  const inputBudget = budget(SHARE.input);
  const levels = [caseFields, resultFields, moduleFields];
  const usedTraits: (typeof traits)[number][] = [];
  for (let i = 0; i < 3 * traits.length; i++) {
    if (caseFields.length + resultFields.length + moduleFields.length >= inputBudget) break;
    const t = traits[i % traits.length];
    const level = levels[Math.floor(i / traits.length)];
    if (t === undefined || level === undefined) break;
    if (level === caseFields) usedTraits.push(t);
    level.push(`  veld ${t.name}: ${t.name} optioneel`);
  }
  decl(caseFields);
  decl(resultFields);
  decl(moduleFields);

  // ── modules are planned first: parameters are what they use ──
  const moduleBudget = budget(SHARE.module);
  const modules: { name: string; kind: ModuleKind }[] = [];
  let planned = 0;
  const moduleSize: Record<ModuleKind, number> = { vervoer: 9, verblijf: 10, maatregel: 9, cd: 7 };
  while (planned < moduleBudget) {
    const kind = MODULE_KINDS[modules.length % MODULE_KINDS.length] as ModuleKind;
    const name = modules.length < MODULE_KINDS.length ? kind : `${kind}_${modules.length + 1}`;
    modules.push({ name, kind });
    planned += moduleSize[kind] + 1;
  }

  // ── parameters (two lines each: value and source) ──
  const params: string[] = [];
  const paramDecl = (name: string, value: string): void => {
    params.push(name);
    decl([`parameter ${name} = ${value}`, '  bron "Tarievenblad modules 2019 (illustratief)"']);
  };
  paramDecl('uurtarief', '€ 68,40 per uur');
  paramDecl('norm_direct', '78 %');
  for (const m of modules) {
    if (m.kind === 'vervoer') {
      paramDecl(`${m.name}_per_rit`, `€ ${money(int(1000, 1600))} per rit`);
      paramDecl(`${m.name}_per_km`, `€ 0,${int(30, 60)} per km`);
      paramDecl(`${m.name}_maximum`, `€ ${money(int(200000, 300000))}`);
    } else if (m.kind === 'verblijf') {
      paramDecl(`${m.name}_toeslag`, `€ ${money(int(2000, 5000))} per etmaal`);
    }
  }

  // ── tables ──
  const weekHeader = `${' '.repeat(19)}${PAIRS.map((p) => p.padStart(9)).join('')}`;
  const weekRows: string[] = [];
  const cdRows: string[] = [];
  for (const p of PERSPECTIVES) {
    for (let i = 1; i <= needs; i++) {
      const base = 5000 + i * 300 + (p === 'stabiliseren' ? -600 : 0);
      const key = `  ${p.padEnd(13)} ${`OB${i}`.padEnd(4)}`;
      weekRows.push(key + PAIRS.map((_, c) => money(base + c * 2900 + int(0, 900)).padStart(9)).join(''));
      cdRows.push(key + INTENSITIES.map((_, c) => money(40000 + i * 3000 + c * 28000).padStart(10)).join(''));
    }
  }
  decl([
    'tabel weektarief "Weektarief ondersteuningsbehoefte" in € per week',
    '  rijen perspectief, ondersteuningsbehoefte',
    '  kolommen intensiteit/bandbreedte',
    '  bron "Tarievenblad Twents Model 2019 (illustratief)"',
    weekHeader,
    ...weekRows,
  ]);
  decl([
    'tabel cd_tarief "Consultatie & diagnostiek, tarief per traject" in € per traject',
    '  rijen perspectief, ondersteuningsbehoefte',
    '  kolommen intensiteit',
    '  bron "Tarievenblad modules 2019 (illustratief)"',
    `${' '.repeat(19)}${INTENSITIES.map((i) => i.padStart(10)).join('')}`,
    ...cdRows,
  ]);
  decl([
    'tabel verblijf_tarief "Wonen en verblijf, tarief per etmaal" in € per etmaal',
    '  rijen verblijfsvorm',
    '  bron "Tarievenblad modules 2019 (illustratief)"',
    ...STAYS.map((s, i) => `  ${s.padEnd(13)} ${money(9730 + i * 5100).padStart(8)}`),
  ]);
  decl([
    'tabel maatregelhulp_tarief "Maatregelhulp, tarief per maand" in € per maand',
    '  rijen maatregel',
    '  bron "Tarievenblad modules 2019 (illustratief)"',
    ...MEASURES.map((m, i) => `  ${m.padEnd(18)} ${(i === 0 ? '-' : money(93600 + i * 11000)).padStart(8)}`),
  ]);

  // ── calculations (one on the case, the others per result) ──
  decl(['bereken leeftijd = jaren(geboortedatum, ingangsdatum)']);
  const calcs: string[] = [];
  for (let i = 1; i < Math.max(2, budget(SHARE.calculation)); i++) {
    calcs.push(`duur${i}`);
    decl([`bereken duur${i} voor elk resultaat = weken(periode)`], i === 1);
  }

  // ── budget (once) ──
  decl([
    'budget voor elk resultaat',
    '  tarief weektarief[perspectief, ondersteuningsbehoefte, intensiteit, bandbreedte]',
    '  hoeveelheid weken(periode)',
    '  afgerond op centen',
    '  indicatieve uren (weektarief[perspectief, ondersteuningsbehoefte, intensiteit, bandbreedte] × weken(periode) × norm_direct / uurtarief) afgerond op 2 decimalen',
  ]);

  // ── modules ──
  for (const m of modules) {
    const head = [
      `module ${m.name} "Module ${m.name.replace(/_/g, ' ')}"`,
      `  bron "Factsheet Twents Model, module ${m.kind} (illustratief)"`,
    ];
    switch (m.kind) {
      case 'vervoer':
        decl([
          ...head,
          `  variant rit "Per rit" tarief ${m.name}_per_rit`,
          `  variant km "Per kilometer" tarief ${m.name}_per_km`,
          '  hoeveelheid aantal',
          `  maximum ${m.name}_maximum`,
          '  afgerond op centen',
          '  toegestaan als aantal is niet leeg',
          `  anders "Geef bij ${m.name} het aantal ritten of kilometers op."`,
        ]);
        break;
      case 'verblijf':
        decl([
          ...head,
          ...STAYS.map((s) => `  variant ${s} "Verblijf ${s}" tarief verblijf_tarief[${s}]`),
          `  variant ${STAYS[0]}_plus "Met toeslag" tarief verblijf_tarief[${STAYS[0]}] + ${m.name}_toeslag`,
          '  hoeveelheid etmalen(periode)',
          '  toegestaan als wet = jeugdwet',
          `  anders "${m.name} is alleen mogelijk onder de Jeugdwet."`,
        ]);
        break;
      case 'maatregel':
        decl([
          ...head,
          '  tarief maatregelhulp_tarief[maatregel]',
          '  hoeveelheid maanden(periode)',
          '  afgerond op centen',
          '  toegestaan als verwijzer = gi',
          `  anders "${m.name} kan alleen worden ingezet door een gecertificeerde instelling."`,
          '  toegestaan als maatregel in (ots, voogdij, jeugdreclassering)',
          `  anders "${m.name} hoort bij een maatregel."`,
        ]);
        break;
      case 'cd':
        decl([
          ...head,
          '  tarief cd_tarief[perspectief, ondersteuningsbehoefte, intensiteit]',
          '  hoeveelheid 1 traject',
          '  afgerond op centen',
          '  toegestaan als perspectief is niet leeg en ondersteuningsbehoefte is niet leeg en intensiteit is niet leeg',
          `  anders "Geef bij ${m.name} het perspectief, de ondersteuningsbehoefte en de intensiteit op."`,
        ]);
        break;
    }
  }

  // ── rules ──
  start = declLines;
  const rules: { name: string; severity: 'fout' | 'waarschuwing' }[] = [];
  const rule = (
    name: string,
    body: readonly string[],
    severity: 'fout' | 'waarschuwing',
    message: string,
  ) => {
    rules.push({ name, severity });
    decl([`regel "${name}"`, ...body, `  dan ${severity} "${message}"`]);
  };
  let durationRules = 0;
  for (let n = 1; countFrom(start) < budget(SHARE.rule); n++) {
    const age = int(16, 24);
    const m1 = pick(modules).name;
    const m2 = pick(modules).name;
    const trait = usedTraits.length > 0 ? pick(usedTraits) : undefined;
    switch (n % 8) {
      case 0:
        rule(
          `Leeftijdsgrens ${n}`,
          [`  als wet = jeugdwet en leeftijd >= ${age} jaar en verlengde_jeugdhulp <> ja`],
          'fout',
          `Jeugdhulp na het ${age}e jaar kan alleen als verlengde jeugdhulp.`,
        );
        break;
      case 1:
        rule(
          `Verlengde jeugdhulp ${n}`,
          ['  als verlengde_jeugdhulp = ja en (wet = wmo of leeftijd < 18 jaar)'],
          'waarschuwing',
          'Controleer de beschikking.',
        );
        break;
      case 2:
        rule(
          `Maatregel en verwijzer ${n}`,
          ['  als maatregel in (ots, voogdij, jeugdreclassering) en niet verwijzer in (gi, rechter)'],
          'waarschuwing',
          'De verwijzer is geen gecertificeerde instelling.',
        );
        break;
      case 3:
        rule(
          `Combinatie ${m1} en ${m2} ${n}`,
          [`  als module ${m1} aangevraagd en module ${m2} aangevraagd`],
          'fout',
          `${m1} en ${m2} gaan niet samen (illustratief).`,
        );
        break;
      case 4:
        if (durationRules < calcs.length)
          rule(
            `Lange duur ${n}`,
            [
              '  voor elk resultaat',
              `  als ${calcs[durationRules++] ?? 'duur1'} > ${int(26, 52)} weken en intensiteit = zwaar`,
            ],
            'waarschuwing',
            'Een lange periode bij intensiteit zwaar.',
          );
        else
          rule(
            `Resultaat begint niet voor de ingangsdatum ${n}`,
            ['  voor elk resultaat', '  als begin(periode) < ingangsdatum'],
            'fout',
            'Een resultaat kan niet beginnen voor de ingangsdatum.',
          );
        break;
      case 5:
        if (calcs.length === 0 || durationRules >= calcs.length)
          rule(
            `Resultaat langer dan een jaar ${n}`,
            ['  voor elk resultaat', '  als jaren(begin(periode), einde(periode)) >= 1 jaar'],
            'waarschuwing',
            'Het resultaat loopt langer dan een jaar.',
          );
        else
          rule(
            `Lange duur ${n}`,
            [
              '  voor elk resultaat',
              `  als ${calcs[durationRules++ % calcs.length] ?? 'duur1'} > ${int(26, 52)} weken en intensiteit = zwaar`,
            ],
            'waarschuwing',
            'Een lange periode bij intensiteit zwaar.',
          );
        break;
      case 6:
        rule(
          `Bandbreedte bij verblijf ${n}`,
          [
            '  voor elk resultaat',
            `  als module ${modules[1]?.name ?? m1} variant ${STAYS[0]} aangevraagd en bandbreedte > B en intensiteit <> licht`,
          ],
          'fout',
          'Bij verblijf mag een ondersteuningsbehoefte tot en met bandbreedte B.',
        );
        break;
      default:
        if (trait !== undefined)
          rule(
            `Kenmerk ${trait.name} ${n}`,
            [`  als ${trait.name} = ${pick(trait.values)} en wet = wmo`],
            'waarschuwing',
            `Kenmerk ${trait.name} bij de Wmo: controleer de beschikking.`,
          );
        else
          rule(
            `Aantal resultaten ${n}`,
            [`  als aantal resultaten > ${int(3, 5)}`],
            'fout',
            'Te veel resultaten (illustratief).',
          );
    }
  }

  // ── provisions ──
  for (let i = 1; i <= Math.max(1, budget(SHARE.provision)); i++) {
    decl(
      [
        `voorziening crisis${i} "Crisisvoorziening ${i}" budget € ${money(int(50_000_000, 250_000_000))} per jaar`,
      ],
      i === 1,
    );
  }

  // ── scenarios fill the rest ──
  for (let n = 1; out.length < lines - 14; n++) {
    const month = int(1, 6);
    const from = `2019-${String(month).padStart(2, '0')}-01`;
    const to = `2019-${String(month + int(1, 6)).padStart(2, '0')}-28`;
    const wet = rnd() < 0.75 ? 'jeugdwet' : 'wmo';
    const body = [
      `scenario "Scenario ${n}: ${pick(PERSPECTIVES)} ${pick(PAIRS)}"`,
      '  gegeven',
      `    gemeente = ${pick(MUNICIPALITIES)}`,
      `    wet = ${wet}`,
      `    geboortedatum = ${wet === 'jeugdwet' ? int(2003, 2014) : int(1950, 2000)}-0${int(1, 9)}-1${int(0, 9)}`,
      `    ingangsdatum = ${from}`,
      `    verwijzer = ${rnd() < 0.85 ? 'toegang' : pick(REFERRERS)}`,
    ];
    if (rnd() < 0.13) body.push(`    maatregel = ${pick(MEASURES)}`);
    if (rnd() < 0.06) body.push('    verlengde_jeugdhulp = ja');
    if (usedTraits.length > 0 && rnd() < 0.1) {
      const t = pick(usedTraits);
      body.push(`    ${t.name} = ${pick(t.values)}`);
    }
    const results = rnd() < 0.8 ? 1 : int(2, 4);
    for (let r = 1; r <= results; r++) {
      const [intensity, band] = pick(PAIRS).split('/');
      const group =
        rnd() < 0.2
          ? `, ondersteuningsbehoefte = OB${int(1, needs)}`
          : `, ondersteuningsbehoefte = OB${int(1, 4)}`;
      body.push(
        `    resultaat r${r}: perspectief = ${pick(PERSPECTIVES)}${group}, intensiteit = ${intensity}, bandbreedte = ${band}, periode = ${from} tot ${to}`,
      );
    }
    const requested: string[] = [];
    const moduleCount = rnd() < 0.5 ? 0 : int(1, 2);
    for (let k = 0; k < moduleCount; k++) {
      const m = pick(modules);
      requested.push(m.name);
      const fields =
        m.kind === 'vervoer'
          ? `variant = ${pick(['rit', 'km'])}, aantal = ${int(4, 80)}`
          : m.kind === 'verblijf'
            ? `variant = ${pick(STAYS)}`
            : m.kind === 'cd'
              ? `perspectief = ${pick(PERSPECTIVES)}, ondersteuningsbehoefte = OB${int(1, 4)}, intensiteit = ${pick(INTENSITIES)}`
              : '';
      body.push(`    module ${m.name}: ${fields === '' ? '' : `${fields}, `}periode = ${from} tot ${to}`);
    }
    // Expectations, in the real files' proportions.
    if (rnd() < 0.04) body.push('  verwacht ongeldig');
    else {
      const negative = rnd() < 0.2 ? pick(rules) : undefined;
      if (negative === undefined) body.push(`  verwacht totaal = € ${money(int(10_000, 2_000_000))}`);
      for (let r = 1; r <= results && negative === undefined; r++) {
        body.push(`  verwacht resultaat r${r} = € ${money(int(10_000, 900_000))}`);
        if (rnd() < 0.15) body.push(`  verwacht uren r${r} = ${int(1, 60)},${int(10, 99)} uur`);
      }
      for (const m of requested) {
        if (rnd() < 0.6) body.push(`  verwacht module ${m} = € ${money(int(5_000, 1_500_000))}`);
        body.push(`  verwacht module ${m} ${rnd() < 0.85 ? 'toegestaan' : 'geweigerd'}`);
      }
      if (negative !== undefined) body.push(`  verwacht ${negative.severity} "${negative.name}"`);
      else body.push('  verwacht geen fouten');
    }
    decl(body);
  }
  return out.join('\n') + '\n';
}
