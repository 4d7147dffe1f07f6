import { html, useState } from './ui.js';
import { callerOf, demoToken, signIn } from './api.js';

// The demo data set's people (README, docs/08-security.md); only Development mints their tokens.
const DemoUsers = [
  ['dana', 'Dana Whitfield', 'therapist'],
  ['marcus', 'Marcus Oyelaran', 'therapist'],
  ['riverside-admin', 'Riverside clinic administrator', 'clinic_admin'],
  ['auditor', 'Riverside compliance auditor', 'auditor'],
  ['aetna', 'Aetna utilization review', 'insurer'],
  ['maria', 'Maria Alvarez', 'patient'],
];

export function SignIn({ onSignedIn }) {
  const development = document.documentElement.dataset.devTokens === 'true';
  const [error, setError] = useState(null);
  const [token, setToken] = useState('');

  const use = value => {
    const caller = callerOf(value);
    if (!caller) {
      setError('That is not a usable token: it must be a JWT with a role that has not expired.');
      return;
    }
    signIn(value);
    onSignedIn(caller);
  };

  const asDemoUser = async user => {
    setError(null);
    try {
      use(await demoToken(user));
    } catch (e) {
      setError(e.message);
    }
  };

  return html`
    <section class="signin" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      ${error && html`<p role="alert" class="error">${error}</p>`}
      ${development && html`
        <h2>Demo users</h2>
        <p>Development mints a token for a person of the demo data set.</p>
        <ul class="demo-users">
          ${DemoUsers.map(([user, name, role]) => html`
            <li><button type="button" onClick=${() => asDemoUser(user)}>${name} <span class="muted">(${role})</span></button></li>`)}
        </ul>
        <h2>Or a token</h2>`}
      <form onSubmit=${e => { e.preventDefault(); use(token.trim()); }}>
        <label for="token">Bearer token</label>
        <textarea id="token" rows="4" value=${token} onInput=${e => setToken(e.target.value)}
          aria-describedby="token-help"></textarea>
        <p id="token-help" class="muted">Kept in this tab only (session storage); closing the tab signs you out.</p>
        <button type="submit">Sign in with this token</button>
      </form>
    </section>`;
}
