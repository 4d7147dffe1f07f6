import { html, useEffect, useState } from './ui.js';
import { gql } from './api.js';
import { titleCase } from './format.js';
import { usePoll } from './live.js';
import { reviewsOnly } from './roles.js';

export const Flags = ['PAIN_WORSENING', 'RECENT_ADVERSE_EVENT', 'REASSESSMENT_DUE', 'PROGRESS_REPORT_DUE', 'CERTIFICATION_ENDING', 'NO_RECENT_ATTENDANCE'];
const Orders = [['PATIENT_NAME', 'Patient name'], ['MOST_FLAGS', 'Most flags'], ['LONGEST_WITHOUT_ATTENDANCE', 'Longest without attendance'], ['LATEST_START', 'Latest start']];
const PageSize = 20;

const ClinicsQuery = `{ clinics { id name therapists { id displayName } } }`;
const CaseloadQuery = `query Caseload($clinicId: ID!, $therapistId: ID, $flags: [CaseloadFlag!], $orderBy: CaseloadOrder, $first: Int, $after: String) {
  caseload(clinicId: $clinicId, therapistId: $therapistId, flags: $flags, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    items { episodeId condition startedOn flags daysSinceAttendance daysSinceAssessment lastThreePains
      patient { givenName familyName } therapist { displayName } }
  }
}`;

// Filters live in the address (#/caseload?clinic=…&therapist=…&flag=…&order=…), so a view can be bookmarked and
// the browser's back button undoes a filter.
function setParams(params, changes) {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
  location.hash = `#/caseload?${next}`;
}

export function Caseload({ caller, params }) {
  const [clinics, setClinics] = useState(null);
  const [page, setPage] = useState(null);
  // The cursors of the pages before this one, for the filters they were read with.
  const [paging, setPaging] = useState({ key: null, cursors: [null] });
  const [error, setError] = useState(null);

  const clinicId = params.get('clinic') ?? caller.clinics[0] ?? clinics?.[0]?.id ?? null;
  const therapistId = params.get('therapist') ?? '';
  const flag = params.get('flag') ?? '';
  const order = params.get('order') ?? 'PATIENT_NAME';
  const filterKey = `${clinicId}|${therapistId}|${flag}|${order}`;
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  const setCursors = next => setPaging({ key: filterKey, cursors: next });
  const after = cursors[cursors.length - 1];
  const pageKey = `${filterKey}|${after}`;

  useEffect(() => {
    gql(ClinicsQuery).then(d => setClinics(d.clinics), setError);
  }, []);

  const load = () => {
    if (!clinicId) return Promise.resolve();
    return gql(CaseloadQuery, { clinicId, therapistId: therapistId || null, flags: flag ? [flag] : null, orderBy: order, first: PageSize, after })
      .then(d => { setPage({ ...d.caseload, index: cursors.length - 1, key: pageKey }); setError(null); }, setError);
  };

  useEffect(() => { load(); }, [filterKey, after]);
  usePoll(load, [filterKey, after], !reviewsOnly(caller));

  const clinic = clinics?.find(c => c.id === clinicId);
  const rows = page?.items ?? [];
  // Until the next page arrives, the one on screen keeps its own numbers.
  const first = (page?.index ?? 0) * PageSize;

  return html`
    <h1>Caseload${clinic ? html` · ${clinic.name}` : ''}</h1>
    <form class="filters" aria-label="Caseload filters" onSubmit=${e => e.preventDefault()}>
      ${clinics?.length > 1 && html`
        <div class="filter"><label for="filter-clinic">Clinic</label>
          <select id="filter-clinic" value=${clinicId} onChange=${e => setParams(params, { clinic: e.target.value, therapist: '' })}>
            ${clinics.map(c => html`<option value=${c.id}>${c.name}</option>`)}
          </select></div>`}
      <div class="filter"><label for="filter-therapist">Therapist</label>
        <select id="filter-therapist" value=${therapistId} onChange=${e => setParams(params, { therapist: e.target.value })}>
          <option value="">All therapists</option>
          ${(clinic?.therapists ?? []).map(t => html`<option value=${t.id}>${t.displayName}</option>`)}
        </select></div>
      <div class="filter"><label for="filter-flag">Flag</label>
        <select id="filter-flag" value=${flag} onChange=${e => setParams(params, { flag: e.target.value })}>
          <option value="">Any or none</option>
          ${Flags.map(f => html`<option value=${f}>${titleCase(f)}</option>`)}
        </select></div>
      <div class="filter"><label for="filter-order">Order</label>
        <select id="filter-order" value=${order} onChange=${e => setParams(params, { order: e.target.value })}>
          ${Orders.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
        </select></div>
    </form>
    ${error && html`<p role="alert" class="error">${error.message}</p>`}
    ${page && html`
      <p class="muted" aria-live="polite" id="caseload-count">
        ${page.totalCount === 0 ? 'No active episodes match.' : `Episodes ${first + 1}–${first + rows.length} of ${page.totalCount}`}
      </p>
      <table class="caseload" aria-busy=${page.key === pageKey ? 'false' : 'true'}>
        <caption class="visually-hidden">Active episodes with today's flags</caption>
        <thead><tr><th scope="col">Patient</th><th scope="col">Condition</th><th scope="col">Therapist</th>
          <th scope="col">Started</th><th scope="col">Flags</th><th scope="col">Days since attendance</th><th scope="col">Last pains</th></tr></thead>
        <tbody>
          ${rows.map(r => html`<tr key=${r.episodeId} data-episode=${r.episodeId}>
            <th scope="row"><a href=${`#/episode/${r.episodeId}`}>${r.patient.familyName}, ${r.patient.givenName}</a></th>
            <td>${r.condition}</td><td>${r.therapist.displayName}</td><td>${r.startedOn}</td>
            <td>${r.flags.length ? html`<ul class="flags">${r.flags.map(f => html`<li class=${`flag flag-${f.toLowerCase()}`}>${titleCase(f)}</li>`)}</ul>` : html`<span class="muted">none</span>`}</td>
            <td>${r.daysSinceAttendance}</td><td>${r.lastThreePains.join(' → ') || '–'}</td>
          </tr>`)}
        </tbody>
      </table>
      <nav class="pager" aria-label="Caseload pages">
        <button type="button" disabled=${cursors.length === 1} onClick=${() => setCursors(cursors.slice(0, -1))}>Previous page</button>
        <button type="button" disabled=${!page.pageInfo.hasNextPage} onClick=${() => setCursors([...cursors, page.pageInfo.endCursor])}>Next page</button>
      </nav>`}
    ${!page && !error && html`<p class="loading">Loading the caseload…</p>`}`;
}
