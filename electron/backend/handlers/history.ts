// Handlers for undo and redo over the project's command log (each window undoes its own steps).

import { getHistoryLimits, setHistoryLimits } from '../../../db/history-limits';
import { requireStore } from '../backend';
import { withActorNames } from './team';
import type { HandlerGroup } from './types';

export const historyHandlers = {
  'history.get': async (_input, backend) => {
    const store = requireStore(backend);
    return withActorNames(store, await store.history());
  },
  'history.undo': async (_input, backend) => {
    const store = requireStore(backend);
    await store.undo();
    return withActorNames(store, await store.history());
  },
  'history.redo': async (_input, backend) => {
    const store = requireStore(backend);
    await store.redo();
    return withActorNames(store, await store.history());
  },
  'history.limits': (_input, backend) => requireStore(backend).read(getHistoryLimits),
  'history.setLimits': (limits, backend) =>
    requireStore(backend).write({ kind: 'history.setLimits', label: 'Change how much history is kept' }, async (db) => {
      await setHistoryLimits(db, limits);
      return getHistoryLimits(db);
    }),
} satisfies HandlerGroup<'history.get' | 'history.undo' | 'history.redo' | 'history.limits' | 'history.setLimits'>;
