import { html, useEffect, useState } from './ui.js';
import { gql } from './api.js';
import { reviewsOnly, can } from './roles.js';
import { dosageText, signed, titleCase, weekOf } from './format.js';
import { Chart, colour } from './charts.js';
import { usePoll } from './live.js';
import { EpisodeQuery, VersionQuery } from './queries.js';
import { RecordPanel } from './record.js';

const attendanceText = a =>
  `Attendance: ${a.attended} attended, ${a.cancelled} cancelled, ${a.noShow} no-show${a.ratePercent != null ? ` (${a.ratePercent} %)` : ''}.`;

function verdict(m) {
  if (m.worsened) return html`<span class="verdict worse">Worsened</span>`;
  if (m.reachesMcid === true) return html`<span class="verdict good">Reaches MCID</span>`;
  if (m.reachesMcid === false) return html`<span class="verdict">Below MCID</span>`;
  return html`<span class="muted">No MCID</span>`;
}

// The value at which the change from baseline reaches the MCID, in the measure's direction of improvement.
export function mcidLine(baseline, threshold, direction) {
  if (threshold == null) return null;
  if (direction === 'HIGHER_IS_BETTER') return baseline + threshold;
  if (direction === 'LOWER_IS_BETTER') return baseline - threshold;
  return null;
}

export function MeasureChart({ code, name, unit, series, line, index }) {
  const labels = series.map(p => p.effectiveOn);
  const datasets = [{ label: `${name} (${unit})`, data: series.map(p => p.value), borderColor: colour(index), backgroundColor: colour(index), tension: 0 }];
  if (line != null) datasets.push({ label: `MCID threshold (${line})`, data: labels.map(() => line), borderColor: '#555', borderDash: [6, 4], pointRadius: 0 });
  const label = `${name}: ${series.map(p => `${p.value} on ${p.effectiveOn}`).join(', ')}${line != null ? `; the MCID is reached at ${line}` : ''}`;
  return html`<figure class="measure-chart"><figcaption>${name}</figcaption>
    <${Chart} id=${`chart-${code}`} label=${label} config=${{ type: 'line', data: { labels, datasets } }} /></figure>`;
}

export function MeasuresTable({ measures }) {
  return html`<table><thead><tr><th scope="col">Measure</th><th scope="col">Baseline</th><th scope="col">Latest</th>
    <th scope="col">Change</th><th scope="col">MCID</th><th scope="col">Verdict</th></tr></thead>
    <tbody>${measures.map(m => html`<tr key=${m.code}><th scope="row">${m.name} <span class="muted">${m.code}</span></th>
      <td>${m.baseline}</td><td>${m.latest}</td><td>${signed(m.change)}</td><td>${m.mcid ?? '–'}</td><td>${verdict(m)}</td></tr>`)}
    </tbody></table>`;
}

// Sessions attended per week beside home-program adherence per week, over the weeks either has.
function WeeklyChart({ sessions, adherence }) {
  const attended = {};
  for (const s of sessions) if (s.attendance === 'ATTENDED') attended[weekOf(s.date)] = (attended[weekOf(s.date)] ?? 0) + 1;
  const percent = Object.fromEntries(adherence.map(w => [w.weekStart, w.percent]));
  const weeks = [...new Set([...Object.keys(attended), ...Object.keys(percent)])].sort();
  const config = {
    type: 'bar',
    data: {
      labels: weeks,
      datasets: [
        { label: 'Sessions attended', data: weeks.map(w => attended[w] ?? 0), backgroundColor: colour(0), yAxisID: 'sessions', order: 1 },
        { type: 'line', label: 'Home adherence (%)', data: weeks.map(w => percent[w] ?? null), borderColor: colour(1), backgroundColor: colour(1), yAxisID: 'adherence', order: 0 },
      ],
    },
    options: { scales: { sessions: { position: 'left', beginAtZero: true, grace: 1, ticks: { precision: 0 } }, adherence: { position: 'right', beginAtZero: true } } },
  };
  const label = `Per week from ${weeks[0] ?? '–'}: sessions attended ${weeks.map(w => attended[w] ?? 0).join(', ')}; home adherence ${weeks.map(w => percent[w] ?? '–').join(', ')} percent`;
  return html`<${Chart} id="chart-weekly" label=${label} config=${config} />`;
}

export function Episode({ caller, episodeId }) {
  const [episode, setEpisode] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);

  const load = () => gql(EpisodeQuery, { id: episodeId }).then(d => { setEpisode(d.episode); setError(null); return d.episode; }, setError);
  useEffect(() => { setEpisode(null); load(); }, [episodeId]);

  // Someone else's entry raises the stream version: then, and only then, the page reads the episode again.
  usePoll(async () => {
    if (!episode) return;
    const d = await gql(VersionQuery, { id: episodeId }).catch(() => null);
    if (d?.episode && d.episode.version !== episode.version) {
      await load();
      setNotice(`Updated: new entries were recorded (version ${d.episode.version}).`);
    }
  }, [episodeId, episode?.version], !reviewsOnly(caller));

  if (error) return html`<p role="alert" class="error">${error.message}</p>`;
  if (!episode) return html`<p class="loading">Loading the episode…</p>`;
  const e = episode;
  const measures = e.measures.map(m => ({ ...m, name: m.measure.name, mcid: m.measure.mcid?.threshold }));

  return html`
    <nav class="crumbs" aria-label="Breadcrumb"><a href="#/caseload">Caseload</a></nav>
    <h1>${e.patient.givenName} ${e.patient.familyName} <span class="muted">· ${e.condition.description}</span></h1>
    <p class="summary">${[e.condition.icd10Code, e.condition.bodyRegion, `${titleCase(e.status)} since ${e.startedOn}`,
      `therapist ${e.therapist.displayName}`, e.coverage?.payerName].filter(Boolean).join(' · ')} · version <span id="episode-version">${e.version}</span></p>
    <p class="links">
      ${can(caller, 'programHistory') && html`<a href=${`#/episode/${e.id}/history`}>Program history</a>`}
      ${can(caller, 'outcomeHistory') && e.coverage && html`<a href=${`#/outcome/${e.id}`}>Outcome history for the payer</a>`}
    </p>
    <p aria-live="polite" class="notice" id="episode-notice">${notice}</p>

    <section aria-labelledby="measures-title"><h2 id="measures-title">Outcome measures</h2>
      ${measures.length ? html`<${MeasuresTable} measures=${measures} />
        <div class="charts">${measures.map((m, i) => html`<${MeasureChart} key=${m.code} index=${i} code=${m.code} name=${m.name}
          unit=${m.measure.unit} series=${m.series} line=${mcidLine(m.baseline, m.mcid, m.measure.direction)} />`)}</div>`
        : html`<p class="muted">No outcome measure recorded yet.</p>`}
    </section>

    <section aria-labelledby="goals-title"><h2 id="goals-title">Goals</h2>
      ${e.goals.length ? html`<table><thead><tr><th scope="col">Goal</th><th scope="col">Measure</th><th scope="col">Baseline → target</th>
        <th scope="col">Latest</th><th scope="col">Attainment</th><th scope="col">Status</th></tr></thead>
        <tbody>${e.goals.map(g => html`<tr key=${g.id}><th scope="row">${g.description}</th><td>${g.measureCode ?? '–'}</td>
          <td>${g.baseline ?? '–'} → ${g.target ?? '–'}${g.targetDate ? html` <span class="muted">by ${g.targetDate}</span>` : ''}</td>
          <td>${g.latest ?? '–'}</td>
          <td>${g.attainmentPercent != null ? html`<meter min="0" max="100" value=${Math.max(0, Math.min(100, g.attainmentPercent))}
            aria-label=${`Attainment of ${g.description}`}></meter> ${g.attainmentPercent} %` : '–'}${g.met ? ' (met)' : ''}</td>
          <td>${titleCase(g.status)}</td></tr>`)}</tbody></table>`
        : html`<p class="muted">No goals set.</p>`}
    </section>

    <section aria-labelledby="weekly-title"><h2 id="weekly-title">Sessions and home adherence per week</h2>
      <p>${attendanceText(e.progress.attendance)} <span id="session-count">${e.sessions.totalCount}</span> sessions on record.</p>
      <${WeeklyChart} sessions=${e.sessions.items} adherence=${e.progress.homeAdherence} />
    </section>

    <section aria-labelledby="program-title"><h2 id="program-title">Current program <span class="muted">(${e.currentProgram.programVersion} changes)</span></h2>
      <${ProgramTable} exercises=${e.currentProgram.exercises} />
    </section>

    ${can(caller, 'record') && e.status === 'ACTIVE' && html`<${RecordPanel} episode=${e}
      onDone=${async () => { await load(); setNotice('Recorded.'); }}
      onConflict=${async () => { await load(); setNotice('Reloaded: someone else changed this episode meanwhile.'); }} />`}`;
}

export function ProgramTable({ exercises, id }) {
  if (!exercises.length) return html`<p class="muted">No active exercise.</p>`;
  return html`<table id=${id}><thead><tr><th scope="col">Exercise</th><th scope="col">Dosage</th><th scope="col">Since</th><th scope="col">Last change</th></tr></thead>
    <tbody>${exercises.map(x => html`<tr key=${x.id}><th scope="row">${x.name} <span class="muted">${titleCase(x.category)}</span></th>
      <td>${dosageText(x.dosage)}</td><td>${x.dosageSince}</td>
      <td>${x.lastChange ? html`${titleCase(x.lastChange.kind)} on ${x.lastChange.effectiveOn} by ${x.lastChange.by.displayName}${x.lastChange.reason ? html`: <q>${x.lastChange.reason}</q>` : ''}` : ''}</td></tr>`)}
    </tbody></table>`;
}
