/* global document */
// Progressive enhancement only: every page works without this file.
// It marks the page as able to run GOV.UK Frontend (instead of the template's inline script, which
// the Content Security Policy does not allow) and starts the GOV.UK and MOJ components.
import { initAll as initGovuk } from '/assets/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initGovuk();
initMoj();
