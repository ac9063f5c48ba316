// Saving what the backend produced (text or base64 bytes) and reading a file the user picked.

import { download, downloadBase64 } from '../../components/download';

export const saveText = (filename: string, text: string, type: string) => download(filename, text, type);

export const saveBase64 = (filename: string, dataBase64: string, type: string) => downloadBase64(filename, dataBase64, type);

export const MIME = {
  json: 'application/json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
