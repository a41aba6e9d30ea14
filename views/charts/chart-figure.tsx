/**
 * A chart with its table: the chart for those who read charts, the same figures as a table for those who cannot
 * (screen readers, print in grey, a wethouder who wants the number). Both always present.
 */
import type { ReactNode } from 'react';

interface Props {
  readonly caption: string;
  readonly chart: ReactNode;
  readonly table: ReactNode;
  readonly testId?: string;
}

export function ChartFigure({ caption, chart, table, testId }: Props) {
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div className="chart-box">{chart}</div>
      {table}
    </figure>
  );
}
