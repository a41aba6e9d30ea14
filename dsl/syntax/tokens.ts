/**
 * Token definitions of the `.regels` language (Chevrotain). Token categories (`Keyword`, `Operator`, `Literal`,
 * `Unit`, `Identifier`, `Comment`) serve the parser and syntax highlighting alike; see {@link tokenClass}.
 *
 * Words that start a declaration (`module`, `tabel`, `bandbreedte`, …) only do so at the start of a line; the
 * lexer re-types them afterwards (see `lexer.ts`). Inside a line the same word is an ordinary keyword or a name.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

// ─────────────── categories (no pattern of their own) ───────────────

export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
export const Operator = createToken({ name: 'Operator', pattern: Lexer.NA });
export const Literal = createToken({ name: 'Literal', pattern: Lexer.NA });
export const Unit = createToken({ name: 'Unit', pattern: Lexer.NA });
/** Anything the grammar accepts as a name: identifiers, unit words and a few soft keywords. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
/**
 * What the grammar accepts where a unit goes (`40 ritten`, `€ 38,75 per dagdeel`): a built-in unit word or an
 * identifier, the name of a unit the rules declare (`eenheid dagdeel …`); the checker resolves it.
 */
export const UnitLike = createToken({ name: 'UnitLike', pattern: Lexer.NA });
/** Tokens that start a declaration (only produced at the start of a line, by the lexer's second pass). */
export const DeclStart = createToken({ name: 'DeclStart', pattern: Lexer.NA });
/**
 * Every binary operator of an expression (`+ - × / = <> < <= > >= en of`): the grammar reads an expression
 * flat, `operand (BinaryOperator operand)*`, and the CST → AST step applies precedence.
 */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });

// ─────────────── trivia ───────────────

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u00a0]+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\n]*/, group: 'comments' });

// ─────────────── literals ───────────────

export const Identifier = createToken({
  name: 'Identifier',
  pattern:
    /[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][a-zA-Z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]*/,
  categories: [Name, UnitLike],
});
export const DateLiteral = createToken({
  name: 'DateLiteral',
  pattern: /\d{4}-\d{2}-\d{2}/,
  categories: [Literal],
});
/** Dutch notation is validated after lexing (`1.5` lexes, then gets RW1002). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d+(?:[.,]\d+)*/,
  categories: [Literal],
});
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n]|\\.)*"/,
  categories: [Literal],
});
/** A string without its closing quote: reported as RW1003 and re-typed to {@link StringLiteral}. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n]|\\.)*\\?/,
  categories: [Literal],
});

// ─────────────── units (one token per spelling, all in category Unit) ───────────────

export const UnitWord = createToken({
  name: 'UnitWord',
  pattern:
    /vierweken|trajecten|traject|maanden|maand|etmalen|etmaal|ritten|rit|dagen|dag|weken|week|jaren|jaar|uren|uur|km/,
  longer_alt: Identifier,
  categories: [Unit, Name, UnitLike],
});

// ─────────────── keywords ───────────────

const keywordTokens: { word: string; type: TokenType }[] = [];
const kw = (word: string, soft = false, extra: TokenType[] = []): TokenType => {
  const t = createToken({
    name: `Kw_${word.replace(/'/g, '')}`,
    pattern: new RegExp(word),
    start_chars_hint: [word.charCodeAt(0)],
    longer_alt: Identifier,
    categories: [...(soft ? [Keyword, Name] : [Keyword]), ...extra],
  });
  keywordTokens.push({ word, type: t });
  return t;
};

// Declarations and the header (re-typed to a *Start token at the start of a line).
export const Regelset = kw('regelset');
export const Versie = kw('versie');
export const Geldig = kw('geldig');
export const Status = kw('status');
export const Bron = kw('bron');
export const Gemeente = kw('gemeente', true);
export const Domein = kw('domein');
export const Bandbreedte = kw('bandbreedte', true);
export const Invoer = kw('invoer');
export const Parameter = kw('parameter');
export const Tabellen = kw('tabellen');
export const Tabel = kw('tabel');
export const Wijzig = kw('wijzig');
export const Berekening = kw('berekening');
export const Bereken = kw('bereken');
export const Budget = kw('budget');
export const Module = kw('module', true);
export const Regel = kw('regel');
export const Voorziening = kw('voorziening');
export const Scenario = kw('scenario');
export const Indexeer = kw('indexeer');
export const Vervalt = kw('vervalt');
/** iStandaard mapping (`toewijzing resultaat …`); only a declaration word at the start of a line. */
export const Toewijzing = kw('toewijzing');
/** A declared unit (`eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`); a name elsewhere. */
export const Eenheid = kw('eenheid');
export const Meervoud = kw('meervoud', true);
export const Istandaard = kw('istandaard', true);
// Clauses.
export const Op = kw('op');
export const Basis = kw('basis');
export const Vanaf = kw('vanaf');
export const Van = kw('van');
export const Tot = kw('tot');
export const Concept = kw('concept');
export const Vastgesteld = kw('vastgesteld');
export const Bij = kw('bij');
export const Per = kw('per');
export const Veld = kw('veld');
export const Optioneel = kw('optioneel');
export const In = kw('in');
export const Rijen = kw('rijen');
export const Kolommen = kw('kolommen');
export const Getal = kw('getal', true);
export const Voor = kw('voor');
export const Elke = kw('elke');
export const Elk = kw('elk');
export const Tarief = kw('tarief', true);
/** Only after `indexeer alle`; elsewhere a name. */
export const Tarieven = kw('tarieven', true);
export const Hoeveelheid = kw('hoeveelheid', true);
export const Indicatieve = kw('indicatieve');
export const Variant = kw('variant', true);
export const Maximum = kw('maximum', true);
export const Toegestaan = kw('toegestaan');
export const Als = kw('als');
export const Anders = kw('anders');
export const Dan = kw('dan');
export const Fouten = kw('fouten');
export const Fout = kw('fout');
/** `verwacht geen waarschuwingen` (before `waarschuwing`, which is its prefix). */
export const Waarschuwingen = kw('waarschuwingen');
export const Waarschuwing = kw('waarschuwing');
export const Gegeven = kw('gegeven');
export const Verwacht = kw('verwacht');
export const Totaal = kw('totaal', true);
export const Resultaten = kw('resultaten');
export const Resultaat = kw('resultaat', true);
export const Geweigerd = kw('geweigerd');
export const Geen = kw('geen', true);
export const Ongeldig = kw('ongeldig');
export const Alle = kw('alle');
export const Met = kw('met');
export const Afgerond = kw('afgerond');
export const Centen = kw('centen');
export const Hele = kw('hele');
export const Euros = kw("euro's");
export const Decimalen = kw('decimalen');
export const Half = kw('half');
export const Naar = kw('naar');
export const Boven = kw('boven');
export const Beneden = kw('beneden');
export const Even = kw('even');
export const En = kw('en', false, [BinaryOperator]);
export const Of = kw('of', false, [BinaryOperator]);
export const Niet = kw('niet');
export const Is = kw('is');
export const Leeg = kw('leeg');
export const Ja = kw('ja');
export const Nee = kw('nee');
export const Aangevraagd = kw('aangevraagd');
export const Aantal = kw('aantal', true);
/** In a `toewijzing` row: `categorie 45 code "45A11"`; elsewhere names. */
export const Categorie = kw('categorie', true);
export const Code = kw('code', true);

/** Every word of the language (keywords, also the soft ones that may serve as a name). */
export const KEYWORD_WORDS: ReadonlySet<string> = new Set(keywordTokens.map((k) => k.word));

/** Declaration starts: same word, produced only at the start of a line. */
const startTokens = new Map<TokenType, TokenType>();
const start = (of: TokenType, word: string): TokenType => {
  const t = createToken({ name: `Start_${word}`, pattern: Lexer.NA, categories: [Keyword, DeclStart] });
  startTokens.set(of, t);
  return t;
};
export const RegelsetStart = start(Regelset, 'regelset');
export const VersieStart = start(Versie, 'versie');
export const GeldigStart = start(Geldig, 'geldig');
export const StatusStart = start(Status, 'status');
export const BronStart = start(Bron, 'bron');
export const GemeenteStart = start(Gemeente, 'gemeente');
export const DomeinStart = start(Domein, 'domein');
export const BandbreedteStart = start(Bandbreedte, 'bandbreedte');
export const InvoerStart = start(Invoer, 'invoer');
export const ParameterStart = start(Parameter, 'parameter');
export const TabelStart = start(Tabel, 'tabel');
export const WijzigStart = start(Wijzig, 'wijzig');
export const BerekenStart = start(Bereken, 'bereken');
export const BudgetStart = start(Budget, 'budget');
export const ModuleStart = start(Module, 'module');
export const RegelStart = start(Regel, 'regel');
export const VoorzieningStart = start(Voorziening, 'voorziening');
export const ScenarioStart = start(Scenario, 'scenario');
export const IndexeerStart = start(Indexeer, 'indexeer');
export const VervaltStart = start(Vervalt, 'vervalt');
export const ToewijzingStart = start(Toewijzing, 'toewijzing');
export const EenheidStart = start(Eenheid, 'eenheid');

/** Keyword → its declaration-start variant (used by the lexer at the start of a line). */
export const DECL_START: ReadonlyMap<TokenType, TokenType> = startTokens;
/** Words that only mean something at the start of a line; elsewhere they are plain names. */
export const START_ONLY: ReadonlySet<TokenType> = new Set([
  Regelset,
  Versie,
  Geldig,
  Status,
  Gemeente,
  Domein,
  Invoer,
  Wijzig,
  Bereken,
  Scenario,
  Indexeer,
  Vervalt,
  Toewijzing,
  Eenheid,
]);

// ─────────────── operators and punctuation ───────────────

const op = (name: string, pattern: RegExp, binary = false): TokenType =>
  createToken({ name, pattern, categories: binary ? [Operator, BinaryOperator] : [Operator] });
export const Euro = op('Euro', /€/);
export const Percent = op('Percent', /%/);
export const Times = op('Times', /[×*]/, true);
export const Slash = op('Slash', /\//, true);
export const LBracket = op('LBracket', /\[/);
export const RBracket = op('RBracket', /\]/);
export const LParen = op('LParen', /\(/);
export const RParen = op('RParen', /\)/);
export const Comma = op('Comma', /,/);
export const Colon = op('Colon', /:/);
export const NotEqual = op('NotEqual', /<>/, true);
export const LessEqual = op('LessEqual', /<=/, true);
export const GreaterEqual = op('GreaterEqual', />=/, true);
export const Less = op('Less', /</, true);
export const Greater = op('Greater', />/, true);
export const Equal = op('Equal', /=/, true);
export const Plus = op('Plus', /\+/, true);
export const Minus = op('Minus', /-/, true);
export const Dot = op('Dot', /\./);

/** Start characters that let the lexer try {@link UnknownChar} after every other token, for any character. */
const anyCharHint = (): number[] => {
  const codes: number[] = [];
  // Chevrotain groups codes from 256 on in buckets of 255: one code per bucket is enough.
  for (let c = 0; c < 65536; c++) if (c < 256 || c % 255 === 0) codes.push(c);
  return codes;
};

/**
 * A character the language does not know, as a token in its own group (the parser never sees it); the lexer
 * reports these as RW1001, one diagnostic per line. A token instead of a lexing error because Chevrotain's
 * error recovery tries every pattern at every following offset, which made junk input slow.
 */
export const UnknownChar = createToken({
  name: 'UnknownChar',
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      const code = text.charCodeAt(offset);
      if (Number.isNaN(code)) return null;
      const width = code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
      return [text.slice(offset, offset + width)] as unknown as RegExpExecArray;
    },
  },
  start_chars_hint: anyCharHint(),
  line_breaks: false,
  group: 'unknown',
});

/** Every lexable token, in matching order (comments before `/`, dates before numbers, keywords before names). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  NumberLiteral,
  UnitWord,
  // Longest first, so that `op` does not take the start of `optioneel`.
  ...[...keywordTokens].sort((a, b) => b.word.length - a.word.length).map((k) => k.type),
  Identifier,
  Euro,
  Percent,
  Times,
  Slash,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equal,
  Plus,
  Minus,
  Dot,
  // Last: anything no other token matches.
  UnknownChar,
];

/** Every token type the parser knows (lexable ones, declaration starts and categories). */
export const parserTokens: TokenType[] = [
  ...allTokens,
  ...startTokens.values(),
  Keyword,
  Operator,
  Literal,
  Unit,
  Name,
  UnitLike,
  DeclStart,
  BinaryOperator,
];

/** The comparison operators (and, for the grammar, `in` and `is`): at most one per operand of `en`/`of`. */
export const COMPARISON_STARTS: ReadonlySet<TokenType> = new Set([
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  In,
  Is,
]);

export type TokenClass =
  'keyword' | 'operator' | 'number' | 'string' | 'date' | 'unit' | 'identifier' | 'comment' | 'whitespace';

const classes = new Map<string, TokenClass>();
for (const t of parserTokens) {
  const cats = (t.CATEGORIES ?? []).map((c) => c.name);
  let cls: TokenClass = 'identifier';
  if (t === WhiteSpace) cls = 'whitespace';
  else if (t === Comment) cls = 'comment';
  else if (t === NumberLiteral) cls = 'number';
  else if (t === DateLiteral) cls = 'date';
  else if (t === StringLiteral || t === UnterminatedString) cls = 'string';
  else if (cats.includes('Unit')) cls = 'unit';
  else if (cats.includes('Keyword')) cls = 'keyword';
  else if (cats.includes('Operator')) cls = 'operator';
  classes.set(t.name, cls);
}

/** The highlighting class of a token type, by name (`tokenClass('Kw_als')` → 'keyword'). */
export function tokenClass(tokenTypeName: string): TokenClass {
  return classes.get(tokenTypeName) ?? 'identifier';
}

/** All token type names with their class, for editors that want a table. */
export const TOKEN_CLASSES: ReadonlyMap<string, TokenClass> = classes;
