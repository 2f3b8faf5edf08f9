import { get, patch, post } from '../api.js';
import { errorBox, h, show } from '../dom.js';
import { imageUrl, LOGO_TYPES, uploadLogo } from '../images.js';

const csv = (value) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const MARK_KINDS = [
  'word',
  'figurative',
  'combined',
  'three-dimensional',
  'sound',
  'colour',
  'position',
  'motion',
  'hologram',
  'other',
];

let fieldCount = 0;
/** A labelled input; ids are unique so each label points at its own control. */
function field(label, attrs) {
  const id = `f${++fieldCount}`;
  return h(
    'label',
    { for: id },
    label,
    h(attrs.tag ?? 'input', { ...attrs, tag: undefined, id }, attrs.options ?? []),
  );
}

/** Submits a form's values through `save`, reporting the server's answer next to the form. */
function savingForm(title, children, save, after) {
  const status = h('div', { role: 'status' });
  const form = h(
    'form',
    { class: 'inline', 'aria-label': title },
    children,
    h('button', { type: 'submit' }, 'Save'),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await save(Object.fromEntries(new FormData(form).entries()));
      show(status, h('span', { class: 'ok' }, 'Saved.'));
      if (after) await after();
    } catch (error) {
      show(status, errorBox(error.message));
    }
  });
  return form;
}

const markBody = (v) => ({
  text: v.text,
  kind: v.kind,
  nice_classes: csv(v.nice_classes ?? '').map(Number),
  threshold: v.threshold === '' || v.threshold === undefined ? null : Number(v.threshold) / 100,
});

function markFields(mark = {}) {
  return [
    field('Mark text', { name: 'text', value: mark.text ?? '', required: true }),
    field('Kind', {
      tag: 'select',
      name: 'kind',
      options: MARK_KINDS.map((k) => h('option', { value: k, selected: k === (mark.kind ?? 'word') }, k)),
    }),
    field('Nice classes (comma-separated)', {
      name: 'nice_classes',
      value: (mark.nice_classes ?? []).join(', '),
      inputmode: 'numeric',
    }),
    field('Alert threshold % (empty = default)', {
      name: 'threshold',
      type: 'number',
      min: '0',
      max: '100',
      value:
        mark.threshold === null || mark.threshold === undefined
          ? ''
          : String(Math.round(mark.threshold * 100)),
    }),
  ];
}

/** Shows the mark's logo (if any) and a file input that uploads a new one; refusals are shown beside it. */
function logoControl(mark) {
  const id = `logo-${mark.id}`;
  const thumb = h('div', { class: 'logo-thumb' }, h('span', { class: 'muted' }, 'No logo yet.'));
  const status = h('div', { role: 'status' });
  const showLogo = async () => {
    const url = await imageUrl(`/v1/marks/${mark.id}/logo`).catch(() => null);
    if (!url) return;
    // The previous thumbnail's bytes are no longer shown; free them.
    const old = thumb.querySelector('img');
    if (old) URL.revokeObjectURL(old.src);
    show(thumb, h('img', { src: url, alt: `Logo of ${mark.text}` }));
  };
  const input = h('input', { type: 'file', id, accept: LOGO_TYPES.join(',') });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    show(status, h('span', { class: 'muted' }, 'Uploading…'));
    try {
      await uploadLogo(mark.id, file);
      await showLogo();
      show(status, h('span', { class: 'ok' }, 'Logo saved.'));
    } catch (error) {
      show(status, errorBox(`Logo refused: ${error.message}`));
    }
    input.value = '';
  });
  showLogo();
  return h(
    'div',
    { class: 'logo-control' },
    thumb,
    h('label', { for: id }, `Upload logo for ${mark.text}`, input),
    status,
  );
}

/** Brands and marks: create, edit, thresholds and classes. */
export async function renderBrands(main) {
  const brands = (await get('/v1/brands')).data;
  const reload = () => renderBrands(main);
  const sections = await Promise.all(
    brands.map(async (brand) => {
      const marks = (await get(`/v1/brands/${brand.id}/marks`)).data;
      return h(
        'section',
        { class: 'card', 'aria-label': `Brand ${brand.name}` },
        h('h2', {}, brand.name),
        savingForm(
          `Edit brand ${brand.name}`,
          [
            field('Name', { name: 'name', value: brand.name, required: true }),
            field('Watched offices (empty = all)', {
              name: 'watched_offices',
              value: brand.watched_offices.join(', '),
            }),
            field('Own applicant names', {
              name: 'own_applicant_names',
              value: brand.own_applicant_names.join(', '),
            }),
          ],
          (v) =>
            patch(`/v1/brands/${brand.id}`, {
              name: v.name,
              watched_offices: csv(v.watched_offices),
              own_applicant_names: csv(v.own_applicant_names),
            }),
        ),
        h('h3', {}, 'Marks'),
        marks.length === 0
          ? h('p', { class: 'muted' }, 'No mark yet.')
          : marks.map((mark) =>
              h(
                'div',
                { class: 'mark-row' },
                savingForm(`Edit mark ${mark.text}`, markFields(mark), (v) =>
                  patch(`/v1/marks/${mark.id}`, markBody(v)),
                ),
                logoControl(mark),
              ),
            ),
        h('h3', {}, 'Add a mark'),
        savingForm(
          `Add a mark to ${brand.name}`,
          markFields(),
          (v) => post(`/v1/brands/${brand.id}/marks`, markBody(v)),
          reload,
        ),
      );
    }),
  );
  show(
    main,
    h('h1', {}, 'Brands and marks'),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'New brand'),
      savingForm(
        'Create a brand',
        [
          field('Brand name', { name: 'name', required: true }),
          field('Watched offices (comma-separated, empty = all)', {
            name: 'watched_offices',
            placeholder: 'USPTO, INPI-BR',
          }),
        ],
        (v) => post('/v1/brands', { name: v.name, watched_offices: csv(v.watched_offices) }),
        reload,
      ),
    ),
    sections,
  );
}
