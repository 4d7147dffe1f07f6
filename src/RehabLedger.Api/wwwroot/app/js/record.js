import { html, useState } from './ui.js';
import { gql } from './api.js';
import { today, titleCase } from './format.js';
import { Field, FormMessages, number, text, useSubmit } from './forms.js';

const RecordSession = `mutation RecordSession($input: RecordSessionInput!) { recordSession(input: $input) { version } }`;
const LogHome = `mutation LogHome($input: LogHomeExerciseInput!) { logHomeExercise(input: $input) { version } }`;
const Adjust = `mutation AdjustDosage($input: AdjustDosageInput!) { adjustDosage(input: $input) { version } }`;

const values = form => Object.fromEntries(new FormData(form));

function SessionForm({ episode, onDone, onConflict }) {
  const names = ['date', 'attendance', 'minutes', 'painBefore', 'painAfter', 'rpe', 'note'];
  const { errors, busy, done, submit } = useSubmit({ names, onDone, onConflict });
  const onSubmit = e => {
    e.preventDefault();
    const v = values(e.target);
    const attended = v.attendance === 'ATTENDED';
    const input = {
      episodeId: episode.id, expectedVersion: episode.version, date: v.date, attendance: v.attendance,
      minutes: attended ? number(v.minutes) : undefined,
      painBefore: attended ? number(v.painBefore) : undefined, painAfter: attended ? number(v.painAfter) : undefined,
      rpe: attended ? number(v.rpe) : undefined, note: text(v.note),
    };
    const form = e.target;
    submit(async () => { await gql(RecordSession, { input }); form.reset(); }, `Session of ${v.date} recorded.`);
  };
  const f = { form: 'session', errors };
  return html`<form class="record" aria-labelledby="session-title" onSubmit=${onSubmit} noValidate>
    <h3 id="session-title">Record a session</h3>
    <${FormMessages} errors=${errors} done=${done} />
    <${Field} ...${f} name="date" label="Date" type="date" defaultValue=${today()} required />
    <${Field} ...${f} name="attendance" label="Attendance" options=${[['ATTENDED', 'Attended'], ['CANCELLED', 'Cancelled'], ['NO_SHOW', 'No-show']]} />
    <${Field} ...${f} name="minutes" label="Minutes" type="number" defaultValue="45" />
    <${Field} ...${f} name="painBefore" label="Pain before (0-10)" type="number" />
    <${Field} ...${f} name="painAfter" label="Pain after (0-10)" type="number" />
    <${Field} ...${f} name="rpe" label="Exertion, RPE (0-10)" type="number" />
    <${Field} ...${f} name="note" label="Note" type="textarea" rows="2" />
    <button type="submit" disabled=${busy}>Record session</button>
  </form>`;
}

function HomeLogForm({ episode, onDone, onConflict }) {
  const names = ['date', 'exerciseId', 'sets', 'repetitions', 'pain', 'note'];
  const { errors, busy, done, submit } = useSubmit({ names, onDone, onConflict });
  const home = episode.currentProgram.exercises.filter(x => x.dosage.setting === 'HOME');
  if (!home.length) return html`<p class="muted">No home exercises in the program to log.</p>`;
  const onSubmit = e => {
    e.preventDefault();
    const v = values(e.target);
    const input = {
      episodeId: episode.id, expectedVersion: episode.version, date: v.date, exerciseId: v.exerciseId,
      sets: number(v.sets), repetitions: number(v.repetitions), pain: number(v.pain), note: text(v.note), reportedBy: 'THERAPIST',
    };
    submit(() => gql(LogHome, { input }), `Home exercise logged for ${v.date}.`);
  };
  const f = { form: 'homelog', errors };
  return html`<form class="record" aria-labelledby="homelog-title" onSubmit=${onSubmit} noValidate>
    <h3 id="homelog-title">Log a home exercise</h3>
    <${FormMessages} errors=${errors} done=${done} />
    <${Field} ...${f} name="exerciseId" label="Exercise" options=${home.map(x => [x.id, x.name])} />
    <${Field} ...${f} name="date" label="Date" type="date" defaultValue=${today()} />
    <${Field} ...${f} name="sets" label="Sets" type="number" defaultValue=${home[0].dosage.sets} />
    <${Field} ...${f} name="repetitions" label="Repetitions" type="number" defaultValue=${home[0].dosage.repetitions ?? ''} />
    <${Field} ...${f} name="pain" label="Pain (0-10)" type="number" />
    <${Field} ...${f} name="note" label="Note" />
    <button type="submit" disabled=${busy}>Log home exercise</button>
  </form>`;
}

const DosageNumbers = [['sets', 'Sets'], ['repetitions', 'Repetitions'], ['holdSeconds', 'Hold (s)'], ['load', 'Load'],
  ['durationMinutes', 'Duration (min)'], ['frequencyPerWeek', 'Times a week'], ['targetRpe', 'Target RPE (0-10)']];

function DosageForm({ episode, onDone, onConflict }) {
  const exercises = episode.currentProgram.exercises;
  const [exerciseId, setExerciseId] = useState(exercises[0]?.id);
  const names = ['exerciseId', 'kind', 'reason', 'effectiveOn', 'dosage', ...DosageNumbers.map(([n]) => `dosage.${n}`)];
  const { errors, busy, done, submit } = useSubmit({ names, onDone, onConflict });
  const exercise = exercises.find(x => x.id === exerciseId) ?? exercises[0];
  if (!exercise) return html`<p class="muted">The program has no active exercise to change.</p>`;
  const onSubmit = e => {
    e.preventDefault();
    const v = values(e.target);
    const dosage = { loadUnit: exercise.dosage.loadUnit, band: exercise.dosage.band, setting: exercise.dosage.setting };
    for (const [n] of DosageNumbers) dosage[n] = number(v[`dosage.${n}`]);
    const input = { episodeId: episode.id, expectedVersion: episode.version, exerciseId: exercise.id, kind: v.kind, dosage, reason: v.reason, effectiveOn: v.effectiveOn };
    submit(() => gql(Adjust, { input }), `${titleCase(v.kind)} of ${exercise.name} recorded.`);
  };
  const f = { form: 'dosage', errors };
  return html`<form class="record" aria-labelledby="dosage-title" onSubmit=${onSubmit} noValidate>
    <h3 id="dosage-title">Progress or regress a dosage</h3>
    <${FormMessages} errors=${errors} done=${done} />
    <${Field} ...${f} name="exerciseId" label="Exercise" value=${exercise.id} onChange=${e => setExerciseId(e.target.value)}
      options=${exercises.map(x => [x.id, x.name])} />
    <${Field} ...${f} name="kind" label="Change" options=${[['PROGRESSION', 'Progression'], ['REGRESSION', 'Regression'], ['MODIFICATION', 'Modification']]} />
    <fieldset key=${exercise.id}>
      <legend>Dosage after the change</legend>
      ${errors.dosage && html`<p class="field-error" role="alert">${errors.dosage}</p>`}
      ${DosageNumbers.map(([n, label]) => html`<${Field} ...${f} name=${`dosage.${n}`} label=${label} type="number"
        defaultValue=${exercise.dosage[n] ?? ''} step=${n === 'load' ? '0.5' : '1'} />`)}
    </fieldset>
    <${Field} ...${f} name="reason" label="Reason" type="textarea" rows="2" />
    <${Field} ...${f} name="effectiveOn" label="Effective on" type="date" defaultValue=${today()} />
    <button type="submit" disabled=${busy}>Record dosage change</button>
  </form>`;
}

export function RecordPanel(props) {
  return html`<section class="panel" aria-labelledby="record-title">
    <h2 id="record-title">Record</h2>
    <div class="record-forms">
      <${SessionForm} ...${props} />
      <${HomeLogForm} ...${props} />
      <${DosageForm} ...${props} />
    </div>
  </section>`;
}
