/** "Hoe werkt het?": a short explanation of the editor for a policy advisor, opened from the header. */
import { useEffect, useRef, useState } from 'react';
import './help-panel.css';

export function HelpButton() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <>
      <button type="button" className="help-button" onClick={() => setOpen(true)} data-testid="help-open">
        Hoe werkt het?
      </button>
      <dialog
        ref={dialog}
        className="help-panel"
        aria-labelledby="help-title"
        onClose={() => setOpen(false)}
        data-testid="help"
      >
        <h2 id="help-title">Hoe werkt het?</h2>
        <ol>
          <li>
            <strong>Links</strong> staan de regelsets met hun versies (ingangsdatum, concept of vastgesteld)
            en de voorbeeldgevallen. Klik een versie om haar te bewerken; klik een voorbeeldgeval om het door
            te rekenen.
          </li>
          <li>
            <strong>In het midden</strong> bewerkt u de regels. Fouten en waarschuwingen verschijnen direct,
            onderstreept en onder <em>Problemen</em>; klik een melding om ernaar te springen. Houd de muis op
            een sleutelwoord (zoals <code>tabel</code> of <code>indexeer</code>) voor uitleg met een
            voorbeeld, en op een naam voor zijn waarde en herkomst. De rechtermuisknop geeft onder meer{' '}
            <em>Ga naar definitie</em> en <em>Naam wijzigen</em>.
          </li>
          <li>
            <strong>Rechts</strong>: <em>Scenario&apos;s</em> rekent de voorbeeldgevallen van de versie na bij
            elke wijziging (rood is een bedrag dat afwijkt, met de tariefcellen en parameters waar het
            verschil vandaan komt); <em>Proefgeval</em> rekent één geval door met uitleg tot op de tariefcel,
            en bewaart het als scenario of als voorbeeldgeval; <em>Verschil</em> toont wat deze versie wijzigt
            tegenover haar basis; <em>Impact</em> wat dat kost over een caseload. De rand van het paneel is te
            verslepen.
          </li>
          <li>
            <strong>Opslaan</strong> (Ctrl+S) schrijft het bestand; een wijziging die iemand anders intussen
            opsloeg, wordt niet overschreven zonder dat u dat kiest. Een • achter de naam betekent: niet
            opgeslagen.
          </li>
        </ol>
        <p className="muted">
          De volledige taalbeschrijving staat in <code>dsl/README.md</code>; de bedragen in de regels zijn
          illustratief.
        </p>
        <form method="dialog">
          <button type="submit" className="primary-dark" data-testid="help-close">
            Sluiten
          </button>
        </form>
      </dialog>
    </>
  );
}
