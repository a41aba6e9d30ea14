/**
 * JSON answers. Errors are RFC 9457 problems (`application/problem+json`) in Dutch:
 * `{ type, title, status, detail, fout, … }`; `fout` repeats `detail` for the editor.
 */
import type http from 'node:http';

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', body);
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Ongeldig verzoek',
  401: 'Niet ingelogd',
  403: 'Geweigerd',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  408: 'Verzoek duurde te lang',
  409: 'Conflict',
  413: 'Verzoek te groot',
  415: 'Verkeerd soort inhoud',
  421: 'Onbekende host',
  422: 'Kan niet worden verwerkt',
  429: 'Te veel pogingen',
  431: 'Kopregels te groot',
  500: 'Fout op de server',
  503: 'Tijdelijk bezet',
  507: 'Schijf vol',
};

/** Sends a Dutch problem: `detail` says what is wrong and what to do. */
export function sendProblem(
  res: http.ServerResponse,
  status: number,
  detail: string,
  extra: Readonly<Record<string, unknown>> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const title = TITLES[status] ?? 'Fout';
  send(res, status, 'application/problem+json; charset=utf-8', {
    type: 'about:blank',
    title,
    status,
    detail,
    fout: detail,
    ...extra,
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
