/**
 * Writing a toewijzing message as XML (a small writer: every text escaped, elements in the order of the
 * standard, local elements in the message namespace, the basisschema's in its own) and reading an earlier
 * message back (`--vorige`) with fast-xml-parser. Reading never throws: a file that is not a JW301/WMO301 gets a
 * Dutch reason.
 */
import { XMLParser } from 'fast-xml-parser';
import {
  MESSAGE_KINDS,
  XSD_VERSIE,
  type IstandaardWet,
  type ToegewezenProduct,
  type Toewijzingsbericht,
} from './model.js';

type Node =
  | { readonly name: string; readonly children: readonly Node[] }
  | { readonly name: string; readonly text: string };

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
const allowedChar = (c: string): boolean => {
  const n = c.charCodeAt(0);
  return (n >= 0x20 || n === 0x09 || n === 0x0a || n === 0x0d) && n !== 0xfffe && n !== 0xffff;
};
const xmlText = (s: string): string => escape([...s].filter(allowedChar).join(''));

function render(n: Node, indent: string, out: string[]): void {
  if ('text' in n) {
    out.push(`${indent}<${n.name}>${xmlText(n.text)}</${n.name}>`);
    return;
  }
  out.push(`${indent}<${n.name}>`);
  for (const c of n.children) render(c, indent + '  ', out);
  out.push(`${indent}</${n.name}>`);
}

/** The message as XML text (UTF-8, two-space indent, a final newline). */
export function writeXml(m: Toewijzingsbericht): string {
  const kind = MESSAGE_KINDS[m.wet];
  const p = kind.name.toLowerCase();
  const b = kind.prefix;
  const el = (name: string, children: readonly (Node | undefined)[]): Node => ({
    name: `${p}:${name}`,
    children: children.filter((c): c is Node => c !== undefined),
  });
  const txt = (name: string, text: string | undefined, prefix = p): Node | undefined =>
    text === undefined ? undefined : { name: `${prefix}:${name}`, text };
  const basis = (name: string, children: readonly (Node | undefined)[]): Node => ({
    name: `${b}:${name}`,
    children: children.filter((c): c is Node => c !== undefined),
  });
  const h = m.header;
  const c = m.client;
  const header = el('Header', [
    txt('BerichtCode', h.berichtCode, b),
    txt('BerichtVersie', h.berichtVersie, b),
    txt('BerichtSubversie', h.berichtSubversie, b),
    txt('Afzender', h.afzender),
    txt('Ontvanger', h.ontvanger),
    el('BerichtIdentificatie', [
      txt('Identificatie', h.identificatie, b),
      txt('Dagtekening', h.dagtekening, b),
    ]),
    el('XsdVersie', [
      txt('BasisschemaXsdVersie', XSD_VERSIE.basisschema, b),
      txt('BerichtXsdVersie', XSD_VERSIE.bericht, b),
    ]),
  ]);
  const product = (t: ToegewezenProduct): Node =>
    el('ToegewezenProduct', [
      txt('ToewijzingNummer', t.toewijzingNummer),
      el('Product', [txt('Categorie', t.categorie, b), txt('Code', t.code, b)]),
      txt('Toewijzingsdatum', t.toewijzingsdatum),
      txt('Toewijzingstijd', t.toewijzingstijd),
      txt('Ingangsdatum', t.ingangsdatum),
      txt('Einddatum', t.einddatum),
      txt('RedenWijziging', t.redenWijziging),
      t.omvang === undefined
        ? undefined
        : el('Omvang', [
            txt('Volume', t.omvang.volume, b),
            txt('Eenheid', t.omvang.eenheid, b),
            txt('Frequentie', t.omvang.frequentie, b),
          ]),
      txt('Commentaar', t.commentaar),
    ]);
  const client = el('Client', [
    txt('Bsn', c.bsn),
    el('Geboortedatum', [txt('Datum', c.geboortedatum, b)]),
    txt('Geslacht', c.geslacht),
    el('Naam', [
      basis('Geslachtsnaam', [txt('Achternaam', c.achternaam, b), txt('Voorvoegsel', c.voorvoegsel, b)]),
      txt('Voorletters', c.voorletters, b),
      txt('NaamGebruik', '1', b),
    ]),
    el('Contactgegevens', [el('Contact', [txt('Soort', '01')])]),
    el('ToegewezenProducten', m.producten.map(product)),
  ]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<${p}:Bericht xmlns:${p}="${kind.namespace}" xmlns:${b}="${kind.basis}">`);
  render(header, '  ', out);
  render(client, '  ', out);
  out.push(`</${p}:Bericht>`);
  return out.join('\n') + '\n';
}

/** What `--vorige` needs from an earlier message. */
export interface PreviousMessage {
  readonly wet: IstandaardWet;
  readonly afzender: string;
  readonly ontvanger: string;
  readonly bsn: string;
  readonly producten: readonly ToegewezenProduct[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** Reads an earlier JW301/WMO301, or says in Dutch why it cannot. */
export function readXml(
  text: string,
): { ok: true; message: PreviousMessage } | { ok: false; reason: string } {
  // A toewijzingsbericht has no DOCTYPE; refusing it keeps entity expansion (a hostile file) out.
  if (/<!(DOCTYPE|ENTITY)/i.test(text))
    return { ok: false, reason: 'een DOCTYPE of ENTITY hoort niet in een toewijzingsbericht' };
  let doc: unknown;
  try {
    const parser = new XMLParser({
      removeNSPrefix: true,
      parseTagValue: false,
      ignoreAttributes: true,
      processEntities: true,
      isArray: (name) => name === 'ToegewezenProduct',
    });
    doc = parser.parse(text, true);
  } catch (e) {
    return {
      ok: false,
      reason: `geen geldige XML${xmlErrorPlace(e)}`,
    };
  }
  const bericht = obj(obj(doc)?.['Bericht']);
  const header = obj(bericht?.['Header']);
  const client = obj(bericht?.['Client']);
  if (!bericht || !header || !client)
    return { ok: false, reason: 'geen toewijzingsbericht (Bericht met Header en Client)' };
  const code = str(header['BerichtCode']);
  const wet =
    code === MESSAGE_KINDS.jeugdwet.code ? 'jeugdwet' : code === MESSAGE_KINDS.wmo.code ? 'wmo' : undefined;
  if (!wet) return { ok: false, reason: `BerichtCode '${code ?? ''}' is geen JW301 (436) of WMO301 (414)` };
  const list = obj(client['ToegewezenProducten'])?.['ToegewezenProduct'];
  const producten: ToegewezenProduct[] = [];
  for (const raw of Array.isArray(list) ? list : []) {
    const t = obj(raw);
    const nummer = str(t?.['ToewijzingNummer']);
    const product = obj(t?.['Product']);
    const ingang = str(t?.['Ingangsdatum']);
    if (!t || !nummer || !ingang)
      return { ok: false, reason: 'een ToegewezenProduct zonder ToewijzingNummer of Ingangsdatum' };
    const omvang = obj(t['Omvang']);
    const volume = str(omvang?.['Volume']);
    const eenheid = str(omvang?.['Eenheid']);
    producten.push({
      toewijzingNummer: nummer,
      categorie: str(product?.['Categorie']) ?? '',
      code: str(product?.['Code']),
      toewijzingsdatum: str(t['Toewijzingsdatum']) ?? '',
      toewijzingstijd: str(t['Toewijzingstijd']) ?? '',
      ingangsdatum: ingang,
      einddatum: str(t['Einddatum']),
      redenWijziging: str(t['RedenWijziging']),
      omvang:
        volume === undefined || eenheid === undefined
          ? undefined
          : {
              volume,
              eenheid: eenheid as NonNullable<ToegewezenProduct['omvang']>['eenheid'],
              frequentie: str(omvang?.['Frequentie']) ?? '',
            },
      commentaar: str(t['Commentaar']),
    });
  }
  return {
    ok: true,
    message: {
      wet,
      afzender: str(header['Afzender']) ?? '',
      ontvanger: str(header['Ontvanger']) ?? '',
      bsn: str(client['Bsn']) ?? '',
      producten,
    },
  };
}

/** Where the XML parser stopped, in Dutch (its own message is English: ' (regel 3, kolom 7)'), or ''. */
function xmlErrorPlace(e: unknown): string {
  const m = e instanceof Error ? /:(\d+):(\d+)\s*$/.exec(e.message.split('\n')[0] ?? '') : null;
  return m ? ` (regel ${m[1]}, kolom ${m[2]})` : '';
}
