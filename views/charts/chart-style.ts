/** Colours and font shared by the charts (the editor's palette; readable in print and in grey). */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

export const COLORS = {
  /** Costs more under the variant. */
  higher: '#0b4f9c',
  /** Costs less under the variant. */
  lower: '#c2571a',
  /** No change. */
  same: '#8c959f',
  text: '#1f2328',
  muted: '#57606a',
  axis: '#8c959f',
} as const;
