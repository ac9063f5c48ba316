// The levels of the model, lowest first: rename (Persian, English), describe, reorder, add and
// delete within 3 to 6 levels, or go back to the five CMMI levels. Each change is one undo step.

import { useEffect, useState } from 'react';
import type { LevelId, MaturityModel } from '../../../shared/domain/maturity';
import { MAX_LEVELS, MIN_LEVELS } from '../../../shared/domain/maturity';
import { confirmAction } from '../../components/confirm';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { type LabelLang, pick } from './use-maturity';

function Field({ value, label, dir, multiline, onSave }: { value: string; label: string; dir: 'rtl' | 'ltr'; multiline?: boolean; onSave(v: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = () => text !== value && onSave(text);
  return (
    <label className="gw-field">
      <span>{label}</span>
      {multiline ? (
        <textarea dir={dir} rows={3} value={text} onChange={(e) => setText(e.target.value)} onBlur={save} />
      ) : (
        <input dir={dir} value={text} onChange={(e) => setText(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
      )}
    </label>
  );
}

export function LevelsEditor({ model, lang }: { model: MaturityModel; lang: LabelLang }) {
  const run = useStore((s) => s.run);
  const ids = model.levels.map((l) => l.id);
  const move = (i: number, by: number) => {
    const next = [...ids];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    void run('maturity.reorderLevels', { ids: next });
  };
  const remove = async (id: LevelId, name: string) => {
    const yes = await confirmAction({
      title: t('Delete the level “{name}”?', { name }),
      message: t('Items rated on this level in any assessment become unrated, and the levels above it move down one. You can undo this.'),
      confirmLabel: t('Delete'),
      danger: true,
    });
    if (yes) void run('maturity.deleteLevel', { id });
  };
  const reset = async () => {
    const yes = await confirmAction({
      title: t('Restore the five CMMI levels?'),
      message: t('The current levels are replaced by the five CMMI levels (Initial, Managed, Defined, Quantitatively Managed, Optimizing); ratings already given are removed. You can undo this.'),
      confirmLabel: t('Restore'),
    });
    if (yes) void run('maturity.resetLevels', {});
  };
  return (
    <div className="gw-levels-editor" aria-label={t('Levels editor')}>
      <p className="gw-muted">
        {t('A model has {min} to {max} levels, lowest first. A rating on a level counts as its number in the scores.', { min: MIN_LEVELS, max: MAX_LEVELS })}
      </p>
      <ol className="gw-level-list">
        {model.levels.map((l, i) => (
          <li key={l.id} className="gw-level-card" data-level={l.value}>
            <div className="gw-level-head">
              <span className="gw-level-number">{num(l.value)}</span>
              <strong>
                <bdi>{pick(l, lang)}</bdi>
              </strong>
              <span className="gw-spacer" />
              <button type="button" className="gw-button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('Move {name} up', { name: pick(l, lang) })}>
                ↑
              </button>
              <button
                type="button"
                className="gw-button"
                disabled={i === model.levels.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('Move {name} down', { name: pick(l, lang) })}
              >
                ↓
              </button>
              <button
                type="button"
                className="gw-button gw-danger"
                disabled={model.levels.length <= MIN_LEVELS}
                onClick={() => void remove(l.id, pick(l, lang))}
              >
                {t('Delete')}
              </button>
            </div>
            <div className="gw-level-fields">
              <Field value={l.labelEn} label={t('English name')} dir="ltr" onSave={(labelEn) => void run('maturity.updateLevel', { id: l.id, labelEn })} />
              <Field value={l.labelFa} label={t('Persian name')} dir="rtl" onSave={(labelFa) => void run('maturity.updateLevel', { id: l.id, labelFa })} />
              <Field value={l.descriptionEn} label={t('Description (English)')} dir="ltr" multiline onSave={(descriptionEn) => void run('maturity.updateLevel', { id: l.id, descriptionEn })} />
              <Field value={l.descriptionFa} label={t('Description (Persian)')} dir="rtl" multiline onSave={(descriptionFa) => void run('maturity.updateLevel', { id: l.id, descriptionFa })} />
            </div>
          </li>
        ))}
      </ol>
      <div className="gw-toolbar">
        <button
          type="button"
          className="gw-button"
          disabled={model.levels.length >= MAX_LEVELS}
          onClick={() => void run('maturity.addLevel', { labelEn: 'New level', labelFa: 'سطح جدید' })}
        >
          {t('+ Level')}
        </button>
        <button type="button" className="gw-button" onClick={() => void reset()}>
          {t('Restore the CMMI levels')}
        </button>
      </div>
    </div>
  );
}
