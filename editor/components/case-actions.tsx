/**
 * Saving a playground case: as a scenario in the open version (the expected amounts taken from the outcome, added
 * at the end of the file in the editor for the advisor to confirm and save), or as a JSON case in the version's
 * ruleset's `voorbeelden/` folder.
 */
import { useState } from 'react';
import type { Ir } from '../../dsl/index.js';
import { freeScenarioName, scenarioText } from '../../src/scenarios/write.js';
import { saveFile } from '../file-api.js';
import type { PlaygroundResult } from '../worker/protocol.js';
import { modelFor } from './code-editor.js';

interface Props {
  readonly path: string | undefined;
  readonly version: string | undefined;
  readonly input: Ir.InputDef;
  readonly casus: unknown;
  readonly result: PlaygroundResult | undefined;
  /** A suggested name (the example file's name). */
  readonly suggestion: string | undefined;
  /** Shows the added scenario in the editor (offsets in the open file). */
  readonly onScenarioAdded: (file: string, start: number, end: number) => void;
  /** A new file was written: the tree should show it. */
  readonly onFileSaved?: ((path: string, text: string, versie: string) => void) | undefined;
}

type Message = { readonly kind: 'ok' | 'fout'; readonly text: string };

/** "OB2 ontwikkelen (Almelo)" → "ob2-ontwikkelen-almelo". */
const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'geval';

export function CaseActions(props: Props) {
  const { path, version, input, casus, result, suggestion } = props;
  const [name, setName] = useState<string>(suggestion ?? 'Nieuw geval');
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [shownFor, setShownFor] = useState(suggestion);
  if (shownFor !== suggestion) {
    setShownFor(suggestion);
    if (suggestion !== undefined) setName(suggestion);
  }

  const asScenario = () => {
    if (path === undefined || !path.endsWith('.regels')) {
      setMessage({ kind: 'fout', text: 'Open eerst de versie waarin het scenario moet komen.' });
      return;
    }
    if (result === undefined || !result.ok) {
      setMessage({ kind: 'fout', text: 'Het geval is nog niet uitgerekend; probeer het zo opnieuw.' });
      return;
    }
    const ev = result.evaluation;
    if (ev.ok && version !== undefined && !ev.versions.includes(version)) {
      setMessage({
        kind: 'fout',
        text: `Dit geval valt niet in versie ${version} maar in ${ev.versions.join(', ')}: open die versie, of kies datums binnen deze versie.`,
      });
      return;
    }
    const model = modelFor(path, '');
    const text = model.getValue();
    const scenario = scenarioText({
      name: freeScenarioName(text, name.trim() || 'Nieuw geval'),
      casus,
      evaluation: ev,
      input,
    });
    const glue = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    const end = model.getFullModelRange();
    model.pushEditOperations(
      [],
      [
        {
          range: {
            startLineNumber: end.endLineNumber,
            startColumn: end.endColumn,
            endLineNumber: end.endLineNumber,
            endColumn: end.endColumn,
          },
          text: glue + scenario,
        },
      ],
      () => null,
    );
    const start = text.length + glue.length;
    props.onScenarioAdded(path, start, start + scenario.length);
    setMessage({
      kind: 'ok',
      text: `Scenario toegevoegd aan het eind van ${path}. Controleer de verwachte bedragen en sla het bestand op.`,
    });
  };

  const asJson = async () => {
    if (path === undefined) return;
    // The ruleset's folder (the first one) holds the example cases: twents-model/voorbeelden/.
    const base = path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/voorbeelden/` : 'voorbeelden/';
    const target = `${base}${slug(name)}.json`;
    const text = JSON.stringify(casus, null, 2) + '\n';
    const outcome = await saveFile(target, text, null);
    if (outcome.ok) {
      setMessage({ kind: 'ok', text: `Opgeslagen als ${target}.` });
      props.onFileSaved?.(target, text, outcome.versie);
    } else if (outcome.conflict) {
      setMessage({ kind: 'fout', text: `${target} bestaat al: kies een andere naam.` });
    } else {
      setMessage({ kind: 'fout', text: outcome.fout });
    }
  };

  return (
    <div className="case-actions" data-testid="case-actions">
      <label>
        <span>Naam</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Naam van het geval" />
      </label>
      <button type="button" onClick={asScenario} data-testid="save-scenario">
        Opslaan als scenario{version !== undefined ? ` in versie ${version}` : ''}
      </button>
      <button type="button" onClick={() => void asJson()} data-testid="save-case">
        Opslaan als geval (JSON)
      </button>
      {message !== undefined && (
        <p className={message.kind === 'ok' ? 'muted' : 'warning'} role="status" data-testid="case-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
