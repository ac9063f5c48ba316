// Reading a .qdpx (a zip) with yauzl, safely: the entry count is capped, any entry name that is
// absolute or climbs out ("..") refuses the whole archive, and only the entries the reader asks
// for are unpacked, each into memory under a per-entry and a running total cap that hold against
// the sizes the archive declares and the bytes it really inflates to. No path is built from an
// entry name: entries are looked up by comparing names in memory.

import yauzl from 'yauzl';
import { badFile, GroundworkError } from '../../../shared/api/errors';
import { say, sayBytes, type Message } from '../../../shared/domain/message';

export interface ExchangeLimits {
  /** Entries listed in the archive (media files included, though never unpacked). */
  entries: number;
  /** One entry unpacked: project.qde may embed source texts, so it gets the same room as a source. */
  entryBytes: number;
  /** All entries unpacked by one read together. */
  totalBytes: number;
  /** Unpacked / packed size above which an entry larger than 1 MiB is taken for a bomb. */
  ratio: number;
}

export const EXCHANGE_LIMITS: ExchangeLimits = {
  entries: 20_000,
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  ratio: 200,
};

const bad = badFile;

export interface ExchangeArchive {
  /** Every entry name, as stored (folders included). */
  names: string[];
  /** The stored name equal to `name`, else one equal to it ignoring case, else null. */
  find(name: string): string | null;
  /** Unpacks one entry into memory, or refuses it as a bomb. */
  read(entryName: string): Promise<Buffer>;
  close(): void;
}

const unsafeName = (entryName: string) =>
  entryName.startsWith('/') || entryName.startsWith('\\') || /^[A-Za-z]:/.test(entryName) || entryName.split(/[\\/]/).includes('..');

function open(file: string, input: { bytes: Uint8Array } | { path: string }): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false, autoClose: false };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip));
    if ('bytes' in input) {
      const b = input.bytes;
      yauzl.fromBuffer(Buffer.from(b.buffer, b.byteOffset, b.byteLength), options, done);
    } else yauzl.open(input.path, options, done);
  }).catch((error: Error) => {
    throw bad(file, say('the archive is damaged and cannot be read ({reason}).', { reason: error.message }));
  }) as Promise<yauzl.ZipFile>;
}

export async function openArchive(
  file: string,
  input: { bytes: Uint8Array } | { path: string },
  limits: ExchangeLimits = EXCHANGE_LIMITS,
): Promise<ExchangeArchive> {
  const zip = await open(file, input);
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw bad(file, say('the archive lists {n} entries (at most {max} are read): refused as unsafe.', { n: zip.entryCount, max: limits.entries }));
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (unsafeName(entry.fileName)) return reject(unsafe(file, entry.fileName));
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    if (error instanceof GroundworkError) throw error;
    const message = (error as Error).message;
    // yauzl's own name check: "absolute path: …", "invalid relative path: …".
    const name = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(message);
    if (name) throw unsafe(file, name[1]!);
    throw bad(file, say('the archive is damaged and cannot be read ({reason}).', { reason: message }));
  }

  const lower = new Map<string, string>();
  for (const n of entries.keys()) if (!lower.has(n.toLowerCase())) lower.set(n.toLowerCase(), n);
  let total = 0;
  const bomb = (entryName: string, size: Message) =>
    bad(file, say('"{entry}" would unpack to {size}: refused as a possible zip bomb.', { entry: entryName.slice(0, 120), size }));
  return {
    names: [...entries.keys()],
    find: (name) => (entries.has(name) ? name : (lower.get(name.toLowerCase()) ?? null)),
    close: () => zip.close(),
    read(entryName) {
      const entry = entries.get(entryName);
      if (!entry) return Promise.reject(bad(file, say('the archive holds no "{entry}".', { entry: entryName })));
      const declared = entry.uncompressedSize;
      const ratio = declared / Math.max(1, entry.compressedSize);
      if (declared > limits.entryBytes || total + declared > limits.totalBytes || (declared > 1024 * 1024 && ratio > limits.ratio)) {
        return Promise.reject(bomb(entryName, say('{size} from {packed}', { size: sayBytes(declared), packed: sayBytes(entry.compressedSize) })));
      }
      return new Promise((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(bad(file, say('"{entry}" cannot be unpacked ({reason}).', { entry: entryName, reason: error?.message ?? 'no stream' })));
          const parts: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            // The header may lie: the real bytes are counted as they come.
            if (size > limits.entryBytes || total > limits.totalBytes) {
              stream.destroy();
              reject(bomb(entryName, say('more than {size}', { size: sayBytes(Math.min(limits.entryBytes, limits.totalBytes)) })));
              return;
            }
            parts.push(chunk);
          });
          stream.on('error', (e) =>
            reject(
              // yauzl compares the bytes inflated with the size the archive declares.
              /too (?:many|few) bytes in the stream/.test(e.message)
                ? bad(file, say('"{entry}" does not unpack to the size the archive declares ({reason}): refused as damaged or a possible zip bomb.', { entry: entryName.slice(0, 120), reason: e.message }))
                : bad(file, say('"{entry}" is damaged ({reason}).', { entry: entryName.slice(0, 120), reason: e.message })),
            ),
          );
          stream.on('end', () => resolve(Buffer.concat(parts)));
        });
      });
    },
  };
}

const unsafe = (file: string, entryName: string) =>
  bad(file, say("the archive holds an unsafe entry name (\"{entry}\", outside the archive's folder): refused.", { entry: entryName.slice(0, 120) }));

/** Whether the bytes start like a zip archive. */
export const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
