/**
 * The Verschil tab: the open version against its base, per table the changed cells (old → new, absolute, %)
 * and the declarations added, withdrawn or changed. Each row jumps to where the new value is written.
 */
import type { ReactNode } from 'react';
import type { Span } from '../../dsl/index.js';
import type { ItemKind } from '../../src/change/diff.js';
import { dutchDate } from '../dates.js';
import type { DiffCellView, DiffItemView, DiffState } from '../worker/protocol.js';

interface Props {
  readonly state: DiffState | undefined;
  readonly onJump: (file: string, span: Span) => void;
}

/** "136.20" → "136,20"; "1234.5" → "1.234,5"; null → "-"; undefined → "—". */
function number(v: string | null | undefined): string {
  if (v === undefined) return '—';
  if (v === null) return '-';
  const neg = v.startsWith('-');
  const [int = '0', frac] = (neg ? v.slice(1) : v).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

const signed = (v: string): string => (v.startsWith('-') ? `−${number(v.slice(1))}` : `+${number(v)}`);

/** A percentage to two decimals with its sign: "2.8488" → "+2,85 %". */
function percent(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return `${v} %`;
  const text = Math.abs(n).toFixed(2).replace('.', ',');
  return `${n < 0 ? '−' : '+'}${text} %`;
}

const KIND: Record<ItemKind, string> = {
  domein: 'Domein',
  bandbreedte: 'Bandbreedte',
  invoer: 'Invoerveld',
  parameter: 'Parameter',
  tabel: 'Tabel',
  berekening: 'Berekening',
  budget: 'Budget',
  module: 'Module',
  regel: 'Regel',
  voorziening: 'Voorziening',
  eenheid: 'Eenheid',
};

const HOW: Record<DiffCellView['how'], string> = {
  geïndexeerd: 'geïndexeerd',
  herschreven: 'herschreven',
  nieuw: 'nieuwe cel',
  vervallen: 'vervallen',
};

function Jump({
  target,
  onJump,
  children,
  className,
}: {
  target: { readonly file?: string; readonly span?: Span };
  onJump: Props['onJump'];
  children: ReactNode;
  className?: string;
}) {
  const { file, span } = target;
  if (file === undefined || span === undefined) return <span className={className}>{children}</span>;
  return (
    <button
      type="button"
      className={`step${className !== undefined ? ` ${className}` : ''}`}
      title={`Toon in ${file}`}
      onClick={() => onJump(file, span)}
    >
      {children}
    </button>
  );
}

const HOW_TITLE: Record<DiffCellView['how'], string> = {
  geïndexeerd: 'Geïndexeerd: toon de indexeer-regel',
  herschreven: 'Herschreven: toon de nieuwe waarde',
  nieuw: 'Nieuwe cel: toon waar ze staat',
  vervallen: 'Vervallen: toon de tabel',
};

function CellRow({ c, onJump }: { c: DiffCellView; onJump: Props['onJump'] }) {
  return (
    <tr data-key={`${c.table}/${c.key}`} data-how={c.how} title={HOW_TITLE[c.how]}>
      <td>
        <Jump target={c} onJump={onJump}>
          {c.key}
        </Jump>
        {c.how !== 'geïndexeerd' && <span className="how"> ({HOW[c.how]})</span>}
      </td>
      <td className="change">
        {number(c.old)} → {number(c.new)}
      </td>
      <td className="amount">{c.delta !== undefined ? signed(c.delta) : ''}</td>
      <td className="amount">{c.percent !== undefined ? percent(c.percent) : ''}</td>
    </tr>
  );
}

/** "€ 12,50 per rit → € 12,86 per rit (+2,88 %)", "17 %", "5 % → 7,5 % (+2,5 procentpunt)". */
function itemValues(item: DiffItemView): string {
  const oldText = item.oldText ?? (item.old !== undefined ? number(item.old) : undefined);
  const newText = item.newText ?? (item.new !== undefined ? number(item.new) : undefined);
  // Nothing to show when the value itself did not change (only a bron or a label did: see the details).
  if (oldText === undefined && newText === undefined) return '';
  if (oldText === newText) return '';
  const values =
    oldText !== undefined && newText !== undefined ? `${oldText} → ${newText}` : (newText ?? oldText ?? '');
  const change =
    item.points !== undefined
      ? ` (${item.points.startsWith('-') ? '−' : '+'}${number(item.points.replace(/^-/, ''))} procentpunt)`
      : item.percent !== undefined
        ? ` (${percent(item.percent)})`
        : '';
  return `: ${values}${change}`;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function ItemRow({ item, onJump }: { item: DiffItemView; onJump: Props['onJump'] }) {
  return (
    <li className={`item ${item.change}`} data-item={`${item.kind}:${item.name}`}>
      <span className={`badge ${item.change}`}>{item.change}</span>{' '}
      <Jump target={item} onJump={onJump}>
        {item.title ? capitalised(item.title) : `${KIND[item.kind]} ${item.name}`}
        {itemValues(item)}
      </Jump>
      {item.details !== undefined && item.details.length > 0 && (
        <ul className="diff-details">
          {item.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function DiffPanel({ state, onJump }: Props) {
  if (state === undefined) return <p className="muted">Verschil berekenen…</p>;
  if (state.kind === 'fouten') {
    return (
      <p className="warning" data-testid="diff-summary">
        De regels bevatten {state.errors} {state.errors === 1 ? 'fout' : 'fouten'}; het verschil volgt zodra
        ze zijn opgelost.
      </p>
    );
  }
  if (state.kind === 'geen') {
    return (
      <p className="muted" data-testid="diff-summary">
        {state.reason}
      </p>
    );
  }
  const cells = state.tables.reduce((n, t) => n + t.cells.length, 0);
  const added = state.items.filter((i) => i.change === 'toegevoegd').length;
  const removed = state.items.filter((i) => i.change === 'vervallen').length;
  const changed = state.items.length - added - removed;
  return (
    <div className="diff" data-testid="diff">
      <p className="diff-head" data-testid="diff-summary">
        Versie {state.to.version} ({dutchDate(state.to.validFrom)}) tegenover versie {state.from.version} (
        {dutchDate(state.from.validFrom)}): {cells} {cells === 1 ? 'tariefcel' : 'tariefcellen'} gewijzigd;
        declaraties: {added} toegevoegd, {removed} vervallen, {changed} gewijzigd.
      </p>
      {state.items.length > 0 && (
        <section>
          <h3>Declaraties</h3>
          <ul className="diff-items">
            {state.items.map((item) => (
              <ItemRow key={`${item.kind}:${item.name}`} item={item} onJump={onJump} />
            ))}
          </ul>
        </section>
      )}
      {state.tables.map((t) => (
        <details key={t.table} open className="diff-table" data-table={t.table}>
          <summary>
            Tabel {t.table}
            {t.label !== undefined ? ` — ${t.label}` : ''} ({t.cells.length}{' '}
            {t.cells.length === 1 ? 'cel' : 'cellen'})
          </summary>
          <table className="lines">
            <thead>
              <tr>
                <th>Cel</th>
                <th>Oud → nieuw</th>
                <th>Verschil</th>
                <th>%</th>
              </tr>
            </thead>
            <tbody>
              {t.cells.map((c) => (
                <CellRow key={c.key} c={c} onJump={onJump} />
              ))}
            </tbody>
          </table>
        </details>
      ))}
      {cells === 0 && state.items.length === 0 && (
        <p className="muted">Geen verschillen met versie {state.from.version}.</p>
      )}
    </div>
  );
}
