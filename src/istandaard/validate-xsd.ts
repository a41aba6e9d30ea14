/**
 * `--xsd <map>`: validates a message against the XSD files a municipality downloaded from the iStandaarden site,
 * with libxml2 compiled to WebAssembly (xmllint-wasm: no native build). The folder holds the message schema
 * (JW301.xsd or WMO301.xsd) and the schemas it imports (basisschema.xsd …); all `.xsd` files in it are loaded.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MESSAGE_KINDS, type IstandaardWet } from './model.js';

const MAX_XSD_BYTES = 5 * 1024 * 1024;
const MAX_XSD_FILES = 50;

export type XsdOutcome =
  { readonly ok: true; readonly schema: string } | { readonly ok: false; readonly errors: readonly string[] };

export async function validateWithXsd(xml: string, dir: string, wet: IstandaardWet): Promise<XsdOutcome> {
  const name = MESSAGE_KINDS[wet].name;
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.xsd')).sort();
  } catch {
    return { ok: false, errors: [`De XSD-map '${dir}' bestaat niet of kan niet worden gelezen.`] };
  }
  if (entries.length > MAX_XSD_FILES)
    return {
      ok: false,
      errors: [
        `De XSD-map '${dir}' heeft ${entries.length} .xsd-bestanden; verwacht hoogstens ${MAX_XSD_FILES}.`,
      ],
    };
  const main =
    entries.find((f) => f.toLowerCase() === `${name.toLowerCase()}.xsd`) ??
    entries.find((f) => f.toLowerCase().includes(name.toLowerCase()));
  if (!main) return { ok: false, errors: [`In de XSD-map '${dir}' staat geen ${name}.xsd.`] };
  const files: { fileName: string; contents: string }[] = [];
  for (const f of entries) {
    const path = join(dir, f);
    const s = await stat(path);
    if (!s.isFile() || s.size > MAX_XSD_BYTES)
      return { ok: false, errors: [`'${path}' is geen leesbaar XSD-bestand (hoogstens 5 MiB).`] };
    files.push({ fileName: f, contents: await readFile(path, 'utf8') });
  }
  const schema = files.find((f) => f.fileName === main);
  if (!schema) return { ok: false, errors: [`In de XSD-map '${dir}' staat geen ${name}.xsd.`] };
  const { validateXML } = await import('xmllint-wasm');
  try {
    const result = await validateXML({
      xml: { fileName: 'bericht.xml', contents: xml },
      schema,
      preload: files.filter((f) => f !== schema),
    });
    if (result.valid) return { ok: true, schema: main };
    const broken = result.errors.some((e) => /failed to compile|Schemas parser error/.test(e.rawMessage));
    const errors = result.errors
      .filter((e) => e.message.trim() !== '' && !/Document is empty/.test(e.message))
      .map(
        (e) =>
          `${e.loc ? `${e.loc.fileName === 'bericht.xml' ? 'bericht' : e.loc.fileName}, regel ${e.loc.lineNumber}: ` : ''}${e.message.trim()}`,
      );
    return {
      ok: false,
      errors: broken ? [`De XSD-bestanden in '${dir}' konden niet worden gebruikt:`, ...errors] : errors,
    };
  } catch (e) {
    const msg = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    return { ok: false, errors: [`De XSD-bestanden in '${dir}' konden niet worden gebruikt: ${msg}`] };
  }
}
