import { patch, post, request } from '../api.js';
import { h, show } from '../dom.js';

/** The takedown card of a listing alert: prepare the report, download it, record its outcome. */
export function takedownCard(alert) {
  const card = h('section', { class: 'card', id: 'takedown', 'aria-labelledby': 'takedown-title' });
  const status = h('div', { role: 'status' });
  const render = (report) =>
    show(
      card,
      h('h2', { id: 'takedown-title' }, 'Takedown report'),
      status,
      report
        ? [
            h(
              'p',
              {},
              `${report.programme.name} — status `,
              h('strong', { id: 'takedown-status' }, report.status),
              report.case_reference ? ` (case ${report.case_reference})` : '',
            ),
            h(
              'p',
              {},
              'File at ',
              h(
                'a',
                { href: report.programme.portal, rel: 'noopener noreferrer', target: '_blank' },
                report.programme.portal,
              ),
            ),
            report.missing.length
              ? h(
                  'div',
                  {},
                  h('p', {}, 'Fill before filing:'),
                  h(
                    'ul',
                    { id: 'takedown-missing' },
                    report.missing.map((m) => h('li', {}, m)),
                  ),
                )
              : h('p', { class: 'ok' }, 'Every required field is filled.'),
            report.last_check ? h('p', {}, `Last re-check: ${report.last_check.reason}`) : null,
            h(
              'div',
              { class: 'actions' },
              h('button', { type: 'button', onclick: () => download(report) }, 'Download PDF'),
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => act(() => patch(`/v1/takedowns/${report.id}`, { status: 'reported' })),
                },
                'Mark reported',
              ),
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => act(() => patch(`/v1/takedowns/${report.id}`, { status: 'removed' })),
                },
                'Removed',
              ),
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => act(() => patch(`/v1/takedowns/${report.id}`, { status: 'rejected' })),
                },
                'Rejected',
              ),
              h(
                'button',
                { type: 'button', onclick: () => act(() => post(`/v1/takedowns/${report.id}/recheck`)) },
                'Re-check listing',
              ),
            ),
          ]
        : h(
            'button',
            {
              type: 'button',
              id: 'takedown-prepare',
              onclick: () => act(() => post(`/v1/alerts/${alert.id}/takedown`)),
            },
            'Prepare takedown report',
          ),
    );
  const act = async (call) => {
    show(status, 'Working…');
    try {
      render(await call());
      show(status, 'Saved.');
    } catch (error) {
      show(status, h('span', { class: 'error' }, error.message));
    }
  };
  const download = async (report) => {
    const response = await request(`/v1/takedowns/${report.id}/pdf`, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `takedown-${report.id}.pdf` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  render(null);
  return card;
}
