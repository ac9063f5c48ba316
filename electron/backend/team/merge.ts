// "Merge a project…": another copy's work brought into the open project. The other file is read
// through a private copy (never written), or a REFI-QDA project through a temporary project; the plan (shared/domain/merge) is shown first, with its
// conflicts in words; applying it re-plans inside one command, checks the user's resolutions
// against that plan, and writes it (db/merge-writer.ts): one undo step, all or nothing. Merging the
// same copy again plans nothing and leaves no step.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, GroundworkError } from '../../../shared/api/errors';
import { english, say, sayList, type Message } from '../../../shared/domain/message';
import { applyMergePlan, resolutionProblem } from '../../../shared/domain/merge/apply';
import type { MergePlan } from '../../../shared/domain/merge/plan';
import { planMerge } from '../../../shared/domain/merge/plan';
import type { Conflict, PlannedPlace, ProjectSnapshot, Ref, Resolution } from '../../../shared/domain/merge/types';
import { COMPONENT_LABELS, type ComponentKey } from '../../../shared/domain/paradigm';
import type { MergeConflictView, MergePreview, MergeReport, MergeResolution } from '../../../shared/domain/team';
import { projectIdentity, readExtras, readSnapshot } from '../../../db/merge-snapshot';
import { writeMerge } from '../../../db/merge-writer';
import { createProjectFile, openProjectFile, PROJECT_EXTENSION } from '../../../db/sqlite/open';
import { setReplica } from '../../../db/team-copies';
import { prepareExchange, writeExchange } from '../exchange/store-import';
import type { Store } from '../../../db/store';
import { short } from '../handlers/types';

export const MERGE_KIND = 'project.merge';

interface Other {
  file: string;
  name: string;
  uid: string | null;
  snapshot: ProjectSnapshot;
  store: Store;
  dispose: () => Promise<void>;
}

/** Reads the other project (through a private copy) and its snapshot. */
async function openOther(file: string): Promise<Other> {
  const target = path.resolve(file);
  if (/\.(qdpx|qde)$/i.test(target)) return openExchange(target);
  // Read-only: from a private copy (upgraded there if older); the file itself is never written.
  const store = openProjectFile(target, { readOnly: true });
  const dispose = () => store.close();
  try {
    const { snapshot, identity } = await store.read(async (db) => ({ snapshot: await readSnapshot(db), identity: await projectIdentity(db) }));
    return { file: target, name: identity.name || path.basename(target), uid: identity.uid, snapshot, store, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * A REFI-QDA project (.qdpx, .qde) as the other copy: imported into a temporary project (its GUIDs
 * become the items' uids, its users the coders), then merged like any copy. An exchange file keeps
 * no history: the temporary project is a replica named by the file's SHA-256, so its fields carry
 * one stamp that a merge of the same file again already knows (nothing changes the second time),
 * and it deletes nothing here (it has no tombstones).
 */
async function openExchange(target: string): Promise<Other> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('not-found', 'There is no file at {path}.', { path: target });
    fail('io', 'Cannot read {path}: {reason}', { path: target, reason: (error as Error).message });
  }
  const prepared = await prepareExchange({ name: path.basename(target), path: target });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-merge-'));
  const store = createProjectFile(path.join(folder, `exchange${PROJECT_EXTENSION}`), path.basename(target));
  const dispose = async () => {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    const replica = `refi-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
    await store.writeUnlogged((db) => setReplica(db, replica));
    await writeExchange(store, prepared);
    const snapshot = await store.read(readSnapshot);
    return { file: target, name: path.basename(target), uid: null, snapshot, store, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function withOther<T>(file: string, use: (other: Other) => Promise<T>): Promise<T> {
  const other = await openOther(file);
  try {
    return await use(other);
  } finally {
    await other.dispose();
  }
}

/** Warnings of the plan, and one when the two are not copies of one project. */
function warningsOf(plan: MergePlan, oursUid: string | null, other: Other): { warnings: string[]; warningsSaid: Message[] } {
  const said = [...plan.warnings];
  if (oursUid && other.uid && oursUid !== other.uid)
    said.unshift(say('{a} is not a copy of this project (it has another origin): its items were matched by label where they could be; check what comes in.', { a: path.basename(other.file) }));
  return { warnings: said.map(english), warningsSaid: said };
}

/** A paradigm component's name, translated like any template (shared/domain/paradigm). */
const componentName = (component: ComponentKey): Message => say(COMPONENT_LABELS[component]);

/** A conflict in words: each side's name, place or memo. */
function describeConflict(c: Conflict, ours: ProjectSnapshot, theirs: ProjectSnapshot): MergeConflictView {
  const categoryName = (r: Ref) =>
    r.kind === 'ours'
      ? (ours.categories.find((x) => x.id === r.id)?.label.value ?? '?')
      : (theirs.categories.find((x) => x.uid === r.uid || x.aliases?.includes(r.uid))?.label.value ?? '?');
  const place = (p: PlannedPlace): Message =>
    p.parent
      ? say('under “{a}”', { a: short(categoryName(p.parent)) })
      : p.component
        ? say('main category of {component}', { component: componentName(p.component as ComponentKey) })
        : say('main category in no component');
  const filings = (refs: Ref[]): Message =>
    refs.length ? say('filed in {a}', { a: sayList(refs.map((r) => say('“{a}”', { a: short(categoryName(r)) }))) }) : say('filed in no category');
  const kind = c.target.kind;
  // A place or a state in words; a name or a memo is the user's text, as written.
  const said = (value: unknown, side: 'ours' | 'theirs'): Message | null => {
    if (c.field === 'existence') {
      if (value === null) return side === 'ours' ? say('deleted here') : say('deleted there');
      return side === 'ours' ? (value === 'in use' ? say('still in use here') : say('changed here since')) : say('changed there since');
    }
    if (c.field === 'placement') return kind === 'concept' ? filings(value as Ref[]) : place(value as PlannedPlace);
    return null;
  };
  const oursSaid = said(c.ours, 'ours');
  const theirsSaid = said(c.theirs, 'theirs');
  let name = c.name;
  let nameSaid: Message | null = null;
  if (kind === 'passage' && 'id' in c.target) {
    const p = ours.passages.find((x) => x.id === (c.target as { id: number }).id);
    const source = p && ours.sources.find((s) => s.id === p.sourceId);
    if (p && source) {
      nameSaid = say('{source} {start}–{end}', { source: source.name, start: p.start, end: p.end });
      name = english(nameSaid);
    }
  }
  return {
    id: c.id,
    kind: c.kind,
    itemKind: kind,
    name,
    ...(nameSaid ? { nameSaid } : {}),
    field: c.field,
    ours: oursSaid ? english(oursSaid) : String(c.ours ?? ''),
    theirs: theirsSaid ? english(theirsSaid) : String(c.theirs ?? ''),
    ...(oursSaid ? { oursSaid } : {}),
    ...(theirsSaid ? { theirsSaid } : {}),
    choices: c.choices,
  };
}

function previewOf(plan: MergePlan, ours: ProjectSnapshot, oursUid: string | null, other: Other): MergePreview {
  return {
    file: other.file,
    name: other.name,
    sameOrigin: !oursUid || !other.uid || oursUid === other.uid,
    added: {
      coders: plan.coders.added.length,
      sources: plan.sources.added.length,
      categories: plan.categories.added.length,
      concepts: plan.concepts.added.length,
      passages: plan.passages.added.length,
    },
    alreadyHere: plan.passages.matched.length,
    updates: plan.updates.length,
    deletions: plan.deletions.length,
    conflicts: plan.conflicts.map((c) => describeConflict(c, ours, other.snapshot)),
    ...warningsOf(plan, oursUid, other),
    empty: plan.empty,
  };
}

/** What merging `file` into the open project would do. */
export async function previewMerge(store: Store, file: string): Promise<MergePreview> {
  return withOther(file, async (other) => {
    const { ours, identity } = await store.read(async (db) => ({ ours: await readSnapshot(db), identity: await projectIdentity(db) }));
    if (store.location === other.file) fail('invalid-input', 'That is the open project itself: choose another copy to merge.');
    return previewOf(planMerge(ours, other.snapshot), ours, identity.uid, other);
  });
}

/**
 * Merges `file` into the open project with the user's resolutions (`keep` resolves every conflict
 * not named one way). One command: a merge that fails or is interrupted leaves the project as it was.
 */
export async function applyMerge(store: Store, file: string, resolutions: readonly MergeResolution[], keep?: 'ours' | 'theirs'): Promise<MergeReport> {
  return withOther(file, async (other) => {
    if (store.location === other.file) fail('invalid-input', 'That is the open project itself: choose another copy to merge.');
    return store.write({ kind: MERGE_KIND, label: say('Merge “{a}”', { a: short(other.name) }) }, async (db) => {
      const ours = await readSnapshot(db);
      const identity = await projectIdentity(db);
      const plan = planMerge(ours, other.snapshot);
      const chosen: Resolution[] = [...resolutions];
      if (keep)
        for (const c of plan.conflicts)
          if (!chosen.some((r) => r.conflict === c.id)) chosen.push({ conflict: c.id, choose: c.choices.includes(keep) ? keep : c.choices[0]! });
      const problem = resolutionProblem(plan, chosen, ours);
      if (problem) {
        const stale = resolutions.some((r) => !plan.conflicts.some((c) => c.id === r.conflict));
        throw new GroundworkError('conflict', stale ? say('The project changed since the merge was shown: look at its conflicts again. ({a})', { a: problem }) : problem);
      }
      const report: MergeReport = {
        file: other.file,
        name: other.name,
        added: { coders: 0, sources: 0, categories: 0, concepts: 0, passages: 0 },
        changedFields: 0,
        deleted: { categories: 0, concepts: 0, passages: 0 },
        conflictsResolved: chosen.length,
        alreadyHere: plan.passages.matched.length,
        ...warningsOf(plan, identity.uid, other),
        nothingChanged: plan.empty,
      };
      if (plan.empty) return report;
      const result = applyMergePlan(ours, plan, chosen);
      const extras = await other.store.read((theirs) =>
        readExtras(theirs, {
          sources: plan.sources.added.map((s) => s.sha256),
          categories: result.categories.filter((c) => !ours.categories.some((o) => o.id === c.id)).map((c) => c.uid),
          concepts: result.concepts.filter((c) => !ours.concepts.some((o) => o.id === c.id)).map((c) => c.uid),
        }),
      );
      const written = await writeMerge(db, ours, result, extras);
      return { ...report, added: { coders: written.coders, sources: written.sources, categories: written.categories, concepts: written.concepts, passages: written.passages }, changedFields: written.changedFields, deleted: written.deleted };
    });
  });
}
