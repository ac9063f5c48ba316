// Who codes on this machine, per project: the app asks once when a project with coders is opened
// here for the first time and remembers the answer (a coder's GUID, or "no coder") in a small JSON
// file in the Groundwork home folder, keyed by the copy's replica GUID (each copy handed to a
// coder is a replica of its own; a project opened again opens with the coder chosen before).

import fs from 'node:fs';
import path from 'node:path';

const FILE = 'coders.json';
const NONE = '';

type Memory = Record<string, string>;

function read(home: string): Memory {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(path.join(home, FILE), 'utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } catch {
    // none yet, or unreadable: nothing remembered
  }
  return {};
}

/** The coder chosen for a project here: a GUID, null for "no coder", undefined when never asked. */
export function rememberedCoder(home: string, replica: string): string | null | undefined {
  const value = read(home)[replica];
  return value === undefined ? undefined : value === NONE ? null : value;
}

export function rememberCoder(home: string, replica: string, coderUid: string | null): void {
  const memory = { ...read(home), [replica]: coderUid ?? NONE };
  try {
    fs.mkdirSync(home, { recursive: true });
    const file = path.join(home, FILE);
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(memory, null, 2)}\n`);
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // A convenience: a read-only home only means the app asks again next time.
  }
}
