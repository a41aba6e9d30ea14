/**
 * Bandwidths: per intensity the ranges (`van` inclusive, `tot` exclusive) must follow each other without gaps
 * or overlaps, in one unit, at an intensity that exists, with `van` below `tot`.
 */
import type { BandwidthDecl } from '../ast/ast.js';
import { compareDecimal } from './decimal-string.js';
import { INTENSITY_DOMAIN, type Env } from './env.js';
import type { Eff } from './items.js';
import { suggest } from './suggest.js';

export function checkBandwidths(env: Env): void {
  const rep = env.reporter;
  const unitOf = (d: BandwidthDecl): string => {
    const u = env.units.unit(d.unit);
    return d.per ? `${u} per ${env.units.unit(d.per)}` : u;
  };
  const intensities = env.domains.get(INTENSITY_DOMAIN);
  const byIntensity = new Map<string, Eff<BandwidthDecl>[]>();
  for (const b of env.items.bandwidths) {
    const d = b.decl;
    const file = b.origin.file;
    env.units.check(d.unit, file, d.unitSpan);
    if (d.per !== undefined) env.units.check(d.per, file, d.perSpan ?? d.span);
    if (!intensities?.index.has(d.intensity.text)) {
      rep.report(
        file,
        'RW4103',
        d.intensity.span,
        [d.intensity.text, d.name.text],
        suggest(d.intensity.text, intensities?.values ?? []),
      );
    }
    if (compareDecimal(d.from.value, d.to.value) >= 0) {
      rep.report(file, 'RW4104', d.span, [d.name.text, d.intensity.text, d.from.value, d.to.value]);
      continue;
    }
    const list = byIntensity.get(d.intensity.text) ?? [];
    list.push(b);
    byIntensity.set(d.intensity.text, list);
  }
  for (const [intensity, list] of byIntensity) {
    const first = list[0];
    if (!first) continue;
    const unit = unitOf(first.decl);
    const sorted = list
      .filter((b) => {
        if (unitOf(b.decl) === unit) return true;
        rep.report(b.origin.file, 'RW4107', b.decl.span, [b.decl.name.text, intensity, unitOf(b.decl), unit]);
        return false;
      })
      .sort((a, b) => compareDecimal(a.decl.from.value, b.decl.from.value));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]?.decl;
      const cur = sorted[i];
      if (!prev || !cur) continue;
      const c = compareDecimal(cur.decl.from.value, prev.to.value);
      if (c > 0) {
        rep.report(cur.origin.file, 'RW4101', cur.decl.from.span, [
          intensity,
          prev.to.value,
          cur.decl.from.value,
        ]);
      } else if (c < 0) {
        const end = compareDecimal(cur.decl.to.value, prev.to.value) < 0 ? cur.decl.to.value : prev.to.value;
        rep.report(cur.origin.file, 'RW4102', cur.decl.from.span, [
          prev.name.text,
          cur.decl.name.text,
          intensity,
          cur.decl.from.value,
          end,
        ]);
      }
    }
  }
}
