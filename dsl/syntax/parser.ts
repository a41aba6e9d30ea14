/**
 * The grammar of `.regels`, as one reusable Chevrotain CstParser. The grammar is pure: no actions, no AST;
 * `dsl/ast/from-cst.ts` turns its CST into the AST. Declarations start with a declaration-start token (a
 * declaration word at the start of a line), which is also where error recovery picks up again.
 */
import { CstParser, tokenMatcher, type IOrAlt, type IToken, type DSLMethodOpts } from 'chevrotain';
import type { DeclarationsCstNode, FileCstNode } from './cst.js';
import { errorMessageProvider } from './syntax-errors.js';
import * as T from './tokens.js';
import { MAX_NESTING, MAX_TERMS } from './nesting.js';
import { COMPARISON_STARTS } from './tokens.js';

/** The named `OR` sites of the grammar (see {@link RegelsParser}'s `alt`). */
type AltName =
  | 'headerStatus'
  | 'headerMunicipality'
  | 'declarationKind'
  | 'fieldType'
  | 'tableStart'
  | 'tableCell'
  | 'cellUnit'
  | 'scopeEvery'
  | 'scopeLevel'
  | 'budgetPart'
  | 'modulePart'
  | 'ruleSeverity'
  | 'indexationTarget'
  | 'indexationAll'
  | 'indexSelectionSeparator'
  | 'allocationLevel'
  | 'allocationUnit'
  | 'allocationCategory'
  | 'allocationRowKind'
  | 'withdrawKind'
  | 'withdrawName'
  | 'givenKind'
  | 'assignmentValue'
  | 'expectationKind'
  | 'noDiagnosticKind'
  | 'noDiagnosticSeverity'
  | 'roundingTo'
  | 'roundingMode'
  | 'expressionStep'
  | 'postfixKind'
  | 'operandKind';

export class RegelsParser extends CstParser {
  /**
   * The alternatives of every `OR`, by name, built once per parser instead of on every call (closures are not
   * free, and on the hot paths — declarations, scenario lines, expressions — they were a large part of the time).
   */
  private readonly alt: { [K in AltName]?: IOrAlt<unknown>[] } = {};

  /**
   * `validate` checks the grammar itself (ambiguities, left recursion, …) while analysing it: a test does that
   * (test/dsl/syntax/grammar.test.ts); the parser everyone uses skips it, which saves a fifth of a second at
   * every start of the CLI, the server and the editor's worker.
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    super(T.parserTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      errorMessageProvider,
      skipValidations: options.validate !== true,
    });
    this.performSelfAnalysis();
  }

  /** How many syntax errors this parse may make before it stops at the next declaration (set per input). */
  errorBudget = Infinity;

  /** The next declaration is parsed while the error budget lasts. */
  private readonly nextDeclaration: DSLMethodOpts<unknown> = {
    GATE: () => this.errors.length < this.errorBudget,
    DEF: () => this.SUBRULE(this.declaration),
  };

  readonly file = this.RULE('file', () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(this.nextDeclaration);
  });

  /** Declarations only: where parsing resumes after text that is not a declaration. */
  readonly declarations = this.RULE('declarations', () => {
    this.MANY(this.nextDeclaration);
  });

  readonly header = this.RULE('header', () => {
    this.CONSUME(T.RegelsetStart);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.VersieStart);
    this.CONSUME2(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Op);
      this.CONSUME(T.Basis);
      this.CONSUME(T.Van);
      this.CONSUME3(T.StringLiteral);
    });
    this.CONSUME(T.GeldigStart);
    this.CONSUME(T.Vanaf);
    this.CONSUME(T.DateLiteral);
    this.OPTION2(() => {
      this.CONSUME2(T.GeldigStart);
      this.CONSUME(T.Tot);
      this.CONSUME2(T.DateLiteral);
    });
    this.OPTION3(() => {
      this.CONSUME(T.StatusStart);
      this.OR(
        (this.alt.headerStatus ??= [
          { ALT: () => this.CONSUME(T.Concept) },
          { ALT: () => this.CONSUME(T.Vastgesteld) },
        ]),
      );
    });
    this.OPTION4(() => {
      this.CONSUME(T.BronStart);
      this.CONSUME4(T.StringLiteral);
    });
    this.OPTION5(() => {
      this.CONSUME(T.GemeenteStart);
      this.OR2(
        (this.alt.headerMunicipality ??= [
          { ALT: () => this.CONSUME5(T.StringLiteral) },
          { ALT: () => this.CONSUME(T.Name) },
        ]),
      );
    });
  });

  readonly declaration = this.RULE('declaration', () => {
    this.OR(
      (this.alt.declarationKind ??= [
        { ALT: () => this.SUBRULE(this.domainDecl) },
        { ALT: () => this.SUBRULE(this.bandwidthDecl) },
        { ALT: () => this.SUBRULE(this.inputDecl) },
        { ALT: () => this.SUBRULE(this.parameterDecl) },
        { ALT: () => this.SUBRULE(this.tableDecl) },
        { ALT: () => this.SUBRULE(this.calcDecl) },
        { ALT: () => this.SUBRULE(this.budgetDecl) },
        { ALT: () => this.SUBRULE(this.moduleDecl) },
        { ALT: () => this.SUBRULE(this.ruleDecl) },
        { ALT: () => this.SUBRULE(this.provisionDecl) },
        { ALT: () => this.SUBRULE(this.scenarioDecl) },
        { ALT: () => this.SUBRULE(this.indexationDecl) },
        { ALT: () => this.SUBRULE(this.withdrawDecl) },
        { ALT: () => this.SUBRULE(this.allocationDecl) },
        { ALT: () => this.SUBRULE(this.unitDecl) },
      ]),
    );
  });

  readonly domainDecl = this.RULE('domainDecl', () => {
    this.CONSUME(T.DomeinStart);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.MANY(() => this.SUBRULE(this.domainValue));
  });

  readonly domainValue = this.RULE('domainValue', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
  });

  readonly bandwidthDecl = this.RULE('bandwidthDecl', () => {
    this.CONSUME(T.BandbreedteStart);
    this.CONSUME(T.Name);
    this.CONSUME(T.Bij);
    this.CONSUME2(T.Name);
    this.CONSUME(T.Van);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Tot);
    this.CONSUME2(T.NumberLiteral);
    this.CONSUME(T.UnitLike);
    this.OPTION(() => {
      this.CONSUME(T.Per);
      this.CONSUME2(T.UnitLike);
    });
  });

  /**
   * `eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`: a unit the rules declare, with its
   * plural, description, iStandaard Eenheid code (WJ756) and source; the parts may continue on indented lines.
   */
  readonly unitDecl = this.RULE('unitDecl', () => {
    this.CONSUME(T.EenheidStart);
    this.CONSUME(T.Name);
    this.OPTION(() => {
      this.CONSUME(T.Meervoud);
      this.CONSUME2(T.Name, { LABEL: 'plural' });
    });
    this.OPTION2(() => this.CONSUME(T.StringLiteral));
    this.OPTION3(() => {
      this.CONSUME(T.Istandaard);
      this.CONSUME(T.NumberLiteral);
    });
    this.OPTION4(() => this.SUBRULE(this.sourceClause));
  });

  readonly inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.InvoerStart);
    this.CONSUME(T.Name);
    this.MANY(() => this.SUBRULE(this.fieldDecl));
  });

  readonly fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(T.Veld);
    this.CONSUME(T.Name);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(T.Optioneel));
  });

  readonly typeRef = this.RULE('typeRef', () => {
    this.OR(
      (this.alt.fieldType ??= [
        {
          ALT: () => {
            this.CONSUME(T.Ja);
            this.CONSUME(T.Slash);
            this.CONSUME(T.Nee);
          },
        },
        { ALT: () => this.CONSUME(T.Name) },
      ]),
    );
  });

  readonly parameterDecl = this.RULE('parameterDecl', () => {
    this.CONSUME(T.ParameterStart);
    this.CONSUME(T.Name);
    this.CONSUME(T.Equal);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  readonly sourceClause = this.RULE('sourceClause', () => {
    this.CONSUME(T.Bron);
    this.CONSUME(T.StringLiteral);
  });

  readonly tableDecl = this.RULE('tableDecl', () => {
    this.OR(
      (this.alt.tableStart ??= [
        {
          ALT: () => {
            this.CONSUME(T.WijzigStart);
            this.CONSUME(T.Tabel);
          },
        },
        { ALT: () => this.CONSUME(T.TabelStart) },
      ]),
    );
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.In);
    this.SUBRULE(this.cellUnit);
    // The row domains without the word `rijen` (`  ob` + `  kolommen int`): read, and reported by the AST builder.
    this.OPTION5({
      GATE: () =>
        tokenMatcher(this.LA(1), T.Name) &&
        (this.LA(2).tokenType === T.Kolommen || this.LA(2).tokenType === T.Comma),
      DEF: () => this.SUBRULE2(this.nameList, { LABEL: 'bareRowKeys' }),
    });
    this.OPTION2(() => {
      this.CONSUME(T.Rijen);
      this.SUBRULE(this.nameList, { LABEL: 'rowKeys' });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Kolommen);
      this.SUBRULE(this.slashNames, { LABEL: 'columnKeys' });
    });
    this.OPTION4(() => this.SUBRULE(this.sourceClause));
    this.SUBRULE(this.tableBody);
  });

  /** Header cells, row keys and cells, flat; `from-cst.ts` groups them by source line. */
  readonly tableBody = this.RULE('tableBody', () => {
    this.MANY(() => {
      this.OR(
        (this.alt.tableCell ??= [
          { ALT: () => this.CONSUME(T.Name) },
          { ALT: () => this.CONSUME(T.Slash) },
          { ALT: () => this.CONSUME(T.NumberLiteral) },
          { ALT: () => this.CONSUME(T.Minus) },
        ]),
      );
    });
  });

  readonly cellUnit = this.RULE('cellUnit', () => {
    this.OR(
      (this.alt.cellUnit ??= [
        {
          ALT: () => {
            this.CONSUME(T.Euro);
            this.OPTION(() => {
              this.CONSUME(T.Per);
              this.CONSUME(T.UnitLike);
            });
          },
        },
        { ALT: () => this.CONSUME(T.Percent) },
        { ALT: () => this.CONSUME(T.Getal) },
      ]),
    );
  });

  readonly nameList = this.RULE('nameList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Name) });
  });

  readonly slashNames = this.RULE('slashNames', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Slash, DEF: () => this.CONSUME(T.Name) });
  });

  readonly scope = this.RULE('scope', () => {
    this.CONSUME(T.Voor);
    this.OR(
      (this.alt.scopeEvery ??= [{ ALT: () => this.CONSUME(T.Elk) }, { ALT: () => this.CONSUME(T.Elke) }]),
    );
    this.OR2(
      (this.alt.scopeLevel ??= [
        { ALT: () => this.CONSUME(T.Resultaat) },
        { ALT: () => this.CONSUME(T.Module) },
      ]),
    );
  });

  readonly calcDecl = this.RULE('calcDecl', () => {
    this.CONSUME(T.BerekenStart);
    this.CONSUME(T.Name);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.CONSUME(T.Equal);
    this.SUBRULE(this.expression);
    this.OPTION2(() => this.SUBRULE(this.rounding));
  });

  readonly budgetDecl = this.RULE('budgetDecl', () => {
    this.CONSUME(T.BudgetStart);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.MANY(() => {
      this.OR(
        (this.alt.budgetPart ??= [
          {
            ALT: () => {
              this.CONSUME(T.Tarief);
              this.SUBRULE(this.expression, { LABEL: 'rate' });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Hoeveelheid);
              this.SUBRULE2(this.expression, { LABEL: 'quantity' });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Indicatieve);
              this.CONSUME(T.UnitWord);
              this.SUBRULE3(this.expression, { LABEL: 'hours' });
            },
          },
          { ALT: () => this.SUBRULE(this.rounding) },
        ]),
      );
    });
  });

  readonly moduleDecl = this.RULE('moduleDecl', () => {
    this.CONSUME(T.ModuleStart);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.MANY(() => {
      this.OR(
        (this.alt.modulePart ??= [
          {
            ALT: () => {
              this.CONSUME(T.Tarief);
              this.SUBRULE(this.expression, { LABEL: 'rate' });
            },
          },
          { ALT: () => this.SUBRULE(this.moduleVariant) },
          {
            ALT: () => {
              this.CONSUME(T.Hoeveelheid);
              this.SUBRULE2(this.expression, { LABEL: 'quantity' });
            },
          },
          { ALT: () => this.SUBRULE(this.moduleMaximum) },
          { ALT: () => this.SUBRULE(this.rounding) },
          { ALT: () => this.SUBRULE(this.condition) },
          { ALT: () => this.SUBRULE(this.sourceClause) },
        ]),
      );
    });
  });

  /** `maximum € 600,00` or `maximum 9 dagdelen per week` (a quantity per period of the request). */
  readonly moduleMaximum = this.RULE('moduleMaximum', () => {
    this.CONSUME(T.Maximum);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(T.Per);
      this.CONSUME(T.UnitLike);
    });
  });

  readonly moduleVariant = this.RULE('moduleVariant', () => {
    this.CONSUME(T.Variant);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Tarief);
    this.SUBRULE(this.expression);
  });

  readonly condition = this.RULE('condition', () => {
    this.CONSUME(T.Toegestaan);
    this.CONSUME(T.Als);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Anders);
    this.CONSUME(T.StringLiteral);
  });

  readonly ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.RegelStart);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.CONSUME(T.Als);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Dan);
    this.OR(
      (this.alt.ruleSeverity ??= [
        { ALT: () => this.CONSUME(T.Fout) },
        { ALT: () => this.CONSUME(T.Waarschuwing) },
      ]),
    );
    this.CONSUME2(T.StringLiteral);
  });

  readonly provisionDecl = this.RULE('provisionDecl', () => {
    this.CONSUME(T.VoorzieningStart);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Budget);
    this.SUBRULE(this.expression);
  });

  readonly indexationDecl = this.RULE('indexationDecl', () => {
    this.CONSUME(T.IndexeerStart);
    this.OR(
      (this.alt.indexationTarget ??= [
        {
          ALT: () => {
            this.CONSUME(T.Alle);
            this.OR2(
              (this.alt.indexationAll ??= [
                { ALT: () => this.CONSUME(T.Tabellen) },
                { ALT: () => this.CONSUME(T.Tarieven) },
              ]),
            );
          },
        },
        { ALT: () => this.SUBRULE(this.nameList) },
      ]),
    );
    // `voor ondersteuningsbehoefte OB2`: only the cells with those key values.
    this.OPTION3(() => this.SUBRULE(this.indexSelection));
    this.CONSUME(T.Met);
    // `met -3 %`: a reduction.
    this.OPTION2(() => this.CONSUME(T.Minus));
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Percent);
    this.OPTION(() => this.SUBRULE(this.rounding));
  });

  /**
   * `voor ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar`: items separated by `,` or `en`; an item of two
   * names starts a domain with its first value, an item of one name is another value of the domain before it
   * (the AST step groups them; the checker reports an item that names no domain).
   */
  readonly indexSelection = this.RULE('indexSelection', () => {
    this.CONSUME(T.Voor);
    this.SUBRULE(this.indexSelectionItem);
    this.MANY(() => {
      this.OR(
        (this.alt.indexSelectionSeparator ??= [
          { ALT: () => this.CONSUME(T.Comma) },
          { ALT: () => this.CONSUME(T.En) },
        ]),
      );
      this.SUBRULE2(this.indexSelectionItem);
    });
  });

  readonly indexSelectionItem = this.RULE('indexSelectionItem', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME2(T.Name));
  });

  /**
   * `toewijzing resultaat "…" in euro's totaal` or `toewijzing module wonen_verblijf in etmalen totaal`, then
   * `bron`, `rijen wet, …` and one row per key combination: `jeugdwet ontwikkelen categorie 45 code "45A11"`.
   */
  readonly allocationDecl = this.RULE('allocationDecl', () => {
    this.CONSUME(T.ToewijzingStart);
    this.OR(
      (this.alt.allocationLevel ??= [
        { ALT: () => this.CONSUME(T.Resultaat) },
        {
          ALT: () => {
            this.CONSUME(T.Module);
            this.CONSUME(T.Name, { LABEL: 'module' });
          },
        },
        // `toewijzing gemeente`: the CBS gemeentecodes (Afzender); any other word is reported by the checker.
        { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'other' }) },
      ]),
    );
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OPTION4(() => {
      this.CONSUME(T.In);
      this.OR2(
        (this.alt.allocationUnit ??= [
          { ALT: () => this.CONSUME(T.Euros) },
          { ALT: () => this.CONSUME2(T.Name, { LABEL: 'unit' }) },
        ]),
      );
      this.CONSUME(T.Totaal);
    });
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
    this.OPTION3(() => {
      this.CONSUME(T.Rijen);
      this.SUBRULE(this.nameList, { LABEL: 'keys' });
    });
    this.MANY(() => this.SUBRULE(this.allocationRow));
  });

  readonly allocationRow = this.RULE('allocationRow', () => {
    this.MANY({
      GATE: () => this.LA(1).tokenType !== T.Categorie && this.LA(1).tokenType !== T.Code,
      DEF: () => this.CONSUME(T.Name),
    });
    this.OR(
      (this.alt.allocationRowKind ??= [
        {
          ALT: () => {
            this.CONSUME(T.Categorie);
            // `categorie -`: this combination is not allocated through the iStandaard.
            this.OR2(
              (this.alt.allocationCategory ??= [
                { ALT: () => this.CONSUME(T.NumberLiteral) },
                { ALT: () => this.CONSUME(T.Minus) },
              ]),
            );
            this.OPTION(() => {
              this.CONSUME(T.Code);
              this.CONSUME(T.StringLiteral);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME2(T.Code);
            this.CONSUME2(T.StringLiteral);
          },
        },
      ]),
    );
  });

  readonly withdrawDecl = this.RULE('withdrawDecl', () => {
    this.CONSUME(T.VervaltStart);
    this.OR(
      (this.alt.withdrawKind ??= [
        { ALT: () => this.CONSUME(T.Tabel) },
        { ALT: () => this.CONSUME(T.Parameter) },
        { ALT: () => this.CONSUME(T.Regel) },
        { ALT: () => this.CONSUME(T.Module) },
        { ALT: () => this.CONSUME(T.Berekening) },
        { ALT: () => this.CONSUME(T.Voorziening) },
        // `vervalt eenheid dagdeel`: `eenheid` is a declaration word only at the start of a line.
        {
          GATE: () => this.LA(1).image === 'eenheid',
          ALT: () => this.CONSUME(T.Identifier, { LABEL: 'unit' }),
        },
      ]),
    );
    this.OR2(
      (this.alt.withdrawName ??= [
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.Name) },
      ]),
    );
  });

  readonly scenarioDecl = this.RULE('scenarioDecl', () => {
    this.CONSUME(T.ScenarioStart);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Gegeven);
      this.MANY(() => this.SUBRULE(this.given));
    });
    this.MANY2(() => this.SUBRULE(this.expectation));
  });

  readonly given = this.RULE('given', () => {
    this.OR(
      (this.alt.givenKind ??= [
        {
          ALT: () => {
            this.CONSUME(T.Resultaat);
            this.CONSUME(T.Name);
            this.CONSUME(T.Colon);
            this.SUBRULE(this.assignments);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Module);
            this.CONSUME2(T.Name);
            this.OPTION(() => this.CONSUME3(T.Name, { LABEL: 'id' }));
            this.CONSUME2(T.Colon);
            this.SUBRULE2(this.assignments);
          },
        },
        { ALT: () => this.SUBRULE(this.assignment) },
      ]),
    );
  });

  readonly assignments = this.RULE('assignments', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.assignment) });
  });

  readonly assignment = this.RULE('assignment', () => {
    this.CONSUME(T.Name);
    this.CONSUME(T.Equal);
    this.OR(
      (this.alt.assignmentValue ??= [
        {
          ALT: () => {
            this.CONSUME(T.DateLiteral);
            this.CONSUME(T.Tot);
            this.CONSUME2(T.DateLiteral);
          },
        },
        { ALT: () => this.SUBRULE(this.expression) },
      ]),
    );
  });

  readonly expectation = this.RULE('expectation', () => {
    this.CONSUME(T.Verwacht);
    this.OR(
      (this.alt.expectationKind ??= [
        {
          ALT: () => {
            this.CONSUME(T.Totaal);
            this.CONSUME(T.Equal);
            this.SUBRULE(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Resultaat);
            this.CONSUME(T.Name);
            this.CONSUME2(T.Equal);
            this.SUBRULE2(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Module);
            this.CONSUME2(T.Name);
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME3(T.Equal);
                  this.SUBRULE3(this.expression);
                },
              },
              { ALT: () => this.CONSUME(T.Toegestaan) },
              {
                // `geweigerd`, optionally with the reason the refusal must give.
                ALT: () => {
                  this.CONSUME(T.Geweigerd);
                  this.OPTION(() => this.CONSUME3(T.StringLiteral));
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.UnitWord);
            this.CONSUME3(T.Name);
            this.CONSUME4(T.Equal);
            this.SUBRULE4(this.expression);
          },
        },
        {
          ALT: () => {
            this.OR3([{ ALT: () => this.CONSUME(T.Fout) }, { ALT: () => this.CONSUME(T.Waarschuwing) }]);
            this.CONSUME(T.StringLiteral);
          },
        },
        {
          // `geen fouten`, or `geen fout "<regel>"` / `geen waarschuwing "<regel>"`.
          ALT: () => {
            this.CONSUME(T.Geen);
            this.OR4(
              (this.alt.noDiagnosticKind ??= [
                { ALT: () => this.CONSUME(T.Fouten) },
                { ALT: () => this.CONSUME(T.Waarschuwingen) },
                {
                  ALT: () => {
                    this.OR5(
                      (this.alt.noDiagnosticSeverity ??= [
                        { ALT: () => this.CONSUME2(T.Fout) },
                        { ALT: () => this.CONSUME2(T.Waarschuwing) },
                      ]),
                    );
                    this.CONSUME2(T.StringLiteral);
                  },
                },
              ]),
            );
          },
        },
        { ALT: () => this.CONSUME(T.Ongeldig) },
      ]),
    );
  });

  readonly rounding = this.RULE('rounding', () => {
    this.CONSUME(T.Afgerond);
    this.CONSUME(T.Op);
    this.OR(
      (this.alt.roundingTo ??= [
        { ALT: () => this.CONSUME(T.Centen) },
        {
          ALT: () => {
            this.CONSUME(T.Hele);
            this.CONSUME(T.Euros);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.NumberLiteral);
            this.CONSUME(T.Decimalen);
          },
        },
      ]),
    );
    this.OPTION(() => {
      this.OR2(
        (this.alt.roundingMode ??= [
          {
            ALT: () => {
              this.CONSUME(T.Half);
              this.CONSUME(T.Naar);
              this.OR3([{ ALT: () => this.CONSUME(T.Boven) }, { ALT: () => this.CONSUME(T.Even) }]);
            },
          },
          {
            ALT: () => {
              this.CONSUME2(T.Naar);
              this.OR4([{ ALT: () => this.CONSUME(T.Beneden) }, { ALT: () => this.CONSUME2(T.Boven) }]);
            },
          },
        ]),
      );
    });
  });

  // ─────────────── expressions ───────────────
  //
  // One flat rule: `operand (BinaryOperator operand | postfix)*`. Precedence and associativity are applied
  // in the CST → AST step (`dsl/ast/from-cst-expr.ts`, precedence climbing), so that a value costs two CST
  // nodes instead of one per precedence level. What the grammar still enforces (as before the flattening):
  // at most one comparison (`=`, `<>`, `<`, `<=`, `>`, `>=`, `in (…)`, `is [niet] leeg`) between `en`/`of`,
  // after `in (…)` or `is leeg` only `en`/`of`, and `niet` only at the start of an expression or after
  // `en`/`of`.

  /** State of the expression being parsed: a comparison / a postfix was seen since the last `en`/`of`. */
  private comparisonSeen = false;
  private postfixSeen = false;

  /** Operands of the expression being parsed so far (its flat chain; RW1701 beyond MAX_TERMS). */
  private terms = 0;
  /** Offsets of tokens where a chain was cut at MAX_TERMS operands (reset by {@link resetNesting}). */
  readonly tooLong = new Set<number>();

  private readonly expressionSteps: DSLMethodOpts<unknown> = {
    GATE: () => {
      if (this.terms >= MAX_TERMS) {
        this.tooLong.add(this.LA(1).startOffset);
        return false;
      }
      const next = this.LA(1).tokenType;
      if (this.postfixSeen) return next === T.En || next === T.Of;
      return !this.comparisonSeen || !COMPARISON_STARTS.has(next);
    },
    DEF: () => {
      this.OR(
        (this.alt.expressionStep ??= [
          {
            ALT: () => {
              this.terms++;
              const op = this.CONSUME(T.BinaryOperator);
              const logical = op.tokenType === T.En || op.tokenType === T.Of;
              if (logical) this.comparisonSeen = this.postfixSeen = false;
              else if (COMPARISON_STARTS.has(op.tokenType)) this.comparisonSeen = true;
              this.nietAllowed = logical;
              this.SUBRULE2(this.operand);
            },
          },
          {
            ALT: () => {
              this.SUBRULE(this.postfix);
              this.comparisonSeen = this.postfixSeen = true;
            },
          },
        ]),
      );
    },
  };

  readonly expression = this.RULE('expression', () => {
    const outerComparison = this.comparisonSeen;
    const outerPostfix = this.postfixSeen;
    const outerTerms = this.terms;
    this.comparisonSeen = this.postfixSeen = false;
    this.terms = 1;
    this.depth++;
    try {
      this.nietAllowed = true;
      this.SUBRULE(this.operand);
      this.MANY(this.expressionSteps);
    } finally {
      this.depth--;
      this.terms = outerTerms;
      this.comparisonSeen = outerComparison;
      this.postfixSeen = outerPostfix;
    }
  });

  // ─────────────── nesting limit ───────────────
  //
  // Only nesting recurses (parentheses, `als … dan … anders …`, table keys, function arguments, `in (…)`);
  // flat chains (`a en b en c`, `1 + 2 + 3`, `niet niet x`) are loops. Beyond MAX_NESTING the alternatives
  // that would go one level deeper are closed: the parser reports an error there (RW1201, see
  // `syntax-errors.ts`) and recovers, so no input can exhaust the stack.

  /** How many expressions deep the parser is now. */
  private depth = 0;
  /** Offsets of tokens where an alternative was refused for depth (reset by {@link parseTokens}). */
  readonly tooDeep = new Set<number>();

  /** A gate for alternatives that nest: open while the nesting limit is not reached. */
  private readonly nestingAllowed = (): boolean => {
    if (this.depth < MAX_NESTING) return true;
    this.tooDeep.add(this.LA(1).startOffset);
    return false;
  };

  /** Resets the per-input state. */
  resetNesting(): void {
    this.depth = 0;
    this.terms = 0;
    this.tooDeep.clear();
    this.tooLong.clear();
  }

  /** `in (a, b)` or `is [niet] leeg` after a value. */
  readonly postfix = this.RULE('postfix', () => {
    this.OR(
      (this.alt.postfixKind ??= [
        {
          GATE: this.nestingAllowed,
          ALT: () => {
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION(() => this.CONSUME(T.Niet));
            this.CONSUME(T.Leeg);
          },
        },
      ]),
    );
  });

  /** A `%`, or a unit word or name on the line of the number before it. */
  private readonly unitOnSameLine = (): boolean => {
    const next = this.LA(1);
    return next.tokenType === T.Percent || next.startLine === this.LA(0).startLine;
  };

  /** Whether the next operand may start with `niet` (set by `expression` right before it parses one). */
  private nietAllowed = true;

  private readonly nietPrefix: DSLMethodOpts<unknown> = {
    GATE: () => this.nietAllowed,
    DEF: () => this.CONSUME(T.Niet),
  };

  /** A value with its prefix operators: `niet* -* primary`. */
  readonly operand = this.RULE('operand', () => {
    this.MANY(this.nietPrefix);
    this.MANY2(() => this.CONSUME(T.Minus));
    this.OR(
      (this.alt.operandKind ??= [
        {
          ALT: () => {
            this.CONSUME(T.NumberLiteral);
            // A number followed by a unit word or a name on the same line is a quantity (`9 dagdelen`); a
            // name on the next line starts something else (a scenario's next field).
            this.OPTION({
              GATE: this.unitOnSameLine,
              DEF: () =>
                this.OR2([{ ALT: () => this.CONSUME(T.UnitLike) }, { ALT: () => this.CONSUME(T.Percent) }]),
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Euro);
            this.CONSUME2(T.NumberLiteral);
            this.OPTION2(() => {
              this.CONSUME(T.Per);
              this.CONSUME2(T.UnitLike);
            });
          },
        },
        { ALT: () => this.CONSUME(T.DateLiteral) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.Ja) },
        { ALT: () => this.CONSUME(T.Nee) },
        {
          GATE: this.nestingAllowed,
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expression, { LABEL: 'inner' });
            this.CONSUME(T.RParen);
            this.OPTION3(() => this.SUBRULE(this.rounding));
          },
        },
        { GATE: this.nestingAllowed, ALT: () => this.SUBRULE(this.ifExpr) },
        {
          ALT: () => {
            this.CONSUME(T.Aantal);
            this.CONSUME(T.Resultaten);
            // `aantal resultaten met (<voorwaarde>)`: the results for which the condition is ja.
            this.OPTION6({
              GATE: this.nestingAllowed,
              DEF: () => {
                this.CONSUME(T.Met);
                this.CONSUME3(T.LParen);
                this.SUBRULE4(this.expression, { LABEL: 'where' });
                this.CONSUME3(T.RParen);
              },
            });
          },
        },
        {
          // `module m [variant v] aangevraagd`; `module` alone is a name.
          GATE: () => this.LA(2).tokenType !== T.LParen && this.LA(2).tokenType !== T.LBracket,
          ALT: () => {
            this.CONSUME(T.Module);
            this.CONSUME2(T.Name, { LABEL: 'module' });
            this.OPTION4(() => {
              this.CONSUME(T.Variant);
              this.CONSUME3(T.Name, { LABEL: 'variant' });
            });
            this.CONSUME(T.Aangevraagd);
          },
        },
        {
          // A name, a table lookup `t[a, b]` or a call `f(a, b)`.
          ALT: () => {
            this.CONSUME(T.Name);
            this.OPTION5({
              GATE: this.nestingAllowed,
              DEF: () =>
                this.OR3([
                  {
                    ALT: () => {
                      this.CONSUME(T.LBracket);
                      this.MANY_SEP({
                        SEP: T.Comma,
                        DEF: () => this.SUBRULE2(this.expression, { LABEL: 'keys' }),
                      });
                      this.CONSUME(T.RBracket);
                    },
                  },
                  {
                    ALT: () => {
                      this.CONSUME2(T.LParen);
                      this.MANY_SEP2({
                        SEP: T.Comma,
                        DEF: () => this.SUBRULE3(this.expression, { LABEL: 'args' }),
                      });
                      this.CONSUME2(T.RParen);
                    },
                  },
                  {
                    // `resultaat.perspectief` (a module's result), `dit.periode` (in `aantal resultaten met`).
                    ALT: () => {
                      this.CONSUME(T.Dot);
                      this.CONSUME4(T.Name, { LABEL: 'member' });
                    },
                  },
                ]),
            });
          },
        },
      ]),
    );
  });

  readonly ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.Als);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(T.Dan);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(T.Anders);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });
}

/** The one parser instance; reset by {@link parseTokens} before each use. */
export const regelsParser = new RegelsParser();

/** Parses tokens into a CST with the given start rule. Errors are left on `regelsParser.errors`. */
export function parseTokens(tokens: IToken[], rule?: 'file', errorBudget?: number): FileCstNode;
export function parseTokens(
  tokens: IToken[],
  rule: 'declarations',
  errorBudget?: number,
): DeclarationsCstNode;
export function parseTokens(
  tokens: IToken[],
  rule: 'file' | 'declarations' = 'file',
  errorBudget = Infinity,
): FileCstNode | DeclarationsCstNode {
  regelsParser.input = tokens;
  regelsParser.resetNesting();
  regelsParser.errorBudget = errorBudget;
  // The rules' CST has the shape of the generated typings (dsl/syntax/cst.ts, checked by a test).
  return rule === 'file'
    ? (regelsParser.file() as FileCstNode)
    : (regelsParser.declarations() as DeclarationsCstNode);
}
