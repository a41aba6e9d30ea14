/**
 * The impact report as Dutch text for people (`regelwerk impact`): Dutch number notation (€ 1.234,50;
 * +4,74 %), tables with right-aligned figures. Pure: also usable outside the CLI.
 */
import type { Amounts, ImpactGroup, ImpactReport } from './types.js';

/** "1234.5" → "1.234,5"; "-3" → "-3". */
function dutchDecimal(value: string): string {
  const neg = value.startsWith('-');
  const [int = '0', frac] = (neg ? value.slice(1) : value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

/** "€ 1.234,50", "-€ 12,05". */
export const euroText = (amount: string): string =>
  amount.startsWith('-') ? `-€ ${dutchDecimal(amount.slice(1))}` : `€ ${dutchDecimal(amount)}`;

/** A difference with its sign: "+€ 1.234,50", "-€ 12,05", "€ 0,00". */
export const signedEuro = (amount: string): string =>
  /^-?0\.00$/.test(amount) ? '€ 0,00' : amount.startsWith('-') ? euroText(amount) : `+${euroText(amount)}`;

/** "+4,74 %", "-0,10 %", "0,00 %"; "—" when there is no basis to compare with. */
export const percentText = (p: string | null): string =>
  p === null ? '—' : /^-?0\.00$/.test(p) ? '0,00 %' : `${p.startsWith('-') ? '' : '+'}${dutchDecimal(p)} %`;

/** A whole number in Dutch notation: 30.000. */
export const countText = (n: number): string => dutchDecimal(String(n));

const plural = (n: number, one: string, many: string): string => `${countText(n)} ${n === 1 ? one : many}`;

/** A table: the first column left-aligned, the others right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    '  ' +
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

const money = (a: Amounts): string[] => [
  euroText(a.basis),
  euroText(a.variant),
  signedEuro(a.difference),
  percentText(a.percentage),
];

function groupTable(title: string, first: string, count: string, groups: readonly ImpactGroup[]): string[] {
  if (groups.length === 0) return [];
  return [
    '',
    title,
    ...table(
      [first, count, 'basis', 'variant', 'verschil', '%'],
      groups.map((g) => [
        g.label,
        g.variantCount !== undefined && g.variantCount !== g.count
          ? `${countText(g.count)} / ${countText(g.variantCount)}`
          : countText(g.count),
        ...money(g),
      ]),
    ),
  ];
}

export interface RenderOptions {
  /** The caseload's name, shown in the heading. */
  readonly caseload?: string;
  /** The command that explains one beschikking, given its line: shown with the largest changes. */
  readonly explainCommand?: (line: number) => string;
  /** Bad rows listed (default 20; `--json` has them all). */
  readonly badRowsShown?: number;
}

export function renderImpactText(r: ImpactReport, options: RenderOptions = {}): string {
  const out: string[] = [];
  const side = (s: ImpactReport['basis']) =>
    `${s.version}${s.overrides.length ? ` (met ${s.overrides.join(', ')})` : ''}`;
  out.push(
    `Impact van versie ${side(r.variant)} tegenover ${side(r.basis)} op ${plural(r.counts.priced, 'beschikking', 'beschikkingen')}${options.caseload ? ` uit ${options.caseload}` : ''}`,
  );
  out.push('Elke beschikking is twee keer berekend, alsof de versie op al haar dagen gold.');
  if (r.counts.bad > 0)
    out.push(
      `Niet meegeteld: ${plural(r.counts.bad, 'rij', 'rijen')} die niet te lezen of in beide versies ongeldig ${r.counts.bad === 1 ? 'is' : 'zijn'} (zie onderaan).`,
    );
  out.push('', 'Totaal');
  out.push(
    ...table(
      ['', 'bedrag'],
      [
        ['basis', euroText(r.totals.basis)],
        ['variant', euroText(r.totals.variant)],
        ['verschil', `${signedEuro(r.totals.difference)} (${percentText(r.totals.percentage)})`],
      ],
    ),
  );
  out.push(...groupTable('Per gemeente', 'gemeente', 'beschikkingen', r.perGemeente));
  out.push(...groupTable('Per wet', 'wet', 'beschikkingen', r.perWet));
  out.push(
    ...groupTable(
      'Per perspectief × ondersteuningsbehoefte (resultaten)',
      'perspectief × OB',
      'resultaten',
      r.perPerspectiefOb,
    ),
  );
  out.push(
    ...groupTable(
      'Per intensiteit/bandbreedte (resultaten)',
      'intensiteit/bandbreedte',
      'resultaten',
      r.perIntensiteitBandbreedte,
    ),
  );
  out.push(
    ...groupTable(
      'Per module (aanvragen in de basis, of basis / variant als die verschillen)',
      'module',
      'aanvragen',
      r.perModule,
    ),
  );
  if (r.perCell.length > 0) {
    out.push(
      '',
      'Per tariefcel (aantal resultaten of aanvragen dat de cel gebruikt, en het geld dat ze verschuift)',
    );
    out.push(
      ...table(
        ['tariefcel', 'basis: aantal', 'variant: aantal', 'basis', 'variant', 'verschil', '%'],
        r.perCell.map((c) => [c.label, countText(c.basisCount), countText(c.variantCount), ...money(c)]),
      ),
    );
  }
  out.push('', 'Verandering per beschikking');
  out.push(
    ...table(
      ['', 'beschikkingen', 'verschil'],
      r.bands.map((b) => [b.label, countText(b.count), signedEuro(b.difference)]),
    ),
  );
  out.push('', `Beschikkingen met een andere uitkomst: ${countText(r.counts.statusChanged)}`);
  for (const s of r.statusChanges)
    out.push(
      `  ${s.label} (${plural(s.count, 'beschikking', 'beschikkingen')}); bijvoorbeeld ${s.examples.map((e) => `regel ${countText(e.line)}${e.id !== undefined ? ` (${e.id})` : ''}`).join(', ')}`,
    );
  if (r.largest.length > 0) {
    out.push('', `De ${r.largest.length} grootste veranderingen per beschikking`);
    out.push(
      ...table(
        ['beschikking', 'gemeente', 'basis', 'variant', 'verschil', '%'],
        r.largest.map((l) => [
          `regel ${countText(l.line)}${l.id !== undefined ? ` (${l.id})` : ''}`,
          l.gemeenteLabel,
          ...money(l),
        ]),
      ),
    );
    const cmd = options.explainCommand;
    if (cmd) out.push(`  Uitleg van één beschikking: ${cmd(r.largest[0]?.line ?? 1)}`);
  }
  if (r.counts.bad > 0) {
    const shown = options.badRowsShown ?? 20;
    out.push('', `Niet meegeteld (${plural(r.counts.bad, 'rij', 'rijen')})`);
    // Every bad row names its line (messages from the CSV reader already start with it).
    for (const b of r.badRows.slice(0, shown))
      out.push(`  ${b.message.startsWith('regel ') ? '' : `regel ${countText(b.line)}: `}${b.message}`);
    if (r.counts.bad > shown)
      out.push(`  … en nog ${countText(r.counts.bad - shown)}; alle rijen staan in --json en --csv.`);
  }
  return out.join('\n');
}
