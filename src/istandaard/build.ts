/**
 * From an evaluated beschikking to a JW301 / WMO301: the case's `wet` picks the message, the rules' `toewijzing`
 * declarations give category, product code and how the amount is expressed, the case gives the client and the
 * provider's AGB code. Refuses, in Dutch, when the outcome has errors, when the data do not pass (BSN elfproef,
 * AGB code, amounts above 99.999.999) or when a mapping is missing; the message that comes out has passed the
 * standard's rules (checks.ts). Pure: no files, no clock (the moment is given), the same in Node and browser.
 */
import type { Ir } from '../../dsl/index.js';
import { isIstandaardWet, PRODUCT_CATEGORIES } from '../../dsl/ir/istandaard.js';
import { dec, dutch } from '../engine/decimal.js';
import { lineQuantityText } from '../engine/format.js';
import type { Evaluation, ResultLine } from '../engine/result.js';
import { assignNumbers, type NewProduct } from './change.js';
import { checkMessage, isValidAgb, isValidBsn } from './checks.js';
import { MAX_VOLUME, MESSAGE_KINDS, type Client, type Toewijzingsbericht } from './model.js';
import { writeXml, type PreviousMessage } from './xml.js';

export interface ToewijzingOptions {
  /** The moment of the allocation, `YYYY-MM-DDTHH:MM:SS` (local time, as the message writes it). */
  readonly tijdstip: string;
  /** The earlier message for this client and provider: the result is a change message. */
  readonly vorige?: PreviousMessage;
  /** The first ToewijzingNummer to give out (the municipal system's counter); default 1. */
  readonly nummerVanaf?: number;
}

export type ToewijzingOutcome =
  | {
      readonly ok: true;
      readonly message: Toewijzingsbericht;
      readonly xml: string;
      /** Dutch remarks that do not stop the message (a refused module is not allocated). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

const GESLACHT: Readonly<Record<string, Client['geslacht']>> = { onbekend: '0', man: '1', vrouw: '2' };
const TIJDSTIP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})$/;

/** 32-bit FNV-1a over the text, as 10 base-36 characters: a short, deterministic message id. */
function shortHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ s.charCodeAt(s.length - 1 - i), 0x01000193) >>> 0;
  }
  return (h1.toString(36) + h2.toString(36)).padStart(10, '0').slice(0, 10).toUpperCase();
}

/** The case item a line belongs to: its `ref` is the item's id or "resultaat 2" / "module 1". */
function itemOf(casus: Obj, line: ResultLine): Obj {
  const list = line.kind === 'resultaat' ? casus['resultaten'] : casus['modules'];
  const items = Array.isArray(list) ? list.map(asObj) : [];
  const byId = items.find((it) => it['id'] === line.ref);
  if (byId) return byId;
  const n = /^(?:resultaat|module) (\d+)$/.exec(line.ref);
  return n ? (items[Number(n[1]) - 1] ?? {}) : {};
}

const itemName = (line: ResultLine): string =>
  line.ref.startsWith(`${line.kind} `) ? line.ref : `${line.kind} ${line.ref}`;

export function buildToewijzing(
  programs: readonly Ir.Program[],
  casusInput: unknown,
  evaluation: Evaluation,
  options: ToewijzingOptions,
): ToewijzingOutcome {
  const errors: string[] = [];
  if (!evaluation.ok)
    return {
      ok: false,
      errors: [
        'Het geval is ongeldig en is niet berekend:',
        ...evaluation.diagnostics.map((d) => `  ${d.message}`),
      ],
    };
  const fouten = evaluation.diagnostics.filter((d) => d.severity === 'fout');
  if (fouten.length > 0)
    return {
      ok: false,
      errors: [
        'De uitkomst heeft fouten; een toewijzing kan pas als die zijn opgelost:',
        ...fouten.map((d) => `  ${d.rule}: ${d.message}`),
      ],
    };
  const moment = TIJDSTIP.exec(options.tijdstip);
  if (!moment?.[1] || !moment[2])
    return { ok: false, errors: [`Tijdstip '${options.tijdstip}' is geen JJJJ-MM-DDTUU:MM:SS.`] };
  const at = { datum: moment[1], tijd: moment[2] };
  const casus = asObj(casusInput);
  const wet = text(casus['wet']) ?? '';
  if (!isIstandaardWet(wet))
    return {
      ok: false,
      errors: [`De wet '${wet}' heeft geen toewijzingsbericht; alleen jeugdwet (JW301) en wmo (WMO301).`],
    };
  const programOf = (version: string | undefined): Ir.Program | undefined =>
    programs.find((p) => p.version === version) ?? programs.find((p) => p.version === evaluation.versions[0]);

  // Header: the CBS code of the case's gemeente, the provider's AGB code.
  const gemeente = text(casus['gemeente']) ?? '';
  const first = programOf(evaluation.versions[0]);
  const codes = first?.allocations.find((a) => a.target === 'gemeente');
  const afzender = codes?.rows.find((r) => r.keys[0] === gemeente)?.code;
  if (!afzender)
    errors.push(
      `Ontbrekende toewijzing: de regels geven geen CBS-gemeentecode voor gemeente '${gemeente}' ('toewijzing gemeente').`,
    );
  const agb = text(casus['agb_aanbieder']);
  if (agb === undefined)
    errors.push("Het geval noemt geen AGB-code van de aanbieder (veld 'agb_aanbieder').");
  else if (!isValidAgb(agb))
    errors.push(`AGB-code '${agb}' van de aanbieder is ongeldig: een AGB-code heeft acht cijfers.`);

  // Client.
  const bsn = text(casus['bsn']);
  if (bsn === undefined) errors.push("Het geval noemt geen burgerservicenummer van de cliënt (veld 'bsn').");
  else if (!isValidBsn(bsn))
    errors.push(
      `Burgerservicenummer '${bsn}' is ongeldig: het heeft geen 9 cijfers of voldoet niet aan de elfproef.`,
    );
  const achternaam = text(casus['achternaam']);
  if (achternaam === undefined)
    errors.push("Het geval noemt geen achternaam van de cliënt (veld 'achternaam').");
  const geboortedatum = text(casus['geboortedatum']) ?? '';
  const geslachtWaarde = text(casus['geslacht']) ?? 'onbekend';
  const client: Client = {
    bsn: bsn ?? '',
    geboortedatum,
    geslacht: GESLACHT[geslachtWaarde] ?? '0',
    achternaam: achternaam ?? '',
    voorvoegsel: text(casus['voorvoegsel']),
    voorletters: text(casus['voorletters']),
  };

  // One product per result and per allowed module: the total of its parts.
  const products: NewProduct[] = [];
  const notes: string[] = [];
  for (const line of evaluation.lines) {
    const product = productOf(line, casus, wet, programOf(line.parts[0]?.version), errors);
    if (product) products.push(product);
  }
  for (const d of evaluation.decisions)
    if (!d.allowed)
      notes.push(
        `Module ${d.module}${d.variant ? ` (${d.variant})` : ''} is geweigerd en wordt niet toegewezen: ${d.reason ?? ''}`,
      );
  if (products.length === 0 && errors.length === 0)
    errors.push('Het geval heeft geen resultaat of toegestane module om toe te wijzen.');
  if (errors.length > 0) return { ok: false, errors };

  const vorige = options.vorige;
  if (vorige) {
    const mismatch: string[] = [];
    if (vorige.wet !== wet)
      mismatch.push(
        `het is een ${MESSAGE_KINDS[vorige.wet].name}, dit geval vraagt een ${MESSAGE_KINDS[wet].name}`,
      );
    if (vorige.bsn !== client.bsn)
      mismatch.push(`het is voor bsn ${vorige.bsn}, dit geval voor ${client.bsn}`);
    if (vorige.afzender !== afzender)
      mismatch.push(`de afzender is ${vorige.afzender}, hier ${afzender ?? ''}`);
    if (vorige.ontvanger !== agb) mismatch.push(`de ontvanger is ${vorige.ontvanger}, hier ${agb ?? ''}`);
    if (mismatch.length > 0)
      return {
        ok: false,
        errors: [`Het eerdere bericht (--vorige) hoort niet bij dit geval: ${mismatch.join('; ')}.`],
      };
  }
  const producten = assignNumbers(products, vorige, at, options.nummerVanaf ?? 1);
  const kind = MESSAGE_KINDS[wet];
  const identity = JSON.stringify([options.tijdstip, afzender, agb, client.bsn, producten]);
  const message: Toewijzingsbericht = {
    wet,
    header: {
      berichtCode: kind.code,
      berichtVersie: '3',
      berichtSubversie: '2',
      afzender: afzender ?? '',
      ontvanger: agb ?? '',
      identificatie: `RW${shortHash(identity)}`,
      dagtekening: at.datum,
    },
    client,
    producten,
  };
  const broken = checkMessage(message);
  if (broken.length > 0)
    return {
      ok: false,
      errors: ['Het bericht voldoet niet aan de regels van de standaard:', ...broken.map((e) => `  ${e}`)],
    };
  return { ok: true, message, xml: writeXml(message), notes };
}

function productOf(
  line: ResultLine,
  casus: Obj,
  wet: 'jeugdwet' | 'wmo',
  program: Ir.Program | undefined,
  errors: string[],
): NewProduct | undefined {
  const item = itemOf(casus, line);
  const name = itemName(line);
  const moduleName = line.kind === 'module' ? text(item['module']) : undefined;
  const def = program?.allocations.find((a) =>
    line.kind === 'resultaat' ? a.target === 'resultaat' : a.target === 'module' && a.module === moduleName,
  );
  if (!def || def.eenheid === undefined) {
    errors.push(
      `Ontbrekende toewijzing: ${line.kind === 'resultaat' ? 'de resultaten' : `module ${moduleName ?? ''}`} ${program ? `in versie ${program.version} ` : ''}hebben geen 'toewijzing' in de regels, dus ${name} kan geen iStandaard-product worden.`,
    );
    return undefined;
  }
  const values = def.keys.map((k) => text(k.level === 'beschikking' ? casus[k.name] : item[k.name]) ?? '');
  const row = def.rows.find((r) => r.keys.every((v, i) => v === values[i]));
  const combination = def.keys.map((k, i) => `${k.name} = ${values[i] || '(leeg)'}`).join(', ');
  if (!row) {
    errors.push(
      `Ontbrekende toewijzing: voor ${name} (${combination}) heeft de toewijzing in versie ${program?.version ?? ''} geen rij.`,
    );
    return undefined;
  }
  if (row.category === null) {
    errors.push(`${name} (${combination}) wordt volgens de regels niet toegewezen ('categorie -').`);
    return undefined;
  }
  if (!Object.hasOwn(PRODUCT_CATEGORIES[wet], row.category)) {
    errors.push(
      `${name}: categorie ${row.category} hoort niet bij de ${wet === 'jeugdwet' ? 'Jeugdwet' : 'Wmo'}.`,
    );
    return undefined;
  }
  let volume: string;
  if (def.eenheid === '83') {
    const cents = dec(line.amount).times(100);
    volume = cents.toFixed(0);
    if (cents.gt(MAX_VOLUME)) {
      errors.push(
        `Het bedrag van ${name} (€ ${dutch(dec(line.amount), 2)}) is groter dan € 999.999,99: een toewijzing gaat tot 99.999.999 eurocent.`,
      );
      return undefined;
    }
  } else {
    const factor = def.factors[line.unit as keyof typeof def.factors];
    const v = factor === undefined ? undefined : dec(line.quantity).times(factor);
    if (v === undefined || !v.isInteger()) {
      errors.push(
        `De hoeveelheid van ${name} (${lineQuantityText(line.quantity, line.unit, line.plural)}) is geen heel aantal in de eenheid van de toewijzing, en een iStandaard-volume is altijd heel. Schrijf in de regels 'toewijzing … in euro's totaal' voor dit onderdeel, of laat de hoeveelheid op hele aantallen uitkomen.`,
      );
      return undefined;
    }
    if (v.gt(MAX_VOLUME)) {
      errors.push(`Het volume van ${name} (${v.toFixed(0)}) is groter dan 99.999.999.`);
      return undefined;
    }
    volume = v.toFixed(0);
  }
  const periode = asObj(item['periode']);
  const van = text(periode['van']) ?? line.parts[0]?.from ?? '';
  const tot = text(periode['tot']) ?? line.parts[line.parts.length - 1]?.to ?? '';
  return {
    categorie: row.category,
    code: row.code,
    ingangsdatum: van,
    einddatum: tot,
    omvang: { volume, eenheid: def.eenheid, frequentie: '6' },
    commentaar: `${name}: ${line.key}`,
  };
}
