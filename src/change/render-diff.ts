/** Dutch text rendering of a version diff, per tariff cell and per declaration. */
import { summarize, type VersionDiff } from './diff.js';

const nl = (s: string | null | undefined): string => {
  if (s === undefined) return '(bestaat niet)';
  if (s === null) return '-';
  const neg = s.startsWith('-');
  const [i = '0', f] = (neg ? s.slice(1) : s).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${f ? `,${f.length === 1 ? f + '0' : f}` : ''}`;
};

export function renderDiff(d: VersionDiff): string {
  const out: string[] = [`Verschil van versie ${d.from} naar versie ${d.to}`];
  const s = summarize(d);
  out.push(
    `  tariefcellen: ${s.changedCells} gewijzigd, ${s.added} nieuw, ${s.removed} vervallen; declaraties: ${d.items.length} gewijzigd`,
  );
  let table = '';
  for (const c of d.cells) {
    if (c.table !== table) {
      table = c.table;
      out.push(`\n  tabel ${table}`);
    }
    const pct = c.percent !== undefined ? ` (${c.percent.startsWith('-') ? '' : '+'}${nl(c.percent)} %)` : '';
    const delta = c.delta !== undefined ? `, ${c.delta.startsWith('-') ? '' : '+'}${nl(c.delta)}` : '';
    out.push(`    ${c.key.padEnd(34)} ${nl(c.old).padStart(10)} → ${nl(c.new).padStart(10)}${delta}${pct}`);
  }
  if (d.items.length) out.push('');
  for (const i of d.items) {
    const value =
      i.old !== undefined || i.new !== undefined
        ? `: ${nl(i.old)} → ${nl(i.new)}${i.percent !== undefined ? ` (${i.percent.startsWith('-') ? '' : '+'}${nl(i.percent)} %)` : ''}`
        : '';
    out.push(`  ${i.kind} ${i.name} ${i.change}${value}`);
  }
  return out.join('\n');
}
