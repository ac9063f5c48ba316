// A concept's synonyms (one per line, saved when the field is left, undoable) and the button that
// searches its label and synonyms across the corpus and offers the hits as suggestions.

import { useEffect, useState } from 'react';
import type { ConceptId } from '../../../shared/domain/ids';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useProjectQuery } from '../../state/use-project-query';
import { useSearch } from './search-store';

export function SynonymEditor({ id }: { id: ConceptId }) {
  const run = useStore((s) => s.run);
  const suggest = useSearch((s) => s.suggest);
  const [saved, setSaved] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const terms = useProjectQuery('synonym.list', { conceptId: id });
  useEffect(() => {
    if (!terms) return;
    setSaved(terms);
    setDraft(terms.join('\n'));
  }, [terms]);
  const save = async () => {
    const terms = draft.split('\n').map((s) => s.trim()).filter(Boolean);
    if (terms.join('\n') === saved.join('\n')) return;
    const result = await run('synonym.set', { conceptId: id, terms });
    if (result) {
      setSaved(result);
      setDraft(result.join('\n'));
    }
  };
  return (
    <div className="gw-synonyms">
      <h3 className="gw-field-label">
        <label htmlFor={`gw-synonyms-${id}`}>{t('Synonyms (one per line)')}</label>
      </h3>
      <textarea id={`gw-synonyms-${id}`} dir="auto" value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={() => void save()} />
      <div className="gw-row gw-actions">
        <button
          type="button"
          className="gw-button"
          title={t('Search the label and synonyms in every source and offer the hits to code')}
          onClick={async () => {
            await save();
            await suggest(id);
          }}
        >
          {t('Suggest segments')}
        </button>
      </div>
    </div>
  );
}
