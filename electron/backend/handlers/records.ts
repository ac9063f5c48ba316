// Handlers for bibliographic records, duplicates, bibliography import, screening decisions,
// exclusion reasons and the corpus figures (PRISMA, statistics). Each change checks what it needs
// inside its own command, so the check and the change see the same project.

import { GroundworkError } from '../../../shared/api/errors';
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
import { quoted } from './types';

const STAGE_LABEL: Record<string, string> = {
  advance: 'Advance',
  include: 'Include',
  exclude: 'Exclude',
  identified: 'Move to identified',
  screened: 'Move to screened',
  eligible: 'Move to eligible',
};

/** Authors as stored: an empty given name is left out. */
const authorsOf = (authors: Author[] | undefined) => authors?.map((a) => (a.given ? { family: a.family, given: a.given } : { family: a.family }));

/** Refuses a reason name the project already has (compared as labels are). */
async function checkReasonName(db: ReadableDB, name: string, except?: number): Promise<void> {
  if ((await listReasons(db)).some((r) => r.id !== except && sameLabel(r.name, name))) {
    throw new GroundworkError('conflict', `There is already an exclusion reason ${quoted(name)}.`);
  }
}

export const recordHandlers = {
  'record.list': (_input, backend) => requireStore(backend).read(listRecords),
  'record.create': (input, backend) =>
    requireStore(backend).write({ kind: 'record.create', label: `Add record ${quoted(input.title)}` }, async (db) => {
      const id = await insertRecord(db, { ...input, authors: authorsOf(input.authors), origin: 'entered by hand', stage: 'identified' });
      return (await getRecord(db, id))!;
    }),
  'record.update': ({ id, changes }, backend) => {
    const fields = Object.keys(changes).join(', ');
    return requireStore(backend).write(
      { kind: 'record.update', label: `Edit ${fields} of a record`, coalesceKey: `record:${id}:${fields}` },
      async (db, command) => {
        const record = requireFound(await getRecord(db, id), 'That record');
        command.setLabel(`Edit ${fields} of ${quoted(record.title)}`);
        await updateRecord(db, id, { ...changes, authors: authorsOf(changes.authors) });
        return (await getRecord(db, id))!;
      },
    );
  },
  'record.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'record.delete', label: 'Delete a record' }, async (db, command) => {
      const record = requireFound(await getRecord(db, id), 'That record');
      if (record.documentId !== null) {
        throw new GroundworkError('conflict', 'This record has a source; delete the source instead (its record goes with it or stays without text).');
      }
      command.setLabel(`Delete record ${quoted(record.title)}`);
      await deleteRecord(db, id);
      return null;
    }),
  'record.duplicates': (_input, backend) => requireStore(backend).read(duplicateFlags),
  'record.merge': ({ keepId, dropId }, backend) =>
    requireStore(backend).write({ kind: 'record.merge', label: 'Merge duplicate records' }, async (db, command) => {
      const keep = requireFound(await getRecord(db, keepId), 'The record to keep');
      const drop = requireFound(await getRecord(db, dropId), 'The duplicate record');
      if (keep.id === drop.id) throw new GroundworkError('invalid-input', 'A record cannot be merged with itself.');
      if (keep.documentId !== null && drop.documentId !== null) {
        throw new GroundworkError('conflict', 'Both records have a source with full text; delete one of the sources first, then merge.');
      }
      command.setLabel(`Merge duplicate ${quoted(drop.title)} into ${quoted(keep.title)}`);
      await mergeRecords(db, keep, drop);
      return (await getRecord(db, keep.id))!;
    }),
  'record.dismissDuplicate': ({ a, b }, backend) =>
    requireStore(backend).write({ kind: 'record.dismissDuplicate', label: 'Not a duplicate' }, async (db, command) => {
      const first = requireFound(await getRecord(db, a), 'That record');
      requireFound(await getRecord(db, b), 'That record');
      if (a === b) throw new GroundworkError('invalid-input', 'A record cannot be a duplicate of itself.');
      command.setLabel(`Not a duplicate: ${quoted(first.title)}`);
      await dismissDuplicate(db, a, b);
      return null;
    }),
  'bibliography.import': ({ name, dataBase64 }, backend) =>
    importBibliography(requireStore(backend), name, Buffer.from(dataBase64, 'base64')),
  'screening.decide': ({ ids, decision, reasonId }, backend) =>
    requireStore(backend).write({ kind: 'screening.decide', label: STAGE_LABEL[decision]! }, async (db, command) => {
      const records: RecordSummary[] = [];
      for (const id of ids) records.push(requireFound(await getRecord(db, id), 'That record'));
      let reasonName = '';
      if (decision === 'exclude') {
        reasonName = requireFound(reasonId === undefined ? undefined : await getReason(db, reasonId), 'That exclusion reason').name;
      }
      command.setLabel(
        records.length === 1
          ? `${STAGE_LABEL[decision]} ${quoted(records[0]!.title)}${reasonName ? ` (${reasonName})` : ''}`
          : `${STAGE_LABEL[decision]} ${records.length} records${reasonName ? ` (${reasonName})` : ''}`,
      );
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
    requireStore(backend).write({ kind: 'reason.create', label: `Add exclusion reason ${quoted(name)}` }, async (db) => {
      await checkReasonName(db, name);
      return (await getReason(db, await insertReason(db, name)))!;
    }),
  'reason.rename': ({ id, name }, backend) =>
    requireStore(backend).write({ kind: 'reason.rename', label: 'Rename an exclusion reason' }, async (db, command) => {
      const reason = requireFound(await getReason(db, id), 'That exclusion reason');
      await checkReasonName(db, name, id);
      command.setLabel(`Rename exclusion reason ${quoted(reason.name)} to ${quoted(name)}`);
      await renameReason(db, id, name);
      return (await getReason(db, id))!;
    }),
  'reason.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'reason.delete', label: 'Delete an exclusion reason' }, async (db, command) => {
      const reason = requireFound(await getReason(db, id), 'That exclusion reason');
      const uses = await recordsWithReason(db, id);
      if (uses > 0) {
        throw new GroundworkError('conflict', `${quoted(reason.name)} is the reason of ${reason.uses || uses} excluded record(s); it can only be renamed.`);
      }
      command.setLabel(`Delete exclusion reason ${quoted(reason.name)}`);
      await deleteReason(db, id);
      return null;
    }),
  'corpus.stats': (_input, backend) => requireStore(backend).read(corpusStats),
  'record.link': ({ id, documentId }, backend) =>
    requireStore(backend).write({ kind: 'record.link', label: 'Link a record to a source' }, async (db, command) => {
      const record = requireFound(await getRecord(db, id), 'That record');
      const document = requireFound(await getDocument(db, documentId), 'That source');
      if (record.documentId !== null) throw new GroundworkError('conflict', `${quoted(record.title)} already has its full text.`);
      const own = await recordOfDocument(db, documentId);
      if (own && own.origin !== 'file') {
        throw new GroundworkError('conflict', `${quoted(document.name)} is already the full text of the record ${quoted(own.title)}.`);
      }
      command.setLabel(`Link ${quoted(record.title)} to source ${quoted(document.name)}`);
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
