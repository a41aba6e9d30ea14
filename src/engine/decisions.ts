/** The rule diagnostics and module decisions of a case, from a path's answers, each with the version that judged it. */
import type { Ir } from '../../dsl/index.js';
import type { LineCache } from './line-cache.js';
import type { CaseDiagnostic, FailedCondition, ModuleDecision } from './result.js';
import type { ItemAnswer } from './tasks.js';
import type { CaseItem } from './values.js';

/** Rule diagnostics of one item judged by `version`, in declaration order. */
export function ruleDiagnostics(
  answer: ItemAnswer,
  item: CaseItem | undefined,
  version: string,
  cache: LineCache,
): CaseDiagnostic[] {
  return answer.fired.map(({ rule }) => {
    const source = cache.sourceRef(rule.origin, rule.origin.file);
    const { severity, name, message } = rule;
    return item
      ? { severity, rule: name, message, path: item.path, source, version }
      : { severity, rule: name, message, source, version };
  });
}

/** The decision on one module request, judged by `version`. */
export function decision(
  def: Ir.ModuleDef,
  item: CaseItem,
  answer: ItemAnswer,
  version: string,
  cache: LineCache,
): ModuleDecision {
  const failed: FailedCondition[] = [];
  const reasons: string[] = [];
  for (const c of answer.conditions) {
    if (c.ok) continue;
    const r = c.condition.reason;
    // Each distinct reason once, in order.
    if (!reasons.includes(r)) reasons.push(r);
    failed.push({
      reason: r,
      detail: c.details.map((x) => x.text).join('; '),
      checks: c.details,
      source: cache.sourceRef(c.condition.origin, def.origin.file),
    });
  }
  const variant = item.fields.variant;
  const source = cache.sourceRef(def.origin, def.origin.file);
  const reason = reasons.join(' ');
  // Literal objects per shape (no spreads), with the key order of the result contract.
  if (failed.length === 0)
    return typeof variant === 'string'
      ? { module: def.name, variant, ref: item.ref, allowed: true, failed, source, version }
      : { module: def.name, ref: item.ref, allowed: true, failed, source, version };
  return typeof variant === 'string'
    ? { module: def.name, variant, ref: item.ref, allowed: false, reason, failed, source, version }
    : { module: def.name, ref: item.ref, allowed: false, reason, failed, source, version };
}
