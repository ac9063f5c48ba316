// Before pdfjs reads a PDF, what its compressed streams unpack to is measured: each Flate stream
// is inflated here with a cap (MAX_PDF_STREAM_BYTES, and MAX_PDF_UNPACKED_BYTES for all), so a
// "flate bomb" is refused in a fraction of a second instead of filling memory inside pdfjs, which
// keeps a stream's whole output. A guard, not a reader: it finds streams by their keywords and
// inflates the ones pdfjs would (zlib-framed data); image streams, which text extraction never
// decodes, are skipped. Streams this cannot see (encrypted ones, other filters) stay bounded by
// the import worker's memory ceiling and time limit.

import zlib from 'node:zlib';
import { badFile } from '../../../shared/api/errors';
import { MAX_PDF_STREAM_BYTES, MAX_PDF_UNPACKED_BYTES } from '../../../shared/domain/limits';
import { say, sayBytes } from '../../../shared/domain/message';

/** `stream` after a dictionary's `>>`, and its end of line. */
const STREAM = />>[\t\n\f\r ]{0,64}stream(?:\r\n|\n|\r)/g;
/** A direct length (an indirect one, "/Length 12 0 R", is not read: the stream then ends at `endstream`). */
const LENGTH = /\/Length[\t\n\f\r ]+(\d{1,10})(?!\d)(?![\t\n\f\r ]+\d+[\t\n\f\r ]+R)/;
const IMAGE = /\/Subtype[\t\n\f\r ]*\/Image\b/;

/** A zlib header as pdfjs's FlateStream accepts it: deflate method, check bits right. */
const zlibHeader = (data: Uint8Array) => data.length > 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;

export function checkPdfStreams(name: string, bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let total = 0;
  STREAM.lastIndex = 0;
  for (let match = STREAM.exec(text); match; match = STREAM.exec(text)) {
    const start = match.index + match[0].length;
    // The stream's dictionary: back from `>>` to the object that holds it (a bounded window).
    const windowStart = Math.max(0, match.index - 4096);
    const before = text.slice(windowStart, match.index);
    const obj = before.lastIndexOf(' obj');
    const dict = obj >= 0 ? before.slice(obj) : before;
    const declared = LENGTH.exec(dict);
    let end = declared ? start + Number(declared[1]) : -1;
    if (end < start || end > buffer.length) {
      end = text.indexOf('endstream', start);
      if (end < 0) end = buffer.length;
    }
    STREAM.lastIndex = Math.max(end, start);
    if (IMAGE.test(dict)) continue;
    const data = buffer.subarray(start, end);
    if (!zlibHeader(data)) continue;
    const room = Math.min(MAX_PDF_STREAM_BYTES, MAX_PDF_UNPACKED_BYTES - total);
    let size: number;
    try {
      // Raw inflate past the two header bytes: like pdfjs, a bad checksum at the end is not fatal.
      size = zlib.inflateRawSync(data.subarray(2), { maxOutputLength: room + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') continue;
      size = room + 1;
    }
    if (size > room) {
      const limit =
        room === MAX_PDF_STREAM_BYTES
          ? say('{size} for one stream (MAX_PDF_STREAM_BYTES)', { size: sayBytes(MAX_PDF_STREAM_BYTES) })
          : say('{size} for all its streams (MAX_PDF_UNPACKED_BYTES)', { size: sayBytes(MAX_PDF_UNPACKED_BYTES) });
      throw badFile(name, say("the PDF's compressed content unpacks to more than {limit}: refused as a possible compression bomb.", { limit }));
    }
    total += size;
  }
}
