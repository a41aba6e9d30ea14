/** A form generated from the ruleset's `invoer` declaration; edits a case as JSON data. */
import type { Ir } from '../../dsl/index.js';
import { dutchDate } from '../dates.js';
import './case-form.css';

export type CaseData = Record<string, unknown>;
type Item = Record<string, unknown>;

interface Props {
  readonly input: Ir.InputDef;
  readonly domains: readonly Ir.DomainDef[];
  readonly modules: readonly {
    readonly name: string;
    readonly label?: string | undefined;
    readonly variants: readonly string[];
    /** The unit a quantity of the module is in, as written after a number ('dagdelen'), per variant ('' without). */
    readonly units?: Readonly<Record<string, string>> | undefined;
  }[];
  /** Which bandbreedtes each intensiteit allows. */
  readonly bandwidths: readonly { readonly name: string; readonly intensity: string }[];
  readonly value: CaseData;
  readonly onChange: (value: CaseData) => void;
}

const isItem = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A choice: the value the case holds and the label the advisor reads ("Hof_van_Twente" → "Hof van Twente"). */
export interface Choice {
  readonly value: string;
  readonly label: string;
  /** The whole description, when the label is its short form. */
  readonly title?: string;
}

/**
 * A description as an option label: the part before a colon ("Ontwikkelen: groei, afname …" → "Ontwikkelen"), so
 * the choice fits its field; the whole description is the option's title.
 */
const shortLabel = (description: string): string => {
  const at = description.indexOf(':');
  return at > 0 ? description.slice(0, at) : description;
};

/** A name as words: "consultatie_diagnostiek" → "consultatie diagnostiek" (when the rules give no label). */
export const words = (name: string): string => name.replace(/_/g, ' ');

function FieldInput(props: {
  field: Ir.FieldDef;
  value: unknown;
  domains: readonly Ir.DomainDef[];
  options?: readonly Choice[] | undefined;
  onChange: (v: unknown) => void;
  id: string;
}) {
  const { field, value, onChange, id } = props;
  const t = field.type;
  const options =
    props.options ??
    (t.kind === 'domain'
      ? props.domains
          .find((d) => d.name === t.name)
          ?.values.map((v) => ({
            value: v.name,
            label: v.description === undefined ? words(v.name) : shortLabel(v.description),
            ...(v.description !== undefined ? { title: v.description } : {}),
          }))
      : undefined);
  if (options !== undefined) {
    const current = typeof value === 'string' ? value : '';
    const known = current === '' || options.some((o) => o.value === current);
    return (
      <select
        id={id}
        value={current}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        aria-invalid={known ? undefined : true}
      >
        <option value="">{field.optional ? '(leeg)' : '— kies —'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} title={o.title}>
            {o.label}
          </option>
        ))}
        {!known && <option value={current}>{words(current)} (past hier niet)</option>}
      </select>
    );
  }
  switch (t.kind) {
    case 'date':
      return (
        <span className="date">
          <input
            id={id}
            type="date"
            lang="nl"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value || undefined)}
          />
          <DateHint value={value} />
        </span>
      );
    case 'period': {
      const p = isItem(value) ? value : {};
      return (
        <span className="period">
          <input
            aria-label={`${field.name} van`}
            type="date"
            lang="nl"
            value={typeof p.van === 'string' ? p.van : ''}
            onChange={(e) => onChange({ ...p, van: e.target.value })}
          />
          {' t/m '}
          <input
            aria-label={`${field.name} tot en met`}
            type="date"
            lang="nl"
            value={typeof p.tot === 'string' ? p.tot : ''}
            onChange={(e) => onChange({ ...p, tot: e.target.value })}
          />
          {typeof p.van === 'string' && typeof p.tot === 'string' && p.van !== '' && p.tot !== '' && (
            <span className="date-hint">
              {dutchDate(p.van)} t/m {dutchDate(p.tot)}
            </span>
          )}
        </span>
      );
    }
    case 'bool':
      return (
        <select
          id={id}
          value={value === true ? 'ja' : value === false ? 'nee' : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'ja')}
        >
          <option value="">(leeg)</option>
          <option value="ja">ja</option>
          <option value="nee">nee</option>
        </select>
      );
    default:
      return (
        <input
          id={id}
          type="text"
          inputMode={t.kind === 'text' ? 'text' : 'decimal'}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}

function setKey(item: Item, key: string, v: unknown): Item {
  const next = { ...item };
  if (v === undefined) delete next[key];
  else next[key] = v;
  return next;
}

function Fields(props: {
  fields: readonly Ir.FieldDef[];
  item: Item;
  prefix: string;
  domains: readonly Ir.DomainDef[];
  optionsFor?: (field: string, item: Item) => readonly Choice[] | undefined;
  /** The unit after a quantity's input ('dagdelen'), when the item tells which. */
  unitFor?: ((field: Ir.FieldDef, item: Item) => string | undefined) | undefined;
  onChange: (item: Item) => void;
}) {
  return (
    <div className="fields">
      {props.fields.map((f) => {
        const id = `${props.prefix}-${f.name}`;
        const unit = props.unitFor?.(f, props.item);
        return (
          <label key={f.name} htmlFor={id}>
            <span title={f.name}>
              {fieldLabel(f.name)}
              {f.optional ? '' : ' *'}
            </span>
            <FieldInput
              id={id}
              field={f}
              value={props.item[f.name]}
              domains={props.domains}
              options={props.optionsFor?.(f.name, props.item)}
              onChange={(v) => props.onChange(setKey(props.item, f.name, v))}
            />
            {unit !== undefined && (
              <span className="field-unit" data-testid={`eenheid-${id}`}>
                {unit}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}

function List(props: {
  title: string;
  items: readonly Item[];
  fields: readonly Ir.FieldDef[];
  domains: readonly Ir.DomainDef[];
  optionsFor?: (field: string, item: Item) => readonly Choice[] | undefined;
  unitFor?: (field: Ir.FieldDef, item: Item) => string | undefined;
  onChange: (items: Item[]) => void;
  fresh: () => Item;
}) {
  return (
    <fieldset>
      <legend>{props.title}</legend>
      {props.items.map((item, i) => (
        <div className="list-item" key={i}>
          <Fields
            fields={props.fields}
            item={item}
            prefix={`${props.title}-${i}`}
            domains={props.domains}
            {...(props.optionsFor !== undefined ? { optionsFor: props.optionsFor } : {})}
            unitFor={props.unitFor}
            onChange={(next) => props.onChange(props.items.map((it, j) => (j === i ? next : it)))}
          />
          <button
            type="button"
            className="link"
            onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}
          >
            Verwijderen
          </button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => props.onChange([...props.items, props.fresh()])}>
        + {props.title === 'Resultaten' ? 'resultaat' : 'module'} toevoegen
      </button>
    </fieldset>
  );
}

/** The label of a field: its name as a sentence ("ondersteuningsbehoefte" → "Ondersteuningsbehoefte"). */
function fieldLabel(name: string): string {
  const w = words(name);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function CaseForm({ input, domains, modules, bandwidths, value, onChange }: Props) {
  const resultaten = Array.isArray(value.resultaten) ? value.resultaten.filter(isItem) : [];
  const aanvragen = Array.isArray(value.modules) ? value.modules.filter(isItem) : [];
  const period = (): Item => {
    const start = typeof value.ingangsdatum === 'string' ? value.ingangsdatum : '';
    return { van: start, tot: start };
  };
  return (
    <form className="case-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Beschikking</legend>
        <Fields
          fields={input.beschikking}
          item={value}
          prefix="beschikking"
          domains={domains}
          onChange={onChange}
        />
      </fieldset>
      <List
        title="Resultaten"
        items={resultaten}
        fields={input.resultaat}
        domains={domains}
        optionsFor={(field, item) => {
          if (field !== 'bandbreedte' || bandwidths.length === 0) return undefined;
          // Only the bandbreedtes of the chosen intensiteit (all of them while none is chosen).
          const names = bandwidths
            .filter((b) => typeof item.intensiteit !== 'string' || b.intensity === item.intensiteit)
            .map((b) => b.name);
          return [...new Set(names)].map((n) => ({ value: n, label: n }));
        }}
        onChange={(items) => onChange({ ...value, resultaten: items })}
        fresh={() => ({ id: `r${resultaten.length + 1}`, periode: period() })}
      />
      <List
        title="Modules"
        items={aanvragen}
        fields={input.module}
        domains={domains}
        optionsFor={(field, item) =>
          field === 'module'
            ? modules.map((m) => ({ value: m.name, label: m.label ?? words(m.name) }))
            : field === 'variant'
              ? modules
                  .find((m) => m.name === item.module)
                  ?.variants.map((v) => ({ value: v, label: words(v) }))
              : undefined
        }
        unitFor={(field, item) =>
          // A quantity in the module's own unit (`aantal`): the unit of the chosen module and variant.
          field.type.kind === 'quantity' && field.type.unit === 'module'
            ? modules.find((m) => m.name === item.module)?.units?.[
                typeof item.variant === 'string' ? item.variant : ''
              ]
            : undefined
        }
        onChange={(items) => onChange({ ...value, modules: items })}
        fresh={() => ({ module: modules[0]?.name ?? '', periode: period() })}
      />
    </form>
  );
}

/** The date as a Dutch reader writes it ("1 januari 2020"), whatever the browser's date input shows. */
function DateHint({ value }: { value: unknown }) {
  if (typeof value !== 'string' || value === '') return null;
  return <span className="date-hint">{dutchDate(value)}</span>;
}
