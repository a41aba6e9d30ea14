/**
 * Diagnostics → Monaco markers: the Dutch message and the code (no stage name such as `parser`: the hover shows
 * `RW1101`, which the diagnostics catalog explains).
 */
import type { Diagnostic } from '../../dsl/index.js';
import { spanToRange } from './positions.js';
import { monaco } from './setup.js';

export const MARKER_OWNER = 'regelwerk';

export function setMarkers(model: monaco.editor.ITextModel, diagnostics: readonly Diagnostic[]): void {
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    diagnostics.map((d) => ({
      ...spanToRange(
        model,
        d.span.end > d.span.start ? d.span : { start: d.span.start, end: d.span.start + 1 },
      ),
      severity: d.severity === 'fout' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      code: d.code,
    })),
  );
}
