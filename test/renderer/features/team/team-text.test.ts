// The agreement view states each level as shared/domain/agreement does (the same English, so the
// Persian translates what the figures mean), and the merge's backend words have their Persian.

import { afterEach, describe, expect, it } from 'vitest';
import { levelExplanation, LEVEL_TITLES, type AgreementLevel } from '../../../../shared/domain/agreement/levels';
import { fixed, levelExplanationText, levelTitle } from '../../../../renderer/features/team/agreement-text';
import { MERGE_TEMPLATES, mergeText } from '../../../../renderer/features/team/merge-text';
import { fa } from '../../../../renderer/i18n/fa';
import { translated } from '../../../../renderer/i18n/message';
import { say, sayList } from '../../../../shared/domain/message';
import { setLanguage } from '../../../../renderer/i18n/t';

afterEach(() => setLanguage('en'));

describe('the agreement view’s words', () => {
  it('explain each level exactly as the agreement module does', () => {
    for (const level of ['presence', 'frequency', 'overlap'] as AgreementLevel[]) {
      expect(levelTitle(level)).toBe(LEVEL_TITLES[level]);
      for (const share of [0.9, 0.75, 0.333]) expect(levelExplanationText(level, String(Math.round(share * 1000) / 10))).toBe(levelExplanation(level, share));
    }
  });

  it('are Persian in the Persian interface, with Persian digits', () => {
    setLanguage('fa', fa);
    expect(levelExplanationText('overlap', 90)).toContain('دست‌کم ۹۰ ٪');
    expect(levelTitle('presence')).toBe('حضور مفهوم در هر منبع');
  });

  it('write a coefficient below chance with the minus sign, in either language', () => {
    expect(fixed(-0.25, 3)).toBe('\u22120.250');
    expect(fixed(0.5, 3)).toBe('0.500');
    setLanguage('fa', fa);
    expect(fixed(-0.25, 3)).toBe('\u2212۰٫۲۵۰');
    expect(fixed(1, 3)).toBe('۱٫۰۰۰');
  });
});

describe('the merge’s words from the backend', () => {
  it('each have their Persian', () => {
    for (const template of MERGE_TEMPLATES) expect(fa[template], template).toMatch(/[\u0600-\u06FF]/);
  });

  it('are translated with the names inside kept', () => {
    setLanguage('fa', fa);
    expect(mergeText('under “Drivers”')).toBe('زیر «\u2068Drivers\u2069»');
    expect(mergeText('filed in no category')).toBe('در هیچ مقوله‌ای نیست');
    expect(mergeText('main category of Causal conditions')).toMatch(/^مقولهٔ اصلیِ /);
  });

  it('come structured from the backend: a list of places takes the Persian comma, a component its Persian name', () => {
    setLanguage('fa', fa);
    const quoted = (a: string) => say('“{a}”', { a });
    expect(translated(say('filed in {a}', { a: sayList([quoted('Drivers'), quoted('موانع')]) }))).toBe('در «\u2068Drivers\u2069»، «\u2068موانع\u2069»');
    expect(translated(say('main category of {component}', { component: say('Causal conditions') }))).toBe('مقولهٔ اصلیِ شرایط علّی');
  });
});
