import { html, render, useEffect, useState } from './ui.js';
import { callerOf, currentToken, signOut } from './api.js';
import { can, homeRoute } from './roles.js';
import { SignIn } from './signin.js';
import { Caseload } from './caseload.js';

// The other views load when first opened, so the caseload is on screen without waiting for charts.
const lazy = (module, name) => props => {
  const [View, setView] = useState(null);
  useEffect(() => {
    import(module).then(m => setView(() => m[name]));
  }, []);
  return View ? html`<${View} ...${props} />` : html`<p class="loading">Loading…</p>`;
};
const Episode = lazy('./episode.js', 'Episode');
const ProgramHistory = lazy('./history.js', 'ProgramHistory');
const PayerEpisodes = lazy('./payer.js', 'PayerEpisodes');
const OutcomeHistory = lazy('./payer.js', 'OutcomeHistory');
const MyExercises = lazy('./patient.js', 'MyExercises');

function route(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  return { parts, params: new URLSearchParams(query) };
}

function View({ caller, parts, params }) {
  const [name, id, sub] = parts;
  const denied = html`<p role="alert" class="error">Your role (${caller.role}) may not open this view.</p>`;
  switch (name) {
    case 'caseload': return can(caller, 'caseload') ? html`<${Caseload} caller=${caller} params=${params} />` : denied;
    case 'episode':
      if (sub === 'history') return can(caller, 'programHistory') ? html`<${ProgramHistory} caller=${caller} episodeId=${id} />` : denied;
      return can(caller, 'episode') ? html`<${Episode} caller=${caller} episodeId=${id} />` : denied;
    case 'outcome': return can(caller, 'outcomeHistory') ? html`<${OutcomeHistory} caller=${caller} episodeId=${id} />` : denied;
    case 'payer': return can(caller, 'payerEpisodes') ? html`<${PayerEpisodes} caller=${caller} />` : denied;
    case 'me': return can(caller, 'myExercises') ? html`<${MyExercises} caller=${caller} />` : denied;
    default: return html`<p>Nothing here. <a href=${homeRoute(caller)}>Go to your start page</a>.</p>`;
  }
}

function Shell() {
  const [caller, setCaller] = useState(() => callerOf(currentToken()));
  const [hash, setHash] = useState(location.hash);

  useEffect(() => {
    const onHash = () => setHash(location.hash);
    const onSignedOut = () => {
      signOut();
      setCaller(null);
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('rehabledger:signed-out', onSignedOut);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('rehabledger:signed-out', onSignedOut);
    };
  }, []);

  useEffect(() => {
    if (caller && (!location.hash || location.hash === '#/')) location.hash = homeRoute(caller);
  }, [caller]);

  const { parts, params } = route(hash);
  const onSignOut = () => {
    signOut();
    setCaller(null);
    location.hash = '';
  };

  return html`
    <a class="skip" href="#main" onClick=${e => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
    <header class="top">
      <a class="brand" href=${caller ? homeRoute(caller) : '#/'}>RehabLedger</a>
      <nav aria-label="Main">
        ${can(caller, 'caseload') && html`<a href="#/caseload">Caseload</a>`}
        ${can(caller, 'payerEpisodes') && html`<a href="#/payer">Covered episodes</a>`}
        ${can(caller, 'myExercises') && html`<a href="#/me">My exercises</a>`}
        <a href="/graphiql">GraphiQL</a>
      </nav>
      ${caller && html`<span class="who">${caller.name} · ${caller.role}</span>
        <button type="button" onClick=${onSignOut}>Sign out</button>`}
    </header>
    <main id="main" tabindex="-1">
      ${caller ? html`<${View} caller=${caller} parts=${parts} params=${params} />` : html`<${SignIn} onSignedIn=${setCaller} />`}
    </main>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${Shell} />`, root);
