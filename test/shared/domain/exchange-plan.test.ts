// The rules that turn a REFI-QDA code tree and its codings into Groundwork's codebook, segments,
// memos and attributes; and the matching of an import against a project that already has work.

import { describe, expect, it } from 'vitest';
import { COMPONENT_GUIDS, derivedGuid, planCodebook } from '../../../shared/domain/exchange-codebook';
import { exportTree } from '../../../shared/domain/exchange-export';
import { planMatches } from '../../../shared/domain/exchange-match';
import type { ExchangeCode, ExchangeProject, ExchangeSelection } from '../../../shared/domain/exchange-model';
import { planImport } from '../../../shared/domain/exchange-plan';
import { GLOSSES_MARK, glossesLine, splitGlosses } from '../../../shared/domain/exchange-glosses';
import { english } from '../../../shared/domain/message';

const code = (guid: string, name: string, children: ExchangeCode[] = [], extra: Partial<ExchangeCode> = {}): ExchangeCode => ({
  guid,
  name,
  color: null,
  description: '',
  isCodable: true,
  children,
  noteGuids: [],
  ...extra,
});

describe('the code tree becomes categories and concepts', () => {
  const tree = [
    code('A', 'Theme', [code('A1', 'Leaf coded'), code('A2', 'Leaf uncoded'), code('A3', 'Sub', [code('A31', 'Deep')])]),
    code('B', 'Both', [code('B1', 'Child')]),
    code('C', 'Flat coded'),
    code('D', 'Flat uncoded'),
    code('E', 'Empty group', [], { isCodable: false }),
  ];
  const plan = planCodebook(tree, new Set(['a1', 'b', 'c', 'a31']));

  it('a code with children is a category (main at the top), its leaves concepts filed in it', () => {
    expect(plan.categories.map((c) => [c.name, c.parentGuid])).toEqual([
      ['Theme', null],
      ['Sub', 'A'],
      ['Both', null],
      ['Empty group', null],
    ]);
    expect(plan.concepts.map((c) => [c.label, c.categoryGuids])).toEqual([
      ['Leaf coded', ['A']],
      ['Leaf uncoded', ['A']],
      ['Deep', ['A3']],
      ['Both', ['B']],
      ['Child', ['B']],
      ['Flat coded', []],
      ['Flat uncoded', []],
    ]);
  });

  it('a code with children and codings is also a concept of the same name, filed in it, which takes the codings', () => {
    expect(plan.codes.b).toEqual({ category: 'B', concept: derivedGuid('B', 'concept'), component: null });
    expect(plan.codes.a1).toEqual({ category: null, concept: 'A1', component: null });
  });

  it('a code that is not codable and has no codings is an empty category; the paradigm components come back as components', () => {
    expect(plan.codes.e).toEqual({ category: 'E', concept: null, component: null });
    const withComponent = planCodebook([code(COMPONENT_GUIDS.causal, 'Causal conditions', [code('M', 'Main', [code('K', 'Concept')], { isCodable: false })], { isCodable: false })], new Set());
    expect(withComponent.components.map((c) => c.key)).toEqual(['causal']);
    expect(withComponent.categories).toMatchObject([{ guid: 'M', component: 'causal', parentGuid: null }]);
  });

  it('a set of codes is a category holding its member concepts; a Groundwork filing set files them in that category', () => {
    const sets = [
      { guid: 'S1', name: 'Feelings', description: '', codeGuids: ['A1', 'C', 'A'], sourceGuids: [], noteGuids: [] },
    ];
    const withSets = planCodebook(tree, new Set(['a1', 'c']), sets);
    expect(withSets.categories.at(-1)).toMatchObject({ guid: 'S1', name: 'Feelings', parentGuid: null });
    expect(withSets.concepts.find((c) => c.guid === 'C')!.categoryGuids).toEqual(['S1']);
    expect(withSets.notes.map(english)).toEqual(['set "Feelings": 1 member code became a category, not a concept, and is not filed in it.']);
    // What Groundwork exports for a concept filed twice reads back as the two filings.
    const exported = exportTree({
      components: [],
      categories: [
        { guid: 'K1', name: 'One', color: null, memo: '', parentGuid: null, component: null },
        { guid: 'K2', name: 'Two', color: null, memo: '', parentGuid: null, component: null },
      ],
      concepts: [{ guid: 'X', label: 'Shared', color: null, memo: '' }],
      filings: [
        { categoryGuid: 'K1', conceptGuid: 'X' },
        { categoryGuid: 'K2', conceptGuid: 'X' },
      ],
    });
    const toCode = (c: (typeof exported.codes)[number]): ExchangeCode => code(c.guid, c.name, c.children.map(toCode), { isCodable: c.isCodable });
    const back = planCodebook(exported.codes.map(toCode), new Set(), exported.filingSets.map((s) => ({ ...s, codeGuids: s.conceptGuids, sourceGuids: [], noteGuids: [] })));
    expect(back.concepts).toMatchObject([{ guid: 'X', categoryGuids: ['K1', 'K2'] }]);
    expect(back.categories.map((c) => c.guid)).toEqual(['K1', 'K2']);
  });
});

function project(partial: Partial<ExchangeProject>): ExchangeProject {
  return {
    format: 'qdpx',
    name: 'p',
    origin: null,
    description: '',
    users: [],
    codes: [],
    variables: [],
    cases: [],
    sources: [],
    notes: [],
    sets: [],
    links: [],
    graphs: [],
    positions: { family: 'other', profile: 'codepoint', chosenBy: 'origin', check: null },
    ...partial,
  };
}
const sel = (guid: string, start: number, end: number, text: string, codes: string[], user: string | null = 'U1'): ExchangeSelection => ({
  guid,
  name: '',
  start,
  end,
  text,
  description: '',
  codings: codes.map((c, i) => ({ guid: `${guid}-c${i}`, codeGuid: c, creatingUser: user, createdAt: null, noteGuids: [] })),
  creatingUser: user,
  createdAt: null,
  noteGuids: [],
  written: { start, end },
});

describe('the import plan', () => {
  const p = project({
    users: [
      { guid: 'U1', name: 'Coder' },
      { guid: 'U2', name: 'Idle' },
    ],
    codes: [code('A', 'Code A', [], { description: 'About A' })],
    variables: [{ guid: 'V', name: 'year', type: 'Integer', description: '' }],
    sources: [
      { guid: 'S1', name: 'one', kind: 'text', text: 'alpha beta', sha256: 'h1', textFrom: null, mediaPath: null, description: 'src memo', creatingUser: null, createdAt: null, selections: [sel('P1', 0, 5, 'alpha', ['A', 'A'])], variables: [{ variableGuid: 'V', value: 2020 }], noteGuids: [] },
      { guid: 'S2', name: 'same text', kind: 'text', text: 'alpha beta', sha256: 'h1', textFrom: null, mediaPath: null, description: '', creatingUser: null, createdAt: null, selections: [sel('P2', 6, 10, 'beta', ['A'], 'U9')], variables: [], noteGuids: [] },
      { guid: 'S3', name: 'picture', kind: 'picture', text: null, sha256: null, textFrom: null, mediaPath: 'x.jpg', description: '', creatingUser: null, createdAt: null, selections: [], variables: [], noteGuids: [] },
    ],
    notes: [
      { guid: 'N1', name: 'n', text: 'note on A', description: '', creatingUser: null, createdAt: null, targets: [{ kind: 'code', guid: 'a' }] },
      { guid: 'N2', name: 'free', text: 'free note', description: '', creatingUser: null, createdAt: null, targets: [] },
      { guid: 'N3', name: 'p', text: 'on passage', description: '', creatingUser: null, createdAt: null, targets: [{ kind: 'selection', guid: 'P1' }] },
    ],
    sets: [{ guid: 'SET', name: 'Group 1', description: '', codeGuids: [], sourceGuids: ['S1'], noteGuids: [] }],
  });
  const plan = planImport(p);

  it('one source per distinct text; one segment per coding, a repeated one kept once; coders are the users who coded', () => {
    expect(plan.sources.map((s) => [s.guid, s.sameTextGuids])).toEqual([['S1', ['S2']]]);
    expect(plan.segments.map((s) => [s.sourceGuid, s.conceptGuid, s.start, s.end, s.coderGuid, s.memo])).toEqual([
      ['S1', 'A', 0, 5, 'U1', 'on passage'],
      ['S1', 'A', 6, 10, 'U9', ''],
    ]);
    expect(plan.coders).toEqual([{ guid: 'U1', name: 'Coder' }]);
    expect(plan.notes.map(english)).toContain('1 coding repeats a passage already coded with the same concept by the same coder: kept once.');
  });

  it('descriptions and notes become memos on what they refer to; a free note is listed; variables and sets become attributes', () => {
    expect(plan.memos.a).toBe('About A\n\nnote on A');
    expect(plan.memos.s1).toBe('src memo');
    expect(plan.looseNotes).toEqual([{ guid: 'N2', name: 'free', text: 'free note' }]);
    expect(plan.attributes).toEqual([
      { sourceGuid: 'S1', name: 'year', value: 2020, from: 'variable' },
      { sourceGuid: 'S1', name: 'Group 1', value: true, from: 'set' },
    ]);
  });
});

describe('glosses carried in a description', () => {
  it('a marked last line gives the item code and labels, and leaves the memo without it; any other text stays a memo', () => {
    const line = glossesLine({ code: 'D1.C01.01', labelFa: 'مهارتها', labelEn: 'Skills' });
    expect(splitGlosses(`یادداشت\n\n${line}`)).toEqual({ description: 'یادداشت', glosses: { code: 'D1.C01.01', labelFa: 'مهارتها', labelEn: 'Skills' } });
    expect(splitGlosses(line)).toEqual({ description: '', glosses: { code: 'D1.C01.01', labelFa: 'مهارتها', labelEn: 'Skills' } });
    expect(splitGlosses(`text ${line}`).glosses).toBeNull();
    expect(splitGlosses(`${GLOSSES_MARK}{not json`)).toEqual({ description: `${GLOSSES_MARK}{not json`, glosses: null });
    const plan = planCodebook([code('K', 'Skills', [code('C', 'مهارتها', [], { description: `a memo\n\n${line}` })], { isCodable: false, description: line })], new Set());
    expect(plan.categories[0]).toMatchObject({ description: '', glosses: { code: 'D1.C01.01' } });
    expect(plan.concepts[0]).toMatchObject({ description: 'a memo', glosses: { labelEn: 'Skills' } });
  });
});

describe('two coders on one passage', () => {
  it('keeps a segment per coder: the same passage and concept coded by two users is two passages', () => {
    const twice: ExchangeSelection = {
      ...sel('P1', 0, 5, 'alpha', ['A']),
      codings: [
        { guid: 'C-U1', codeGuid: 'A', creatingUser: 'U1', createdAt: null, noteGuids: [] },
        { guid: 'C-U2', codeGuid: 'A', creatingUser: 'U2', createdAt: null, noteGuids: [] },
        { guid: 'C-U2-again', codeGuid: 'A', creatingUser: 'u2', createdAt: null, noteGuids: [] },
      ],
    };
    const plan = planImport(
      project({
        users: [
          { guid: 'U1', name: 'One' },
          { guid: 'U2', name: 'Two' },
        ],
        codes: [code('A', 'Code A')],
        sources: [{ guid: 'S1', name: 'one', kind: 'text', text: 'alpha beta', sha256: 'h1', textFrom: null, mediaPath: null, description: '', creatingUser: null, createdAt: null, selections: [twice], variables: [], noteGuids: [] }],
      }),
    );
    expect(plan.segments.map((s) => [s.guid, s.coderGuid])).toEqual([
      ['C-U1', 'U1'],
      ['C-U2', 'U2'],
    ]);
    expect(plan.coders.map((c) => c.name)).toEqual(['One', 'Two']);
    expect(plan.notes.map(english)).toContain('1 coding repeats a passage already coded with the same concept by the same coder: kept once.');
  });
});

describe('matching against a project with work in it', () => {
  const plan = planImport(
    project({
      codes: [code('G-TOP', 'Top', [code('G-NEW', 'Brand new'), code('G-NAME', 'Same name'), code('G-SUB', 'Sub', [code('G-DEEP', 'Deep')])]), code('G-KNOWN', 'Renamed elsewhere')],
      sources: [
        { guid: 'S1', name: 'x', kind: 'text', text: 'x', sha256: 'aaa', textFrom: null, mediaPath: null, description: '', creatingUser: null, createdAt: null, selections: [], variables: [], noteGuids: [] },
        { guid: 'S2', name: 'y', kind: 'text', text: 'y', sha256: 'bbb', textFrom: null, mediaPath: null, description: '', creatingUser: null, createdAt: null, selections: [], variables: [], noteGuids: [] },
      ],
    }),
  );

  it('sources by the SHA-256 of their text; codes by GUID, else by name in the same place of the tree', () => {
    const m = planMatches(plan, {
      sources: [{ id: 7, sha256: 'aaa' }],
      categories: [
        { id: 1, guid: null, name: 'top', parentId: null },
        { id: 2, guid: null, name: 'Other', parentId: null },
        { id: 3, guid: null, name: 'Sub', parentId: 2 },
      ],
      concepts: [
        { id: 10, guid: null, label: 'same  name', categoryIds: [1] },
        { id: 11, guid: 'g-known', label: 'Old label', categoryIds: [2] },
        { id: 12, guid: null, label: 'Deep', categoryIds: [3] },
      ],
    });
    expect(m.sources).toEqual([
      { guid: 'S1', existing: 7, by: 'sha256' },
      { guid: 'S2', existing: null, by: null },
    ]);
    // "Top" matches "top" by name at the top; "Sub" under Top is new (the existing "Sub" sits under "Other").
    expect(m.categories).toEqual([
      { guid: 'G-TOP', existing: 1, by: 'name' },
      { guid: 'G-SUB', existing: null, by: null },
    ]);
    expect(m.concepts).toEqual([
      { guid: 'G-NEW', existing: null, by: null },
      { guid: 'G-NAME', existing: 10, by: 'name' },
      { guid: 'G-DEEP', existing: null, by: null },
      { guid: 'G-KNOWN', existing: 11, by: 'guid' },
    ]);
  });
});
