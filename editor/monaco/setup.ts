/**
 * Loads the Monaco editor core (no bundled languages) with its editor worker, built by vite as an ES worker,
 * plus Monaco's own JSON language (highlighting, validation, folding) for the example cases in `.json` files.
 * Both workers are bundled: nothing is fetched from the network (JSON schema requests stay off).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export { monaco };
export type Monaco = typeof monaco;
