/**
 * A column chart of counts (the distribution of the change over the beschikkingen in bands): one column per band,
 * its count written above it, coloured by the direction of the change. Plain SVG from visx (see bar-chart.tsx).
 */
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { count } from '../format.js';
import { CHART_FONT, COLORS } from './chart-style.js';

export interface ColumnDatum {
  readonly label: string;
  readonly count: number;
  readonly tone: 'lower' | 'same' | 'higher';
}

interface Props {
  readonly title: string;
  readonly columns: readonly ColumnDatum[];
  readonly width?: number;
  readonly height?: number;
}

const TOP = 18;
const BOTTOM = 30;
const SIDE = 8;

export function ColumnChart({ title, columns, width = 560, height = 200 }: Props) {
  const plotHeight = height - TOP - BOTTOM;
  const x = scaleBand<string>({
    domain: columns.map((c) => c.label),
    range: [0, width - 2 * SIDE],
    padding: 0.3,
  });
  const max = Math.max(1, ...columns.map((c) => c.count));
  const y = scaleLinear<number>({ domain: [0, max], range: [plotHeight, 0] });
  return (
    <svg
      className="chart column-chart"
      role="img"
      aria-label={title}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT}
    >
      <title>{title}</title>
      <Group left={SIDE} top={TOP}>
        {columns.map((c) => {
          const left = x(c.label) ?? 0;
          const top = y(c.count);
          return (
            <g key={c.label} data-label={c.label}>
              <Bar
                x={left}
                y={top}
                width={x.bandwidth()}
                height={Math.max(c.count > 0 ? 1 : 0, plotHeight - top)}
                fill={COLORS[c.tone]}
              />
              <text
                x={left + x.bandwidth() / 2}
                y={top - 4}
                fontSize={11}
                textAnchor="middle"
                fill={COLORS.text}
              >
                {count(c.count)}
              </text>
            </g>
          );
        })}
        <AxisBottom
          scale={x}
          top={plotHeight}
          stroke={COLORS.axis}
          hideTicks
          tickLabelProps={{ fontSize: 11, fontFamily: CHART_FONT, fill: COLORS.text, textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}
