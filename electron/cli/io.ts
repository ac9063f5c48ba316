// Where a command writes, and in which language it words its messages: `--lang fa` (or the
// environment, see shared/i18n/translate.ts) prints errors and report lines in Persian; tables,
// JSON and CSV stay as they are, whatever the language.

import { english, type Message } from '../../shared/domain/message';
import { translate, type MessageLanguage } from '../../shared/i18n/translate';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Bytes to standard output (an XLSX report piped on); absent where the host cannot. */
  bytes?: (data: Uint8Array) => void;
  /** The language of messages (set by run() from --lang and the environment); English when absent. */
  lang?: MessageLanguage;
}

/** A message as this command prints it. */
export const shown = (io: Pick<Io, 'lang'>, message: Message | string): string =>
  typeof message === 'string' ? message : io.lang && io.lang !== 'en' ? translate(message, io.lang) : english(message);
