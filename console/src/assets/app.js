/* global document, window */
// Progressive enhancement only: every page works without this file.
// It marks the page as able to run GOV.UK Frontend (instead of the template's inline script, which
// the Content Security Policy does not allow) and starts the GOV.UK and MOJ components; it turns
// the long selects of the referral form into accessible autocompletes, and checks identifiers as
// they are typed (the same rules the console and the hub check again when the form is sent).
import { initAll as initGovuk } from '/assets/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj-frontend.min.js';
import { IDENTIFIERS } from '/assets/identifiers.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initGovuk();
initMoj();

const autocomplete = window.accessibleAutocomplete;
if (autocomplete) {
  for (const select of document.querySelectorAll('select[data-rc-autocomplete]')) {
    autocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: '',
      showAllValues: true,
      dropdownArrow: () => '',
    });
  }
}

for (const input of document.querySelectorAll('input[data-rc-identifier]')) {
  const rule = IDENTIFIERS[input.dataset.rcIdentifier];
  if (!rule) continue;
  // A polite live message under the hint: said once the value looks finished or the user moves on.
  const message = document.createElement('p');
  message.className = 'govuk-hint rc-identifier-check';
  message.id = `${input.id}-check`;
  message.setAttribute('aria-live', 'polite');
  input.insertAdjacentElement('afterend', message);
  input.setAttribute(
    'aria-describedby',
    `${input.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim(),
  );
  let left = false;
  const check = () => {
    const value = input.value.trim();
    if (!value) {
      message.textContent = '';
      message.classList.remove('rc-identifier-check--error');
      return;
    }
    const ok = rule.check(value);
    if (ok) {
      message.textContent = 'This looks right';
      message.classList.remove('rc-identifier-check--error');
    } else if (left) {
      message.textContent = rule.message;
      message.classList.add('rc-identifier-check--error');
    }
  };
  input.addEventListener('input', check);
  input.addEventListener('blur', () => {
    left = true;
    check();
  });
}
