import { html, useEffect, useState } from './ui.js';
import { gql } from './api.js';
import { DosageFields, dateTime, titleCase, today } from './format.js';
import { ProgramTable } from './episode.js';
import { Field } from './forms.js';

const HistoryQuery = `query History($id: ID!) {
  episode(id: $id) { id patient { givenName familyName } condition { description } }
  programHistory(episodeId: $id, first: 100) { totalCount items { changeId kind exerciseName changes { field from to }
    actor { displayName role } recordedAt effectiveOn reason version corrects { kind } correctedBy { reason by { displayName } } } }
}`;

const exercise = `exercises { id name category dosageSince dosage { ${DosageFields} } lastChange { kind effectiveOn reason by { displayName } } }`;
const AsOfQuery = `query AsOf($id: ID!, $at: DateTimeOffset!, $on: DateOnly!) {
  recorded: programAsOf(episodeId: $id, recordedAt: $at) { version ${exercise} }
  effective: programAsOf(episodeId: $id, effectiveOn: $on) { version ${exercise} }
}`;

// The value of a datetime-local control, read and written as UTC to the millisecond. The store keeps microseconds,
// so an instant from the history is rounded up: "as recorded at" then includes the change it was taken from.
const toControl = iso => new Date(Date.parse(iso) + 1).toISOString().slice(0, 23);
const fromControl = value => new Date(`${value}Z`).toISOString();

function AsOf({ episodeId, at, setAt }) {
  const [on, setOn] = useState(today());
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!at || !on) return;
    gql(AsOfQuery, { id: episodeId, at: fromControl(at), on }).then(d => { setResult({ ...d, at, on }); setError(null); }, setError);
  }, [episodeId, at, on]);
  const errors = {};
  return html`<section aria-labelledby="asof-title" class="panel"><h2 id="asof-title">The program as of</h2>
    <p class="muted">Left: what the record said at an instant (later entries and corrections do not count).
      Right: what the patient was prescribed on a day, every correction applied.</p>
    <form class="filters" onSubmit=${e => e.preventDefault()}>
      <${Field} form="asof" errors=${errors} name="recordedAt" label="Recorded at (UTC)" type="datetime-local" step="0.001"
        value=${at} onChange=${e => setAt(e.target.value)} />
      <${Field} form="asof" errors=${errors} name="effectiveOn" label="Effective on" type="date" value=${on} onChange=${e => setOn(e.target.value)} />
    </form>
    ${error && html`<p role="alert" class="error">${error.message}</p>`}
    ${result && html`<div class="side-by-side" aria-busy=${result.at === at && result.on === on ? 'false' : 'true'}>
      <div id="asof-recorded"><h3>As recorded at ${dateTime(fromControl(result.at))} <span class="muted">(version ${result.recorded.version})</span></h3>
        <${ProgramTable} exercises=${result.recorded.exercises} /></div>
      <div id="asof-effective"><h3>As effective on ${result.on} <span class="muted">(version ${result.effective.version})</span></h3>
        <${ProgramTable} exercises=${result.effective.exercises} /></div>
    </div>`}
  </section>`;
}

export function ProgramHistory({ episodeId }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [at, setAt] = useState(new Date().toISOString().slice(0, 23));
  useEffect(() => { gql(HistoryQuery, { id: episodeId }).then(setData, setError); }, [episodeId]);
  if (error) return html`<p role="alert" class="error">${error.message}</p>`;
  if (!data) return html`<p class="loading">Loading the program history…</p>`;
  const e = data.episode;
  return html`
    <nav class="crumbs" aria-label="Breadcrumb"><a href="#/caseload">Caseload</a> › <a href=${`#/episode/${episodeId}`}>${e.patient.givenName} ${e.patient.familyName}</a></nav>
    <h1>Program history <span class="muted">· ${e.condition.description}</span></h1>
    <${AsOf} episodeId=${episodeId} at=${at} setAt=${setAt} />
    <section aria-labelledby="changes-title"><h2 id="changes-title">Every change (${data.programHistory.totalCount})</h2>
      <table id="program-history"><thead><tr><th scope="col">Version</th><th scope="col">Change</th><th scope="col">Exercise</th>
        <th scope="col">What changed</th><th scope="col">By</th><th scope="col">Reason</th><th scope="col">Effective</th><th scope="col">Recorded</th></tr></thead>
        <tbody>${data.programHistory.items.map(h => html`<tr key=${h.changeId} class=${h.correctedBy ? 'corrected' : ''}>
          <td>${h.version}</td>
          <th scope="row">${titleCase(h.kind)}${h.corrects ? ` of a ${titleCase(h.corrects.kind).toLowerCase()}` : ''}
            ${h.correctedBy && html`<br /><span class="muted">entered in error: ${h.correctedBy.reason}</span>`}</th>
          <td>${h.exerciseName}</td>
          <td>${h.changes.map(c => html`<div>${c.field}: ${c.from ?? '–'} → ${c.to ?? '–'}</div>`)}</td>
          <td>${h.actor.displayName} <span class="muted">${h.actor.role}</span></td>
          <td>${h.reason ?? ''}</td><td>${h.effectiveOn}</td>
          <td><button type="button" class="link" title="Show the program as recorded at this moment"
            onClick=${() => setAt(toControl(h.recordedAt))}>${dateTime(h.recordedAt)}</button></td>
        </tr>`)}</tbody></table>
    </section>`;
}
