// Handlers for intercoder agreement and adjudication: the figures at three levels, their export,
// and decisions that build the consensus coding (each one undo step).

import { fail } from '../../../shared/api/errors';
import { say, sayCount } from '../../../shared/domain/message';
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
    requireStore(backend).write({ kind: 'adjudication.decide', label: say('Adjudicate a disagreement') }, async (db, command) => {
      const accepted = verdict === 'a' ? passagesA : verdict === 'b' ? passagesB : verdict === 'both' ? [...passagesA, ...passagesB] : [];
      const rejected = [...passagesA, ...passagesB].filter((id) => !accepted.includes(id));
      const done = await adjudicate(db, accepted, rejected);
      if (done.accepted + done.rejected === 0) fail('not-found', 'Those passages do not exist (any more).');
      command.setLabel(
        verdict === 'neither'
          ? say('Adjudicate: neither coder’s passage')
          : verdict === 'both'
            ? say('Adjudicate: both coders’ passages')
            : verdict === 'a'
              ? say('Adjudicate: coder A’s passage')
              : say('Adjudicate: coder B’s passage'),
      );
      return { ...done, consensusPassages: await consensusPassageCount(db) };
    }),
  'adjudication.acceptAgreements': (input, backend) =>
    requireStore(backend).write({ kind: 'adjudication.acceptAgreements', label: say('Accept the agreed passages into the consensus') }, async (db, command) => {
      const pairs = await agreedPairs(db, input);
      let added = 0;
      for (const p of pairs) if (await acceptPair(db, p.a.id, p.b.id)) added += 1;
      command.setLabel(sayCount(added, 'Accept {n} agreed passage into the consensus', 'Accept {n} agreed passages into the consensus'));
      return { added, alreadyThere: pairs.length - added };
    }),
} satisfies HandlerGroup<'agreement.compute' | 'agreement.export' | 'adjudication.decide' | 'adjudication.acceptAgreements'>;
