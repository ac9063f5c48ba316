// What Table 8 counts as final codes in a team project: the consensus coding, every coder's
// passages, or one coder's; the choice is the project's (one undo step), and the table says which.

import type { ParadigmCounts } from '../../../shared/domain/model';
import type { CoderId } from '../../../shared/domain/ids';
import { t } from '../../i18n/t';
import { useParadigmCounts } from '../../state/project-data';
import { useStore } from '../../state/store';
import { coderName } from './coder-name';
import { useCoders } from './team-store';

export function countBasisSentence(basis: ParadigmCounts['countBasis']): string {
  if (!basis || basis.kind === 'all') return t('Final codes count every coder’s passages.');
  if (basis.kind === 'consensus') return t('Final codes count the consensus coding only.');
  return t('Final codes count {name}’s passages only.', { name: basis.coderName ?? '?' });
}

export function CountBasisBar() {
  const counts = useParadigmCounts();
  const run = useStore((s) => s.run);
  const coders = useCoders();
  if (coders.length === 0) return null;
  const basis = counts?.countBasis ?? { kind: 'all', coderName: null };
  const value = basis.kind === 'coder' ? `coder:${coders.find((c) => c.name === basis.coderName)?.id ?? ''}` : basis.kind;
  const choose = (v: string) => {
    if (v === 'all' || v === 'consensus') void run('counts.setBasis', { basis: { kind: v } });
    else void run('counts.setBasis', { basis: { kind: 'coder', coderId: Number(v.slice(6)) as CoderId } });
  };
  return (
    <div className="gw-count-basis" data-testid="count-basis">
      <label>
        {t('Count:')}{' '}
        <select className="gw-input" value={value} onChange={(e) => choose(e.target.value)}>
          <option value="consensus" disabled={!coders.some((c) => c.kind === 'consensus')}>
            {t('consensus')}
          </option>
          <option value="all">{t('all coders')}</option>
          {coders
            .filter((c) => c.kind === 'person')
            .map((c) => (
              <option key={c.id} value={`coder:${c.id}`}>
                {t('one coder: {name}', { name: coderName(c) })}
              </option>
            ))}
        </select>
      </label>
      <span className="gw-note" data-testid="count-basis-sentence">
        {countBasisSentence(basis)}
      </span>
    </div>
  );
}
