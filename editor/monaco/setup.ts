/**
 * Loads the Monaco editor core with only the features the editor uses (no command palette or quick access:
 * their texts are English and not translated), in Dutch (./nls-nl.ts, imported first), with its editor worker
 * built by vite as an ES worker. Not Monaco's JSON language: its worker manager loads every Monaco feature
 * (command palette included) and a second worker; `.json` files get a small highlighter (./json-language.ts).
 * Nothing is fetched from the network.
 */
import './nls-nl.js';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoSymbol/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/referenceSearch/register';
import 'monaco-editor/features/rename/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
// The suggest widget itself (features/suggest only registers the inline variant).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/wordPartOperations/register';
import 'monaco-editor/features/inlineProgress/register';
import 'monaco-editor/features/tokenization/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
export type Monaco = typeof monaco;
