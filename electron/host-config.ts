// Where a host finds its files and keeps its projects. Every bundle lives two folders below the
// application root (dist/node/*.mjs, dist/electron/*.mjs), in a checkout and inside a package.

import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendConfig } from './backend/backend';

declare const __GROUNDWORK_VERSION__: string;

export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(APP_ROOT, 'dist', 'renderer');
export const EXAMPLES_DIR = path.join(APP_ROOT, 'fixtures', 'example');
export const VERSION = typeof __GROUNDWORK_VERSION__ === 'string' ? __GROUNDWORK_VERSION__ : '0.0.0-dev';

/** GROUNDWORK_HOME, or a "Groundwork" folder in the user's home. */
export function defaultHome(): string {
  return process.env.GROUNDWORK_HOME ? path.resolve(process.env.GROUNDWORK_HOME) : path.join(os.homedir(), 'Groundwork');
}

export function hostConfig(host: BackendConfig['host'], home = defaultHome()): BackendConfig {
  return { host, version: VERSION, home, examplesDir: EXAMPLES_DIR };
}
