/**
 * Caseload in CSV: one row per result or module request; the `beschikking` column groups the rows of one
 * beschikking (they must be consecutive); `soort` says `resultaat` or `module`; `periode_van` and `periode_tot`
 * give the item's period; every other column is an `invoer` field of the rules (a beschikking field, repeated on
 * each row, or a field of the result or module request). An empty cell is an absent field.
 *
 * {@link CsvCaseBuilder} turns parsed records (from csv-parse, in Node as a stream, in the browser from text)
 * into beschikkingen. A row that is wrong makes its whole beschikking a bad row (with the line and a Dutch
 * message): pricing it without that row would give a wrong total.
 */
import type { Ir } from '../../../dsl/index.js';
import type { CaseloadBadRow, CaseloadCase, CaseloadEntry } from '../types.js';

type Level = 'beschikking' | 'resultaat' | 'module' | 'item';

/** How each column is read, from the `invoer` of the versions compared. */
interface Columns {
  readonly names: readonly string[];
  readonly levels: readonly (Level | 'id' | 'soort' | 'van' | 'tot')[];
}

export type CsvHeader = { ok: true; builder: CsvCaseBuilder } | { ok: false; message: string };

function levelOf(name: string, programs: readonly Ir.Program[]): Level | undefined {
  let beschikking = false;
  let resultaat = false;
  let module = false;
  for (const p of programs) {
    beschikking ||= p.input.beschikking.some((f) => f.name === name);
    resultaat ||= p.input.resultaat.some((f) => f.name === name);
    module ||= p.input.module.some((f) => f.name === name);
  }
  if (beschikking) return 'beschikking';
  if (resultaat && module) return 'item';
  return resultaat ? 'resultaat' : module ? 'module' : undefined;
}

/** csv-parse's error codes in Dutch (its messages are English). */
export function csvErrorText(code: string): string {
  switch (code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'na een afsluitend aanhalingsteken volgt geen komma of regeleinde';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'een aanhalingsteken in deze rij wordt tot het einde van het bestand niet gesloten';
    case 'CSV_MAX_RECORD_SIZE':
      return 'de rij is te lang (meer dan 1 MiB)';
    case 'CSV_INVALID_ARGUMENT':
    default:
      return 'de rij is geen geldige CSV';
  }
}

/** What csv-parse says of a record (its `info`) or of an error, as far as lines go. */
interface CsvPlace {
  readonly lines: number;
  readonly empty_lines: number;
}

/**
 * The line a CSV error is about. csv-parse reports a quote that is never closed at the end of the file (it reads
 * on to the end looking for the closing quote); the row it opened in begins on the first non-empty line after the
 * last record read, so that line is reported. Feed it every record read (`record`) and ask per error (`lineOf`).
 */
export class CsvErrorLines {
  private lastEnd = 0;
  private emptyBefore = 0;

  /** A record was read (csv-parse's `info` of it: the line it ends on, the empty lines skipped so far). */
  record(info: CsvPlace): void {
    this.lastEnd = info.lines;
    this.emptyBefore = info.empty_lines;
  }

  lineOf(err: Partial<CsvPlace> & { readonly code?: string }): number {
    const at = Number(err.lines ?? 0);
    if (err.code !== 'CSV_QUOTE_NOT_CLOSED') return at;
    const emptyBetween = Math.max(0, Number(err.empty_lines ?? 0) - this.emptyBefore);
    return Math.min(at, this.lastEnd + 1 + emptyBetween);
  }
}

const REQUIRED = ['beschikking', 'soort', 'periode_van', 'periode_tot'] as const;

/**
 * Reads the header row (line `line`) against the `invoer` of `programs` (the versions compared): a missing
 * required column or a column that is no input field makes the file unreadable, said in Dutch.
 */
export function csvHeader(
  header: readonly string[],
  line: number,
  programs: readonly Ir.Program[],
): CsvHeader {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0)
    return {
      ok: false,
      message: `de kopregel (regel ${line}) mist ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${missing.map((m) => `'${m}'`).join(', ')}; verplicht zijn beschikking, soort, periode_van en periode_tot.`,
    };
  const levels: Columns['levels'][number][] = [];
  for (const name of names) {
    if (name === 'beschikking') levels.push('id');
    else if (name === 'soort') levels.push('soort');
    else if (name === 'periode_van') levels.push('van');
    else if (name === 'periode_tot') levels.push('tot');
    else {
      const level = name === 'periode' ? undefined : levelOf(name, programs);
      if (!level)
        return {
          ok: false,
          message: `kolom '${name}' in de kopregel (regel ${line}) is geen invoerveld van de regels; gebruik de veldnamen van 'invoer' (bijvoorbeeld gemeente, perspectief, module, aantal) en beschikking, soort, periode_van, periode_tot.`,
        };
      levels.push(level);
    }
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    return { ok: false, message: `kolom '${twice}' staat twee keer in de kopregel (regel ${line}).` };
  return { ok: true, builder: new CsvCaseBuilder({ names, levels }) };
}

type Fields = Record<string, unknown>;

/** The beschikking being read: its rows so far, or why it is bad. */
interface Open {
  readonly id: string;
  readonly line: number;
  readonly casus: Fields;
  readonly resultaten: Fields[];
  readonly modules: Fields[];
  /** Where each beschikking field was first given, to name it when a later row disagrees. */
  readonly firstLine: Map<string, number>;
  bad: { line: number; message: string } | undefined;
}

/** Groups CSV records into beschikkingen; feed it every record in order, then call {@link end}. */
export class CsvCaseBuilder {
  private open: Open | undefined;
  /** Each beschikking id seen, with its first line (rows of one beschikking must be consecutive). */
  private readonly seen = new Map<string, number>();

  constructor(private readonly columns: Columns) {}

  /** One record at line `line`; returns the entries it completes (the previous beschikking, a bad row). */
  row(values: readonly string[], line: number): CaseloadEntry[] {
    const { names, levels } = this.columns;
    const id = (values[levels.indexOf('id')] ?? '').trim();
    if (values.length !== names.length)
      return this.rowError(
        id,
        line,
        `regel ${line} heeft ${values.length} ${values.length === 1 ? 'kolom' : 'kolommen'}, de kopregel ${names.length}.`,
      );
    if (id === '') return this.rowError(id, line, `regel ${line}: de kolom 'beschikking' is leeg.`);
    const done: CaseloadEntry[] = [];
    if (this.open?.id !== id) {
      this.closeInto(done);
      const earlier = this.seen.get(id);
      this.open = this.start(id, line);
      if (earlier !== undefined) {
        this.open.bad = {
          line,
          message: `regel ${line}: beschikking '${id}' kwam al eerder voor (regel ${earlier}); de rijen van één beschikking moeten aaneengesloten staan.`,
        };
        return done;
      }
      this.seen.set(id, line);
    }
    const open = this.open as Open;
    if (!open.bad) open.bad = this.fill(open, values, line);
    return done;
  }

  /** A record csv-parse could not read (a quote not closed, …): reported on its own. */
  unreadable(line: number, message: string): CaseloadBadRow {
    return {
      kind: 'bad',
      line,
      message: `regel ${line} is geen leesbare CSV-rij (${message}); rij overgeslagen.`,
    };
  }

  /** The last beschikking, at the end of the file. */
  end(): CaseloadEntry[] {
    const done: CaseloadEntry[] = [];
    this.closeInto(done);
    return done;
  }

  private start(id: string, line: number): Open {
    return { id, line, casus: {}, resultaten: [], modules: [], firstLine: new Map(), bad: undefined };
  }

  /** A row that is wrong before it can be grouped (no id, wrong column count). */
  private rowError(id: string, line: number, message: string): CaseloadEntry[] {
    const done: CaseloadEntry[] = [];
    if (id !== '' && this.open?.id === id) {
      this.open.bad ??= { line, message };
      return done;
    }
    this.closeInto(done);
    this.open = { ...this.start(id, line), bad: { line, message } };
    if (id === '') this.closeInto(done);
    else if (!this.seen.has(id)) this.seen.set(id, line);
    return done;
  }

  private closeInto(done: CaseloadEntry[]): void {
    const entry = this.close();
    if (entry) done.push(entry);
  }

  private close(): CaseloadEntry | undefined {
    const open = this.open;
    this.open = undefined;
    if (!open) return undefined;
    const ref = open.id !== '' ? { id: open.id } : {};
    if (open.bad)
      return {
        kind: 'bad',
        line: open.bad.line,
        ...ref,
        message:
          open.id !== ''
            ? `${open.bad.message} Beschikking '${open.id}' (vanaf regel ${open.line}) is niet meegeteld.`
            : open.bad.message,
      };
    const casus: Fields = { ...open.casus };
    if (open.resultaten.length > 0) casus['resultaten'] = open.resultaten;
    if (open.modules.length > 0) casus['modules'] = open.modules;
    const c: CaseloadCase = { kind: 'case', line: open.line, ...ref, casus };
    return c;
  }

  /** Adds one row's fields; returns why the row is wrong, if it is. */
  private fill(open: Open, values: readonly string[], line: number): Open['bad'] {
    const { names, levels } = this.columns;
    const soort = (values[levels.indexOf('soort')] ?? '').trim();
    if (soort !== 'resultaat' && soort !== 'module')
      return {
        line,
        message: `regel ${line}: soort moet 'resultaat' of 'module' zijn, niet '${soort}'.`,
      };
    const item: Fields = {};
    let van = '';
    let tot = '';
    for (let i = 0; i < names.length; i++) {
      const value = (values[i] ?? '').trim();
      const level = levels[i];
      const name = names[i] as string;
      if (value === '' || level === 'id' || level === 'soort') continue;
      if (level === 'van') van = value;
      else if (level === 'tot') tot = value;
      else if (level === 'beschikking') {
        const before = open.casus[name];
        if (before === undefined) {
          open.casus[name] = value;
          open.firstLine.set(name, line);
        } else if (before !== value)
          return {
            line,
            message: `regel ${line}: ${name} '${value}' wijkt af van '${String(before)}' op regel ${open.firstLine.get(name)}; een beschikking heeft één ${name}.`,
          };
      } else if (level === 'item' || level === soort) item[name] = value;
      else
        return {
          line,
          message: `regel ${line}: kolom '${name}' hoort bij een ${level === 'resultaat' ? 'resultaat' : 'module-aanvraag'}, maar de soort van deze rij is '${soort}'.`,
        };
    }
    if (van === '' || tot === '')
      return { line, message: `regel ${line}: periode_van en periode_tot zijn verplicht.` };
    item['periode'] = { van, tot };
    (soort === 'resultaat' ? open.resultaten : open.modules).push(item);
    return undefined;
  }
}
