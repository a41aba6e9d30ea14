/**
 * The life of a version on a real git repository: a new version is a commit, concept → ter vaststelling is
 * gated, vaststellen needs four eyes and leaves a commit with the decision and a tag, an adopted file is
 * read-only, `regelwerk check` flags a change after the tag (RW8001), and a cell's history names commit and person.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { History } from '../../src/workflow/history.js';
import { Workflow } from '../../src/workflow/workflow.js';
import { ANNA, BART, CHANGE_2023, copyRules } from './support.js';

let dir: string;
let rules: string;
let wf: Workflow;
const git = (...args: string[]) => execFileSync('git', args, { cwd: rules, encoding: 'utf8' });

beforeAll(async () => {
  ({ dir, rules } = await copyRules('levensloop'));
  wf = await Workflow.open(rules);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the life of version 2023', () => {
  it('puts the folder under git with a first commit', () => {
    expect(git('log', '--format=%an: %s').trim()).toBe('Regelwerk (beginstand): Beginstand van de regels');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('refuses a new version on an unknown base or before its base', async () => {
    await expect(wf.newVersion({ basis: '2030', naam: '2031', vanaf: '2031-01-01' }, ANNA)).rejects.toThrow(
      /Versie '2030' bestaat niet\. Bekende versies: 2019/,
    );
    await expect(wf.newVersion({ basis: '2022', naam: '2023', vanaf: '2021-01-01' }, ANNA)).rejects.toThrow(
      /moet later ingaan dan versie 2022/,
    );
    await expect(wf.newVersion({ basis: '2022', naam: '2022', vanaf: '2023-01-01' }, ANNA)).rejects.toThrow(
      /bestaat al/,
    );
  });

  it('writes the header of 2023 (status concept) and commits it as the person', async () => {
    const s = await wf.newVersion({ basis: '2022', naam: '2023', vanaf: '2023-01-01' }, ANNA);
    expect(s).toMatchObject({
      versie: '2023',
      status: 'concept',
      pad: 'twents-model/2023.regels',
      basis: '2022',
    });
    const text = await fs.readFile(path.join(rules, s.pad), 'utf8');
    expect(text).toContain('versie "2023" op basis van "2022"\ngeldig vanaf 2023-01-01\nstatus concept\n');
    expect(git('log', '-1', '--format=%an <%ae>|%s', '--', s.pad).trim()).toBe(
      'Anna Opsteller <anna@gemeente.example>|Nieuwe versie 2023 op basis van 2022 (concept)',
    );
  });

  it('refuses ter vaststelling while 2023 has no scenario', async () => {
    await expect(wf.requestAdoption('2023', ANNA, '')).rejects.toThrow(/heeft nog geen scenario/);
  });

  it('refuses ter vaststelling while a file has errors', async () => {
    const file = path.join(rules, 'twents-model', '2023.regels');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text + CHANGE_2023 + '\nparameter kapot = \n');
    await expect(wf.requestAdoption('2023', ANNA, '')).rejects.toThrow(
      /De regels bevatten fouten: twents-model\/2023\.regels:\d+/,
    );
    await fs.writeFile(file, text + CHANGE_2023);
    expect(await wf.commitSave('twents-model/2023.regels', ANNA, 'OB2 midden/C naar € 190,00')).toMatch(
      /^[0-9a-f]{40}$/,
    );
  });

  it('refuses a save that sets status vastgesteld by hand', async () => {
    const text = await fs.readFile(path.join(rules, 'twents-model', '2023.regels'), 'utf8');
    expect(
      await wf.saveRefusal(
        'twents-model/2023.regels',
        text,
        text.replace('status concept', 'status vastgesteld'),
      ),
    ).toMatch(/zet u niet zelf/);
    expect(await wf.saveRefusal('twents-model/2023.regels', text, text + '\n')).toBeUndefined();
  });

  it('goes ter vaststelling, and then its file is locked', async () => {
    const s = await wf.requestAdoption('2023', ANNA, 'Graag vaststellen voor 1 juni.');
    expect(s.status).toBe('ter vaststelling');
    const text = await fs.readFile(path.join(rules, 'twents-model', '2023.regels'), 'utf8');
    expect(await wf.saveRefusal('twents-model/2023.regels', text, text + '\n')).toMatch(
      /ligt ter vaststelling/,
    );
  });

  it('cannot be adopted by its own author (four eyes)', async () => {
    await expect(wf.adopt('2023', ANNA, 'Besluit bestuurscommissie OZJT 17 mei 2023')).rejects.toThrow(
      /Vier ogen/,
    );
  });

  it('goes back to concept with a comment, and again ter vaststelling', async () => {
    await expect(wf.sendBack('2023', BART, '')).rejects.toThrow(/waarom/);
    const back = await wf.sendBack('2023', BART, 'Graag de toelichting aanvullen.');
    expect(back.status).toBe('concept');
    expect(back.opmerkingen.map((r) => `${r.soort}: ${r.door}: ${r.tekst}`)).toEqual([
      'concept: Anna Opsteller: ',
      'ter vaststelling: Anna Opsteller: Graag vaststellen voor 1 juni.',
      'teruggestuurd: Bart Vaststeller: Graag de toelichting aanvullen.',
    ]);
    expect((await wf.requestAdoption('2023', ANNA, 'Aangevuld.')).status).toBe('ter vaststelling');
  });

  it('is adopted by another person: decision in the commit, a tag, the header says vastgesteld', async () => {
    const s = await wf.adopt('2023', BART, 'Besluit bestuurscommissie OZJT 17 mei 2023');
    expect(s).toMatchObject({
      status: 'vastgesteld',
      besluit: 'Besluit bestuurscommissie OZJT 17 mei 2023',
      vastgesteldDoor: 'Bart Vaststeller',
      tag: 'vastgesteld/2023',
    });
    const text = await fs.readFile(path.join(rules, 'twents-model', '2023.regels'), 'utf8');
    expect(text).toContain('\nstatus vastgesteld\n');
    expect(git('log', '-1', '--format=%an|%B').trim()).toMatch(
      /^Bart Vaststeller\|Versie 2023 vastgesteld\n\nBesluit: Besluit bestuurscommissie OZJT 17 mei 2023\n\nRegelwerk-Versie: 2023\nRegelwerk-Status: vastgesteld/,
    );
    expect(
      git('tag', '--list', '--format=%(taggername)|%(contents:subject)', 'vastgesteld/2023').trim(),
    ).toBe('Bart Vaststeller|Versie 2023 vastgesteld door Bart Vaststeller <bart@gemeente.example>');
    expect(new Set(git('log', '--format=%an', '--', 'twents-model/2023.regels').trim().split('\n'))).toEqual(
      new Set(['Anna Opsteller', 'Bart Vaststeller']),
    );
    expect(await wf.saveRefusal('twents-model/2023.regels', text, text + '\n')).toMatch(/is vastgesteld/);
    // 2019, adopted before the history began, is read-only too.
    const t2019 = await fs.readFile(path.join(rules, 'twents-model', '2019.regels'), 'utf8');
    expect(await wf.saveRefusal('twents-model/2019.regels', t2019, t2019 + '\n')).toMatch(
      /Versie 2019 is vastgesteld/,
    );
  });

  it("tells a cell's history with commit and person", async () => {
    const h = await new History(wf).valueHistory({
      tabel: 'weektarief',
      sleutel: 'ontwikkelen/OB2/midden/C',
      versie: '2023',
    });
    const last = h.stappen[h.stappen.length - 1];
    expect(last).toMatchObject({
      versie: '2023',
      waarde: '190',
      hoe: 'geschreven',
      commit: { auteur: 'Anna Opsteller' },
    });
    expect(h.stappen.map((s) => `${s.versie}:${s.hoe}`)).toEqual([
      '2019:geschreven',
      '2020:geïndexeerd',
      '2021-01:overgenomen',
      '2021-07:overgenomen',
      '2022:geïndexeerd',
      '2023:geschreven',
    ]);
    expect(h.samenvatting).toMatch(
      /^€ 190,00 per week sinds 2023, gezet in commit [0-9a-f]{7} door Anna Opsteller/,
    );
  });

  it('flags a change to the adopted file after its tag (RW8001), not before', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const file = path.join(rules, 'twents-model', '2023.regels');
    expect(await main(['check', file], io)).toBe(0);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('190,00', '191,00'));
    out.length = 0;
    expect(await main(['check', file], io)).toBe(1);
    expect(out.join('\n')).toMatch(
      /fout RW8001: Dit bestand is gewijzigd nadat versie 2023 is vastgesteld \(tag vastgesteld\/2023\)/,
    );
    await fs.writeFile(file, text);
  });
});

describe('regelwerk versie on the command line', () => {
  it('makes a version, lists it, refuses wrong usage in Dutch', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const code = await main(
      [
        'versie',
        'nieuw',
        '--basis',
        '2023',
        '--naam',
        '2024',
        '--vanaf',
        '2024-01-01',
        '--gemeente',
        'Almelo',
        '--regels',
        rules,
      ],
      io,
    );
    expect(out.join('\n')).toMatch(/Versie 2024 gemaakt in .*almelo\/2024\.regels \(status concept\)/);
    expect(code).toBe(0);
    expect(await fs.readFile(path.join(rules, 'twents-model', 'almelo', '2024.regels'), 'utf8')).toContain(
      'gemeente "Almelo"',
    );
    out.length = 0;
    expect(await main(['versie', 'lijst', '--regels', rules], io)).toBe(0);
    expect(out.join('\n')).toMatch(
      /2023 +vastgesteld .*Besluit bestuurscommissie OZJT 17 mei 2023 \(door Bart Vaststeller/,
    );
    expect(out.join('\n')).toMatch(/2024 +concept/);
    out.length = 0;
    expect(await main(['versie', 'vaststellen', '2024', '--regels', rules], io)).toBe(2);
    expect(out.join('\n')).toMatch(/--besluit/);
    out.length = 0;
    expect(await main(['versie', 'vaststellen', '2024', '--besluit', 'x', '--regels', rules], io)).toBe(1);
    expect(out.join('\n')).toMatch(/Geweigerd: Versie 2024 is nog een concept/);
    expect(git('status', '--porcelain')).toBe('');
  });
});
