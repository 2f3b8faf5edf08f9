import { request } from '../api.js';
import { errorBox, h, show } from '../dom.js';
import { signIn } from '../session.js';

/** Paste an API key; it is checked against GET /v1/brands before it is kept. */
export function renderSignIn(main, onSignedIn) {
  const input = h('input', {
    id: 'api-key',
    name: 'api-key',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const status = h('div', { id: 'sign-in-status' });
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to Markhound'),
    h(
      'p',
      { class: 'muted' },
      'Paste an API key (create one with `markhound keys create`). It is kept only in this browser tab.',
    ),
    h('label', { for: 'api-key' }, 'API key', input),
    status,
    h('p', {}, h('button', { type: 'submit' }, 'Sign in')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    show(status, h('p', { class: 'muted' }, 'Checking the key…'));
    try {
      await request('/v1/brands', { key });
      signIn(key);
      onSignedIn();
    } catch (error) {
      const message =
        error.status === 401
          ? 'This API key is unknown or revoked. Check it, or ask an admin for a new one.'
          : `Could not sign in: ${error.message}`;
      show(status, errorBox(message));
      input.focus();
    }
  });
  show(main, form);
  input.focus();
}
