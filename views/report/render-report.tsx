/**
 * The board report as one self-contained HTML file: the page rendered to static markup by react-dom/server,
 * charts inline as SVG, styles inline (with print styles for A4), no script, nothing fetched.
 * Runs in Node (`regelwerk rapport`) and in the browser (the editor's "Rapport maken").
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportData } from '../../src/report/report-data.js';
import { IMPACT_CSS } from '../impact/impact-style.js';
import { ReportPage } from './report-page.js';

const REPORT_CSS = `
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328;
  margin: 0; background: #fff; }
.rapport { max-width: 180mm; margin: 0 auto; padding: 12mm 10mm; }
.rapport header h1 { font-size: 20pt; margin: 0 0 4px; color: #0b4f9c; }
.rapport .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 9pt; color: #57606a; margin: 0; }
.rapport .meta { color: #57606a; font-size: 9.5pt; margin: 0 0 10px; }
.rapport h2 { font-size: 14pt; margin: 20px 0 6px; border-bottom: 1px solid #d8dee4; padding-bottom: 2px; }
.rapport h3 { font-size: 11.5pt; margin: 14px 0 4px; }
.rapport .summary { background: #f3f7fc; border-left: 4px solid #0b4f9c; padding: 4px 12px 8px; }
.rapport .summary .headline { font-size: 13pt; font-weight: 600; }
.rapport .warning { color: #8a0000; }
.rapport td.concept { color: #8a0000; font-weight: 600; }
.rapport ul.scenarios { list-style: none; padding-left: 0; }
.rapport ul.scenarios .pass .mark { color: #1a7f37; }
.rapport ul.scenarios .fail { color: #8a0000; }
.rapport footer { margin-top: 24px; font-size: 9pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  .rapport { max-width: none; padding: 0; }
  h2, h3, figcaption, caption { break-after: avoid; page-break-after: avoid; }
  figure, tr, li { break-inside: avoid; page-break-inside: avoid; }
  .rapport .summary { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The whole HTML document. */
export function renderReportHtml(data: ReportData): string {
  const title = `${data.ruleset}: versie ${data.variant.version} tegenover ${data.basis.version}`;
  const body = renderToStaticMarkup(<ReportPage data={data} />);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="regelwerk">
<title>${escapeHtml(title)}</title>
<style>${IMPACT_CSS}${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
