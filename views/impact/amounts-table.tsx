/**
 * A breakdown of the impact as a table: per row basis, variant, difference and %, in Dutch notation, with the
 * exact decimal strings in data attributes (for programs and tests). A total row when asked. A count that differs
 * between the sides (requests for a module new in the variant) reads "basis / variant".
 */
import type { Amounts, ImpactGroup } from '../../src/impact/types.js';
import { count, euro, signedEuro, signedPercent, signOf } from '../format.js';

interface Props {
  readonly caption: string;
  /** Heading of the first column ("Gemeente", "Perspectief × OB"). */
  readonly first: string;
  /** Heading of the count column ("Beschikkingen", "Resultaten"). */
  readonly counted: string;
  /** Its tooltip. */
  readonly countedTitle?: string;
  readonly groups: readonly ImpactGroup[];
  readonly total?: Amounts & { readonly count: number };
  readonly testId?: string;
}

const tone = (v: string): string => {
  const s = signOf(v);
  return s > 0 ? 'hoger' : s < 0 ? 'lager' : 'gelijk';
};

export function AmountCells({ a }: { a: Amounts }) {
  return (
    <>
      <td className="amount">{euro(a.basis)}</td>
      <td className="amount">{euro(a.variant)}</td>
      <td className={`amount ${tone(a.difference)}`} data-difference={a.difference}>
        {signedEuro(a.difference)}
      </td>
      <td className="amount">{signedPercent(a.percentage)}</td>
    </>
  );
}

/** The column heads of {@link AmountCells}: two amounts (by default basis and variant), their difference and %. */
export function AmountHeads({ old = 'Basis', now = 'Variant' }: { old?: string; now?: string }) {
  return (
    <>
      <th scope="col" className="amount">
        {old}
      </th>
      <th scope="col" className="amount">
        {now}
      </th>
      <th scope="col" className="amount">
        Verschil
      </th>
      <th scope="col" className="amount">
        %
      </th>
    </>
  );
}

export function AmountsTable({ caption, first, counted, countedTitle, groups, total, testId }: Props) {
  return (
    <table className="impact-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="amount" title={countedTitle}>
            {counted}
          </th>
          <AmountHeads />
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} data-key={g.key}>
            <th scope="row">{g.label}</th>
            <td className="amount" data-count={g.count}>
              {g.variantCount !== undefined && g.variantCount !== g.count
                ? `${count(g.count)} / ${count(g.variantCount)}`
                : count(g.count)}
            </td>
            <AmountCells a={g} />
          </tr>
        ))}
      </tbody>
      {total !== undefined && (
        <tfoot>
          <tr>
            <th scope="row">Totaal</th>
            <td className="amount">{count(total.count)}</td>
            <AmountCells a={total} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
