/**
 * The workflow in the header: who is working (and in which mode), the status of the open file's version, and the
 * steps the person's roles allow: Nieuwe versie, Ter vaststelling, Beoordelen; Uitloggen in team mode.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, workflowApi, type Me, type VersionState } from '../workflow-api.js';
import { AskDialog } from './ask-dialog.js';
import { NewVersionDialog } from './new-version-dialog.js';
import './workflow.css';

interface Props {
  readonly me: Me | undefined;
  readonly states: readonly VersionState[];
  /** The open file's path (relative to the rules folder). */
  readonly open: string | undefined;
  /** Unsaved changes in the open file. */
  readonly dirty: boolean;
  /** A step changed the files (a new version, an adoption): reload them and open `open` if given. */
  readonly onFilesChanged: (open?: string) => void;
  /** Show the review page of a version. */
  readonly onReview: (versie: string) => void;
}

const hasRole = (me: Me | undefined, role: 'opsteller' | 'vaststeller') => me?.rollen.includes(role) === true;

export function WorkflowBar({ me, states, open, dirty, onFilesChanged, onReview }: Props) {
  const [dialog, setDialog] = useState(false);
  const [message, setMessage] = useState<{
    kind: 'ok' | 'fout';
    text: string;
    problemen?: readonly string[];
  }>();
  const [busy, setBusy] = useState(false);
  /** The Ter vaststelling dialog is open (for this version). */
  const [asking, setAsking] = useState<string>();
  const state = states.find((s) => s.pad === open);

  useEffect(() => setMessage(undefined), [open]);

  const ask = useCallback(() => {
    if (state === undefined) return;
    if (dirty) {
      setMessage({ kind: 'fout', text: 'Sla uw wijzigingen eerst op.' });
      return;
    }
    setAsking(state.versie);
  }, [state, dirty]);

  const requestAdoption = useCallback(
    async (versie: string, tekst: string) => {
      setAsking(undefined);
      setBusy(true);
      try {
        await workflowApi.requestAdoption(versie, tekst);
        setMessage({ kind: 'ok', text: `Versie ${versie} ligt nu ter vaststelling.` });
        onFilesChanged();
      } catch (e) {
        setMessage({
          kind: 'fout',
          text: e instanceof Error ? e.message : String(e),
          problemen: e instanceof ApiError ? e.problemen : [],
        });
      } finally {
        setBusy(false);
      }
    },
    [onFilesChanged],
  );

  return (
    <div className="workflow-bar" data-testid="workflow-bar">
      {state !== undefined && (
        <span
          className={`status-badge status-${state.status.replace(' ', '-')}`}
          data-testid="versie-status"
          title={state.besluit ?? ''}
        >
          {state.status}
        </span>
      )}
      {hasRole(me, 'opsteller') && (
        <button type="button" onClick={() => setDialog(true)} data-testid="nieuwe-versie">
          Nieuwe versie
        </button>
      )}
      {state?.status === 'concept' && hasRole(me, 'opsteller') && (
        <button
          type="button"
          onClick={ask}
          disabled={busy || asking !== undefined}
          data-testid="ter-vaststelling"
        >
          Ter vaststelling
        </button>
      )}
      {state?.status === 'ter vaststelling' && (
        <button type="button" onClick={() => onReview(state.versie)} data-testid="beoordelen">
          Beoordelen
        </button>
      )}
      {me !== undefined && (
        <span
          className="me"
          data-testid="ik"
          title={`${me.email} · ${me.rollen.join(', ')} · ${me.modus === 'team' ? 'teammodus' : 'lokale modus'}`}
        >
          {me.naam}
        </span>
      )}
      {me?.modus === 'team' && (
        <button
          type="button"
          className="link"
          onClick={() => void workflowApi.logout().finally(() => window.location.assign('/inloggen'))}
        >
          Uitloggen
        </button>
      )}
      {message !== undefined && (
        <div className={`workflow-message ${message.kind}`} role="status" data-testid="workflow-melding">
          {message.text}
          {message.problemen !== undefined && message.problemen.length > 0 && (
            <ul>
              {message.problemen.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link" onClick={() => setMessage(undefined)}>
            Sluiten
          </button>
        </div>
      )}
      {asking !== undefined && (
        <AskDialog
          title={`Versie ${asking} ter vaststelling aanbieden`}
          field={{
            label: 'Toelichting voor de vaststeller (mag leeg)',
            placeholder: 'Bijvoorbeeld: indexatie 2023 volgens het besluit van de stuurgroep.',
            multiline: true,
          }}
          confirm="Ter vaststelling aanbieden"
          onConfirm={(tekst) => void requestAdoption(asking, tekst)}
          onCancel={() => setAsking(undefined)}
          testId="ter-vaststelling-dialoog"
        >
          Daarna kan de versie niet meer worden gewijzigd, tot een vaststeller haar vaststelt of terugstuurt.
          Ctrl+Enter biedt aan, Escape annuleert.
        </AskDialog>
      )}
      {dialog && (
        <NewVersionDialog
          states={states}
          base={state?.versie}
          onClose={() => setDialog(false)}
          onCreated={(s) => {
            setDialog(false);
            setMessage({ kind: 'ok', text: `Versie ${s.versie} gemaakt (concept) in ${s.pad}.` });
            onFilesChanged(s.pad);
          }}
        />
      )}
    </div>
  );
}
