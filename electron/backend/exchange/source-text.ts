// Finding and decoding the plain text a source (or note) names (REFI-QDA §8): `internal://NAME`
// under the archive's sources/ (or Sources/) folder, a plain file name the same way, `relative://`
// against the project's basePath, `absolute://` only where that file exists. Archive entries are
// found by comparing names in memory; only paths the document itself gives are ever opened on disk,
// and only when the caller allows it, as regular .txt files under the size cap.

import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_SOURCE_BYTES } from '../../../shared/domain/limits';
import { saidOf } from '../../../shared/api/errors';
import { say, sayBytes, type Message } from '../../../shared/domain/message';
import { decodeText } from '../import/decode';
import type { ExchangeArchive } from './archive';

export interface TextLocator {
  archive: ExchangeArchive | null;
  /** The folder of project.qde inside the archive ("" at its root, else ending in "/"). */
  qdeFolder: string;
  /** The folder on disk of the exchange file, when it was read from a path. */
  fileDir: string | null;
  basePath: string | null;
  /** Whether paths outside the archive may be read from disk. */
  external: 'read' | 'report';
}

export type LoadedText = { ok: true; writerText: string; from: string } | { ok: false; reason: Message };

function findEntry(archive: ExchangeArchive, folder: string, name: string): string | null {
  const wanted = name.replace(/\\/g, '/').replace(/^\/+/, '');
  for (const c of [`${folder}sources/${wanted}`, `${folder}Sources/${wanted}`, `${folder}${wanted}`]) {
    const found = archive.find(c);
    if (found) return found;
  }
  return null;
}

async function readDisk(locator: TextLocator, file: string, written: string): Promise<LoadedText> {
  if (locator.external !== 'read') return { ok: false, reason: say('"{path}" is outside the archive, and files outside it are not read for this import.', { path: written }) };
  if (!/\.txt$/i.test(file)) return { ok: false, reason: say('"{path}" is outside the archive and not a .txt file: not read.', { path: written }) };
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { ok: false, reason: say('"{path}" names {file}, which does not exist here.', { path: written, file }) };
  }
  if (!stat.isFile()) return { ok: false, reason: say('"{path}" names {file}, which is not a file.', { path: written, file }) };
  if (stat.size > MAX_SOURCE_BYTES) return { ok: false, reason: say('{file} is {size}, over the {max} a source may have.', { file, size: sayBytes(stat.size), max: sayBytes(MAX_SOURCE_BYTES) }) };
  return decode(file, await fs.readFile(file), file);
}

function decode(name: string, bytes: Uint8Array, from: string): LoadedText {
  try {
    // decodeText drops a UTF-8 or UTF-16 byte order mark, which no writer counts in its positions.
    return { ok: true, writerText: decodeText(name, bytes), from };
  } catch (error) {
    return { ok: false, reason: saidOf(error) };
  }
}

export async function loadText(locator: TextLocator, written: string): Promise<LoadedText> {
  const m = /^([a-z]+):\/\/(.*)$/i.exec(written.trim());
  const scheme = m ? m[1]!.toLowerCase() : null;
  const rest = m ? m[2]! : written.trim();
  if (scheme === 'internal' || scheme === null) {
    const { archive } = locator;
    if (archive) {
      for (const name of [rest, safeDecode(rest)]) {
        const entry = findEntry(archive, locator.qdeFolder, name);
        // Inside the archive any name will do: the decoder refuses what is not text.
        if (entry) return decode(entry, await archive.read(entry), entry);
      }
    }
    if (scheme === 'internal') {
      return { ok: false, reason: archive ? say('"{path}" is not in the archive.', { path: written }) : say('"{path}" is meant to be inside a .qdpx archive, and this is a bare project document (import the .qdpx instead).', { path: written }) };
    }
    if (!locator.fileDir) return { ok: false, reason: say('"{path}" is not in the archive.', { path: written }) };
    return readDisk(locator, path.resolve(locator.fileDir, rest), written);
  }
  if (scheme === 'relative') {
    const base = locator.basePath || locator.fileDir;
    if (!base) return { ok: false, reason: say("\"{path}\" is relative to the project's basePath, which the file does not give.", { path: written }) };
    return readDisk(locator, path.resolve(base, safeDecode(rest).replace(/^[\\/]+/, '')), written);
  }
  if (scheme === 'absolute' || scheme === 'file') return readDisk(locator, safeDecode(rest), written);
  return { ok: false, reason: say('"{path}" uses a kind of path the standard does not define.', { path: written }) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
