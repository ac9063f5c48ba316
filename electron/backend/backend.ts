// The backend of one running Groundwork: its settings, the project open in it (at most one, as a
// Store) and the listeners that hear what changed. Hosts (web host, Electron, command line)
// create one. Every change the store commits is announced once per call, naming what it touched.

import { AsyncLocalStorage } from 'node:async_hooks';
import { fail } from '../../shared/api/errors';
import type { AppInfo } from '../../shared/api/contract';
import type { BackendEvent } from '../../shared/api/wire';
import type { Store, Touched } from '../../db/store';
import { mergeTouched } from '../../db/store';
import type { ProjectHost } from './project-host';
import type { TeamAccess } from './team-access';
import { createUploads, type Uploads } from './uploads';

export interface BackendConfig {
  host: AppInfo['host'];
  version: string;
  /** Where new projects, the example project and the list of recent projects are kept. */
  home: string;
  /** The folder of example sources (fixtures/example in the repository). */
  examplesDir: string;
  /** Notice changes other programs make to the open project file (the app: yes; the CLI: no). */
  watchProject?: boolean;
  /** Keep a daily backup of each project opened (the app: yes; the CLI and tests: no). */
  dailyBackups?: boolean;
  /** Where projects live when not in files (a PostgreSQL server); absent: .groundwork files. */
  projects?: ProjectHost;
  /** The team server's accounts and roles (electron/server); absent elsewhere. */
  team?: TeamAccess;
}

/** The call being answered: who asked, and what its changes touched so far. */
export interface CallContext {
  origin: string | null;
  method: string;
  touched: Touched | null;
}

export const callContext = new AsyncLocalStorage<CallContext>();

export interface Backend {
  readonly config: BackendConfig;
  /** The open project, or null. Set it with open(). */
  readonly store: Store | null;
  /** Makes `store` the open project (closing the one before). */
  open(store: Store): Promise<void>;
  emit(event: BackendEvent): void;
  subscribe(listener: (event: BackendEvent) => void): () => void;
  /** Closes the open project (checkpointing its WAL into the one project file). */
  close(): Promise<void>;
  /** Files a host received as raw bytes, named by token in document.import (electron/backend/uploads.ts). */
  readonly uploads: Uploads;
}

export function createBackend(config: BackendConfig): Backend {
  const listeners = new Set<(event: BackendEvent) => void>();
  let store: Store | null = null;
  let unlisten: (() => void) | null = null;
  const backend: Backend = {
    config,
    uploads: createUploads(),
    get store() {
      return store;
    },
    async open(next) {
      await backend.close();
      store = next;
      unlisten = next.onChange((change) => {
        const call = callContext.getStore();
        // A change made while answering a call is announced once, when the call is answered.
        if (call && !change.external) call.touched = mergeTouched(call.touched, change.touched);
        else {
          const { actor, mark, label, said, kind } = change;
          backend.emit({ type: 'project.changed', origin: null, method: change.external ? 'external' : 'internal', touched: change.touched, actor, mark, label, said, kind });
        }
      });
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      unlisten?.();
      unlisten = null;
      const closing = store;
      store = null;
      if (closing) await closing.close();
    },
  };
  return backend;
}

export function requireStore(backend: Backend): Store {
  if (!backend.store) fail('no-project', 'No project is open. Create or open a project first.');
  return backend.store;
}
