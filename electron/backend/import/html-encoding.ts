// A saved page's bytes as text, in the encoding a browser would choose: a byte-order mark, else the
// page's <meta charset> (html-encoding-sniffer, the HTML standard's sniffing algorithm); without
// either, UTF-8 when the bytes are valid UTF-8, else windows-1252 as browsers default to.

import sniffEncoding from 'html-encoding-sniffer';

export function decodeHtml(bytes: Uint8Array): string {
  const sniffed = sniffEncoding(bytes, { defaultEncoding: 'UTF-8' });
  if (sniffed === 'UTF-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
  try {
    return new TextDecoder(sniffed).decode(bytes);
  } catch {
    // An encoding this Node cannot decode: read it as UTF-8, replacing what does not fit.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
