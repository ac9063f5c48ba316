// Handlers for REFI-QDA exchange: import a .qdpx/.qde/.qdc file into the open project (one
// command, exchange/store-import.ts), export the project (.qdpx) or its codebook (.qdc), and a
// source's attributes.

import { requireFound } from '../../../db/command-log';
import { english } from '../../../shared/domain/message';
import { getDocument } from '../../../db/documents';
import { listSourceAttributes } from '../../../db/source-attributes';
import { requireStore } from '../backend';
import { exportProject } from '../exchange/store-export';
import { importExchange } from '../exchange/store-import';
import type { HandlerGroup } from './types';

export const exchangeHandlers = {
  'exchange.import': ({ name, dataBase64, profile }, backend) =>
    importExchange(requireStore(backend), { name, bytes: Buffer.from(dataBase64, 'base64') }, profile ? { profile } : {}),
  'exchange.export': async ({ format, unit }, backend) => {
    const out = await exportProject(requireStore(backend), format, unit ?? 'standard', `Groundwork ${backend.config.version}`);
    return { filename: out.filename, dataBase64: out.bytes.toString('base64'), warnings: out.warnings.map(english), warningsSaid: out.warnings };
  },
  'document.attributes': ({ id }, backend) =>
    requireStore(backend).read(async (db) => {
      requireFound(await getDocument(db, id), 'That source');
      return (await listSourceAttributes(db, id)).map((a) => ({ name: a.name, value: a.value }));
    }),
} satisfies HandlerGroup<'exchange.import' | 'exchange.export' | 'document.attributes'>;
