// Which sources an analysis counts: a wave, a screening stage, and a record attribute's value.
// Nothing chosen: every source.

import type { SourceFilter } from '../../../shared/domain/waves';
import { STAGES } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { attributeName, attributeValueLabel } from './texts';
import { useAnswer } from './use-answer';

export interface FilterState {
  wave: number | null;
  stage: string;
  /** year, a record field, or a free-form attribute's name. */
  attribute: string;
  value: string;
}

export const NO_FILTER: FilterState = { wave: null, stage: '', attribute: 'year', value: '' };

export function toFilter(f: FilterState): SourceFilter | undefined {
  const out: SourceFilter = {};
  if (f.wave !== null) out.waves = [f.wave];
  if (f.stage) out.stages = [f.stage as never];
  if (f.value.trim()) out.attribute = { name: f.attribute, values: f.value.split(',').map((v) => v.trim()).filter(Boolean) };
  return Object.keys(out).length ? out : undefined;
}

export function FilterBar({ value, onChange }: { value: FilterState; onChange: (f: FilterState) => void }) {
  const waves = useAnswer('wave.list', {}).value;
  return (
    <fieldset className="gw-analysis-bar gw-filter" aria-label={t('Which sources')}>
      <label>
        {t('Wave')}
        <select value={value.wave ?? ''} onChange={(e) => onChange({ ...value, wave: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('All sources')}</option>
          {waves?.waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('Stage')}
        <select value={value.stage} onChange={(e) => onChange({ ...value, stage: e.target.value })}>
          <option value="">{t('Any stage')}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {attributeValueLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('Attribute')}
        <select value={value.attribute} onChange={(e) => onChange({ ...value, attribute: e.target.value })}>
          {['year', 'type', 'language', 'venue', 'keyword', ...(waves?.attributes ?? [])].map((a) => (
            <option key={a} value={a}>
              {attributeName(a)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('Equal to (several: a, b)')}
        <input type="text" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} dir="auto" />
      </label>
    </fieldset>
  );
}
