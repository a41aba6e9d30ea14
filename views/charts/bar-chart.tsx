/**
 * A horizontal bar chart of signed amounts (the change per gemeente): one bar per row, to the right of zero for
 * an increase and to the left for a decrease, the exact amount written beside each bar. Plain SVG from visx, so
 * the same component draws in the editor and, rendered to static markup, in the board report.
 */
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { dutchNumber, drawn, signOf } from '../format.js';
import { CHART_FONT, COLORS } from './chart-style.js';

export interface BarDatum {
  readonly label: string;
  /** A decimal text; its float is used only for the length of the bar. */
  readonly value: string;
  /** What the bar says, in Dutch notation ("+€ 12.345"). */
  readonly text: string;
}

interface Props {
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  readonly title: string;
  readonly rows: readonly BarDatum[];
  readonly width?: number;
  /** The label of the value axis ("verschil in euro"). */
  readonly axisLabel?: string;
}

const ROW = 22;
const LABEL_WIDTH = 120;
const VALUE_SPACE = 92;
const TOP = 6;
const AXIS = 38;

export function BarChart({ title, rows, width = 560, axisLabel }: Props) {
  const plotWidth = Math.max(120, width - LABEL_WIDTH - 2 * VALUE_SPACE);
  const height = TOP + rows.length * ROW + AXIS;
  const values = rows.map((r) => drawn(r.value));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  // Nothing differs (or nothing was counted): one tick at 0, not an invented "−1 … 1" scale.
  const flat = lo === 0 && hi === 0;
  const x = scaleLinear<number>({
    domain: flat ? [0, 1] : [lo, hi],
    range: [0, plotWidth],
    nice: true,
  });
  const y = scaleBand<string>({
    domain: rows.map((r) => r.label),
    range: [0, rows.length * ROW],
    padding: 0.25,
  });
  const zero = x(0);
  return (
    <svg
      className="chart bar-chart"
      role="img"
      aria-label={title}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT}
    >
      <title>{title}</title>
      <Group left={LABEL_WIDTH + VALUE_SPACE} top={TOP}>
        {rows.map((r, i) => {
          const v = values[i] ?? 0;
          const sign = signOf(r.value);
          const end = x(v);
          const top = y(r.label) ?? 0;
          return (
            <g key={r.label} data-label={r.label}>
              <Bar
                x={Math.min(zero, end)}
                y={top}
                width={Math.max(sign === 0 ? 0 : 1, Math.abs(end - zero))}
                height={y.bandwidth()}
                fill={sign < 0 ? COLORS.lower : COLORS.higher}
              />
              <text
                x={sign < 0 ? Math.min(zero, end) - 4 : Math.max(zero, end) + 4}
                y={top + y.bandwidth() / 2}
                dy="0.35em"
                fontSize={11}
                textAnchor={sign < 0 ? 'end' : 'start'}
                fill={COLORS.text}
              >
                {r.text}
              </text>
            </g>
          );
        })}
        <line x1={zero} x2={zero} y1={0} y2={rows.length * ROW} stroke={COLORS.axis} />
        <AxisLeft
          scale={y}
          left={-VALUE_SPACE}
          hideAxisLine
          hideTicks
          tickLabelProps={{ fontSize: 12, fontFamily: CHART_FONT, fill: COLORS.text, textAnchor: 'end' }}
        />
        <AxisBottom
          scale={x}
          top={rows.length * ROW}
          numTicks={5}
          {...(flat ? { tickValues: [0] } : {})}
          stroke={COLORS.axis}
          tickStroke={COLORS.axis}
          tickFormat={(v) => dutchNumber(String(v.valueOf()), 0)}
          tickLabelProps={{ fontSize: 10, fontFamily: CHART_FONT, fill: COLORS.muted, textAnchor: 'middle' }}
          {...(axisLabel !== undefined
            ? { label: axisLabel, labelProps: { fontSize: 11, fontFamily: CHART_FONT, fill: COLORS.muted } }
            : {})}
        />
      </Group>
    </svg>
  );
}
