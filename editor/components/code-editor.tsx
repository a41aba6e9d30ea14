/**
 * The Monaco editor, one model per rules file. Reports content changes; exposes `reveal(file, span)`.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Span } from '../../dsl/index.js';
import { LANGUAGE_ID, modelUri, THEME } from '../monaco/language.js';
import { spanToRange } from '../monaco/positions.js';
import { monaco } from '../monaco/setup.js';

declare global {
  interface Window {
    /** Only in the browser tests' build (vite --mode e2e): the editor and Monaco's API. */
    regelwerk?: { editor: monaco.editor.IStandaloneCodeEditor; monaco: typeof monaco };
  }
}

export interface CodeEditorHandle {
  reveal(path: string, span: Span): void;
  editor(): monaco.editor.IStandaloneCodeEditor | undefined;
}

interface Props {
  readonly path: string | undefined;
  /** Set for a file that may not be edited (not UTF-8): the editor is read-only and says why. */
  readonly readOnlyMessage?: string | undefined;
  readonly onSave: () => void;
}

/** The model of a file (created on first use). */
export function modelFor(path: string, text: string): monaco.editor.ITextModel {
  const uri = modelUri(path);
  const existing = monaco.editor.getModel(uri);
  if (existing !== null) return existing;
  return monaco.editor.createModel(text, path.endsWith('.json') ? 'json' : LANGUAGE_ID, uri);
}

export const CodeEditor = forwardRef<CodeEditorHandle, Props>(function CodeEditor(
  { path, readOnlyMessage, onSave },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  useEffect(() => {
    if (host.current === null) return;
    const editor = monaco.editor.create(host.current, {
      model: null,
      theme: THEME,
      automaticLayout: true,
      fontSize: 14,
      minimap: { enabled: false },
      renderWhitespace: 'none',
      scrollBeyondLastLine: false,
      'semanticHighlighting.enabled': false,
      ariaLabel: 'Regels bewerken',
      // The language's own signs (× and €) are not "confusable"; Dutch prose in comments and labels is not
      // code: only the rules themselves are checked for look-alike characters.
      unicodeHighlight: {
        allowedCharacters: { '×': true, '€': true },
        includeComments: false,
        includeStrings: false,
      },
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current());
    editorRef.current = editor;
    // Test hook for the browser tests and the editor benchmark: only in their build (vite --mode e2e).
    if (import.meta.env.MODE === 'e2e') window.regelwerk = { editor, monaco };
    return () => {
      editor.dispose();
      editorRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === undefined) return;
    const model = path === undefined ? null : monaco.editor.getModel(modelUri(path));
    if (editor.getModel() !== model) editor.setModel(model);
  }, [path]);

  useEffect(() => {
    editorRef.current?.updateOptions(
      readOnlyMessage === undefined
        ? { readOnly: false }
        : { readOnly: true, readOnlyMessage: { value: readOnlyMessage } },
    );
  }, [readOnlyMessage, path]);

  useImperativeHandle(ref, () => ({
    reveal(target, span) {
      const editor = editorRef.current;
      const model = monaco.editor.getModel(modelUri(target));
      if (editor === undefined || model === null) return;
      if (editor.getModel() !== model) editor.setModel(model);
      const range = spanToRange(model, span);
      editor.setSelection(range);
      editor.revealRangeInCenter(range);
      editor.focus();
    },
    editor: () => editorRef.current,
  }));

  return <div className="code-editor" ref={host} data-testid="editor" />;
});
