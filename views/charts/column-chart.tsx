/**
 * A column chart of counts (the distribution of the change over the beschikkingen in bands): one column per band,
 * its count written above it, coloured by the direction of the change. Plain SVG from visx (see bar-chart.tsx).
 */
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
const BOTTOM = 36;
const SIDE = 8;

/** "hoger, meer dan 5 %" → ["hoger,", "meer dan 5 %"]. */
function splitLabel(label: string): string[] {
  const at = label.indexOf(', ');
  return at < 0 ? [label] : [label.slice(0, at + 1), label.slice(at + 2)];
}

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
        <line x1={0} x2={width - 2 * SIDE} y1={plotHeight} y2={plotHeight} stroke={COLORS.axis} />
        {columns.map((c) => (
          // The label under its column, on two lines at its first comma ("hoger," / "meer dan 5 %").
          <text
            key={c.label}
            x={(x(c.label) ?? 0) + x.bandwidth() / 2}
            y={plotHeight + 14}
            fontSize={11}
            textAnchor="middle"
            fill={COLORS.text}
          >
            {splitLabel(c.label).map((part, i) => (
              <tspan key={i} x={(x(c.label) ?? 0) + x.bandwidth() / 2} dy={i === 0 ? 0 : '1.2em'}>
                {part}
              </tspan>
            ))}
          </text>
        ))}
      </Group>
    </svg>
  );
}
