/**
 * The styles of the impact sections (tables, charts, headline), as text: the editor puts them in a <style> of
 * its Impact tab, the board report inlines them in its single HTML file.
 */
export const IMPACT_CSS = `
.impact-headline .headline { font-size: 1.15em; font-weight: 600; margin: 0 0 4px; }
.impact-table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 0.92em; }
.impact-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
.impact-table th, .impact-table td { padding: 2px 6px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
.impact-table thead th { text-align: left; border-bottom: 2px solid #8c959f; font-weight: 600; }
.impact-table tbody th, .impact-table tfoot th { text-align: left; font-weight: normal; }
.impact-table tfoot th, .impact-table tfoot td { font-weight: 600; border-top: 2px solid #8c959f; }
.impact-table .amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.impact-table th.cel .part { white-space: nowrap; }
@media print { .impact-table th.cel { white-space: nowrap; } }
.impact-table td.hoger { color: #0b4f9c; }
.impact-table td.lager { color: #a4470f; }
.impact-table.compact { font-size: 0.85em; }
.chart-figure { margin: 10px 0 18px; }
.chart-figure figcaption { font-weight: 600; margin-bottom: 4px; }
.chart-figure .chart-box { overflow-x: auto; }
.chart-figure svg { max-width: 100%; height: auto; }
.impact-bad ul { margin: 4px 0; padding-left: 1.2em; }
.muted { color: #57606a; }
`;
