/**
 * Errors as RFC 9457 problem details (`application/problem+json`), in Dutch: `title` says what kind of problem,
 * `detail` what to do, and `diagnostics` (for invalid input) the field messages the CLI prints.
 */
import type { FastifyReply } from 'fastify';
import type { FieldProblem } from './validate.js';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly diagnostics?: readonly FieldProblem[];
}

/** The problem types of the API (relative URIs, documented in the OpenAPI document). */
export const PROBLEMS = {
  invalid: { type: '/problemen/ongeldige-invoer', title: 'Ongeldige invoer' },
  json: { type: '/problemen/geen-json', title: 'Geen geldige JSON' },
  mediaType: { type: '/problemen/verkeerd-mediatype', title: 'Verkeerd mediatype' },
  tooLarge: { type: '/problemen/te-groot', title: 'Verzoek te groot' },
  timeout: { type: '/problemen/tijdslimiet', title: 'Tijdslimiet overschreden' },
  unauthorized: { type: '/problemen/geen-toegang', title: 'Geen toegang' },
  forbidden: { type: '/problemen/verboden', title: 'Niet toegestaan' },
  misdirected: { type: '/problemen/verkeerde-host', title: 'Verkeerde host' },
  notFound: { type: '/problemen/onbekend-adres', title: 'Onbekend adres' },
  method: { type: '/problemen/methode', title: 'Methode niet toegestaan' },
  reload: { type: '/problemen/herladen-mislukt', title: 'Herladen mislukt' },
  internal: { type: '/problemen/interne-fout', title: 'Interne fout' },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;

export function problem(
  kind: ProblemKind,
  status: number,
  detail: string,
  diagnostics?: readonly FieldProblem[],
): Problem {
  return { ...PROBLEMS[kind], status, detail, ...(diagnostics ? { diagnostics } : {}) };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type(PROBLEM_TYPE).send(p);
}
