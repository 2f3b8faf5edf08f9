import { currentKey, signOut } from './session.js';
import { renderSignIn } from './pages/sign-in.js';
import { renderAlerts } from './pages/alerts.js';
import { renderAlertDetail } from './pages/alert-detail.js';
import { renderDeadlines } from './pages/deadlines.js';
import { renderPlans } from './pages/plans.js';
import { renderSources } from './pages/sources.js';
import { renderBrands } from './pages/brands.js';
import { renderSellerDetail, renderSellers } from './pages/sellers.js';
import { errorBox, isTyping, show } from './dom.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const live = document.getElementById('live');

const pages = [
  [/^#\/alerts\/([0-9a-f-]{36})$/, (m) => renderAlertDetail(main, m[1])],
  [/^#\/alerts$/, () => renderAlerts(main, { live })],
  [/^#\/deadlines$/, () => renderDeadlines(main)],
  [/^#\/plans$/, () => renderPlans(main)],
  [/^#\/sources$/, () => renderSources(main)],
  [/^#\/brands$/, () => renderBrands(main)],
  [/^#\/sellers\/([0-9a-f-]{36})$/, (m) => renderSellerDetail(main, m[1])],
  [/^#\/sellers$/, () => renderSellers(main)],
];

/** Each page may return a cleanup (the feed stops its event stream when you leave it). */
let leavePage = null;

async function route() {
  if (leavePage) leavePage();
  leavePage = null;
  const signedIn = Boolean(currentKey());
  nav.hidden = !signedIn;
  if (!signedIn) {
    renderSignIn(main, () => navigate('#/alerts'));
    return;
  }
  const hash = window.location.hash || '#/alerts';
  for (const a of nav.querySelectorAll('a')) {
    if (hash.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const page = pages.find(([pattern]) => pattern.test(hash));
  if (!page) return show(main, errorBox(`There is no page ${hash}.`));
  try {
    leavePage = (await page[1](hash.match(page[0]))) ?? null;
  } catch (error) {
    show(main, errorBox(error.message));
  }
  main.focus();
}

function navigate(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

window.addEventListener('hashchange', route);
document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  navigate('#/');
});
const help = document.getElementById('help');
document.getElementById('help-button').addEventListener('click', () => help.showModal());
document.addEventListener('keydown', (event) => {
  if (event.key === '?' && !isTyping(event) && currentKey()) help.showModal();
});

route();
