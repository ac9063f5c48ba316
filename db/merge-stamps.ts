// Version stamps and tombstones, kept current for every change path in one place: after a command
// runs (and after an undo or redo replays one), its logged row changes say which mergeable fields
// of which items changed, which items were deleted and which came back. Each such change ticks this
// copy's clock once and stamps what it touched; so no repository can forget to stamp, and an undo
// counts as a new change (stamped after what it undid), which a later merge then takes over the
// undone value instead of bringing that value back. A merge writes its stamps itself and is undone
// exactly (db/merge-writer.ts).

import type { Stamp } from '../shared/domain/merge/stamps';
import { joinStamps } from '../shared/domain/merge/stamps';
import type { ReadableDB, WritableDB } from './handles';
import { marks } from './sql';

export type StampKind = 'source' | 'category' | 'concept' | 'passage' | 'component';
export type StampField = 'label' | 'placement' | 'memo';
export type TombKind = 'category' | 'concept' | 'passage';

/** Tables of the merge's bookkeeping, captured for undo but shown by no view. */
export const MERGE_BOOKKEEPING = new Set(['merge_stamp', 'merge_tombstone', 'merge_alias']);

/** Commands that write their own stamps and are undone exactly, stamps and tombstones included. */
export const EXPLICITLY_STAMPED = new Set(['project.merge']);

const TABLE_OF: Record<StampKind, { table: string; key: string }> = {
  source: { table: 'document', key: 'id' },
  category: { table: 'category', key: 'id' },
  concept: { table: 'concept', key: 'id' },
  passage: { table: 'segment', key: 'id' },
  component: { table: 'paradigm_component', key: 'key' },
};

/** Which field a column of a captured table is part of. */
const FIELD_OF: Record<string, { kind: StampKind; columns: Record<string, StampField> }> = {
  category: { kind: 'category', columns: { name: 'label', parent_id: 'placement', component: 'placement', memo: 'memo' } },
  concept: { kind: 'concept', columns: { label: 'label', memo: 'memo' } },
  segment: { kind: 'passage', columns: { memo: 'memo' } },
  document: { kind: 'source', columns: { memo: 'memo' } },
  paradigm_component: { kind: 'component', columns: { memo: 'memo' } },
};

/** Fields a new item is stamped on when it is made (a memo only once it says something). */
const MADE_WITH: Record<StampKind, StampField[]> = {
  category: ['label', 'placement'],
  concept: ['label', 'placement'],
  passage: [],
  source: [],
  component: [],
};

const FIELDS: Record<StampKind, StampField[]> = {
  category: ['label', 'placement', 'memo'],
  concept: ['label', 'placement', 'memo'],
  passage: ['memo'],
  source: ['memo'],
  component: ['memo'],
};

const isTombKind = (k: StampKind): k is TombKind => k === 'category' || k === 'concept' || k === 'passage';

export const stampText = (s: Stamp) => JSON.stringify(Object.fromEntries(Object.entries(s).sort(([a], [b]) => a.localeCompare(b))));
export const parseStamp = (text: string | null | undefined): Stamp => (text ? (JSON.parse(text) as Stamp) : {});

type Row = Record<string, unknown>;

interface TouchedItem {
  kind: StampKind;
  key: string | number;
  uid: string | null;
  /** The first change of the command to this item made it (an insert). */
  made: boolean;
  fields: Set<StampField>;
}

/** The items and fields a command's row changes touched (change rows after `after`). */
async function touchedItems(db: ReadableDB, commandId: number, after: number): Promise<Map<string, TouchedItem>> {
  const changes = await db.all<{ table_name: string; old_row: string | null; new_row: string | null }>(
    `SELECT table_name, old_row, new_row FROM command_change WHERE command_id = ? AND id > ?
       AND table_name IN ('category', 'concept', 'category_concept', 'segment', 'document', 'paradigm_component') ORDER BY id`,
    commandId,
    after,
  );
  const items = new Map<string, TouchedItem>();
  const item = (kind: StampKind, key: string | number, first: { made: boolean; uid: string | null }) => {
    const id = `${kind}:${key}`;
    let found = items.get(id);
    if (!found) items.set(id, (found = { kind, key, uid: first.uid, made: first.made, fields: new Set() }));
    if (!found.uid && first.uid) found.uid = first.uid;
    return found;
  };
  // Inserted rows logged by their key alone (db/capture-tables.ts): their memo is read from the row.
  const keyOnlyInserts = new Map<StampKind, (string | number)[]>();
  for (const change of changes) {
    const oldRow = change.old_row === null ? null : (JSON.parse(change.old_row) as Row);
    const newRow = change.new_row === null ? null : (JSON.parse(change.new_row) as Row);
    if (change.table_name === 'category_concept') {
      const conceptId = Number((newRow ?? oldRow)!.concept_id);
      item('concept', conceptId, { made: false, uid: null }).fields.add('placement');
      continue;
    }
    const spec = FIELD_OF[change.table_name]!;
    const image = (newRow ?? oldRow)!;
    const key = (spec.kind === 'component' ? String(image.key) : Number(image.id)) as string | number;
    const uid = typeof image.uid === 'string' ? image.uid : spec.kind === 'component' ? String(key) : null;
    const touched = item(spec.kind, key, { made: oldRow === null, uid });
    if (oldRow === null) {
      for (const f of MADE_WITH[spec.kind]) touched.fields.add(f);
      if (!('memo' in newRow!)) {
        const keys = keyOnlyInserts.get(spec.kind);
        if (keys) keys.push(key);
        else keyOnlyInserts.set(spec.kind, [key]);
      } else if (typeof newRow!.memo === 'string' && newRow!.memo !== '') touched.fields.add('memo');
    } else if (newRow !== null) {
      for (const column of Object.keys(newRow)) {
        const field = spec.columns[column];
        if (field) touched.fields.add(field);
      }
    }
  }
  for (const [kind, keys] of keyOnlyInserts) {
    const { table, key: column } = TABLE_OF[kind];
    for (let at = 0; at < keys.length; at += 500) {
      const batch = keys.slice(at, at + 500);
      const withMemo = await db.all<{ k: string | number }>(
        `SELECT ${column} AS k FROM ${table} WHERE ${column} IN (${marks(batch.length)}) AND memo <> ''`,
        ...batch,
      );
      for (const r of withMemo) items.get(`${kind}:${kind === 'component' ? String(r.k) : Number(r.k)}`)?.fields.add('memo');
    }
  }
  return items;
}

export async function writeStamp(db: WritableDB, kind: StampKind, uid: string, field: StampField, stamp: Stamp): Promise<void> {
  if (Object.keys(stamp).length === 0) {
    await db.run('DELETE FROM merge_stamp WHERE kind = ? AND uid = ? AND field = ?', kind, uid, field);
    return;
  }
  await db.run(
    `INSERT INTO merge_stamp (kind, uid, field, stamp) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, uid, field) DO UPDATE SET stamp = excluded.stamp`,
    kind,
    uid,
    field,
    stampText(stamp),
  );
}

export async function writeTombstone(db: WritableDB, kind: TombKind, uid: string, stamp: Stamp): Promise<void> {
  await db.run(
    `INSERT INTO merge_tombstone (kind, uid, stamp) VALUES (?, ?, ?)
     ON CONFLICT (kind, uid) DO UPDATE SET stamp = excluded.stamp`,
    kind,
    uid,
    stampText(stamp),
  );
}

/** Forgets an item's stamps and aliases (it is gone; its tombstone remembers what they knew). */
export async function forgetItem(db: WritableDB, kind: StampKind, uid: string): Promise<void> {
  await db.run('DELETE FROM merge_stamp WHERE kind = ? AND uid = ?', kind, uid);
  if (isTombKind(kind)) await db.run('DELETE FROM merge_alias WHERE kind = ? AND uid = ?', kind, uid);
}

/** This copy's replica id and its clock. */
export async function replicaClock(db: ReadableDB): Promise<{ replica: string; clock: number }> {
  const row = await db.get<{ replica: string | null; clock: number }>(
    'SELECT p.replica, c.clock FROM project p, replica_clock c WHERE p.id = 1 AND c.id = 1',
  );
  return { replica: row?.replica ?? 'unknown', clock: Number(row?.clock ?? 0) };
}

/** Moves the clock on by one and returns the stamp of the change: {replica: clock}. */
export async function tick(db: WritableDB): Promise<Stamp> {
  await db.run('UPDATE replica_clock SET clock = clock + 1 WHERE id = 1');
  const { replica, clock } = await replicaClock(db);
  return { [replica]: clock };
}

/** Sets the clock forward to at least `clock` (after a merge). */
export async function advanceClock(db: WritableDB, clock: number): Promise<void> {
  await db.run('UPDATE replica_clock SET clock = ? WHERE id = 1 AND clock < ?', clock, clock);
}

/** What an item was before a change: read before an undo or redo replays one. */
interface Before {
  item: TouchedItem;
  uid: string | null;
  existed: boolean;
  stamps: Partial<Record<StampField, Stamp>>;
  tomb: Stamp | null;
  aliases: string[];
}

// Reads and writes go in batches: a step of 10,000 passages must not cost 50,000 lookups.
const BATCH = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += BATCH) out.push(items.slice(at, at + BATCH));
  return out;
}

function byKind<T extends { kind: StampKind }>(items: Iterable<T>): Map<StampKind, T[]> {
  const out = new Map<StampKind, T[]>();
  for (const item of items) {
    const list = out.get(item.kind);
    if (list) list.push(item);
    else out.set(item.kind, [item]);
  }
  return out;
}

const itemKey = (kind: StampKind, key: string | number) => `${kind}:${key}`;

/** Which of these items have a row now, and their uids (read from the row). */
async function rowsNow(db: ReadableDB, items: Iterable<TouchedItem>): Promise<Map<string, string>> {
  const alive = new Map<string, string>();
  for (const [kind, list] of byKind(items)) {
    const { table, key: column } = TABLE_OF[kind];
    for (const batch of chunks(list)) {
      const rows = await db.all<{ k: string | number; uid: string | null }>(
        `SELECT ${column} AS k, ${kind === 'component' ? column : 'uid'} AS uid FROM ${table} WHERE ${column} IN (${marks(batch.length)})`,
        ...batch.map((i) => i.key),
      );
      for (const r of rows) alive.set(itemKey(kind, kind === 'component' ? String(r.k) : Number(r.k)), String(r.uid ?? ''));
    }
  }
  return alive;
}

/** The stamps, tombstones and aliases stored for these uids, per kind. */
async function stored(db: ReadableDB, wanted: readonly { kind: StampKind; uid: string }[]) {
  const stamps = new Map<string, Partial<Record<StampField, Stamp>>>();
  const tombs = new Map<string, Stamp>();
  const aliases = new Map<string, string[]>();
  for (const [kind, list] of byKind(wanted)) {
    for (const batch of chunks([...new Set(list.map((w) => w.uid))])) {
      const inList = marks(batch.length);
      for (const r of await db.all<{ uid: string; field: StampField; stamp: string }>(
        `SELECT uid, field, stamp FROM merge_stamp WHERE kind = ? AND uid IN (${inList})`,
        kind,
        ...batch,
      )) {
        const key = itemKey(kind, r.uid);
        const found = stamps.get(key) ?? {};
        found[r.field] = parseStamp(r.stamp);
        stamps.set(key, found);
      }
      if (!isTombKind(kind)) continue;
      for (const r of await db.all<{ uid: string; stamp: string }>(
        `SELECT uid, stamp FROM merge_tombstone WHERE kind = ? AND uid IN (${inList})`,
        kind,
        ...batch,
      ))
        tombs.set(itemKey(kind, r.uid), parseStamp(r.stamp));
      for (const r of await db.all<{ uid: string; alias: string }>(
        `SELECT uid, alias FROM merge_alias WHERE kind = ? AND uid IN (${inList}) ORDER BY alias`,
        kind,
        ...batch,
      )) {
        const key = itemKey(kind, r.uid);
        const found = aliases.get(key);
        if (found) found.push(r.alias);
        else aliases.set(key, [r.alias]);
      }
    }
  }
  return { stamps, tombs, aliases };
}

/** What each item is now: whether it exists (or `existed` says), its uid, stamps, tombstone and aliases. */
async function describeAll(db: ReadableDB, items: readonly TouchedItem[], existed: (item: TouchedItem, alive: boolean) => boolean): Promise<Before[]> {
  const alive = await rowsNow(db, items);
  const named = items.map((item) => ({ item, uid: item.uid ?? (alive.get(itemKey(item.kind, item.key)) || null) }));
  const { stamps, tombs, aliases } = await stored(db, named.flatMap((n) => (n.uid ? [{ kind: n.item.kind, uid: n.uid }] : [])));
  return named.map(({ item, uid }) => ({
    item,
    uid,
    existed: existed(item, alive.has(itemKey(item.kind, item.key))),
    stamps: uid ? (stamps.get(itemKey(item.kind, uid)) ?? {}) : {},
    tomb: uid && isTombKind(item.kind) ? (tombs.get(itemKey(item.kind, uid)) ?? null) : null,
    aliases: uid && isTombKind(item.kind) ? (aliases.get(itemKey(item.kind, uid)) ?? []) : [],
  }));
}

type Write =
  | { op: 'stamp'; kind: StampKind; uid: string; field: StampField; stamp: Stamp }
  | { op: 'tomb'; kind: TombKind; uid: string; stamp: Stamp }
  | { op: 'forget'; kind: StampKind; uid: string };

/** Writes in the order given, consecutive writes of one sort as one statement per batch. */
async function flush(db: WritableDB, writes: readonly Write[]): Promise<void> {
  let at = 0;
  while (at < writes.length) {
    const op = writes[at]!.op;
    // A run of one sort, cut where a key would repeat (an upsert may touch a row once per statement).
    const run: Write[] = [];
    const keys = new Set<string>();
    while (at < writes.length && writes[at]!.op === op && run.length < BATCH) {
      const w = writes[at]!;
      const key = `${w.kind}:${w.uid}:${w.op === 'stamp' ? w.field : ''}`;
      if (keys.has(key)) break;
      keys.add(key);
      run.push(w);
      at += 1;
    }
    if (op === 'stamp') {
      const rows = run as Extract<Write, { op: 'stamp' }>[];
      const empty = rows.filter((w) => Object.keys(w.stamp).length === 0);
      const full = rows.filter((w) => Object.keys(w.stamp).length > 0);
      for (const w of empty) await db.run('DELETE FROM merge_stamp WHERE kind = ? AND uid = ? AND field = ?', w.kind, w.uid, w.field);
      if (full.length)
        await db.run(
          `INSERT INTO merge_stamp (kind, uid, field, stamp) VALUES ${full.map(() => '(?, ?, ?, ?)').join(', ')}
           ON CONFLICT (kind, uid, field) DO UPDATE SET stamp = excluded.stamp`,
          ...full.flatMap((w) => [w.kind, w.uid, w.field, stampText(w.stamp)]),
        );
    } else if (op === 'tomb') {
      const rows = run as Extract<Write, { op: 'tomb' }>[];
      await db.run(
        `INSERT INTO merge_tombstone (kind, uid, stamp) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (kind, uid) DO UPDATE SET stamp = excluded.stamp`,
        ...rows.flatMap((w) => [w.kind, w.uid, stampText(w.stamp)]),
      );
    } else {
      for (const [kind, list] of byKind(run as Extract<Write, { op: 'forget' }>[])) {
        const uids = list.map((w) => w.uid);
        await db.run(`DELETE FROM merge_stamp WHERE kind = ? AND uid IN (${marks(uids.length)})`, kind, ...uids);
        if (isTombKind(kind)) await db.run(`DELETE FROM merge_alias WHERE kind = ? AND uid IN (${marks(uids.length)})`, kind, ...uids);
      }
    }
  }
}

/** Stamps what changed, buries what went, and lets what came back know its tombstone. */
async function settle(db: WritableDB, befores: Before[]): Promise<void> {
  const named = befores.filter((b): b is Before & { uid: string } => !!b.uid);
  if (!named.length) return;
  const alive = await rowsNow(db, named.map((b) => b.item));
  const isAlive = (b: Before) => alive.has(itemKey(b.item.kind, b.item.key));
  // What is stored now (after the change or replay), for the items made or brought back and the
  // tombstones of the items gone; kept current as this settling writes, as one write at a time would.
  const storedNow = await stored(db, [
    ...named.filter((b) => !b.existed && isAlive(b)).map((b) => ({ kind: b.item.kind, uid: b.uid })),
    ...named
      .filter((b) => b.existed && !isAlive(b) && isTombKind(b.item.kind))
      .flatMap((b) => [b.uid, ...b.aliases].map((uid) => ({ kind: b.item.kind, uid }))),
  ]);
  const stampsNow = storedNow.stamps;
  const tombsNow = storedNow.tombs;
  let stamp: Stamp | null = null;
  const now = async () => (stamp ??= await tick(db));
  const writes: Write[] = [];
  const setStamp = (kind: StampKind, uid: string, field: StampField, value: Stamp) => {
    writes.push({ op: 'stamp', kind, uid, field, stamp: value });
    const key = itemKey(kind, uid);
    const found = stampsNow.get(key) ?? {};
    if (Object.keys(value).length) found[field] = value;
    else delete found[field];
    stampsNow.set(key, found);
  };
  for (const b of named) {
    const kind = b.item.kind;
    const live = isAlive(b);
    if (b.existed && live) {
      for (const field of b.item.fields) setStamp(kind, b.uid, field, joinStamps(b.stamps[field] ?? {}, await now()));
    } else if (!b.existed && live) {
      // made, or brought back: it knows of any earlier deletion, and this change
      const current = { ...(stampsNow.get(itemKey(kind, b.uid)) ?? {}) };
      const fields = new Set<StampField>([...b.item.fields, ...(b.tomb ? FIELDS[kind] : [])]);
      for (const field of fields) setStamp(kind, b.uid, field, joinStamps(current[field] ?? {}, b.stamps[field] ?? {}, b.tomb ?? {}, await now()));
    } else if (b.existed && !live && isTombKind(kind)) {
      const knew = joinStamps(...Object.values(b.stamps), await now());
      for (const uid of [b.uid, ...b.aliases]) {
        const earlier = tombsNow.get(itemKey(kind, uid)) ?? null;
        const value = joinStamps(earlier ?? {}, b.tomb && uid === b.uid ? b.tomb : {}, knew);
        writes.push({ op: 'tomb', kind, uid, stamp: value });
        tombsNow.set(itemKey(kind, uid), value);
      }
      writes.push({ op: 'forget', kind, uid: b.uid });
      stampsNow.delete(itemKey(kind, b.uid));
    }
  }
  await flush(db, writes);
}

/** After a command's change (its change rows after `after`): stamps it. Call while capture is on. */
export async function stampCommand(db: WritableDB, commandId: number, after: number): Promise<void> {
  const items = await touchedItems(db, commandId, after);
  if (items.size === 0) return;
  // The command never writes stamps, so what is stored is what the item had before it.
  await settle(db, await describeAll(db, [...items.values()], (item) => !item.made));
}

/** Before an undo or redo replays a step: what its items are now. Pass the answer to `restamp`. */
export async function beforeReplay(db: ReadableDB, commandId: number): Promise<Before[]> {
  const items = await touchedItems(db, commandId, 0);
  if (items.size === 0) return [];
  // An item with no row now and no uid in the log cannot be named: nothing to stamp.
  return (await describeAll(db, [...items.values()], (_item, alive) => alive)).filter((b) => b.uid);
}

/** After the replay: the undo or redo is a change of its own, stamped after what it replaced. */
export async function restamp(db: WritableDB, befores: Before[]): Promise<void> {
  if (befores.length) await settle(db, befores);
}

const STAMP_TABLES: Record<string, { keys: string[]; value: string }> = {
  merge_stamp: { keys: ['kind', 'uid', 'field'], value: 'stamp' },
  merge_tombstone: { keys: ['kind', 'uid'], value: 'stamp' },
  merge_alias: { keys: ['kind', 'alias'], value: 'uid' },
};

/**
 * Before a replay: puts the stamp rows a step wrote back as the step left them (or, for a redo, as
 * it found them), since the stamping after an earlier undo or redo wrote them outside the log; the
 * replay then moves them exactly as logged, and `restamp` stamps the replay itself.
 */
export async function alignStampRows(db: WritableDB, commandId: number, direction: 'undo' | 'redo'): Promise<void> {
  const changes = await db.all<{ table_name: string; row_key: string; old_row: string | null; new_row: string | null }>(
    `SELECT table_name, row_key, old_row, new_row FROM command_change WHERE command_id = ?
       AND table_name IN ('merge_stamp', 'merge_tombstone', 'merge_alias') ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`,
    commandId,
  );
  const seen = new Set<string>();
  for (const change of changes) {
    const id = `${change.table_name}:${change.row_key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const { keys, value } = STAMP_TABLES[change.table_name]!;
    const from = direction === 'undo' ? change.new_row : change.old_row;
    const image = JSON.parse((change.new_row ?? change.old_row)!) as Row;
    const keyValues = keys.map((k) => image[k] as string);
    await db.run(`DELETE FROM ${change.table_name} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`, ...keyValues);
    if (from !== null) {
      const row = JSON.parse(from) as Row;
      await db.run(
        `INSERT INTO ${change.table_name} (${[...keys, value].join(', ')}) VALUES (${marks(keys.length + 1)})`,
        ...keyValues,
        row[value] as string,
      );
    }
  }
}

/** Every tombstone of the project. */
export async function allTombstones(db: ReadableDB): Promise<{ kind: TombKind; uid: string; stamp: Stamp }[]> {
  return (await db.all<{ kind: TombKind; uid: string; stamp: string }>('SELECT kind, uid, stamp FROM merge_tombstone ORDER BY kind, uid')).map(
    (r) => ({ kind: r.kind, uid: r.uid, stamp: parseStamp(r.stamp) }),
  );
}

/** Every stamp of the project, by "kind:uid" then field. */
export async function allStamps(db: ReadableDB): Promise<Map<string, Partial<Record<StampField, Stamp>>>> {
  const out = new Map<string, Partial<Record<StampField, Stamp>>>();
  await db.each<{ kind: string; uid: string; field: StampField; stamp: string }>('SELECT kind, uid, field, stamp FROM merge_stamp', [], (r) => {
    const k = `${r.kind}:${r.uid}`;
    let fields = out.get(k);
    if (!fields) out.set(k, (fields = {}));
    fields[r.field] = parseStamp(r.stamp);
  });
  return out;
}

/** Every alias, by "kind:uid". */
export async function allAliases(db: ReadableDB): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  await db.each<{ kind: string; uid: string; alias: string }>('SELECT kind, uid, alias FROM merge_alias ORDER BY alias', [], (r) => {
    const k = `${r.kind}:${r.uid}`;
    const list = out.get(k);
    if (list) list.push(r.alias);
    else out.set(k, [r.alias]);
  });
  return out;
}

export async function addAlias(db: WritableDB, kind: TombKind, uid: string, alias: string): Promise<void> {
  await db.run('INSERT INTO merge_alias (kind, alias, uid) VALUES (?, ?, ?) ON CONFLICT (kind, alias) DO UPDATE SET uid = excluded.uid', kind, alias, uid);
}
