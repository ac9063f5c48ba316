// Reading a zip archive (a DOCX) safely with yauzl: the archive is checked as a whole before any
// library unpacks it (a cap on entries, on the total unpacked size and on the packing ratio, so a
// zip bomb is refused; names with ".." or absolute paths are refused), and entries are read into
// memory with the same caps, never written to disk: no path is ever built from an entry's name.

import yauzl from 'yauzl';
import { GroundworkError } from '../../../shared/api/errors';
import { formatBytes } from '../../../shared/domain/limits';

export const ZIP_LIMITS = {
  entries: 5000,
  /** All entries unpacked together. */
  totalBytes: 256 * 1024 * 1024,
  /** One entry unpacked. */
  entryBytes: 64 * 1024 * 1024,
  /** Unpacked / packed size of an entry larger than 1 MiB; text XML packs about 5–20 times. */
  ratio: 200,
};

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
  if (zip.entryCount > ZIP_LIMITS.entries) {
    zip.close();
    throw bad(name, `the archive holds ${zip.entryCount} entries (at most ${ZIP_LIMITS.entries} are read): refused as unsafe.`);
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (unsafeName(entry.fileName)) return reject(bad(name, `the archive holds an unsafe entry name ("${entry.fileName.slice(0, 80)}"): refused.`));
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes || (entry.uncompressedSize > 1024 * 1024 && ratio > ZIP_LIMITS.ratio)) {
          return reject(
            bad(
              name,
              `the archive would unpack to ${formatBytes(entry.uncompressedSize)} from ${formatBytes(entry.compressedSize)} ` +
                `("${entry.fileName.slice(0, 80)}"): refused as a possible zip bomb.`,
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

/** Reads one entry into memory, stopping at the entry cap whatever its header claims. */
export function readEntry(name: string, check: ZipCheck, entryName: string): Promise<Buffer | undefined> {
  const entry = check.entries.get(entryName);
  if (!entry) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    check.zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(bad(name, `"${entryName}" cannot be unpacked (${error?.message ?? 'no stream'}).`));
      const parts: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > ZIP_LIMITS.entryBytes) {
          stream.destroy();
          reject(bad(name, `"${entryName}" unpacks to more than ${formatBytes(ZIP_LIMITS.entryBytes)}: refused as a possible zip bomb.`));
          return;
        }
        parts.push(chunk);
      });
      stream.on('error', (e) => reject(bad(name, `"${entryName}" is damaged (${e.message}).`)));
      stream.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
}
