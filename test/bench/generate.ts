/**
 * Generates a large, valid ruleset for benchmarks: a realistic mix of domains, bandwidths, parameters,
 * wide tariff tables (one row per line), calculations, modules and rules. Deterministic for a given size.
 */
const money = (cents: number): string => {
  const euros = Math.floor(cents / 100);
  const c = String(cents % 100).padStart(2, '0');
  return `${String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${c}`;
};

/** Returns a `.regels` text of about `lines` lines. */
export function generateRuleset(lines: number): string {
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  push('regelset "Benchmark"');
  push('versie "2019"');
  push('geldig vanaf 2019-01-01');
  push('status concept');
  push('bron "Gegenereerd voor de benchmark"');
  push('');
  push('domein perspectief');
  push('  ontwikkelen "Ontwikkelen"');
  push('  stabiliseren "Stabiliseren"');
  push('');
  push('domein intensiteit');
  push('  licht');
  push('  midden');
  push('  zwaar');
  push('');
  push('domein wet');
  push('  jeugdwet');
  push('  wmo');
  push('');
  // Many needs, so the tables get long.
  const needs = Math.max(4, Math.floor(lines / 6));
  push('domein ondersteuningsbehoefte');
  for (let i = 1; i <= needs; i++) push(`  OB${i} "Ondersteuningsbehoefte ${i}"`);
  push('');
  push('bandbreedte A bij licht van 0 tot 2 uur per week');
  push('bandbreedte B bij licht van 2 tot 4 uur per week');
  push('bandbreedte B bij midden van 0 tot 4 uur per week');
  push('bandbreedte C bij midden van 4 tot 8 uur per week');
  push('bandbreedte C bij zwaar van 0 tot 8 uur per week');
  push('bandbreedte D bij zwaar van 8 tot 16 uur per week');
  push('');
  push('invoer beschikking');
  push('  veld wet: wet');
  push('  veld geboortedatum: datum');
  push('  veld ingangsdatum: datum');
  push('');
  push('invoer resultaat');
  push('  veld perspectief: perspectief');
  push('  veld ondersteuningsbehoefte: ondersteuningsbehoefte');
  push('  veld intensiteit: intensiteit');
  push('  veld bandbreedte: bandbreedte');
  push('');
  push('parameter opslag = 2,85 %');
  push('');
  push('tabel weektarief "Weektarief" in € per week');
  push('  rijen perspectief, ondersteuningsbehoefte');
  push('  kolommen intensiteit/bandbreedte');
  push('  bron "Gegenereerd"');
  push('                       licht/A  licht/B  midden/B  midden/C  zwaar/C  zwaar/D');
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const p of ['ontwikkelen', 'stabiliseren']) {
    for (let i = 1; i <= needs; i++) {
      const cells = [0, 1, 2, 3, 4, 5].map((c) => money(4000 + c * 2500 + Math.floor(rnd() * 2000)));
      push(`  ${p.padEnd(13)} OB${String(i).padEnd(6)} ${cells.map((c) => c.padStart(8)).join(' ')}`);
    }
  }
  push('');
  push('bereken leeftijd = jaren(geboortedatum, ingangsdatum)');
  push('');
  push('budget voor elk resultaat');
  push('  tarief weektarief[perspectief, ondersteuningsbehoefte, intensiteit, bandbreedte]');
  push('  hoeveelheid weken(periode)');
  push('  afgerond op centen');
  push('');
  let n = 0;
  while (out.length < lines - 4) {
    n++;
    push(`regel "Controle ${n}"`);
    push('  voor elk resultaat');
    push(
      `  als intensiteit = zwaar en leeftijd >= ${(n % 20) + 1} jaar en weektarief[perspectief, ondersteuningsbehoefte, intensiteit, bandbreedte] > € ${money(10000 + n)} per week`,
    );
    push(`  dan waarschuwing "Controle ${n}: hoog tarief."`);
    push('');
  }
  return out.join('\n') + '\n';
}
