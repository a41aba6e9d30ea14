/** The Nieuwe versie dialog: base, name, start date, optional gemeente and message; writes the header and commits. */
import { useState, type FormEvent } from 'react';
import { workflowApi, type VersionState } from '../workflow-api.js';

interface Props {
  readonly states: readonly VersionState[];
  /** The version to offer as base (the open one). */
  readonly base: string | undefined;
  readonly onClose: () => void;
  readonly onCreated: (state: VersionState) => void;
}

/** The next year after a version's start: 2022 → 2023, 2023-01-01. */
function suggest(base: VersionState | undefined): { naam: string; vanaf: string } {
  const year = base === undefined ? new Date().getFullYear() : Number(base.vanaf.slice(0, 4)) + 1;
  return { naam: String(year), vanaf: `${year}-01-01` };
}

export function NewVersionDialog({ states, base, onClose, onCreated }: Props) {
  const regional = states.filter((s) => s.gemeente === undefined);
  const initialBase = states.find((s) => s.versie === base) ?? regional[regional.length - 1];
  const [basis, setBasis] = useState(initialBase?.versie ?? '');
  const [naam, setNaam] = useState(suggest(initialBase).naam);
  const [vanaf, setVanaf] = useState(suggest(initialBase).vanaf);
  const [gemeente, setGemeente] = useState('');
  const [bericht, setBericht] = useState('');
  const [fout, setFout] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFout(undefined);
    try {
      onCreated(
        await workflowApi.newVersion({
          basis,
          naam,
          vanaf,
          ...(gemeente.trim() !== '' ? { gemeente } : {}),
          ...(bericht.trim() !== '' ? { bericht } : {}),
        }),
      );
    } catch (err) {
      setFout(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <form
        className="dialog"
        role="dialog"
        aria-label="Nieuwe versie"
        onSubmit={(e) => void submit(e)}
        data-testid="nieuwe-versie-dialoog"
      >
        <h2>Nieuwe versie</h2>
        <p className="uitleg">
          De nieuwe versie begint als concept: een bestand naast de basis met alleen de kop. Alles wat u niet
          wijzigt, komt uit de basis.
        </p>
        <label>
          Op basis van
          <select
            value={basis}
            onChange={(e) => {
              setBasis(e.target.value);
              const s = suggest(states.find((x) => x.versie === e.target.value));
              setNaam(s.naam);
              setVanaf(s.vanaf);
            }}
            data-testid="nv-basis"
          >
            {states.map((s) => (
              <option key={s.versie} value={s.versie}>
                {s.versie} ({s.status}, vanaf {s.vanaf})
              </option>
            ))}
          </select>
        </label>
        <label>
          Naam van de versie
          <input value={naam} onChange={(e) => setNaam(e.target.value)} required data-testid="nv-naam" />
        </label>
        <label>
          Geldig vanaf
          <input
            type="date"
            value={vanaf}
            onChange={(e) => setVanaf(e.target.value)}
            required
            data-testid="nv-vanaf"
          />
        </label>
        <label>
          Gemeente (alleen voor een gemeentelijke afwijking)
          <input
            value={gemeente}
            onChange={(e) => setGemeente(e.target.value)}
            placeholder="leeg: regionaal"
          />
        </label>
        <label>
          Omschrijving (commit)
          <input
            value={bericht}
            onChange={(e) => setBericht(e.target.value)}
            placeholder={`Nieuwe versie ${naam} op basis van ${basis} (concept)`}
          />
        </label>
        {fout !== undefined && (
          <p className="fout" role="alert">
            {fout}
          </p>
        )}
        <div className="knoppen">
          <button type="button" onClick={onClose}>
            Annuleren
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="nv-maken">
            Versie maken
          </button>
        </div>
      </form>
    </div>
  );
}
