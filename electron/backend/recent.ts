// The list of recently opened projects, kept as a small JSON file in the Groundwork home folder.

import fs from 'node:fs';
import path from 'node:path';
import type { ProjectListing } from '../../shared/domain/model';
import { PROJECT_EXTENSION } from '../../db/sqlite/open';

const MAX_RECENT = 12;
const recentFile = (home: string) => path.join(home, 'recent-projects.json');

function readRecent(home: string): string[] {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(recentFile(home), 'utf8'));
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberProject(home: string, file: string): void {
  const list = [file, ...readRecent(home).filter((p) => p !== file)].slice(0, MAX_RECENT);
  try {
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(recentFile(home), `${JSON.stringify(list, null, 2)}\n`);
  } catch {
    // The list is a convenience; a read-only home must not stop a project from opening.
  }
}

function listing(file: string): ProjectListing {
  let modifiedAt: string | null = null;
  let exists = false;
  try {
    const stat = fs.statSync(file);
    exists = stat.isFile();
    modifiedAt = stat.mtime.toISOString();
  } catch {
    // Missing: listed as such, so the user sees why it cannot open.
  }
  return { path: file, name: path.basename(file, PROJECT_EXTENSION), modifiedAt, exists };
}

export function listProjects(home: string): { recent: ProjectListing[]; inHome: ProjectListing[] } {
  const recent = readRecent(home).map(listing);
  let inHome: ProjectListing[] = [];
  try {
    inHome = fs
      .readdirSync(home)
      .filter((f) => f.endsWith(PROJECT_EXTENSION))
      .map((f) => listing(path.join(home, f)))
      .sort((a, b) => (b.modifiedAt ?? '').localeCompare(a.modifiedAt ?? ''));
  } catch {
    // No home folder yet: nothing in it.
  }
  return { recent, inHome };
}

/** A file name from a project name: keeps letters of any script, drops what file systems refuse. */
export function projectFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${safe || 'Untitled project'}${PROJECT_EXTENSION}`;
}
