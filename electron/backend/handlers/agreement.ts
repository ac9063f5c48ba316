// Handlers for intercoder agreement and adjudication: the figures at three levels, their export,
// and decisions that build the consensus coding (each one undo step).

import { GroundworkError } from '../../../shared/api/errors';
import { acceptPair, adjudicate, consensusPassageCount } from '../../../db/adjudication';
import { requireStore } from '../backend';
import { agreedPairs, agreementXlsx, computeAgreement, figuresCsv } from '../team/agreement';
import type { HandlerGroup } from './types';

const safe = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim() || 'coder';

export const agreementHandlers = {
  'agreement.compute': (input, backend) => requireStore(backend).read((db) => computeAgreement(db, input)),
  'agreement.export': async ({ agreement, format }, backend) => {
    const store = requireStore(backend);
    const view = await store.read((db) => computeAgreement(db, agreement));
    const base = `agreement ${safe(view.coderA.name)} × ${safe(view.coderB.name)}`;
    if (format === 'csv') return { filename: `${base}.csv`, dataBase64: Buffer.from(figuresCsv(view), 'utf8').toString('base64'), mime: 'text/csv' };
    const info = await store.info();
    return {
      filename: `${base}.xlsx`,
      dataBase64: (await agreementXlsx(view, info.name)).toString('base64'),
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  },
  'adjudication.decide': ({ passagesA, passagesB, verdict }, backend) =>
    requireStore(backend).write({ kind: 'adjudication.decide', label: 'Adjudicate a disagreement' }, async (db, command) => {
      const accepted = verdict === 'a' ? passagesA : verdict === 'b' ? passagesB : verdict === 'both' ? [...passagesA, ...passagesB] : [];
      const rejected = [...passagesA, ...passagesB].filter((id) => !accepted.includes(id));
      const done = await adjudicate(db, accepted, rejected);
      if (done.accepted + done.rejected === 0) throw new GroundworkError('not-found', 'Those passages do not exist (any more).');
      command.setLabel(
        verdict === 'neither' ? 'Adjudicate: neither coder’s passage' : verdict === 'both' ? 'Adjudicate: both coders’ passages' : `Adjudicate: coder ${verdict.toUpperCase()}’s passage`,
      );
      return { ...done, consensusPassages: await consensusPassageCount(db) };
    }),
  'adjudication.acceptAgreements': (input, backend) =>
    requireStore(backend).write({ kind: 'adjudication.acceptAgreements', label: 'Accept the agreed passages into the consensus' }, async (db, command) => {
      const pairs = await agreedPairs(db, input);
      let added = 0;
      for (const p of pairs) if (await acceptPair(db, p.a.id, p.b.id)) added += 1;
      command.setLabel(`Accept ${added} agreed passage${added === 1 ? '' : 's'} into the consensus`);
      return { added, alreadyThere: pairs.length - added };
    }),
} satisfies HandlerGroup<'agreement.compute' | 'agreement.export' | 'adjudication.decide' | 'adjudication.acceptAgreements'>;
