/**
 * The impact section of the review page: what the version under review costs against its base over the caseload
 * the editor is configured with (the shipped sample unless the advisor picked a file in the Impact tab). Runs in
 * its own impact worker (lane `beoordeling`), beside the Impact tab's: neither stops the other's run. Shows the
 * same headline, change per gemeente and bands.
 */
import { useEffect, useRef, useState } from 'react';
import { BandsSection, GemeenteSection, ImpactHeadline } from '../../views/impact/impact-sections.js';
import { IMPACT_CSS } from '../../views/impact/impact-style.js';
import type { ImpactClient } from '../worker/impact-client.js';
import type { ImpactState } from '../worker/impact-protocol.js';

interface Props {
  readonly client: ImpactClient;
  /** The file of the version under review. */
  readonly path: string;
  readonly versie: string;
  readonly basis: string | undefined;
}

export function ReviewImpact({ client, path, versie, basis }: Props) {
  const [state, setState] = useState<ImpactState | undefined>(undefined);
  const latest = useRef(0);

  useEffect(
    () =>
      client.onMessage((msg) => {
        if (msg.type === 'impact' && msg.id === latest.current) setState(msg.state);
      }),
    [client],
  );

  useEffect(() => {
    setState(undefined);
    if (basis === undefined || !client.hasFiles) return;
    latest.current = client.run(path, { basis, variant: versie }, 'beoordeling');
  }, [client, path, versie, basis]);

  const body = () => {
    if (basis === undefined)
      return <p className="muted">Versie {versie} heeft geen basisversie; er is geen impact te berekenen.</p>;
    if (state === undefined) return <p className="muted">Impact berekenen over de caseload…</p>;
    switch (state.kind) {
      case 'ok':
        return (
          <>
            <p className="muted">
              Caseload: {state.caseload.name}. Basis {state.basis}, variant {state.variant}.
            </p>
            <ImpactHeadline report={state.report} />
            <GemeenteSection report={state.report} width={600} />
            <BandsSection report={state.report} width={600} />
          </>
        );
      case 'fouten':
        return (
          <p className="warning">
            De regels bevatten {state.errors} {state.errors === 1 ? 'fout' : 'fouten'}; er is geen impact te
            berekenen.
          </p>
        );
      case 'geen':
        return (
          <p className="muted" data-testid="review-impact-geen">
            Geen impactrapport: er is geen caseload beschikbaar of de versies zijn niet te vergelijken.{' '}
            {state.reason}
          </p>
        );
      case 'afgebroken':
        return (
          <p className="muted">De berekening is onderbroken; open de Beoordeling opnieuw om te rekenen.</p>
        );
    }
  };

  return (
    <div className="impact review-impact" data-testid="review-impact" data-state={state?.kind ?? 'bezig'}>
      <style>{IMPACT_CSS}</style>
      {body()}
    </div>
  );
}
