// The backend of one running Groundwork: its settings, the project open in it (at most one) and
// the listeners that hear what changed. Hosts (web host, Electron, command line) create one.

import { GroundworkError } from '../../shared/api/errors';
import type { AppInfo } from '../../shared/api/contract';
import type { BackendEvent } from '../../shared/api/wire';
import type { ProjectDb } from '../../db/connection';
import { closeProjectFile } from '../../db/connection';

export interface BackendConfig {
  host: AppInfo['host'];
  version: string;
  /** Where new projects, the example project and the list of recent projects are kept. */
  home: string;
  /** The folder of example sources (fixtures/example in the repository). */
  examplesDir: string;
}

export interface Backend {
  readonly config: BackendConfig;
  project: ProjectDb | null;
  emit(event: BackendEvent): void;
  subscribe(listener: (event: BackendEvent) => void): () => void;
  /** Closes the open project (checkpointing its WAL into the one project file). */
  close(): void;
}

export function createBackend(config: BackendConfig): Backend {
  const listeners = new Set<(event: BackendEvent) => void>();
  const backend: Backend = {
    config,
    project: null,
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (backend.project) closeProjectFile(backend.project);
      backend.project = null;
    },
  };
  return backend;
}

export function requireProject(backend: Backend): ProjectDb {
  if (!backend.project) throw new GroundworkError('no-project', 'No project is open. Create or open a project first.');
  return backend.project;
}
