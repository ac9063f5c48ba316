// Handlers for bibliographic records, duplicates, bibliography import, screening decisions,
// exclusion reasons and the corpus figures (PRISMA, statistics).

import { GroundworkError } from '../../../shared/api/errors';
import { sameLabel } from '../../../shared/domain/normalize';
import type { RecordSummary, Stage } from '../../../shared/domain/records';
import { exclusionPhase, NEXT_STAGE } from '../../../shared/domain/records';
import { requireFound, runCommand } from '../../../db/commands';
import {
  corpusStats,
  deleteReason,
  dismissDuplicate,
  duplicateFlags,
  getRecord,
  insertReason,
  insertRecord,
  linkRecord,
  listReasons,
  listRecords,
  mergeRecords,
  prismaFigures,
  recordOfDocument,
  renameReason,
  setStage,
  updateRecord,
} from '../../../db/records';
import { sql } from '../../../db/handles';
import { getDocument } from '../../../db/documents';
import { requireProject } from '../backend';
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

export const recordHandlers = {
  'record.list': (_input, backend) => listRecords(requireProject(backend).read),
  'record.create': (input, backend) => {
    const project = requireProject(backend);
    const id = runCommand(project, { kind: 'record.create', label: `Add record ${quoted(input.title)}` }, (db) =>
      insertRecord(db, { ...input, authors: input.authors?.map((a) => (a.given ? { family: a.family, given: a.given } : { family: a.family })), origin: 'entered by hand', stage: 'identified' }),
    );
    return getRecord(project.read, id)!;
  },
  'record.update': ({ id, changes }, backend) => {
    const project = requireProject(backend);
    const record = requireFound(getRecord(project.read, id), 'That record');
    const fields = Object.keys(changes).join(', ');
    runCommand(project, { kind: 'record.update', label: `Edit ${fields} of ${quoted(record.title)}`, coalesceKey: `record:${id}:${fields}` }, (db) =>
      updateRecord(db, id, { ...changes, authors: changes.authors?.map((a) => (a.given ? { family: a.family, given: a.given } : { family: a.family })) }),
    );
    return getRecord(project.read, id)!;
  },
  'record.delete': ({ id }, backend) => {
    const project = requireProject(backend);
    const record = requireFound(getRecord(project.read, id), 'That record');
    if (record.documentId !== null) {
      throw new GroundworkError('conflict', 'This record has a source; delete the source instead (its record goes with it or stays without text).');
    }
    runCommand(project, { kind: 'record.delete', label: `Delete record ${quoted(record.title)}` }, (db) => {
      sql(db, 'DELETE FROM duplicate_dismissal WHERE record_a = ? OR record_b = ?').run(id, id);
      sql(db, 'UPDATE record SET merged_into = NULL WHERE merged_into = ?').run(id);
      sql(db, 'DELETE FROM record WHERE id = ?').run(id);
    });
    return null;
  },
  'record.duplicates': (_input, backend) => duplicateFlags(requireProject(backend).read),
  'record.merge': ({ keepId, dropId }, backend) => {
    const project = requireProject(backend);
    const keep = requireFound(getRecord(project.read, keepId), 'The record to keep');
    const drop = requireFound(getRecord(project.read, dropId), 'The duplicate record');
    if (keep.id === drop.id) throw new GroundworkError('invalid-input', 'A record cannot be merged with itself.');
    if (keep.documentId !== null && drop.documentId !== null) {
      throw new GroundworkError('conflict', 'Both records have a source with full text; delete one of the sources first, then merge.');
    }
    runCommand(project, { kind: 'record.merge', label: `Merge duplicate ${quoted(drop.title)} into ${quoted(keep.title)}` }, (db) =>
      mergeRecords(db, keep, drop),
    );
    return getRecord(project.read, keep.id)!;
  },
  'record.dismissDuplicate': ({ a, b }, backend) => {
    const project = requireProject(backend);
    const first = requireFound(getRecord(project.read, a), 'That record');
    requireFound(getRecord(project.read, b), 'That record');
    runCommand(project, { kind: 'record.dismissDuplicate', label: `Not a duplicate: ${quoted(first.title)}` }, (db) => dismissDuplicate(db, a, b));
    return null;
  },
  'bibliography.import': ({ name, dataBase64 }, backend) =>
    importBibliography(requireProject(backend), name, Buffer.from(dataBase64, 'base64')),
  'screening.decide': ({ ids, decision, reasonId }, backend) => {
    const project = requireProject(backend);
    const records = ids.map((id) => requireFound(getRecord(project.read, id), 'That record'));
    let reasonName = '';
    if (decision === 'exclude') {
      const reason = requireFound(listReasons(project.read).find((r) => r.id === reasonId), 'That exclusion reason');
      reasonName = reason.name;
    }
    const label =
      records.length === 1
        ? `${STAGE_LABEL[decision]} ${quoted(records[0]!.title)}${reasonName ? ` (${reasonName})` : ''}`
        : `${STAGE_LABEL[decision]} ${records.length} records${reasonName ? ` (${reasonName})` : ''}`;
    const target = (r: RecordSummary): Stage =>
      decision === 'advance' ? NEXT_STAGE[r.stage] : decision === 'include' ? 'included' : decision === 'exclude' ? 'excluded' : decision;
    const changed = runCommand(project, { kind: 'screening.decide', label }, (db) => {
      let n = 0;
      for (const r of records) {
        const stage = target(r);
        const excludedAt = stage === 'excluded' ? (r.stage === 'excluded' ? r.excludedAt : exclusionPhase(r.stage)) : null;
        const reason = stage === 'excluded' ? (reasonId ?? r.reasonId) : null;
        if (stage === r.stage && excludedAt === r.excludedAt && reason === r.reasonId) continue;
        n += setStage(db, r.id, stage, excludedAt, reason);
      }
      return n;
    });
    return { changed };
  },
  'screening.prisma': (_input, backend) => prismaFigures(requireProject(backend).read),
  'reason.list': (_input, backend) => listReasons(requireProject(backend).read),
  'reason.create': ({ name }, backend) => {
    const project = requireProject(backend);
    if (listReasons(project.read).some((r) => sameLabel(r.name, name))) {
      throw new GroundworkError('conflict', `There is already an exclusion reason ${quoted(name)}.`);
    }
    const id = runCommand(project, { kind: 'reason.create', label: `Add exclusion reason ${quoted(name)}` }, (db) => insertReason(db, name));
    return listReasons(project.read).find((r) => r.id === id)!;
  },
  'reason.rename': ({ id, name }, backend) => {
    const project = requireProject(backend);
    const reasons = listReasons(project.read);
    const reason = requireFound(reasons.find((r) => r.id === id), 'That exclusion reason');
    if (reasons.some((r) => r.id !== id && sameLabel(r.name, name))) {
      throw new GroundworkError('conflict', `There is already an exclusion reason ${quoted(name)}.`);
    }
    runCommand(project, { kind: 'reason.rename', label: `Rename exclusion reason ${quoted(reason.name)} to ${quoted(name)}` }, (db) =>
      renameReason(db, id, name),
    );
    return listReasons(project.read).find((r) => r.id === id)!;
  },
  'reason.delete': ({ id }, backend) => {
    const project = requireProject(backend);
    const reason = requireFound(listReasons(project.read).find((r) => r.id === id), 'That exclusion reason');
    const merged = sql(project.read, 'SELECT count(*) AS n FROM record WHERE exclusion_reason_id = ?').get(id) as { n: number };
    if (reason.uses > 0 || merged.n > 0) {
      throw new GroundworkError('conflict', `${quoted(reason.name)} is the reason of ${reason.uses || merged.n} excluded record(s); it can only be renamed.`);
    }
    runCommand(project, { kind: 'reason.delete', label: `Delete exclusion reason ${quoted(reason.name)}` }, (db) => deleteReason(db, id));
    return null;
  },
  'corpus.stats': (_input, backend) => corpusStats(requireProject(backend).read),
  'record.link': ({ id, documentId }, backend) => {
    const project = requireProject(backend);
    const record = requireFound(getRecord(project.read, id), 'That record');
    const document = requireFound(getDocument(project.read, documentId), 'That source');
    if (record.documentId !== null) throw new GroundworkError('conflict', `${quoted(record.title)} already has its full text.`);
    const own = recordOfDocument(project.read, documentId);
    if (own && own.origin !== 'file') {
      throw new GroundworkError('conflict', `${quoted(document.name)} is already the full text of the record ${quoted(own.title)}.`);
    }
    runCommand(project, { kind: 'record.link', label: `Link ${quoted(record.title)} to source ${quoted(document.name)}` }, (db) => {
      if (own) sql(db, 'DELETE FROM record WHERE id = ?').run(own.id);
      linkRecord(db, id, documentId);
    });
    return getRecord(project.read, id)!;
  },
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
