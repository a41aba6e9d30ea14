/** The rule diagnostics and module decisions of a case, from a path's answers, each with the version that judged it. */
import type { Ir } from '../../dsl/index.js';
import type { LineCache } from './line-cache.js';
import type { Check } from './describe.js';
import type { CaseDiagnostic, FailedCondition, ModuleDecision, UndeterminedRule } from './result.js';
import type { FiredRule, ItemAnswer } from './tasks.js';
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

/** The names of the empty values an onbepaald condition compared, each once, in order. */
export function emptyNames(checks: readonly Check[]): string[] {
  const out: string[] = [];
  for (const c of checks) if (c.undetermined && !out.includes(c.subject)) out.push(c.subject);
  return out;
}

/** "verlengde_jeugdhulp is leeg", "a en b zijn leeg". */
export function emptyText(names: readonly string[]): string {
  if (names.length === 0) return 'een waarde is leeg';
  if (names.length === 1) return `${names[0]} is leeg`;
  return `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]} zijn leeg`;
}

/** The rules of one item that were onbepaald, judged by `version`. */
export function undeterminedRules(
  rules: readonly FiredRule[],
  item: CaseItem | undefined,
  version: string,
  cache: LineCache,
): UndeterminedRule[] {
  return rules.map(({ rule, details }) => {
    const empty = emptyNames(details);
    const source = cache.sourceRef(rule.origin, rule.origin.file);
    const message = `Niet te beoordelen: ${emptyText(empty)}.`;
    const base = {
      rule: rule.name,
      severity: rule.severity,
      message,
      empty,
      details: details.map((d) => d.text),
    };
    return item ? { ...base, path: item.path, source, version } : { ...base, source, version };
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
    // Onbepaald: the reason would claim what is not known; say which value was empty instead.
    const r = c.undetermined
      ? `Niet te beoordelen: ${emptyText(emptyNames(c.details))} (voorwaarde: ${c.condition.reason})`
      : c.condition.reason;
    // Each distinct reason once, in order.
    if (!reasons.includes(r)) reasons.push(r);
    const source = cache.sourceRef(c.condition.origin, def.origin.file);
    const detail = c.details.map((x) => x.text).join('; ');
    failed.push(
      c.undetermined
        ? { reason: r, undetermined: true, detail, checks: c.details, source }
        : { reason: r, detail, checks: c.details, source },
    );
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
