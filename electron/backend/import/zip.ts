// Reading a zip archive (a DOCX) safely with yauzl: the archive is checked as a whole before any
// library unpacks it (a cap on entries, on the declared unpacked size of each entry and of all, and
// on the packing ratio; names with ".." or absolute paths are refused), then every entry is
// actually unpacked with the same caps (a size in a header can lie), into memory, never to disk: no
// path is ever built from an entry's name. Only then may another library (mammoth) read the file.

import yauzl from 'yauzl';
import { badFile as bad, GroundworkError } from '../../../shared/api/errors';
import { MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES } from '../../../shared/domain/limits';
import { say, sayBytes, type Message } from '../../../shared/domain/message';


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

const perEntry = () => say('MAX_ZIP_ENTRY_BYTES, {size} per entry', { size: sayBytes(MAX_ZIP_ENTRY_BYTES) });
const inAll = () => say('MAX_ZIP_TOTAL_BYTES, {size} in all', { size: sayBytes(MAX_ZIP_TOTAL_BYTES) });

const unsafeName = (entryName: string) =>
  entryName.startsWith('/') || entryName.startsWith('\\') || /^[A-Za-z]:/.test(entryName) || entryName.split(/[\\/]/).includes('..');

/** Opens and checks the whole archive; throws a clear message for anything unsafe or broken. */
export async function checkZip(name: string, bytes: Uint8Array, what: Message): Promise<ZipCheck> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw bad(
      name,
      name.toLowerCase().endsWith('.docx')
        ? say('this is not {what}: it is not a zip archive (an old .doc file or a renamed file? Save it as .docx in Word or LibreOffice first).', { what })
        : say('this is not {what}: it is not a zip archive.', { what }),
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (error) {
    throw bad(name, say('the archive is damaged and cannot be read ({reason}).', { reason: (error as Error).message }));
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    throw bad(name, say('the archive holds {n} entries, more than {max} (MAX_ZIP_ENTRIES): refused as unsafe.', { n: zip.entryCount, max: MAX_ZIP_ENTRIES }));
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (unsafeName(entry.fileName)) return reject(bad(name, say('the archive holds an unsafe entry name ("{entry}"): refused.', { entry: entry.fileName.slice(0, 80) })));
        // Two entries of one name: libraries disagree on which one counts, so neither is trusted.
        if (entries.has(entry.fileName)) return reject(bad(name, say('the archive holds two entries named "{entry}": refused as unsafe.', { entry: entry.fileName.slice(0, 80) })));
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        const limit =
          entry.uncompressedSize > MAX_ZIP_ENTRY_BYTES
            ? perEntry()
            : total > MAX_ZIP_TOTAL_BYTES
              ? inAll()
              : entry.uncompressedSize > 1024 * 1024 && ratio > MAX_ZIP_RATIO
                ? say('MAX_ZIP_RATIO, {ratio} times its packed size', { ratio: MAX_ZIP_RATIO })
                : null;
        if (limit) {
          return reject(
            bad(
              name,
              say('the archive would unpack to {size} from {packed} ("{entry}"), over the limit ({limit}): refused as a possible zip bomb.', {
                size: sayBytes(entry.uncompressedSize),
                packed: sayBytes(entry.compressedSize),
                entry: entry.fileName.slice(0, 80),
                limit,
              }),
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
    throw bad(name, say('the archive is damaged and cannot be read ({reason}).', { reason: (error as Error).message }));
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
      if (error || !stream) return reject(bad(name, say('"{entry}" cannot be unpacked ({reason}).', { entry: entryName, reason: error?.message ?? 'no stream' })));
      const parts: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        const over = size > MAX_ZIP_ENTRY_BYTES ? perEntry() : size > budget ? inAll() : null;
        if (over) {
          stream.destroy();
          reject(bad(name, say('"{entry}" unpacks to more than its header says, over the limit ({limit}): refused as a possible zip bomb.', { entry: entryName.slice(0, 80), limit: over })));
          return;
        }
        parts.push(chunk);
      });
      stream.on('error', (e) =>
        reject(
          /bytes in the stream/.test(e.message)
            ? bad(name, say('"{entry}" does not unpack to the {size} its header declares: refused as a possible zip bomb.', { entry: entryName.slice(0, 80), size: sayBytes(entry.uncompressedSize) }))
            : bad(name, say('"{entry}" is damaged ({reason}).', { entry: entryName.slice(0, 80), reason: e.message })),
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
