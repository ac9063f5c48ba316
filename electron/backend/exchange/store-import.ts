// Importing a REFI-QDA file (.qdpx, .qde, .qdc) into the open project as ONE command: the file is
// read and planned first (nothing written; a refused file changes nothing), then the whole plan is
// written in one store.write, so the import is one undo step and a failure part-way writes nothing.
// Into a project with work in it, what is already there is matched, not duplicated (sources by the
// SHA-256 of their text, codes by GUID, else by name in the same place), and never changed, except
// that the file's memo text is added to a matched item's memo and its filings to a matched concept.

import path from 'node:path';
import type { CategoryId, CoderId, ConceptId, DocumentId } from '../../../shared/domain/ids';
import { HEX_COLOR, paletteColor } from '../../../shared/domain/colors';
import { guidKey, type ExchangeReadResult } from '../../../shared/domain/exchange-model';
import type { ExchangeImportResult, ExchangeImportedSource } from '../../../shared/domain/exchange-import';
import { planMatches } from '../../../shared/domain/exchange-match';
import { planImport, type ImportPlan, type PlannedAttribute } from '../../../shared/domain/exchange-plan';
import { recordField, recordValue } from '../../../shared/domain/exchange-records';
import { importReport } from '../../../shared/domain/exchange-report';
import { contextAround } from '../../../shared/domain/range';
import type { RecordAttributes } from '../../../shared/domain/records';
import { dominantDirection } from '../../../shared/domain/text';
import { english, say, type Message } from '../../../shared/domain/message';
import {
  assignComponent,
  categoryCount,
  conceptCount,
  fileConcept,
  getCategory,
  getCodebook,
  getConcept,
  insertCategory,
  insertConcept,
  setCategoryMemo,
  setComponentMemo,
  setConceptMemo,
} from '../../../db/codebook';
import { documentNames, getDocument, insertDocument, setDocumentMemo } from '../../../db/documents';
import { allCategoryUids, exchangeInventory, setGlosses } from '../../../db/exchange';
import { findOrCreateExchangeCoder } from '../../../db/exchange-coders';
import type { WritableDB } from '../../../db/handles';
import { recordOfDocument, updateRecord } from '../../../db/records';
import { findSegment, insertSegment, setSegmentMemo } from '../../../db/segments';
import { addSourceAttribute } from '../../../db/source-attributes';
import type { Store } from '../../../db/store';
import { newUid } from '../../../db/uid';
import { readExchangeFile, type ExchangeInput, type ReadOptions } from './read';

/** A memo from the file joins the one an item has: set when empty, added below it when new. */
export function joinMemos(existing: string, incoming: string): string {
  if (!incoming.trim()) return existing;
  if (!existing.trim()) return incoming;
  if (existing.includes(incoming)) return existing;
  return `${existing}\n\n${incoming}`;
}

const uniqueName = (wanted: string, taken: Set<string>) => {
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} (${n})`;
  taken.add(name);
  return name;
};

/** A GUID as stored: braces dropped, case kept (an export writes it back as the file wrote it). */
const bare = (guid: string) => guid.replace(/^\{|\}$/g, '');

const colourOf = (color: string | null, fallback: () => Promise<string>) => {
  const lower = color?.toLowerCase() ?? null;
  return lower && HEX_COLOR.test(lower) ? Promise.resolve(lower) : fallback();
};

/** Variables named after record fields fill a new source's record; the rest are attributes. */
function splitAttributes(attributes: PlannedAttribute[]): { record: Partial<RecordAttributes>; rest: { name: string; value: string }[] } {
  const record: Partial<RecordAttributes> = {};
  const byName = new Map<string, string[]>();
  for (const a of attributes) {
    const value = a.value === null ? '' : String(a.value);
    const field = a.from === 'variable' ? recordField(a.name) : null;
    const fitted = field ? recordValue(field, value) : undefined;
    if (field && fitted !== undefined && record[field] === undefined) {
      (record as Record<string, unknown>)[field] = fitted;
      continue;
    }
    const name = a.name.trim() || '(unnamed variable)';
    const values = byName.get(name) ?? [];
    // One value per name: a source in two cases, say, gets both names joined.
    if (!values.includes(value)) values.push(value);
    byName.set(name, values);
  }
  return { record, rest: [...byName].map(([name, values]) => ({ name, value: values.filter(Boolean).join('; ') })) };
}

/** What a table's rows are called in a warning. */
const TABLE_NAMES: Record<'document' | 'category' | 'concept' | 'segment', Message> = {
  document: say('source'),
  category: say('category'),
  concept: say('concept'),
  segment: say('segment'),
};

/** A file read and planned, not yet written: nothing of a project is touched to get here. */
export interface PreparedExchange {
  file: string;
  read: ExchangeReadResult;
  plan: ImportPlan;
}

/** Reads and plans a file; throws a one-line GroundworkError naming the file and place when it is refused. */
export async function prepareExchange(input: ExchangeInput, options: ReadOptions = {}): Promise<PreparedExchange> {
  const read = await readExchangeFile(input, options);
  return { file: path.basename(input.name), read, plan: planImport(read.project) };
}

/** Writes a prepared file into the project: one command, one undo step. */
export function writeExchange(store: Store, prepared: PreparedExchange): Promise<ExchangeImportResult> {
  return store.write({ kind: 'exchange.import', label: say('Import "{a}"', { a: prepared.file }) }, (db, command) =>
    // The file's sources are one import batch (a wave may be defined by it), as one step of the source importer is.
    writePlan(db, prepared.file, prepared.read, prepared.plan, `step-${command.id}`),
  );
}

export async function importExchange(store: Store, input: ExchangeInput, options: ReadOptions = {}): Promise<ExchangeImportResult> {
  return writeExchange(store, await prepareExchange(input, options));
}

async function writePlan(db: WritableDB, file: string, read: ExchangeReadResult, plan: ImportPlan, importBatch: string): Promise<ExchangeImportResult> {
  const inventory = await exchangeInventory(db);
  const match = planMatches(plan, {
    sources: inventory.sources.map((s) => ({ id: s.id, sha256: s.sha256 })),
    categories: inventory.categories.map((c) => ({ id: c.id, guid: c.uid, name: c.name, parentId: c.parentId })),
    concepts: inventory.concepts.map((c) => ({ id: c.id, guid: c.uid, label: c.label, categoryIds: c.categoryIds })),
  });
  const written = { sources: 0, categories: 0, concepts: 0, passages: 0, memos: 0, attributes: 0, coders: 0 };
  const alreadyThere = { sources: 0, categories: 0, concepts: 0, passages: 0 };
  const matchedBy = { guid: 0, name: 0, sha256: 0 };
  const warnings: Message[] = [];
  const memoOf = (guid: string) => plan.memos[guidKey(guid)] ?? '';
  // GUIDs already used in each table (a hidden category's too): a clash gets a fresh GUID.
  const taken = {
    document: new Set(inventory.sources.map((s) => guidKey(s.uid))),
    category: new Set((await allCategoryUids(db)).map(guidKey)),
    concept: new Set(inventory.concepts.map((c) => guidKey(c.uid))),
    segment: inventory.segmentUids,
  };
  const claim = (table: keyof typeof taken, guid: string, what: Message): string => {
    if (!taken[table].has(guidKey(guid))) {
      taken[table].add(guidKey(guid));
      return bare(guid);
    }
    const fresh = newUid();
    taken[table].add(fresh);
    warnings.push(say('{what} has GUID {guid}, which another {kind} of this project already has: it was given a new one ({fresh}).', { what, guid, kind: TABLE_NAMES[table], fresh }));
    return fresh;
  };
  const setMemo = async (current: string, incoming: string, write: (memo: string) => Promise<unknown>) => {
    const next = joinMemos(current, incoming);
    if (next === current) return;
    await write(next);
    written.memos += 1;
  };

  // Sources: matched by text, else written as the source importer writes them.
  const sourceIds = new Map<string, DocumentId>();
  const sources: ExchangeImportedSource[] = [];
  const names = await documentNames(db);
  for (const [i, s] of plan.sources.entries()) {
    const m = match.sources[i]!;
    const attributes = plan.attributes.filter((a) => guidKey(a.sourceGuid) === guidKey(s.guid));
    let id: DocumentId;
    if (m.existing !== null) {
      id = m.existing;
      alreadyThere.sources += 1;
      matchedBy.sha256 += 1;
      const doc = (await getDocument(db, id))!;
      sources.push({ name: doc.name, status: 'matched', passages: 0 });
      await setMemo(doc.memo, memoOf(s.guid), (memo) => setDocumentMemo(db, id, memo));
      for (const a of splitAttributes(attributes.map((x) => ({ ...x, from: 'set' }))).rest) {
        if (await addSourceAttribute(db, id, a.name, a.value)) written.attributes += 1;
      }
    } else {
      const name = uniqueName(s.name.trim() || 'Source', names);
      id = await insertDocument(db, {
        name,
        format: s.kind === 'pdf' ? 'pdf' : 'txt',
        originalName: file,
        sha256: s.sha256,
        dir: dominantDirection(s.text),
        text: s.text,
        uid: claim('document', s.guid, say('Source "{name}"', { name: s.name })),
        importBatch,
      });
      written.sources += 1;
      sources.push({ name, status: 'new', passages: 0 });
      const memo = memoOf(s.guid);
      if (memo) {
        await setDocumentMemo(db, id, memo);
        written.memos += 1;
      }
      const { record, rest } = splitAttributes(attributes);
      const own = await recordOfDocument(db, id);
      if (own && Object.keys(record).length) {
        await updateRecord(db, own.id, record);
        written.attributes += Object.keys(record).length;
      }
      for (const a of rest) if (await addSourceAttribute(db, id, a.name, a.value)) written.attributes += 1;
    }
    sourceIds.set(guidKey(s.guid), id);
  }

  // Categories, parents first; a new main category goes into the component the file places it in.
  const categoryIds = new Map<string, CategoryId>();
  for (const [i, c] of plan.codebook.categories.entries()) {
    const m = match.categories[i]!;
    if (m.existing !== null) {
      categoryIds.set(guidKey(c.guid), m.existing);
      alreadyThere.categories += 1;
      matchedBy[m.by === 'guid' ? 'guid' : 'name'] += 1;
      const existing = (await getCategory(db, m.existing))!;
      await setMemo(existing.memo, memoOf(c.guid), (memo) => setCategoryMemo(db, m.existing!, memo));
      continue;
    }
    const parentId = c.parentGuid === null ? null : (categoryIds.get(guidKey(c.parentGuid)) ?? null);
    const id = await insertCategory(db, {
      name: c.name,
      color: await colourOf(c.color, async () => paletteColor(await categoryCount(db))),
      parentId,
      uid: claim('category', c.guid, say('Category "{name}"', { name: c.name })),
    });
    if (parentId === null && c.component) await assignComponent(db, id, c.component);
    if (c.glosses) await setGlosses(db, 'category', id, c.glosses);
    categoryIds.set(guidKey(c.guid), id);
    written.categories += 1;
    const memo = memoOf(c.guid);
    if (memo) {
      await setCategoryMemo(db, id, memo);
      written.memos += 1;
    }
  }

  // Concepts, filed where the file places them (a matched concept gains the file's filings).
  const conceptIds = new Map<string, ConceptId>();
  for (const [i, c] of plan.codebook.concepts.entries()) {
    const m = match.concepts[i]!;
    let id: ConceptId;
    if (m.existing !== null) {
      id = m.existing;
      alreadyThere.concepts += 1;
      matchedBy[m.by === 'guid' ? 'guid' : 'name'] += 1;
      const existing = (await getConcept(db, id))!;
      await setMemo(existing.memo, memoOf(c.guid), (memo) => setConceptMemo(db, id, memo));
    } else {
      id = await insertConcept(db, {
        label: c.label,
        color: await colourOf(c.color, async () => paletteColor(await conceptCount(db))),
        inVivo: false,
        uid: claim('concept', c.guid, say('Concept "{name}"', { name: c.label })),
      });
      if (c.glosses) await setGlosses(db, 'concept', id, c.glosses);
      written.concepts += 1;
      const memo = memoOf(c.guid);
      if (memo) {
        await setConceptMemo(db, id, memo);
        written.memos += 1;
      }
    }
    for (const g of c.categoryGuids) {
      const category = categoryIds.get(guidKey(g));
      if (category !== undefined) await fileConcept(db, category, id);
    }
    conceptIds.set(guidKey(c.guid), id);
  }

  // The paradigm components' memos.
  const components = (await getCodebook(db)).components;
  for (const c of plan.codebook.components) {
    const current = components.find((k) => k.key === c.key)?.memo ?? '';
    await setMemo(current, memoOf(c.guid), (memo) => setComponentMemo(db, c.key, memo));
  }

  // Coders: the users who coded, found by GUID or name, else added.
  const coderIds = new Map<string, CoderId>();
  for (const u of plan.coders) {
    const coder = await findOrCreateExchangeCoder(db, { uid: u.guid, name: u.name });
    coderIds.set(guidKey(u.guid), coder.id);
    if (coder.created) written.coders += 1;
  }

  // Passages, each with its coder; one already in the project (same source, concept, offsets, coder) is left as it is.
  const texts = new Map(plan.sources.map((s) => [guidKey(s.guid), s.text]));
  for (const s of plan.segments) {
    const documentId = sourceIds.get(guidKey(s.sourceGuid));
    const conceptId = conceptIds.get(guidKey(s.conceptGuid));
    const text = texts.get(guidKey(s.sourceGuid));
    if (documentId === undefined || conceptId === undefined || text === undefined) continue;
    const coderId = s.coderGuid ? (coderIds.get(guidKey(s.coderGuid)) ?? null) : null;
    const entry = sources[plan.sources.findIndex((p) => guidKey(p.guid) === guidKey(s.sourceGuid))]!;
    entry.passages += 1;
    if (await findSegment(db, { documentId, conceptId, start: s.start, end: s.end, coderId })) {
      alreadyThere.passages += 1;
      continue;
    }
    const context = contextAround(text, s);
    const id = await insertSegment(db, {
      documentId,
      conceptId,
      start: s.start,
      end: s.end,
      text: s.text,
      contextBefore: context.before,
      contextAfter: context.after,
      coderId,
      uid: claim('segment', s.guid, say('A coded passage')),
      createdAt: s.createdAt ?? undefined,
    });
    written.passages += 1;
    if (s.memo) {
      await setSegmentMemo(db, id, s.memo);
      written.memos += 1;
    }
  }

  const report = importReport(read, plan, match);
  report.warnings.push(...warnings.map(english));
  report.warningsSaid.push(...warnings);
  return { file, report, written, alreadyThere, matchedBy, sources };
}
