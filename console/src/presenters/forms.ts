/**
 * Form fields, their validation and the GOV.UK error summary: what every action form shares.
 * Values come from the posted body as strings: a date picked with the MOJ date picker as one
 * `d/m/yyyy` text (`date`), a date entered in the GOV.UK date input as `<name>-day`, `-month`,
 * `-year` (`dateParts`: a period's ends, which are not near today).
 */
export interface Option {
  value: string;
  text: string;
  hint?: string;
}

export type Field =
  | { kind: 'radios'; name: string; label: string; hint?: string; options: Option[]; required?: string }
  | {
      kind: 'select';
      name: string;
      label: string;
      hint?: string;
      options: Option[];
      required?: string;
      /** Enhanced into an accessible autocomplete when JavaScript runs (a plain select without). */
      autocomplete?: boolean;
    }
  | {
      kind: 'date' | 'dateParts';
      name: string;
      label: string;
      hint?: string;
      required?: string;
      notFuture?: boolean;
      notPast?: boolean;
    }
  | { kind: 'time'; name: string; label: string; hint?: string; required?: string }
  | {
      kind: 'text';
      name: string;
      label: string;
      hint?: string;
      required?: string;
      maxLength?: number;
      /** Checked as the user types, by the rule of this name in assets/identifiers.js. */
      identifier?: string;
      /** The input's width class and autocomplete token (GOV.UK: name, email, tel). */
      width?: string;
      autocompleteToken?: string;
      inputType?: string;
    }
  | { kind: 'textarea'; name: string; label: string; hint?: string; required?: string; maxLength?: number };

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

/** The submitted values of these fields (dates joined to YYYY-MM-DD when complete). */
export function valuesOf(fields: Field[], body: Record<string, unknown>): Values {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const values: Values = {};
  for (const field of fields) {
    if (field.kind === 'dateParts') {
      values[`${field.name}-day`] = text(`${field.name}-day`);
      values[`${field.name}-month`] = text(`${field.name}-month`);
      values[`${field.name}-year`] = text(`${field.name}-year`);
    } else {
      values[field.name] = text(field.name);
    }
  }
  return values;
}

/**
 * YYYY-MM-DD from the picked `d/m/yyyy` text or the three parts, or null when they are not a real
 * date.
 */
export function dateOf(values: Values, name: string): string | null {
  const picked = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(values[name] ?? '');
  const d = picked ? picked[1]! : (values[`${name}-day`] ?? '');
  const m = picked ? picked[2]! : (values[`${name}-month`] ?? '');
  const y = picked ? picked[3]! : (values[`${name}-year`] ?? '');
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

function dateEntered(values: Values, name: string): boolean {
  return (
    (values[name] ?? '') !== '' || ['day', 'month', 'year'].some((p) => (values[`${name}-${p}`] ?? '') !== '')
  );
}

export function validate(fields: Field[], values: Values, today: string): Errors {
  const errors: Errors = {};
  for (const field of fields) {
    if (field.kind === 'date' || field.kind === 'dateParts') {
      if (!dateEntered(values, field.name)) {
        if (field.required) errors[field.name] = field.required;
        continue;
      }
      const date = dateOf(values, field.name);
      if (!date)
        errors[field.name] =
          field.kind === 'date'
            ? `${field.label} must be a real date, for example 27/3/2026`
            : `${field.label} must be a real date, for example 27 3 2026`;
      else if (field.notFuture && date > today)
        errors[field.name] = `${field.label} must be today or in the past`;
      else if (field.notPast && date < today)
        errors[field.name] = `${field.label} must be today or in the future`;
      continue;
    }
    const value = values[field.name] ?? '';
    if (!value) {
      if (field.required) errors[field.name] = field.required;
      continue;
    }
    if (
      (field.kind === 'radios' || field.kind === 'select') &&
      !field.options.some((o) => o.value === value)
    ) {
      errors[field.name] = field.required ?? `Select ${field.label.toLowerCase()}`;
    }
    if (field.kind === 'time' && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(value)) {
      errors[field.name] = `${field.label} must be a time in 24-hour format, for example 14:30`;
    }
    if ((field.kind === 'text' || field.kind === 'textarea') && value.length > (field.maxLength ?? 2000)) {
      errors[field.name] = `${field.label} must be ${field.maxLength ?? 2000} characters or fewer`;
    }
  }
  return errors;
}

/** The GOV.UK error summary's list: each error links to its field (a date in parts to its day input). */
export function errorListOf(fields: Field[], errors: Errors): { text: string; href: string }[] {
  const known = fields
    .filter((f) => errors[f.name])
    .map((f) => ({
      text: errors[f.name]!,
      href: `#${f.kind === 'dateParts' ? `${f.name}-day` : f.name}`,
    }));
  const general = errors._form ? [{ text: errors._form, href: '#main-content' }] : [];
  return [...general, ...known];
}
