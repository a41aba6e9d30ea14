/**
 * The routes of the API. Request bodies are validated by Fastify with the route's schema: the bundle's case
 * schema (for a batch: a list of such cases), compiled per bundle (validate.ts), messages from the engine.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderExplanation } from '../engine/explain.js';
import type { Evaluation } from '../engine/result.js';
import type { Served } from './holder.js';
import { problem, sendProblem } from './problem.js';
import type { ApiContext } from './server.js';
import type { FieldProblem } from './validate.js';

const bundleRef = (s: Served) => ({
  ruleset: s.runtime.ruleset,
  versie: s.runtime.release,
  hash: s.runtime.hash,
});

/** A validation failure that the error handler turns into a 400 problem with these field messages. */
const invalid = (detail: string, diagnostics: readonly FieldProblem[]) =>
  Object.assign(new Error(detail), { statusCode: 400, diagnostics });

const INVALID_CASE = 'De casus is ongeldig en is niet berekend; zie diagnostics voor elk veld.';

const asProblems = (ev: Extract<Evaluation, { ok: false }>, prefix = ''): FieldProblem[] =>
  ev.diagnostics
    .filter((d) => d.severity === 'fout')
    .map((d) => ({
      severity: 'fout' as const,
      message: prefix ? `${prefix}.${d.message}` : d.message,
      ...(d.path !== undefined ? { path: prefix ? `${prefix}.${d.path}` : d.path } : {}),
    }));

const isLoopback = (ip: string): boolean => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

export function registerRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { holder, limits } = ctx;
  const caseSchema = holder.current.runtime.caseSchema;

  // Each route's body schema is compiled against the bundle in service when the request is validated.
  app.setValidatorCompiler(({ url }) => {
    if (url === '/v1/evaluaties/batch') return (data: unknown) => validateBatch(data);
    return (data: unknown) => {
      const problems = holder.current.validator.problems(data);
      return problems.length === 0 ? { value: data } : { error: invalid(INVALID_CASE, problems) };
    };
  });

  function validateBatch(data: unknown) {
    const list =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? (data as { gevallen?: unknown }).gevallen
        : undefined;
    if (!Array.isArray(list) || list.length === 0)
      return {
        error: invalid('Verwacht { "gevallen": [ … ] } met ten minste één casus.', [
          {
            severity: 'fout',
            message: 'gevallen: ontbreekt of is geen lijst met ten minste één casus.',
            path: 'gevallen',
          },
        ]),
      };
    if (list.length > limits.batchCases)
      return {
        error: invalid(
          `Te veel gevallen in één verzoek (${list.length}); hooguit ${limits.batchCases}. Verdeel ze over meer verzoeken.`,
          [
            {
              severity: 'fout',
              message: `gevallen: te veel gevallen (${list.length}); maximaal ${limits.batchCases}.`,
              path: 'gevallen',
            },
          ],
        ),
      };
    const problems = list.flatMap((c, i) => holder.current.validator.problems(c, `gevallen[${i}]`));
    return problems.length === 0
      ? { value: data }
      : { error: invalid('Een of meer gevallen zijn ongeldig; er is niets berekend.', problems) };
  }

  const caseRoute = { schema: { body: caseSchema } };

  app.post('/v1/evaluaties', caseRoute, async (request, reply) => {
    const ev = await request.served.runtime.evaluate(request.body);
    if (!ev.ok) throw invalid(INVALID_CASE, asProblems(ev));
    return reply.send({ bundel: bundleRef(request.served), ...ev });
  });

  app.post('/v1/uitleg', caseRoute, async (request, reply) => {
    const ev = await request.served.runtime.explain(request.body);
    if (!ev.ok) throw invalid(INVALID_CASE, asProblems(ev));
    return reply.send({ bundel: bundleRef(request.served), ...ev, tekst: renderExplanation(ev) });
  });

  app.post(
    '/v1/evaluaties/batch',
    {
      bodyLimit: limits.batchBodyBytes,
      schema: {
        body: {
          type: 'object',
          required: ['gevallen'],
          properties: {
            gevallen: { type: 'array', minItems: 1, maxItems: limits.batchCases, items: caseSchema },
          },
        },
      },
    },
    async (request: FastifyRequest<{ Body: { gevallen: unknown[] } }>, reply: FastifyReply) => {
      const { runtime } = request.served;
      const deadline = performance.now() + limits.timeMs;
      const results: Evaluation[] = [];
      const problems: FieldProblem[] = [];
      for (const [i, casus] of request.body.gevallen.entries()) {
        if (performance.now() > deadline)
          return sendProblem(
            reply,
            problem(
              'timeout',
              503,
              `De berekening duurde langer dan ${limits.timeMs / 1000} s; stuur minder gevallen per verzoek.`,
            ),
          );
        const ev = runtime.evaluateSync ? runtime.evaluateSync(casus) : await runtime.evaluate(casus);
        if (!ev.ok) problems.push(...asProblems(ev, `gevallen[${i}]`));
        results.push(ev);
      }
      if (problems.length > 0)
        throw invalid('Een of meer gevallen zijn ongeldig; er is niets berekend.', problems);
      return reply.send({ bundel: bundleRef(request.served), resultaten: results });
    },
  );

  app.get('/v1/versies', async (request) => ({
    bundel: bundleRef(request.served),
    versions: request.served.runtime.versions,
  }));

  app.get('/v1/schema/casus', async (request, reply) =>
    reply.type('application/schema+json; charset=utf-8').send(request.served.runtime.caseSchema),
  );

  app.get('/openapi.json', async (request) => ctx.document(request.served));

  app.get('/gezond', async (request) => ({ status: 'gezond', bundel: bundleRef(request.served) }));

  app.get('/gereed', async (request, reply) =>
    ctx.closing
      ? sendProblem(reply, problem('internal', 503, 'De server stopt en neemt geen nieuwe verzoeken aan.'))
      : reply.send({ status: 'gereed', bundel: bundleRef(request.served) }),
  );

  // Load a new bundle (the same file or folder, read anew) without downtime; also on SIGHUP (src/cli/api.ts).
  app.post('/beheer/herladen', async (request, reply) => {
    if (!ctx.apiKey && !isLoopback(request.ip))
      return sendProblem(
        reply,
        problem('forbidden', 403, 'Herladen mag zonder API-sleutel alleen vanaf deze machine.'),
      );
    const before = holder.current.runtime.hash;
    const result = await holder.reload();
    if (!result.ok) {
      request.log.warn({ error: result.error }, 'herladen mislukt; de vorige bundel blijft in gebruik');
      return sendProblem(
        reply,
        problem('reload', 422, `${result.error ?? 'Onbekende fout.'} De vorige bundel blijft in gebruik.`),
      );
    }
    const now = holder.current;
    request.log.info({ bundel: now.runtime.hash, vorige: before }, 'bundel herladen');
    // Later requests use the new bundle; this response names it.
    request.served = now;
    return reply.send({ status: 'herladen', gewijzigd: now.runtime.hash !== before, bundel: bundleRef(now) });
  });
}
