// How much history the project keeps (history.limits / history.setLimits): its last N steps and
// every step of its last D days; older steps are forgotten while the project is idle.

import { type FormEvent, useEffect, useState } from 'react';
import type { HistoryLimits as Limits } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { NumberField } from '../../components/NumberField';

export function HistoryLimits() {
  const run = useStore((s) => s.run);
  const [saved, setSaved] = useState<Limits | null>(null);
  const [steps, setSteps] = useState('');
  const [days, setDays] = useState('');
  useEffect(() => {
    let live = true;
    api.call('history.limits', {}).then(
      (limits) => {
        if (!live) return;
        setSaved(limits);
        setSteps(String(limits.keepSteps));
        setDays(String(limits.keepDays));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!saved) return null;
  const wanted = { keepSteps: Number(steps), keepDays: Number(days) };
  const valid = Number.isInteger(wanted.keepSteps) && wanted.keepSteps >= 0 && Number.isInteger(wanted.keepDays) && wanted.keepDays >= 0;
  const changed = wanted.keepSteps !== saved.keepSteps || wanted.keepDays !== saved.keepDays;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const limits = await run('history.setLimits', wanted);
    if (limits) setSaved(limits);
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
