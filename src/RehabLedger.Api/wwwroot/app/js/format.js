// Text for values the views show in several places.

export const today = () => new Date().toISOString().slice(0, 10);

export const titleCase = value => (value ?? '').toLowerCase().replace(/_/g, ' ').replace(/^\w/, c => c.toUpperCase());

export function dosageText(d) {
  if (!d) return '';
  const parts = [`${d.sets} ×`];
  if (d.repetitions != null) parts.push(`${d.repetitions} reps`);
  if (d.holdSeconds != null) parts.push(`${d.holdSeconds} s hold`);
  if (d.durationMinutes != null) parts.push(`${d.durationMinutes} min`);
  if (d.load != null) parts.push(`${d.load} ${(d.loadUnit ?? '').toLowerCase()}`);
  if (d.band) parts.push(`${d.band.toLowerCase()} band`);
  parts.push(`${d.frequencyPerWeek}×/week`);
  if (d.targetRpe != null) parts.push(`RPE ${d.targetRpe}`);
  parts.push(d.setting === 'HOME' ? 'home' : 'clinic');
  return parts.join(' ');
}

export const signed = n => (n == null ? '–' : n > 0 ? `+${n}` : `${n}`);

export const dateTime = iso => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 23) + ' UTC' : '');

// The Monday of a date's week, as yyyy-MM-dd (weeks run Monday to Sunday, as the service counts them).
export function weekOf(date) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export const DosageFields = `sets repetitions holdSeconds load loadUnit band durationMinutes frequencyPerWeek targetRpe setting`;
