import { html, useEffect, useState } from './ui.js';
import { gql } from './api.js';
import { signed, titleCase, today } from './format.js';
import { MeasureChart, mcidLine } from './episode.js';
import { Chart, colour } from './charts.js';

const ListQuery = `query Covered($payerId: String!, $from: DateOnly!, $to: DateOnly!) {
  outcomeHistories(payerId: $payerId, from: $from, to: $to, first: 100) { totalCount items {
    episodeId status startedOn visitsUsed member { memberId birthYear } condition { icd10Code description } } }
}`;

const HistoryQuery = `query Outcome($id: ID!) { outcomeHistory(episodeId: $id) {
  episodeId status startedOn visitsUsed visitsAuthorized payer { payerName } member { memberId birthYear }
  condition { icd10Code description bodyRegion }
  certifications { start end days }
  attendance { attended cancelled noShow ratePercent }
  homeAdherence { weekStart prescribed done percent }
  measures { code name unit direction baseline latest change reachesMcid worsened mcidThreshold mcidSource series { effectiveOn value } }
  goals { description measureCode baseline target latest met attainmentPercent status }
  progressReportDates
  discharge { dischargedOn }
} }`;

const FhirQuery = `query Fhir($id: ID!) { outcomeHistoryFhir(episodeId: $id) }`;

// An insurer's covered episodes of the last year (and any still active), for its own payer.
export function PayerEpisodes({ caller }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const to = today();
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  useEffect(() => { gql(ListQuery, { payerId: caller.payer, from, to }).then(d => setData(d.outcomeHistories), setError); }, []);
  if (error) return html`<p role="alert" class="error">${error.message}</p>`;
  if (!data) return html`<p class="loading">Loading covered episodes…</p>`;
  return html`<h1>Covered episodes <span class="muted">· ${caller.payer}, ${from} to ${to}</span></h1>
    ${data.items.length ? html`<table id="covered"><thead><tr><th scope="col">Member</th><th scope="col">Condition</th><th scope="col">Started</th>
      <th scope="col">Status</th><th scope="col">Visits used</th></tr></thead>
      <tbody>${data.items.map(h => html`<tr key=${h.episodeId}><th scope="row"><a href=${`#/outcome/${h.episodeId}`}>${h.member.memberId}</a>
        <span class="muted">born ${h.member.birthYear}</span></th><td>${h.condition.icd10Code} ${h.condition.description}</td>
        <td>${h.startedOn}</td><td>${titleCase(h.status)}</td><td>${h.visitsUsed}</td></tr>`)}</tbody></table>`
      : html`<p>No episode covered by your payer with the patient's consent in this period.</p>`}`;
}

// The FHIR bundle is asked for through GraphQL and handed to the browser as a file the page builds.
async function downloadFhir(episodeId, setStatus) {
  const d = await gql(FhirQuery, { id: episodeId });
  if (!d.outcomeHistoryFhir) return setStatus('There is no outcome history to export.');
  const url = URL.createObjectURL(new Blob([d.outcomeHistoryFhir], { type: 'application/fhir+json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `outcome-history-${episodeId}.fhir.json` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  setStatus('FHIR bundle downloaded.');
}

export function OutcomeHistory({ episodeId }) {
  const [h, setH] = useState(undefined);
  const [error, setError] = useState(null);
  const [status, setStatus] = useState(null);
  useEffect(() => { gql(HistoryQuery, { id: episodeId }).then(d => setH(d.outcomeHistory), setError); }, [episodeId]);
  if (error) return html`<p role="alert" class="error">${error.message}</p>`;
  if (h === undefined) return html`<p class="loading">Loading the outcome history…</p>`;
  if (h === null) return html`<p role="alert" class="error">There is no outcome history you may read for this episode.</p>`;
  const adherence = {
    type: 'bar',
    data: { labels: h.homeAdherence.map(w => w.weekStart), datasets: [{ label: 'Home adherence (%)', data: h.homeAdherence.map(w => w.percent), backgroundColor: colour(1) }] },
    options: { scales: { y: { beginAtZero: true } } },
  };
  return html`
    <h1>Outcome history <span class="muted">· member ${h.member.memberId}</span></h1>
    <p class="summary">${[h.payer.payerName, `${h.condition.icd10Code} ${h.condition.description}`, `${titleCase(h.status)} since ${h.startedOn}`,
      h.discharge && `discharged ${h.discharge.dischargedOn}`,
      `${h.visitsUsed} visits used (${h.attendance.attended} attended, ${h.attendance.cancelled} cancelled, ${h.attendance.noShow} no-show)`].filter(Boolean).join(' · ')}</p>
    <p><button type="button" id="fhir-download" onClick=${() => downloadFhir(episodeId, setStatus).catch(e => setStatus(e.message))}>Download as FHIR R4 (JSON)</button>
      <span role="status">${status}</span></p>
    <section aria-labelledby="ohm-title"><h2 id="ohm-title">Outcome measures</h2>
      <table><thead><tr><th scope="col">Measure</th><th scope="col">Baseline</th><th scope="col">Latest</th><th scope="col">Change</th>
        <th scope="col">MCID</th><th scope="col">Verdict</th></tr></thead>
        <tbody>${h.measures.map(m => html`<tr key=${m.code}><th scope="row">${m.name}</th><td>${m.baseline}</td><td>${m.latest}</td>
          <td>${signed(m.change)}</td><td>${m.mcidThreshold ?? '–'}</td>
          <td>${m.worsened ? 'Worsened' : m.reachesMcid ? 'Reaches MCID' : m.reachesMcid === false ? 'Below MCID' : '–'}</td></tr>`)}</tbody></table>
      <div class="charts">${h.measures.map((m, i) => html`<${MeasureChart} key=${m.code} index=${i} code=${m.code} name=${m.name} unit=${m.unit}
        series=${m.series} line=${mcidLine(m.baseline, m.mcidThreshold, m.direction)} />`)}</div>
    </section>
    <section aria-labelledby="ohg-title"><h2 id="ohg-title">Goals</h2>
      <ul>${h.goals.map(g => html`<li>${g.description}: ${titleCase(g.status)}${g.attainmentPercent != null ? `, ${g.attainmentPercent} % attained` : ''}</li>`)}</ul>
    </section>
    <section aria-labelledby="oha-title"><h2 id="oha-title">Home adherence per week</h2>
      <${Chart} id="chart-adherence" label=${`Home adherence per week: ${h.homeAdherence.map(w => `${w.weekStart} ${w.percent ?? '–'} %`).join(', ')}`} config=${adherence} />
    </section>`;
}
