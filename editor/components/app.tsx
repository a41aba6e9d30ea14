/** The editor app: rules tree, Monaco, problems, scenarios and the case playground. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic, Span } from '../../dsl/index.js';
import {
  filePaths,
  listFiles,
  loadRules,
  saveFile,
  type LoadedRules,
  type ServerFile,
  type TreeDir,
} from '../file-api.js';
import { registerLanguage } from '../monaco/language.js';
import { setMarkers } from '../monaco/markers.js';
import { WorkerClient } from '../worker/client.js';
import type { FileSummary, FromWorker } from '../worker/protocol.js';
import { CodeEditor, modelFor, type CodeEditorHandle } from './code-editor.js';
import { exampleCase, versionFileFor } from './example-cases.js';
import { ComparePanel } from './compare-panel.js';
import { FileTree } from './file-tree.js';
import { HelpButton } from './help-panel.js';
import { ImpactPanel, type OpenCase } from './impact-panel.js';
import { Playground, type OpenedCase } from './playground.js';
import { ImpactClient } from '../worker/impact-client.js';
import { ProblemsPanel, unreadableDiagnostics } from './problems-panel.js';
import { ScenarioPanel } from './scenario-panel.js';
import { SideResizer } from './side-resizer.js';
import { SheetView } from './sheet-view.js';
import type { Stand } from '../workflow-api.js';
import { HistoryPanel } from './history-panel.js';
import { MergeDialog, type MergeState } from './merge-dialog.js';
import { ReviewPanel } from './review-panel.js';
import { useWorkflow } from './use-workflow.js';
import { WorkflowBar } from './workflow-bar.js';

type ScenarioEvent = Extract<FromWorker, { type: 'scenarios' }>;
type DiffEvent = Extract<FromWorker, { type: 'verschil' }>;
type Notice = {
  kind: 'ok' | 'fout' | 'conflict';
  text: string;
  serverVersion?: string | null;
  /** On a conflict: the other person's text, for the merge view. */
  merge?: Omit<MergeState, 'mine'>;
};

/** `initial`: the rules folder, already being fetched by the entry script (editor/main.tsx). */
export function App({ initial }: { readonly initial?: Promise<LoadedRules> } = {}) {
  const client = useMemo(() => new WorkerClient(), []);
  const impact = useMemo(() => new ImpactClient(), []);
  const [opened, setOpened] = useState<OpenedCase | undefined>(undefined);
  const editor = useRef<CodeEditorHandle>(null);
  const [tree, setTree] = useState<TreeDir | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const saved = useRef(new Map<string, { text: string; versie: string }>());
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([]);
  const [summaries, setSummaries] = useState<ReadonlyMap<string, FileSummary>>(new Map());
  const [scenarios, setScenarios] = useState<ScenarioEvent | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [diff, setDiff] = useState<DiffEvent | undefined>(undefined);
  const [side, setSide] = useState<
    'scenarios' | 'proefgeval' | 'verschil' | 'tarieven' | 'impact' | 'geschiedenis' | 'beoordeling'
  >('scenarios');
  const [ready, setReady] = useState(false);
  /** Files that are not valid UTF-8: path → why they are read-only (never saved, so never corrupted). */
  const [readOnly, setReadOnly] = useState<ReadonlyMap<string, string>>(new Map());

  // The workflow: the commit message typed beside Opslaan, the merge view, the version under review.
  const [bericht, setBericht] = useState('');
  const [merge, setMerge] = useState<MergeState | undefined>(undefined);
  const [reviewing, setReviewing] = useState<string | undefined>(undefined);
  const [historyRevision, setHistoryRevision] = useState(0);
  /** Files the server could not read as rules (code RW9001): path → why, shown in Problemen. */
  const [unreadable, setUnreadable] = useState<ReadonlyMap<string, string>>(new Map());
  /** What the server says of each file: read-only (and why: unreadable, or locked by the workflow). */
  const setFileStates = useCallback((files: readonly ServerFile[]) => {
    const why = (f: ServerFile): [string, string] => [f.pad, f.melding ?? ''];
    setReadOnly(new Map(files.filter((f) => f.alleenLezen).map(why)));
    setUnreadable(new Map(files.filter((f) => f.code === 'RW9001').map(why)));
  }, []);

  useEffect(() => registerLanguage(client), [client]);

  // Unsaved changes: a • in the window title, and a warning before the page is left.
  useEffect(() => {
    const base = 'Regelwerk – editor voor het Twents Model';
    document.title = dirty.size > 0 ? `• ${base} (${dirty.size} niet opgeslagen)` : base;
    if (dirty.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers only show the dialog when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** A file's model: its saved text, and every edit to the worker, the impact analysis and the • marks. */
  const track = useCallback(
    (pad: string, inhoud: string, versie: string) => {
      saved.current.set(pad, { text: inhoud, versie });
      const model = modelFor(pad, inhoud);
      model.onDidChangeContent(() => {
        const text = model.getValue();
        client.edit(pad, text, model.getVersionId());
        impact.edit(pad, text);
        setDirty((prev) => {
          const isDirty = text !== saved.current.get(pad)?.text;
          if (isDirty === prev.has(pad)) return prev;
          const next = new Set(prev);
          if (isDirty) next.add(pad);
          else next.delete(pad);
          return next;
        });
      });
    },
    [client, impact],
  );

  /** A file the app wrote anew (a case saved from the playground): into the tree, a model and the worker. */
  const adoptFile = useCallback(
    (pad: string, inhoud: string, versie: string) => {
      track(pad, inhoud, versie);
      client.edit(pad, inhoud, modelFor(pad, inhoud).getVersionId());
      impact.edit(pad, inhoud);
      void listFiles().then(setTree, () => undefined);
    },
    [client, impact, track],
  );

  // Load every file of the rules folder into a model and into the worker.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { tree: t, files } = await (initial ?? loadRules());
      const paths = filePaths(t);
      if (cancelled) return;
      for (const f of files) track(f.pad, f.inhoud, f.versie);
      setFileStates(files);
      client.setFiles(files.map((f) => ({ path: f.pad, text: f.inhoud })));
      impact.setFiles(files.map((f) => ({ path: f.pad, text: f.inhoud })));
      setTree(t);
      const first = paths.find((p) => p.endsWith('.regels'));
      if (first !== undefined) {
        setOpen(first);
        client.focus(first);
      }
    })().catch((e: unknown) => !cancelled && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [client, impact, initial, track]);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'diagnostics') {
          setDiagnostics(event.diagnostics);
          setSummaries(new Map(event.files.map((f) => [f.path, f])));
          for (const f of event.files) {
            const model = modelFor(f.path, '');
            const version = event.versions[f.path];
            if (version !== undefined && version !== model.getVersionId()) continue;
            setMarkers(
              model,
              event.diagnostics.filter((d) => d.file === f.path),
            );
          }
          setReady(true);
        } else if (event.type === 'verschil') {
          setDiff(event);
        } else {
          setScenarios(event);
          setRevision((r) => r + 1);
        }
      }),
    [client],
  );

  const openFile = useCallback(
    (path: string) => {
      // An example case opens in the playground, next to the version that prices it.
      const casus = exampleCase(path, modelFor(path, '').getValue());
      const version = casus === undefined ? undefined : versionFileFor(path, casus, summaries);
      if (casus !== undefined && version !== undefined) {
        setOpened({ casus, label: path, file: path, nonce: Date.now() });
        setSide('proefgeval');
        path = version;
      }
      setOpen(path);
      client.focus(path);
    },
    [client, summaries],
  );

  /** Any file as text in the editor (also an example case, which `openFile` sends to the playground). */
  const openAsText = useCallback(
    (path: string) => {
      setOpen(path);
      client.focus(path);
    },
    [client],
  );

  const jump = useCallback(
    (file: string, span: Span) => {
      if (file !== open) openFile(file);
      // After React switched the model.
      setTimeout(() => editor.current?.reveal(file, span), 0);
    },
    [open, openFile],
  );

  const save = useCallback(
    async (force = false) => {
      if (open === undefined) return;
      const locked = readOnly.get(open);
      if (locked !== undefined) {
        setNotice({ kind: 'fout', text: locked });
        return;
      }
      const model = modelFor(open, '');
      const text = model.getValue();
      const known = saved.current.get(open);
      const expected =
        force && notice?.kind === 'conflict' ? (notice.serverVersion ?? null) : (known?.versie ?? null);
      setNotice({ kind: 'ok', text: 'Opslaan…' });
      const outcome = await saveFile(open, text, expected, bericht);
      if (outcome.ok) {
        saved.current.set(open, { text, versie: outcome.versie });
        setBericht('');
        setHistoryRevision((r) => r + 1);
        client.saved(open, text);
        setDirty((prev) => {
          const next = new Set(prev);
          if (model.getValue() === text) next.delete(open);
          return next;
        });
        setNotice({ kind: 'ok', text: `Opgeslagen: ${open}` });
      } else if (outcome.conflict) {
        setNotice({
          kind: 'conflict',
          text: outcome.fout,
          serverVersion: outcome.versie,
          merge: {
            path: open,
            theirs: outcome.inhoud,
            theirVersion: outcome.versie,
            ...(outcome.door !== undefined ? { door: outcome.door } : {}),
            ...(outcome.onderwerp !== undefined ? { onderwerp: outcome.onderwerp } : {}),
          },
        });
      } else {
        setNotice({ kind: 'fout', text: outcome.fout });
      }
    },
    [open, notice, readOnly, bericht, client],
  );

  /**
   * Reads the files again after the server moved (a new version, an adoption, a restore, someone else's save):
   * new files get a model, files without unsaved changes take the server's text, read-only marks are renewed.
   */
  const reloadFiles = useCallback(
    async (openPath?: string) => {
      const { tree: t, files } = await loadRules();
      for (const f of files) {
        const known = saved.current.get(f.pad);
        if (known === undefined) track(f.pad, f.inhoud, f.versie);
        else if (known.versie !== f.versie && modelFor(f.pad, '').getValue() === known.text) {
          saved.current.set(f.pad, { text: f.inhoud, versie: f.versie });
          modelFor(f.pad, '').setValue(f.inhoud);
        }
      }
      setFileStates(files);
      const texts = files.map((f) => ({ path: f.pad, text: modelFor(f.pad, f.inhoud).getValue() }));
      client.setFiles(texts);
      impact.setFiles(texts);
      setTree(t);
      setHistoryRevision((r) => r + 1);
      if (openPath !== undefined) {
        setOpen(openPath);
        client.focus(openPath);
      }
    },
    [client, impact, track],
  );

  // The server's stand, polled: a file that moved reloads, or (with unsaved changes here) says who moved it.
  /** Moved files already told about (path → the server's version), so the poll tells each move once. */
  const told = useRef(new Map<string, string>());
  const onStand = useCallback(
    (stand: Stand) => {
      const moved = Object.entries(stand.versies).filter(
        ([p, v]) => saved.current.get(p)?.versie !== v && told.current.get(p) !== v,
      );
      if (moved.length === 0) return;
      for (const [p, v] of moved) told.current.set(p, v);
      const clashing = moved.filter(([p]) => dirty.has(p)).map(([p]) => p);
      if (clashing.length < moved.length) void reloadFiles();
      // A file with unsaved changes here: say so, unless a save already showed the conflict.
      if (clashing.length > 0 && notice?.kind !== 'conflict') {
        setNotice({
          kind: 'fout',
          text: `${clashing.join(', ')} is intussen elders gewijzigd${stand.laatste !== null ? ` (laatste commit: ${stand.laatste.auteur}, "${stand.laatste.onderwerp}")` : ''}. Bij opslaan ziet u beide wijzigingen naast elkaar.`,
        });
      }
    },
    [dirty, reloadFiles, notice],
  );
  const workflow = useWorkflow(onStand);
  const onWorkflowChanged = useCallback(
    (openPath?: string) => {
      workflow.refresh();
      void reloadFiles(openPath);
    },
    [workflow, reloadFiles],
  );

  const editorOf = useCallback(() => editor.current?.editor(), []);

  const lineOf = useCallback((file: string, offset: number) => {
    const model = modelFor(file, '');
    return model.getPositionAt(offset).lineNumber;
  }, []);

  // The Impact tab widens the side panel: Monaco measures its new width.
  useEffect(() => {
    const id = requestAnimationFrame(() => editor.current?.editor()?.layout());
    return () => cancelAnimationFrame(id);
  }, [side]);

  const openCase = useCallback((c: OpenCase) => {
    setOpened({ ...c, nonce: Date.now() });
    setSide('proefgeval');
  }, []);

  const openReadOnly = open === undefined ? undefined : readOnly.get(open);
  const openSummary = open === undefined ? undefined : summaries.get(open);
  const scenarioState = scenarios !== undefined && scenarios.path === open ? scenarios.state : undefined;

  return (
    <div className="app" data-ready={ready ? 'ja' : 'nee'}>
      <header>
        <h1>Regelwerk</h1>
        <span className="title" data-testid="title">
          {openSummary?.ruleset !== undefined
            ? `${openSummary.ruleset} · versie ${openSummary.version ?? '?'}${openSummary.validFrom !== undefined ? ` · geldig vanaf ${openSummary.validFrom}` : ''}`
            : (open ?? '')}
        </span>
        <span className="spacer" />
        <HelpButton />
        {notice !== undefined && (
          <span className={`notice ${notice.kind}`} role="status" data-testid="notice" title={notice.text}>
            {notice.kind === 'conflict' && notice.merge !== undefined && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  notice.merge &&
                  setMerge({ ...notice.merge, mine: modelFor(notice.merge.path, '').getValue() })
                }
                data-testid="samenvoegen-openen"
              >
                Vergelijken en samenvoegen
              </button>
            )}
            {notice.text}
          </span>
        )}
        <WorkflowBar
          me={workflow.me}
          states={workflow.states}
          open={open}
          dirty={open !== undefined && dirty.has(open)}
          onFilesChanged={onWorkflowChanged}
          onReview={(v) => {
            setReviewing(v);
            setSide('beoordeling');
          }}
        />
        <input
          className="commit-message"
          value={bericht}
          onChange={(e) => setBericht(e.target.value)}
          placeholder={
            open !== undefined ? `Omschrijving: Wijziging in ${open}` : 'Omschrijving van de wijziging'
          }
          title="De omschrijving van de wijziging: de boodschap van de commit"
          disabled={open === undefined || openReadOnly !== undefined}
          data-testid="commit-bericht"
        />
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={open === undefined || openReadOnly !== undefined}
          title="Opslaan (Ctrl+S)"
          data-testid="save"
        >
          Opslaan{open !== undefined && dirty.has(open) ? ' •' : ''}
        </button>
      </header>
      {loadError !== undefined && (
        <p className="warning banner">De regels konden niet worden geladen: {loadError}</p>
      )}
      <main
        className={
          side === 'impact'
            ? 'wide-side'
            : side === 'tarieven' || side === 'verschil'
              ? 'sheet-side'
              : undefined
        }
      >
        <FileTree tree={tree} summaries={summaries} open={open} dirty={dirty} onOpen={openFile} />
        <div className="center">
          {openReadOnly !== undefined && (
            <p className="warning banner" role="alert" data-testid="alleen-lezen">
              Alleen-lezen: {openReadOnly}
            </p>
          )}
          <CodeEditor ref={editor} path={open} readOnlyMessage={openReadOnly} onSave={() => void save()} />
          <ProblemsPanel
            diagnostics={[...unreadableDiagnostics(unreadable), ...diagnostics]}
            open={open}
            lineOf={lineOf}
            onJump={jump}
          />
        </div>
        <aside>
          <SideResizer />
          <div className="tabs">
            <button
              type="button"
              className={side === 'scenarios' ? 'active' : ''}
              onClick={() => setSide('scenarios')}
            >
              Scenario's
            </button>
            <button
              type="button"
              className={side === 'proefgeval' ? 'active' : ''}
              onClick={() => setSide('proefgeval')}
            >
              Proefgeval
            </button>
            <button
              type="button"
              className={side === 'verschil' ? 'active' : ''}
              onClick={() => setSide('verschil')}
            >
              Verschil
            </button>
            <button
              type="button"
              className={side === 'tarieven' ? 'active' : ''}
              onClick={() => setSide('tarieven')}
              data-testid="tab-tarieven"
            >
              Tarieven
            </button>
            <button
              type="button"
              className={side === 'impact' ? 'active' : ''}
              onClick={() => setSide('impact')}
              data-testid="tab-impact"
            >
              Impact
            </button>
            <button
              type="button"
              className={side === 'geschiedenis' ? 'active' : ''}
              onClick={() => setSide('geschiedenis')}
              data-testid="tab-geschiedenis"
            >
              Geschiedenis
            </button>
            <button
              type="button"
              className={side === 'beoordeling' ? 'active' : ''}
              onClick={() => setSide('beoordeling')}
              data-testid="tab-beoordeling"
            >
              Beoordeling
            </button>
          </div>
          <div className="side-body" hidden={side !== 'impact'}>
            <ImpactPanel client={impact} path={open} active={side === 'impact'} onOpenCase={openCase} />
          </div>
          <div className="side-body" hidden={side === 'impact'}>
            {side === 'impact' ? null : side === 'geschiedenis' ? (
              <HistoryPanel
                path={open}
                versie={workflow.states.find((x) => x.pad === open)?.versie}
                revision={historyRevision}
                canRestore={workflow.me?.rollen.includes('opsteller') === true}
                onRestored={(p) => onWorkflowChanged(p)}
              />
            ) : side === 'beoordeling' ? (
              <ReviewPanel
                versie={reviewing ?? workflow.states.find((x) => x.pad === open)?.versie}
                states={workflow.states}
                me={workflow.me}
                impact={impact}
                onChanged={() => onWorkflowChanged()}
              />
            ) : side === 'scenarios' ? (
              <ScenarioPanel state={scenarioState} stale={false} onJump={jump} client={client} />
            ) : side === 'verschil' ? (
              <ComparePanel
                client={client}
                path={open}
                summaries={summaries}
                diff={diff !== undefined && diff.path === open ? diff.state : undefined}
                onJump={jump}
              />
            ) : side === 'tarieven' ? (
              <SheetView
                client={client}
                path={open}
                active
                readOnly={openReadOnly}
                onJump={jump}
                editor={editorOf}
              />
            ) : (
              <Playground
                client={client}
                path={open}
                input={scenarios !== undefined && scenarios.path === open ? scenarios.input : undefined}
                domains={scenarios?.domains ?? []}
                modules={scenarios?.modules ?? []}
                sample={scenarios?.sample}
                revision={revision}
                onJump={jump}
                opened={opened}
                bandwidths={scenarios?.bandwidths}
                version={openSummary?.version}
                onFileSaved={adoptFile}
                onShowFile={openAsText}
              />
            )}
          </div>
        </aside>
      </main>
      {merge !== undefined && (
        <MergeDialog
          state={merge}
          onCancel={() => setMerge(undefined)}
          onTakeTheirs={() => {
            const m = merge;
            setMerge(undefined);
            setNotice(undefined);
            saved.current.set(m.path, { text: m.theirs ?? '', versie: m.theirVersion ?? '' });
            modelFor(m.path, '').setValue(m.theirs ?? '');
          }}
          onSave={(merged) => {
            const m = merge;
            setMerge(undefined);
            saved.current.set(m.path, { text: m.theirs ?? '', versie: m.theirVersion ?? '' });
            modelFor(m.path, '').setValue(merged);
            setNotice({ kind: 'conflict', text: 'Samengevoegd; opslaan…', serverVersion: m.theirVersion });
            setTimeout(() => void save(true), 0);
          }}
        />
      )}
    </div>
  );
}
