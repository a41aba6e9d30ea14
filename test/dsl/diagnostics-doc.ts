/**
 * The table of diagnostic codes at the end of dsl/README.md, generated from the catalog. The test next to it
 * (`diagnostics-doc.test.ts`) fails when the README is out of date; `UPDATE_DOCS=1 npx vitest run
 * test/dsl/diagnostics-doc.test.ts` rewrites the part between the markers.
 */
import { CATALOG, type CatalogEntry } from '../../dsl/diagnostics/catalog.js';

export const BEGIN_MARKER = '<!-- codes:begin -->';
export const END_MARKER = '<!-- codes:end -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table: code, ernst, fase, uitleg; in code order. */
export function renderDiagnosticsTable(catalog: Readonly<Record<string, CatalogEntry>> = CATALOG): string {
  const rows = Object.keys(catalog)
    .sort()
    .map((code) => {
      const e = catalog[code];
      return e === undefined ? '' : `| ${code} | ${e.severity} | ${e.stage} | ${cell(e.uitleg)} |`;
    })
    .filter((r) => r !== '');
  return ['| code | ernst | fase | uitleg |', '|---|---|---|---|', ...rows].join('\n');
}

/**
 * `readme` with the table between the markers replaced (markers appended at the end when missing).
 */
export function withDiagnosticsTable(readme: string, table = renderDiagnosticsTable()): string {
  const block = `${BEGIN_MARKER}\n\n${table}\n\n${END_MARKER}`;
  const begin = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (begin < 0 || end < begin) return `${readme.replace(/\n*$/, '')}\n\n${block}\n`;
  return readme.slice(0, begin) + block + readme.slice(end + END_MARKER.length);
}

/**
 * A Markdown table without its alignment padding (Prettier pads cells in the README), so the check compares
 * content, not layout.
 */
export function normalizeTable(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.trim().startsWith('|')
        ? line
            .trim()
            .split(/(?<!\\)\|/)
            .map((c) => (/^\s*:?-+:?\s*$/.test(c) ? '---' : c.trim()))
            .join('|')
        : line,
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}
