// The team server's sign-in: a name and a password, in either interface language. A wrong pair,
// or too many wrong ones, is answered in one line; nothing else of the app shows until signed in.

import { useRef, useState } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { t } from '../../i18n/t';
import { useServer } from './server-store';

export function LoginScreen() {
  const login = useServer((s) => s.login);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  return (
    <main className="gw-login">
      <form
        className="gw-card gw-login-card"
        aria-labelledby="gw-login-title"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!name.trim() || !password) return;
          setBusy(true);
          const refused = await login(name.trim(), password);
          setBusy(false);
          if (refused) {
            setProblem(refused);
            setPassword('');
            passwordField.current?.focus();
          }
        }}
      >
        <div className="gw-start-title">
          <h1 id="gw-login-title">{t('Groundwork')}</h1>
          <LanguageSwitch />
        </div>
        <p className="gw-muted">{t('This Groundwork server is shared by a research team. Sign in with the name and password your administrator gave you.')}</p>
        <label className="gw-field">
          <span className="gw-field-label">{t('Name')}</span>
          <input className="gw-input" dir="auto" autoComplete="username" autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="login-name" />
        </label>
        <label className="gw-field">
          <span className="gw-field-label">{t('Password')}</span>
          <input
            ref={passwordField}
            className="gw-input"
            type="password"
            dir="ltr"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        {problem && (
          <p className="gw-login-problem" role="alert" data-testid="login-problem">
            {problem}
          </p>
        )}
        <div className="gw-row gw-actions">
          <button type="submit" className="gw-button gw-primary" disabled={busy || !name.trim() || !password}>
            {busy ? t('Signing in…') : t('Sign in')}
          </button>
        </div>
      </form>
    </main>
  );
}
