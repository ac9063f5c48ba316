// Turning the bytes of a plain-text file into text, or a clear reason why not. Only UTF-8 (with
// or without BOM) and UTF-16 with a BOM are read; anything else is refused rather than guessed.

import { badFile } from '../../../shared/api/errors';
import { MAX_SOURCE_BYTES } from '../../../shared/domain/limits';
import { say, sayBytes } from '../../../shared/domain/message';

export function checkSize(name: string, size: number): void {
  if (size === 0) throw badFile(name, say('the file is empty.'));
  if (size > MAX_SOURCE_BYTES) {
    throw badFile(name, say('the file is {size}; sources larger than {max} are not imported. Split it into parts.', { size: sayBytes(size), max: sayBytes(MAX_SOURCE_BYTES) }));
  }
}

/** Control characters other than tab, line feed, carriage return and form feed. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  // An indexed loop: a typed array's iterator costs ten times as much per byte (1,000 imports).
  for (let i = 0; i < sample.length; i += 1) {
    const b = sample[i]!;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control += 1;
  }
  return control > sample.length * 0.02;
}

/** Decodes text bytes, refusing binary data and invalid UTF-8. */
export function decodeText(name: string, bytes: Uint8Array): string {
  checkSize(name, bytes.length);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) throw badFile(name, say('this looks like a binary file, not text. Import plain text (UTF-8) or HTML.'));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badFile(name, say('the file is not valid UTF-8 text (first bad byte at position {position}). Save it as UTF-8 and import it again.', { position: firstInvalidUtf8(bytes) }));
  }
}

/** Removes control characters that have no place in a source (the binary check lets a few pass). */
export const stripControls = (text: string) => text.replace(CONTROL, '');

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >> 5 === 0b110 ? 1 : b >> 4 === 0b1110 ? 2 : b >> 3 === 0b11110 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
