// The bibliographic attributes of a record, editable in the details panel: each field is saved
// when it loses focus (one undo step per field), the stage and exclusion reason at once.

import { useEffect, useState } from 'react';
import { RECORD_TYPES, STAGES, authorName, type Author, type RecordSummary } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useReasons } from './corpus-store';
import { stageLabel, typeLabel } from './labels';

const parseAuthors = (text: string): Author[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [family, ...given] = line.split(/[,،]/);
      const g = given.join(',').trim();
      return g ? { family: family!.trim(), given: g } : { family: family!.trim() };
    });

function Field({ label, value, onSave, multiline, dir = 'auto' }: { label: string; value: string; onSave(value: string): void; multiline?: boolean; dir?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const props = {
    className: 'gw-input',
    dir,
    'aria-label': label,
    value: text,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setText(e.target.value),
    onBlur: () => text !== value && onSave(text),
  };
  return (
    <label className="gw-field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
    </label>
  );
}

export function RecordFields({ record }: { record: RecordSummary }) {
  const run = useStore((s) => s.run);
  const reasons = useReasons();
  const update = (changes: Record<string, unknown>) => void run('record.update', { id: record.id, changes });
  const decide = (value: string) => {
    if (value.startsWith('reason:')) void run('screening.decide', { ids: [record.id], decision: 'exclude', reasonId: Number(value.slice(7)) });
    else if (value === 'included') void run('screening.decide', { ids: [record.id], decision: 'include' });
    else void run('screening.decide', { ids: [record.id], decision: value as 'identified' | 'screened' | 'eligible' });
  };
  const stageValue = record.stage === 'excluded' ? `reason:${record.reasonId}` : record.stage;
  return (
    <div className="gw-record-fields" data-testid="record-fields">
      <label className="gw-field">
        <span>{t('Stage')}</span>
        <select aria-label={t('Stage')} value={stageValue} onChange={(e) => decide(e.target.value)}>
          {STAGES.filter((s) => s !== 'excluded').map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
          {reasons.map((r) => (
            <option key={r.id} value={`reason:${r.id}`}>
              {t('excluded: {reason}', { reason: r.name })}
            </option>
          ))}
        </select>
      </label>
      {record.stage === 'excluded' && (
        <p className="gw-muted">{record.excludedAt === 'screening' ? t('Excluded at title/abstract screening.') : t('Excluded at full-text eligibility.')}</p>
      )}
      <Field label={t('Title')} value={record.title} onSave={(title) => title.trim() && update({ title })} />
      <Field label={t('Authors (one per line: family, given)')} value={record.authors.map(authorName).join('\n')} onSave={(v) => update({ authors: parseAuthors(v) })} multiline />
      <div className="gw-row">
        <Field
          label={t('Year')}
          value={record.year === null ? '' : String(record.year)}
          dir="ltr"
          onSave={(v) => {
            const year = v.trim() === '' ? null : Number(v.trim());
            if (year === null || (Number.isInteger(year) && year > 0 && year < 10000)) update({ year });
            else useStore.getState().toast('error', t('A year is a whole number, such as 2021 or 1400.'));
          }}
        />
        <label className="gw-field">
          <span>{t('Type')}</span>
          <select aria-label={t('Type')} value={record.type} onChange={(e) => update({ type: e.target.value })}>
            {RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('Language')} value={record.language} dir="ltr" onSave={(language) => update({ language })} />
      </div>
      <Field label={t('Venue')} value={record.venue} onSave={(venue) => update({ venue })} />
      <Field label="DOI" value={record.doi} dir="ltr" onSave={(doi) => update({ doi })} />
      <Field label="URL" value={record.url} dir="ltr" onSave={(url) => update({ url })} />
      <Field label={t('Keywords (comma-separated)')} value={record.keywords.join(', ')} onSave={(v) => update({ keywords: v.split(/[,،]/).map((k) => k.trim()).filter(Boolean) })} />
      <Field label={t('Abstract')} value={record.abstract} onSave={(abstract) => update({ abstract })} multiline />
      <p className="gw-muted">{t('From: {origin}', { origin: record.origin === 'file' ? t('the imported file') : record.origin })}</p>
    </div>
  );
}
