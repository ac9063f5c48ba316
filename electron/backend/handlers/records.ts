// Handlers for bibliographic records, duplicates, bibliography import, screening decisions,
// exclusion reasons and the corpus figures (PRISMA, statistics). Each change checks what it needs
// inside its own command, so the check and the change see the same project.

import { fail } from '../../../shared/api/errors';
import { say, sayCount, sayList, type Message } from '../../../shared/domain/message';
import { sameLabel } from '../../../shared/domain/normalize';
import type { Author, RecordSummary, Stage } from '../../../shared/domain/records';
import { exclusionPhase, NEXT_STAGE } from '../../../shared/domain/records';
import { requireFound } from '../../../db/command-log';
import type { ReadableDB } from '../../../db/handles';
import {
  corpusStats,
  deleteReason,
  deleteRecord,
  dismissDuplicate,
  duplicateFlags,
  getReason,
  getRecord,
  insertReason,
  insertRecord,
  linkRecordToSource,
  listReasons,
  listRecords,
  mergeRecords,
  prismaFigures,
  recordOfDocument,
  recordsWithReason,
  renameReason,
  setStage,
  updateRecord,
} from '../../../db/records';
import { getDocument } from '../../../db/documents';
import { requireStore } from '../backend';
import { importBibliography } from '../bibliography/index';
import type { HandlerGroup } from './types';
import { short } from './types';

/** A screening step's label, for one record (`a`: its title) or several (`n`); `reason` for an exclusion. */
const DECISION_LABEL: Record<string, (n: number, params: Record<string, string | Message>) => Message> = {
  advance: (n, p) => sayCount(n, 'Advance “{a}”', 'Advance {n} records', p),
  include: (n, p) => sayCount(n, 'Include “{a}”', 'Include {n} records', p),
  exclude: (n, p) => sayCount(n, 'Exclude “{a}” ({reason})', 'Exclude {n} records ({reason})', p),
  identified: (n, p) => sayCount(n, 'Move “{a}” to identified', 'Move {n} records to identified', p),
  screened: (n, p) => sayCount(n, 'Move “{a}” to screened', 'Move {n} records to screened', p),
  eligible: (n, p) => sayCount(n, 'Move “{a}” to eligible', 'Move {n} records to eligible', p),
};

/** A record's fields as a history label names them. */
const FIELD_NAMES: Record<string, Message> = {
  title: say('title'),
  authors: say('authors'),
  year: say('year'),
  venue: say('venue'),
  doi: say('DOI'),
  url: say('URL'),
  type: say('type'),
  language: say('language'),
  abstract: say('abstract'),
  keywords: say('keywords'),
};

/** Authors as stored: an empty given name is left out. */
const authorsOf = (authors: Author[] | undefined) => authors?.map((a) => (a.given ? { family: a.family, given: a.given } : { family: a.family }));

/** Refuses a reason name the project already has (compared as labels are). */
async function checkReasonName(db: ReadableDB, name: string, except?: number): Promise<void> {
  if ((await listReasons(db)).some((r) => r.id !== except && sameLabel(r.name, name))) {
    fail('conflict', 'There is already an exclusion reason “{a}”.', { a: short(name) });
  }
}

export const recordHandlers = {
  'record.list': (_input, backend) => requireStore(backend).read(listRecords),
  'record.create': (input, backend) =>
    requireStore(backend).write({ kind: 'record.create', label: say('Add record “{a}”', { a: short(input.title) }) }, async (db) => {
      const id = await insertRecord(db, { ...input, authors: authorsOf(input.authors), origin: 'entered by hand', stage: 'identified' });
      return (await getRecord(db, id))!;
    }),
  'record.update': ({ id, changes }, backend) => {
    const keys = Object.keys(changes);
    const fields = sayList(keys.map((key) => FIELD_NAMES[key] ?? key));
    return requireStore(backend).write(
      { kind: 'record.update', label: say('Edit {fields} of a record', { fields }), coalesceKey: `record:${id}:${keys.join(', ')}` },
      async (db, command) => {
        const record = requireFound(await getRecord(db, id), 'That record');
        command.setLabel(say('Edit {fields} of “{a}”', { fields, a: short(record.title) }));
        await updateRecord(db, id, { ...changes, authors: authorsOf(changes.authors) });
        return (await getRecord(db, id))!;
      },
    );
  },
  'record.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'record.delete', label: say('Delete a record') }, async (db, command) => {
      const record = requireFound(await getRecord(db, id), 'That record');
      if (record.documentId !== null) {
        fail('conflict', 'This record has a source; delete the source instead (its record goes with it or stays without text).');
      }
      command.setLabel(say('Delete record “{a}”', { a: short(record.title) }));
      await deleteRecord(db, id);
      return null;
    }),
  'record.duplicates': (_input, backend) => requireStore(backend).read(duplicateFlags),
  'record.merge': ({ keepId, dropId }, backend) =>
    requireStore(backend).write({ kind: 'record.merge', label: say('Merge duplicate records') }, async (db, command) => {
      const keep = requireFound(await getRecord(db, keepId), 'The record to keep');
      const drop = requireFound(await getRecord(db, dropId), 'The duplicate record');
      if (keep.id === drop.id) fail('invalid-input', 'A record cannot be merged with itself.');
      if (keep.documentId !== null && drop.documentId !== null) {
        fail('conflict', 'Both records have a source with full text; delete one of the sources first, then merge.');
      }
      command.setLabel(say('Merge duplicate “{a}” into “{b}”', { a: short(drop.title), b: short(keep.title) }));
      await mergeRecords(db, keep, drop);
      return (await getRecord(db, keep.id))!;
    }),
  'record.dismissDuplicate': ({ a, b }, backend) =>
    requireStore(backend).write({ kind: 'record.dismissDuplicate', label: say('Not a duplicate') }, async (db, command) => {
      const first = requireFound(await getRecord(db, a), 'That record');
      requireFound(await getRecord(db, b), 'That record');
      if (a === b) fail('invalid-input', 'A record cannot be a duplicate of itself.');
      command.setLabel(say('Not a duplicate: “{a}”', { a: short(first.title) }));
      await dismissDuplicate(db, a, b);
      return null;
    }),
  'bibliography.import': ({ name, dataBase64 }, backend) =>
    importBibliography(requireStore(backend), name, Buffer.from(dataBase64, 'base64')),
  'screening.decide': ({ ids, decision, reasonId }, backend) =>
    requireStore(backend).write({ kind: 'screening.decide', label: say('Screening decision') }, async (db, command) => {
      const records: RecordSummary[] = [];
      for (const id of ids) records.push(requireFound(await getRecord(db, id), 'That record'));
      let reasonName = '';
      if (decision === 'exclude') {
        reasonName = requireFound(reasonId === undefined ? undefined : await getReason(db, reasonId), 'That exclusion reason').name;
      }
      // A default reason's name is translated like the interface's list of reasons; a user's own stays as written.
      command.setLabel(DECISION_LABEL[decision]!(records.length, { a: short(records[0]?.title ?? ''), reason: say(reasonName) }));
      const target = (r: RecordSummary): Stage =>
        decision === 'advance' ? NEXT_STAGE[r.stage] : decision === 'include' ? 'included' : decision === 'exclude' ? 'excluded' : decision;
      let changed = 0;
      for (const r of records) {
        const stage = target(r);
        const excludedAt = stage === 'excluded' ? (r.stage === 'excluded' ? r.excludedAt : exclusionPhase(r.stage)) : null;
        const reason = stage === 'excluded' ? (reasonId ?? r.reasonId) : null;
        if (stage === r.stage && excludedAt === r.excludedAt && reason === r.reasonId) continue;
        changed += await setStage(db, r.id, stage, excludedAt, reason);
      }
      return { changed };
    }),
  'screening.prisma': (_input, backend) => requireStore(backend).read(prismaFigures),
  'reason.list': (_input, backend) => requireStore(backend).read(listReasons),
  'reason.create': ({ name }, backend) =>
    requireStore(backend).write({ kind: 'reason.create', label: say('Add exclusion reason “{a}”', { a: short(name) }) }, async (db) => {
      await checkReasonName(db, name);
      return (await getReason(db, await insertReason(db, name)))!;
    }),
  'reason.rename': ({ id, name }, backend) =>
    requireStore(backend).write({ kind: 'reason.rename', label: say('Rename an exclusion reason') }, async (db, command) => {
      const reason = requireFound(await getReason(db, id), 'That exclusion reason');
      await checkReasonName(db, name, id);
      command.setLabel(say('Rename exclusion reason “{a}” to “{b}”', { a: short(reason.name), b: short(name) }));
      await renameReason(db, id, name);
      return (await getReason(db, id))!;
    }),
  'reason.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'reason.delete', label: say('Delete an exclusion reason') }, async (db, command) => {
      const reason = requireFound(await getReason(db, id), 'That exclusion reason');
      const uses = await recordsWithReason(db, id);
      if (uses > 0) {
        const n = reason.uses || uses;
        fail('conflict', n === 1 ? '“{a}” is the reason of {n} excluded record; it can only be renamed.' : '“{a}” is the reason of {n} excluded records; it can only be renamed.', {
          a: short(reason.name),
          n,
        });
      }
      command.setLabel(say('Delete exclusion reason “{a}”', { a: short(reason.name) }));
      await deleteReason(db, id);
      return null;
    }),
  'corpus.stats': (_input, backend) => requireStore(backend).read(corpusStats),
  'record.link': ({ id, documentId }, backend) =>
    requireStore(backend).write({ kind: 'record.link', label: say('Link a record to a source') }, async (db, command) => {
      const record = requireFound(await getRecord(db, id), 'That record');
      const document = requireFound(await getDocument(db, documentId), 'That source');
      if (record.documentId !== null) fail('conflict', '“{a}” already has its full text.', { a: short(record.title) });
      const own = await recordOfDocument(db, documentId);
      if (own && own.origin !== 'file') {
        fail('conflict', '“{a}” is already the full text of the record “{b}”.', { a: short(document.name), b: short(own.title) });
      }
      command.setLabel(say('Link “{a}” to source “{b}”', { a: short(record.title), b: short(document.name) }));
      await linkRecordToSource(db, id, documentId);
      return (await getRecord(db, id))!;
    }),
} satisfies HandlerGroup<
  | 'record.link'
  | 'record.list'
  | 'record.create'
  | 'record.update'
  | 'record.delete'
  | 'record.duplicates'
  | 'record.merge'
  | 'record.dismissDuplicate'
  | 'bibliography.import'
  | 'screening.decide'
  | 'screening.prisma'
  | 'reason.list'
  | 'reason.create'
  | 'reason.rename'
  | 'reason.delete'
  | 'corpus.stats'
>;
