// The waves of literature: each a rule (import batches, publication years, or a record attribute)
// named by the user, with the sources it holds now; one wave can be compared with the others.

import { useState } from 'react';
import type { WaveList } from '../../../shared/api/evolution-contract';
import type { WaveAttribute, WaveRule } from '../../../shared/domain/waves';
import { WAVE_ATTRIBUTES } from '../../../shared/domain/waves';
import { confirmAction } from '../../components/confirm';
import { plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import type { Against } from './EvolutionView';
import { attributeName, batchLabel, waveRuleText } from './texts';
import { NumberField } from '../../components/NumberField';

type Kind = WaveRule['kind'];

function NewWaveForm({ list, onDone }: { list: WaveList; onDone: (id: number | null) => void }) {
  const run = useStore((s) => s.run);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('batch');
  const [batches, setBatches] = useState<string[]>(() => (list.batches.length ? [list.batches[list.batches.length - 1]!.key] : []));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [attribute, setAttribute] = useState<WaveAttribute>('type');
  const [value, setValue] = useState('');

  const rule = (): WaveRule =>
    kind === 'batch'
      ? { kind, batches }
      : kind === 'years'
        ? { kind, from: from.trim() ? Number(from) : null, to: to.trim() ? Number(to) : null }
        : { kind, attribute, value };

  return (
    <form
      className="gw-evo-form"
      aria-label={t('New wave')}
      onSubmit={async (event) => {
        event.preventDefault();
        const made = await run('wave.create', { name, rule: rule() });
        if (made) onDone(made.id);
      }}
    >
      <label>
        {t('Name of the wave')}
        <input type="text" value={name} autoFocus placeholder={t('New literature, 2022–2026')} onChange={(e) => setName(e.target.value)} dir="auto" />
      </label>
      <label>
        {t('Sources')}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="batch">{t('by import batch')}</option>
          <option value="years">{t('by publication years')}</option>
          <option value="attribute">{t('by a source attribute')}</option>
        </select>
      </label>
      {kind === 'batch' && (
        <fieldset className="gw-evo-batches">
          <legend>{t('Import batches')}</legend>
          {list.batches.map((b) => (
            <label key={b.key} title={b.names.join('\n')}>
              <input
                type="checkbox"
                checked={batches.includes(b.key)}
                onChange={(e) => setBatches(e.target.checked ? [...batches, b.key] : batches.filter((x) => x !== b.key))}
              />
              <span>
                {batchLabel(b)}
                <bdi className="gw-muted gw-evo-names">{b.names.join('، ')}</bdi>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'years' && (
        <div className="gw-evo-years">
          <label>
            {t('From')}
            <NumberField value={from} onChange={setFrom} />
          </label>
          <label>
            {t('To')}
            <NumberField value={to} onChange={setTo} />
          </label>
        </div>
      )}
      {kind === 'attribute' && (
        <div className="gw-evo-years">
          <label>
            {t('Attribute')}
            <select value={attribute} onChange={(e) => setAttribute(e.target.value as WaveAttribute)}>
              {[...WAVE_ATTRIBUTES, ...list.attributes].map((a) => (
                <option key={a} value={a}>
                  {attributeName(a)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Value')}
            <input type="text" value={value} onChange={(e) => setValue(e.target.value)} dir="auto" />
          </label>
        </div>
      )}
      <div className="gw-toolbar">
        <button type="submit" className="gw-button gw-primary" disabled={!name.trim()}>
          {t('Create the wave')}
        </button>
        <button type="button" className="gw-button" onClick={() => onDone(null)}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

export function WavesPanel({ list, against, onChoose }: { list: WaveList; against: Against | null; onChoose: (a: Against) => void }) {
  const run = useStore((s) => s.run);
  const [adding, setAdding] = useState(false);
  return (
    <section className="gw-evo-panel" aria-labelledby="gw-waves-title">
      <h3 id="gw-waves-title">{t('Waves')}</h3>
      {list.waves.length === 0 && <p className="gw-muted">{t('No wave yet: group the sources into waves of literature to see what each added.')}</p>}
      <ul className="gw-evo-list" aria-label={t('Waves')}>
        {list.waves.map((w) => {
          const chosen = against?.kind === 'wave' && against.id === w.id;
          return (
            <li key={w.id} className={chosen ? 'gw-chosen' : undefined} data-wave={w.name}>
              <button type="button" className="gw-evo-choose" aria-pressed={chosen} title={t('Compare this wave with the others')} onClick={() => onChoose({ kind: 'wave', id: w.id })}>
                <bdi className="gw-evo-name">{w.name}</bdi>
                <span className="gw-muted">
                  {waveRuleText(w.rule)} · {plural(w.sources.length, '{n} source', '{n} sources')}
                </span>
              </button>
              <button
                type="button"
                className="gw-icon-button"
                aria-label={t('Delete wave {name}', { name: w.name })}
                title={t('Delete wave {name}', { name: w.name })}
                onClick={async () => {
                  const ok = await confirmAction({
                    title: t('Delete wave {name}', { name: w.name }),
                    message: t('Its sources stay in the project; only the grouping goes. Ctrl+Z brings it back.'),
                    confirmLabel: t('Delete'),
                    danger: true,
                  });
                  if (ok) await run('wave.delete', { id: w.id });
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {list.noWave.length > 0 && list.waves.length > 0 && <p className="gw-muted">{plural(list.noWave.length, '{n} source is in no wave.', '{n} sources are in no wave.')}</p>}
      {adding ? (
        <NewWaveForm
          list={list}
          onDone={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="gw-button" onClick={() => setAdding(true)} disabled={list.batches.length === 0}>
          {t('New wave…')}
        </button>
      )}
    </section>
  );
}
