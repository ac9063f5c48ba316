// What an ExchangeProject becomes in Groundwork, as a plan of plain data the store writes in one
// command: text sources (one per distinct text), the codebook (exchange-codebook.ts), one segment
// per coding with its coder, memos from descriptions and notes on what they refer to, and source
// attributes from variables, sets of sources and cases. Nothing is dropped without a line in `notes`.

import { planCodebook, type CodebookPlan } from './exchange-codebook';
import { guidKey, type ExchangeProject, type ExchangeUser, type ExchangeValue } from './exchange-model';
import { say, sayCount, type Message } from './message';

export interface PlannedSource {
  guid: string;
  name: string;
  kind: 'text' | 'pdf';
  /** Canonical text. */
  text: string;
  sha256: string;
  /** Other sources of the file with the same text, merged into this one. */
  sameTextGuids: string[];
  creatingUser: string | null;
  createdAt: string | null;
}

export interface PlannedSegment {
  /** The coding's GUID (a whole-source coding's too). */
  guid: string;
  selectionGuid: string;
  sourceGuid: string;
  conceptGuid: string;
  start: number;
  end: number;
  text: string;
  memo: string;
  /** The user who coded it, or null. */
  coderGuid: string | null;
  createdAt: string | null;
}

export interface PlannedAttribute {
  sourceGuid: string;
  name: string;
  value: ExchangeValue | null;
  from: 'variable' | 'set' | 'case';
}

export interface ImportPlan {
  codebook: CodebookPlan;
  sources: PlannedSource[];
  segments: PlannedSegment[];
  /** guidKey of a category, concept, component code or source → its memo text. */
  memos: Record<string, string>;
  /** Notes attached to the project or to nothing Groundwork holds: kept for the report. */
  looseNotes: { guid: string; name: string; text: string }[];
  attributes: PlannedAttribute[];
  /** Users who coded at least one planned segment. */
  coders: ExchangeUser[];
  /** One line per thing the plan leaves out or merges, for the report. */
  notes: Message[];
}

const joinMemo = (...parts: string[]) => parts.map((p) => p.trim()).filter(Boolean).join('\n\n');

export function planImport(project: ExchangeProject): ImportPlan {
  const notes: Message[] = [];
  const coded = new Set(project.sources.flatMap((s) => s.selections.flatMap((sel) => sel.codings.map((c) => guidKey(c.codeGuid)))));
  const codebook = planCodebook(project.codes, coded, project.sets);
  notes.push(...codebook.notes);

  // Notes by what they are about.
  const noteText = new Map<string, string[]>();
  const looseNotes: ImportPlan['looseNotes'] = [];
  const known = new Set<string>([
    ...Object.keys(codebook.codes),
    ...project.sources.filter((s) => s.text !== null).map((s) => guidKey(s.guid)),
    ...project.sources.flatMap((s) => s.selections.flatMap((sel) => [guidKey(sel.guid), ...sel.codings.map((c) => guidKey(c.guid))])),
  ]);
  for (const note of project.notes) {
    const body = joinMemo(note.text, note.description);
    const usable = note.targets.filter((t) => t.kind !== 'project' && known.has(guidKey(t.guid)));
    for (const t of usable) if ('guid' in t) noteText.set(guidKey(t.guid), [...(noteText.get(guidKey(t.guid)) ?? []), body]);
    if (!usable.length) looseNotes.push({ guid: note.guid, name: note.name, text: body });
  }
  if (looseNotes.length) notes.push(sayCount(looseNotes.length, '{n} note belongs to the project or to nothing Groundwork holds: it is listed, not attached.', '{n} notes belong to the project or to nothing Groundwork holds: they are listed, not attached.'));
  const notesOn = (guid: string) => noteText.get(guidKey(guid)) ?? [];

  const memos: Record<string, string> = {};
  const setMemo = (guid: string, ...parts: string[]) => {
    const text = joinMemo(...parts);
    if (text) memos[guidKey(guid)] = text;
  };
  for (const c of codebook.components) setMemo(c.guid, c.description, ...notesOn(c.guid));
  for (const c of codebook.categories) setMemo(c.guid, c.description, ...(c.fromGuid === c.guid ? notesOn(c.guid) : []));
  for (const c of codebook.concepts) {
    const entry = codebook.codes[guidKey(c.guid)];
    // A concept made beside a category of the same code has no notes of its own.
    setMemo(c.guid, c.description, ...(entry ? notesOn(c.guid) : []));
  }

  const sources: PlannedSource[] = [];
  const bySha = new Map<string, PlannedSource>();
  const sourceFor = new Map<string, string>();
  for (const s of project.sources) {
    if (s.text === null || s.sha256 === null || (s.kind !== 'text' && s.kind !== 'pdf')) continue;
    const same = bySha.get(s.sha256);
    if (same) {
      same.sameTextGuids.push(s.guid);
      sourceFor.set(guidKey(s.guid), same.guid);
      notes.push(say('source "{source}" has the same text as "{same}": they become one source.', { source: s.name, same: same.name }));
      setMemo(same.guid, memos[guidKey(same.guid)] ?? '', s.description, ...notesOn(s.guid));
      continue;
    }
    const planned: PlannedSource = { guid: s.guid, name: s.name, kind: s.kind, text: s.text, sha256: s.sha256, sameTextGuids: [], creatingUser: s.creatingUser, createdAt: s.createdAt };
    sources.push(planned);
    bySha.set(s.sha256, planned);
    sourceFor.set(guidKey(s.guid), s.guid);
    setMemo(s.guid, s.description, ...notesOn(s.guid));
  }

  const segments: PlannedSegment[] = [];
  const seen = new Set<string>();
  let merged = 0;
  for (const s of project.sources) {
    const sourceGuid = sourceFor.get(guidKey(s.guid));
    if (!sourceGuid) continue;
    for (const sel of s.selections) {
      for (const coding of sel.codings) {
        const concept = codebook.codes[guidKey(coding.codeGuid)]?.concept;
        if (!concept) continue; // a component's codings: noted by the codebook plan
        // Two coders may code the same passage with the same concept (one passage per concept per coder).
        const key = `${guidKey(sourceGuid)}|${guidKey(concept)}|${sel.start}|${sel.end}|${coding.creatingUser ? guidKey(coding.creatingUser) : ''}`;
        if (seen.has(key)) {
          merged += 1;
          continue;
        }
        seen.add(key);
        segments.push({
          guid: coding.guid || sel.guid,
          selectionGuid: sel.guid,
          sourceGuid,
          conceptGuid: concept,
          start: sel.start,
          end: sel.end,
          text: sel.text,
          memo: joinMemo(sel.description, ...notesOn(sel.guid), ...notesOn(coding.guid)),
          coderGuid: coding.creatingUser,
          createdAt: coding.createdAt ?? sel.createdAt,
        });
      }
    }
  }
  if (merged) notes.push(sayCount(merged, '{n} coding repeats a passage already coded with the same concept by the same coder: kept once.', '{n} codings repeat a passage already coded with the same concept by the same coder: kept once.'));

  const attributes: PlannedAttribute[] = [];
  const variableName = new Map(project.variables.map((v) => [guidKey(v.guid), v.name]));
  const addAttribute = (source: string, name: string, value: ExchangeValue | null, from: PlannedAttribute['from']) => {
    const target = sourceFor.get(guidKey(source));
    if (target && !attributes.some((a) => a.sourceGuid === target && a.name === name && a.value === value)) attributes.push({ sourceGuid: target, name, value, from });
  };
  for (const s of project.sources) for (const v of s.variables) addAttribute(s.guid, variableName.get(guidKey(v.variableGuid)) ?? '?', v.value, 'variable');
  for (const set of project.sets) for (const g of set.sourceGuids) addAttribute(g, set.name, true, 'set');
  const sourceOfSelection = new Map(project.sources.flatMap((s) => s.selections.map((sel) => [guidKey(sel.guid), s.guid] as const)));
  for (const c of project.cases) {
    const members = new Set([...c.sourceGuids, ...c.selectionGuids.flatMap((g) => sourceOfSelection.get(guidKey(g)) ?? [])]);
    for (const g of members) {
      addAttribute(g, 'Case', c.name, 'case');
      for (const v of c.variables) addAttribute(g, variableName.get(guidKey(v.variableGuid)) ?? '?', v.value, 'case');
    }
  }

  const coderKeys = new Set(segments.flatMap((s) => (s.coderGuid ? [guidKey(s.coderGuid)] : [])));
  const coders = project.users.filter((u) => coderKeys.has(guidKey(u.guid)));
  return { codebook, sources, segments, memos, looseNotes, attributes, coders, notes };
}
