import { html, useState } from './ui.js';
import { GraphQLError } from './api.js';

// A labelled control whose error, when the service names it in extensions.field, is shown under it and announced.
export function Field({ form, name, label, errors, type = 'text', options, ...rest }) {
  const id = `${form}-${name.replace(/\W/g, '-')}`;
  const error = errors[name];
  const described = error ? `${id}-error` : undefined;
  const control = options
    ? html`<select id=${id} name=${name} aria-invalid=${error ? 'true' : undefined} aria-describedby=${described} ...${rest}>
        ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>`
    : type === 'textarea'
      ? html`<textarea id=${id} name=${name} aria-invalid=${error ? 'true' : undefined} aria-describedby=${described} ...${rest}></textarea>`
      : html`<input id=${id} name=${name} type=${type} aria-invalid=${error ? 'true' : undefined} aria-describedby=${described} ...${rest} />`;
  return html`<div class=${`field${error ? ' invalid' : ''}`}>
    <label for=${id}>${label}</label>${control}
    ${error && html`<p id=${described} class="field-error" role="alert">${error}</p>`}
  </div>`;
}

// The value of a number control, or undefined when it is empty (the input leaves it out).
export const number = value => (value === '' || value == null ? undefined : Number(value));
export const text = value => (value === '' || value == null ? undefined : value);

// Runs a mutation from a form and sorts its failure: a validation error goes to the field it names (input.x.y is
// the control named x.y), a CONFLICT reloads the episode, anything else is shown above the form.
export function useSubmit({ names, onDone, onConflict }) {
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(null);

  const submit = async (run, doneText) => {
    setBusy(true);
    setErrors({});
    setDone(null);
    try {
      await run();
      setDone(doneText);
      await onDone?.();
    } catch (e) {
      if (!(e instanceof GraphQLError)) setErrors({ '': e.message });
      else if (e.code === 'CONFLICT') {
        await onConflict?.(e);
        setErrors({ '': 'Someone else changed this episode meanwhile. It has been reloaded: check it and submit again.' });
      } else {
        const next = {};
        for (const error of e.all ?? [e]) {
          const name = error.field?.replace(/^input\.?/, '') ?? '';
          next[names.includes(name) ? name : ''] ??= error.message;
        }
        setErrors(next);
      }
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, done, submit };
}

export function FormMessages({ errors, done }) {
  return html`
    ${errors[''] && html`<p class="error" role="alert">${errors['']}</p>`}
    ${done && html`<p class="ok" role="status">${done}</p>`}`;
}
