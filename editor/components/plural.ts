/** Counts in Dutch: "1 fout", "3 fouten", "1.250 regels" (thousands with a dot). */
export function count(n: number, one: string, many: string): string {
  const digits = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${digits} ${n === 1 ? one : many}`;
}
