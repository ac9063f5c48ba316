// Type-ahead over concept labels (Arabic and Persian letter forms, ZWNJ and digits compared
// alike), with "create" offered when nothing matches exactly. Arrow keys move, Enter picks.

import { useMemo, useState } from 'react';
import type { Concept } from '../../../shared/domain/model';
import { matchKey } from '../../../shared/domain/normalize';
import { LABEL_MESSAGES, labelProblem } from '../../../shared/domain/label-rules';
import { MAX_LABEL_LENGTH } from '../../../shared/domain/limits';
import { Quoted } from '../../components/Quoted';
import { num, t } from '../../i18n/t';
import { conceptGloss, conceptLabel, useLabelLanguage } from '../study/labels';

export type Pick = { kind: 'existing'; concept: Concept } | { kind: 'new'; label: string };

interface Props {
  concepts: Concept[];
  onPick(pick: Pick): void;
  onCancel(): void;
  autoFocus?: boolean;
  placeholder?: string;
}

const MAX_SHOWN = 8;

export function ConceptPicker({ concepts, onPick, onCancel, autoFocus, placeholder }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const key = matchKey(query);
  const matches = useMemo(() => {
    if (!key) return concepts.slice(0, MAX_SHOWN);
    // The label, its glosses and its item code are all searched: a study concept is found by its
    // Persian label as printed, its English gloss or its code (D1.C01.07).
    const keys = (c: Concept) => [c.label, c.labelFa, c.labelEn, c.code].filter((k): k is string => !!k).map(matchKey);
    const starts = concepts.filter((c) => keys(c).some((k) => k.startsWith(key)));
    const contains = concepts.filter((c) => !starts.includes(c) && keys(c).some((k) => k.includes(key)));
    return [...starts, ...contains].slice(0, MAX_SHOWN);
  }, [concepts, key]);
  const lang = useLabelLanguage((s) => s.lang);
  // Concepts sharing a label (different items of a codebook) are told apart by their code.
  const twins = useMemo(() => {
    const seen = new Map<string, number>();
    for (const c of concepts) seen.set(matchKey(c.label), (seen.get(matchKey(c.label)) ?? 0) + 1);
    return seen;
  }, [concepts]);
  const exact = matches.some((c) => matchKey(c.label) === key);
  // A label the backend would refuse is not offered for creating; the field says why and keeps it.
  const problem = query.trim() ? labelProblem(query) : null;
  const options: Pick[] = [
    ...matches.map((concept): Pick => ({ kind: 'existing', concept })),
    ...(query.trim() && !exact && !problem ? [{ kind: 'new', label: query.trim() } as Pick] : []),
  ];
  const length = query.trim().length;
  const current = Math.min(active, options.length - 1);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(options.length, 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[current];
      if (option) onPick(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="gw-picker">
      <input
        className="gw-picker-input"
        dir="auto"
        value={query}
        autoFocus={autoFocus}
        placeholder={placeholder ?? t('Concept: type to find or create')}
        aria-label={t('Concept')}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls="gw-picker-list"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        aria-describedby={problem || length >= MAX_LABEL_LENGTH * 0.8 ? 'gw-picker-hint' : undefined}
      />
      {(problem || length >= MAX_LABEL_LENGTH * 0.8) && (
        <p id="gw-picker-hint" className={problem ? 'gw-field-hint gw-field-error' : 'gw-field-hint'} role={problem ? 'alert' : undefined}>
          {problem ? t(LABEL_MESSAGES[problem]) : t('{n} of {max} characters', { n: length, max: MAX_LABEL_LENGTH })}
        </p>
      )}
      {options.length > 0 && (
        <ul className="gw-picker-list" id="gw-picker-list" role="listbox">
          {options.map((option, i) => (
            <li
              key={option.kind === 'existing' ? option.concept.id : 'new'}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'gw-active' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(option);
              }}
            >
              {option.kind === 'existing' ? (
                <>
                  <span className="gw-swatch" style={{ background: option.concept.color }} />
                  <bdi title={conceptGloss(option.concept, lang) ?? undefined}>{conceptLabel(option.concept, lang)}</bdi>
                  {option.concept.code && (
                    <span className={(twins.get(matchKey(option.concept.label)) ?? 0) > 1 ? 'gw-code gw-strong' : 'gw-code gw-muted'} dir="ltr">
                      {option.concept.code}
                    </span>
                  )}
                  <span className="gw-muted gw-count">{num(option.concept.segmentCount)}</span>
                </>
              ) : (
                <>
                  <span className="gw-plus">+</span>
                  <span className="gw-create-label">
                    {t('Create concept')} <Quoted>{option.label}</Quoted>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
