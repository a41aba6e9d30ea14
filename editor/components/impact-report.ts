/**
 * "Rapport maken" in the editor: renders the board report's data (built in the impact worker) to one HTML file
 * in the browser and downloads it. The renderer is loaded when first used, so the editor starts without it.
 */
import type { ReportData } from '../../src/report/report-data.js';

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');

/** Downloads the report; returns the file name. */
export async function downloadReport(data: ReportData): Promise<string> {
  const { renderReportHtml } = await import('../../views/report/render-report.js');
  const html = renderReportHtml(data);
  const name = `rapport-${safe(data.ruleset)}-${safe(data.variant.version)}-tegenover-${safe(data.basis.version)}.html`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name.toLowerCase();
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name.toLowerCase();
}
