// In the details panel of a concept or category that comes from a published codebook: its item
// code, its label in both languages, and what the codebook notes about it (parse notes, flags).

import './study.css';
import type { Category, Concept } from '../../../shared/domain/model';
import { FLAG_TEXT } from './texts';
import { currentLanguage, t } from '../../i18n/t';
import { studyNote } from '../../i18n/message';


export function StudyDetails({ item }: { item: Concept | Category }) {
  const lang = currentLanguage();
  if (!item.code && !item.labelFa && !item.labelEn) return null;
  const notes = (item.notes ?? {}) as Record<string, unknown>;
  const parseNotes = Array.isArray(notes.parseNotes) ? (notes.parseNotes as string[]) : [];
  const flags = Object.keys(FLAG_TEXT).filter((k) => notes[k]);
  const tools = Array.isArray(notes.tools) ? (notes.tools as string[]) : [];
  return (
    <dl className="gw-study-details" data-testid="study-details">
      {item.code && (
        <>
          <dt>{t('Item code')}</dt>
          <dd dir="ltr" data-user-text>{item.code}</dd>
        </>
      )}
      {item.labelFa && (
        <>
          <dt>{t('Persian label')}</dt>
          <dd dir="rtl" lang="fa" data-user-text>{item.labelFa}</dd>
        </>
      )}
      {item.labelEn && (
        <>
          <dt>{t('English gloss')}</dt>
          <dd dir="ltr" lang="en" data-user-text>{item.labelEn}</dd>
        </>
      )}
      {tools.length > 0 && (
        <>
          <dt>{t('Tools')}</dt>
          <dd dir="ltr" data-user-text>{tools.join(', ')}</dd>
        </>
      )}
      {typeof notes.source === 'string' && (
        <>
          <dt>{t('Source')}</dt>
          <dd>{studyNote(notes.source)}</dd>
        </>
      )}
      {(flags.length > 0 || parseNotes.length > 0 || notes.openEnded === true) && (
        <>
          <dt>{t('Notes')}</dt>
          <dd>
            <ul className="gw-parse-notes" lang={lang} dir="auto">
              {notes.openEnded === true && <li>{t('The printed list ends with “and so on”: it is open-ended.')}</li>}
              {flags.map((f) => (
                <li key={f}>{t(FLAG_TEXT[f]!)}</li>
              ))}
              {parseNotes.map((n, i) => (
                <li key={i}>{studyNote(n)}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
