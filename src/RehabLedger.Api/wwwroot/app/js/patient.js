import { html, useEffect, useState } from './ui.js';
import { gql } from './api.js';
import { DosageFields, dosageText, today } from './format.js';
import { Field, FormMessages, number, text, useSubmit } from './forms.js';

const MyEpisodes = `{ myEpisodes { id version status startedOn dischargedOn condition bodyRegion
  exercises { id name category instructions precautions dosageSince dosage { ${DosageFields} } } } }`;
const LogHome = `mutation LogHome($input: LogHomeExerciseInput!) { logHomeExercise(input: $input) { version } }`;

function LogCompletion({ episode, exercise, reload }) {
  const names = ['date', 'sets', 'repetitions', 'pain', 'note'];
  const { errors, busy, done, submit } = useSubmit({ names, onDone: reload, onConflict: reload });
  const form = `log-${exercise.id.slice(0, 8)}`;
  const onSubmit = e => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(e.target));
    const input = { episodeId: episode.id, expectedVersion: episode.version, exerciseId: exercise.id, date: v.date, sets: number(v.sets),
      repetitions: number(v.repetitions), pain: number(v.pain), note: text(v.note), reportedBy: 'PATIENT' };
    submit(() => gql(LogHome, { input }), `Logged: ${exercise.name} on ${v.date}.`);
  };
  const f = { form, errors };
  return html`<form class="record inline" aria-label=${`Log a completion of ${exercise.name}`} onSubmit=${onSubmit} noValidate>
    <${FormMessages} errors=${errors} done=${done} />
    <${Field} ...${f} name="date" label="Date" type="date" defaultValue=${today()} />
    <${Field} ...${f} name="sets" label="Sets done" type="number" defaultValue=${exercise.dosage.sets} />
    <${Field} ...${f} name="repetitions" label="Repetitions" type="number" defaultValue=${exercise.dosage.repetitions ?? ''} />
    <${Field} ...${f} name="pain" label="Pain (0-10)" type="number" />
    <${Field} ...${f} name="note" label="Note" />
    <button type="submit" disabled=${busy}>Log completion</button>
  </form>`;
}

// A patient's own episodes and the exercises to do now; home exercises can be logged as done.
export function MyExercises() {
  const [episodes, setEpisodes] = useState(null);
  const [error, setError] = useState(null);
  const load = () => gql(MyEpisodes).then(d => setEpisodes(d.myEpisodes), setError);
  useEffect(() => { load(); }, []);
  if (error) return html`<p role="alert" class="error">${error.message}</p>`;
  if (!episodes) return html`<p class="loading">Loading your exercises…</p>`;
  return html`<h1>My exercises</h1>
    ${episodes.length === 0 && html`<p>You have no episode of care on record.</p>`}
    ${episodes.map(e => html`<section key=${e.id} aria-labelledby=${`ep-${e.id}`}>
      <h2 id=${`ep-${e.id}`}>${e.condition} <span class="muted">· ${e.bodyRegion}, since ${e.startedOn}${e.status === 'DISCHARGED' ? `, discharged ${e.dischargedOn}` : ''}</span></h2>
      <ul class="exercises">${e.exercises.map(x => html`<li key=${x.id} class="exercise">
        <h3>${x.name}</h3>
        <p>${dosageText(x.dosage)}</p>
        ${x.instructions && html`<p>${x.instructions}</p>`}
        ${x.precautions && html`<p class="precaution">Take care: ${x.precautions}</p>`}
        ${e.status === 'ACTIVE' && x.dosage.setting === 'HOME' && html`<${LogCompletion} episode=${e} exercise=${x} reload=${load} />`}
      </li>`)}</ul>
    </section>`)}`;
}
