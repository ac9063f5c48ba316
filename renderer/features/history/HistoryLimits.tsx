// How much history the project keeps (history.limits / history.setLimits): its last N steps and
// every step of its last D days; older steps are forgotten while the project is idle.

import { type FormEvent, useEffect, useState } from 'react';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useProjectQuery } from '../../state/use-project-query';
import { NumberField } from '../../components/NumberField';

export function HistoryLimits() {
  const run = useStore((s) => s.run);
  // A keyed answer: read when shown, again only when the project's settings change.
  const saved = useProjectQuery('history.limits', {});
  const [steps, setSteps] = useState('');
  const [days, setDays] = useState('');
  useEffect(() => {
    if (!saved) return;
    setSteps(String(saved.keepSteps));
    setDays(String(saved.keepDays));
  }, [saved]);
  if (!saved) return null;
  const wanted = { keepSteps: Number(steps), keepDays: Number(days) };
  const valid = Number.isInteger(wanted.keepSteps) && wanted.keepSteps >= 0 && Number.isInteger(wanted.keepDays) && wanted.keepDays >= 0;
  const changed = wanted.keepSteps !== saved.keepSteps || wanted.keepDays !== saved.keepDays;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await run('history.setLimits', wanted);
  };
  return (
    <form className="gw-history-limits" onSubmit={(event) => void save(event)}>
      <p className="gw-muted">
        {t('History kept: the last {steps} steps and every step of the last {days} days; older steps are forgotten when the project is idle.', {
          steps: num(saved.keepSteps),
          days: num(saved.keepDays),
        })}
      </p>
      <label>
        {t('Steps')}
        <NumberField value={steps} onChange={setSteps} />
      </label>
      <label>
        {t('Days')}
        <NumberField value={days} onChange={setDays} />
      </label>
      <button type="submit" className="gw-button" disabled={!valid || !changed}>
        {t('Keep')}
      </button>
    </form>
  );
}
