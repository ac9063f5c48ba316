// The backend's text in the interface language: a structured message from its template, and a line
// that came as English alone (the browser host's answer to an upload over the limit, a step an older
// Groundwork stored) matched to the template it was written from, its numbers in Persian digits.

import { afterEach, describe, expect, it } from 'vitest';
import { backendText } from '../../../renderer/i18n/message';
import { fa } from '../../../renderer/i18n/fa';
import { setLanguage } from '../../../renderer/i18n/t';
import { english, say } from '../../../shared/domain/message';

afterEach(() => setLanguage('en'));

describe('the backend’s text in Persian', () => {
  it('reads a structured message from its template, the name isolated', () => {
    setLanguage('fa', fa);
    const said = say('{a} is open in another window or program; close it there first. Nothing was changed.', { a: 'مرور.groundwork' });
    expect(backendText(english(said), said)).toBe('\u2068مرور.groundwork\u2069 در پنجره یا برنامهٔ دیگری باز است؛ نخست آن را در آنجا ببندید. چیزی تغییر نکرد.');
  });

  it('matches a line that came as English alone to its template', () => {
    setLanguage('fa', fa);
    expect(backendText('A file is at most 32 MiB.')).toBe('هر فایل حداکثر ۳۲ مبی‌بایت می‌تواند باشد.');
    expect(backendText('Something unforeseen.')).toBe('Something unforeseen.');
  });

  it('writes a stored time (a backup’s takenAt) in the Persian calendar and digits, not as ISO 8601', () => {
    setLanguage('fa', fa);
    const takenAt = '2026-12-05T03:04:17.015Z';
    const said = say('The backup of {a} taken {takenAt} cannot be restored: {reason}', { a: 'مرور.groundwork', takenAt, reason: 'آسیب دیده است' });
    const text = backendText(english(said), said);
    const shown = new Date(takenAt).toLocaleString('fa-IR', { dateStyle: 'medium', timeStyle: 'short' });
    expect(text).toBe(`پشتیبانِ \u2068مرور.groundwork\u2069 که در \u2068${shown}\u2069 گرفته شده بازگردانده نمی‌شود: \u2068آسیب دیده است\u2069`);
    expect(text.replace(/groundwork/, '')).not.toMatch(/[0-9]/);
    expect(text).toContain('۱۴۰۵');
  });
});
