// Reading a zip archive (a DOCX) safely with yauzl: the archive is checked as a whole before any
// library unpacks it (a cap on entries, on the declared unpacked size of each entry and of all, and
// on the packing ratio; names with ".." or absolute paths are refused), then every entry is
// actually unpacked with the same caps (a size in a header can lie), into memory, never to disk: no
// path is ever built from an entry's name. Only then may another library (mammoth) read the file.

import yauzl from 'yauzl';
import { GroundworkError } from '../../../shared/api/errors';
import { formatBytes, formatCount, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES } from '../../../shared/domain/limits';

const bad = (name: string, reason: string) => new GroundworkError('bad-file', `${name}: ${reason}`);

export interface ZipCheck {
  entries: Map<string, yauzl.Entry>;
  zip: yauzl.ZipFile;
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    ),
  );
}

const unsafeName = (entryName: string) =>
  entryName.startsWith('/') || entryName.startsWith('\\') || /^[A-Za-z]:/.test(entryName) || entryName.split(/[\\/]/).includes('..');

/** Opens and checks the whole archive; throws a clear message for anything unsafe or broken. */
export async function checkZip(name: string, bytes: Uint8Array, what: string): Promise<ZipCheck> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw bad(name, `this is not ${what}: it is not a zip archive${name.toLowerCase().endsWith('.docx') ? ' (an old .doc file or a renamed file? Save it as .docx in Word or LibreOffice first)' : ''}.`);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (error) {
    throw bad(name, `the archive is damaged and cannot be read (${(error as Error).message}).`);
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    throw bad(name, `the archive holds ${formatCount(zip.entryCount)} entries, more than ${formatCount(MAX_ZIP_ENTRIES)} (MAX_ZIP_ENTRIES): refused as unsafe.`);
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (unsafeName(entry.fileName)) return reject(bad(name, `the archive holds an unsafe entry name ("${entry.fileName.slice(0, 80)}"): refused.`));
        // Two entries of one name: libraries disagree on which one counts, so neither is trusted.
        if (entries.has(entry.fileName)) return reject(bad(name, `the archive holds two entries named "${entry.fileName.slice(0, 80)}": refused as unsafe.`));
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        const limit =
          entry.uncompressedSize > MAX_ZIP_ENTRY_BYTES
            ? `MAX_ZIP_ENTRY_BYTES, ${formatBytes(MAX_ZIP_ENTRY_BYTES)} per entry`
            : total > MAX_ZIP_TOTAL_BYTES
              ? `MAX_ZIP_TOTAL_BYTES, ${formatBytes(MAX_ZIP_TOTAL_BYTES)} in all`
              : entry.uncompressedSize > 1024 * 1024 && ratio > MAX_ZIP_RATIO
                ? `MAX_ZIP_RATIO, ${MAX_ZIP_RATIO} times its packed size`
                : '';
        if (limit) {
          return reject(
            bad(
              name,
              `the archive would unpack to ${formatBytes(entry.uncompressedSize)} from ${formatBytes(entry.compressedSize)} ` +
                `("${entry.fileName.slice(0, 80)}"), over the limit (${limit}): refused as a possible zip bomb.`,
            ),
          );
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    if (error instanceof GroundworkError) throw error;
    throw bad(name, `the archive is damaged and cannot be read (${(error as Error).message}).`);
  }
  return { entries, zip };
}

/**
 * Reads one entry into memory, stopping at the entry cap whatever its header claims (yauzl also
 * refuses an entry whose actual size differs from its declared one); `budget` is what all entries
 * together may still unpack to.
 */
export function readEntry(name: string, check: ZipCheck, entryName: string, budget = MAX_ZIP_TOTAL_BYTES): Promise<Buffer | undefined> {
  const entry = check.entries.get(entryName);
  if (!entry) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    check.zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(bad(name, `"${entryName}" cannot be unpacked (${error?.message ?? 'no stream'}).`));
      const parts: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        const over = size > MAX_ZIP_ENTRY_BYTES ? `MAX_ZIP_ENTRY_BYTES, ${formatBytes(MAX_ZIP_ENTRY_BYTES)} per entry` : size > budget ? `MAX_ZIP_TOTAL_BYTES, ${formatBytes(MAX_ZIP_TOTAL_BYTES)} in all` : '';
        if (over) {
          stream.destroy();
          reject(bad(name, `"${entryName.slice(0, 80)}" unpacks to more than its header says, over the limit (${over}): refused as a possible zip bomb.`));
          return;
        }
        parts.push(chunk);
      });
      stream.on('error', (e) =>
        reject(
          /bytes in the stream/.test(e.message)
            ? bad(name, `"${entryName.slice(0, 80)}" does not unpack to the ${formatBytes(entry.uncompressedSize)} its header declares: refused as a possible zip bomb.`)
            : bad(name, `"${entryName.slice(0, 80)}" is damaged (${e.message}).`),
        ),
      );
      stream.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
}

/** Unpacks every entry, one at a time, within the per-entry and total caps. */
export async function readAllEntries(name: string, check: ZipCheck): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let total = 0;
  for (const entryName of check.entries.keys()) {
    const part = await readEntry(name, check, entryName, MAX_ZIP_TOTAL_BYTES - total);
    if (!part) continue;
    total += part.length;
    out.set(entryName, part);
  }
  return out;
}
