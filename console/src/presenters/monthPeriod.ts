/**
 * A period of whole calendar months, as the commissioner's service metrics ask for it (DOMAIN.md
 * "Disclosure control (commissioners)": `from` the first day of a month, `to` the last day of a
 * month or today for the month in progress). The page asks for a first and a last month (the
 * GOV.UK date input with month and year only), so every period it can send is one the API takes.
 */
import type { Errors, Values } from './forms.ts';

export interface MonthPeriod {
  values: Values;
  errors: Errors;
  /** The inputs to highlight of each end in error (GOV.UK: only the missing part, if one is). */
  errorParts: Record<string, ('month' | 'year')[]>;
  /** YYYY-MM-DD, when the months are valid. */
  from: string | null;
  to: string | null;
}

const ENDS = [
  { name: 'from', label: 'The start of the period', required: 'Enter the first month of the period' },
  { name: 'to', label: 'The end of the period', required: 'Enter the last month of the period' },
] as const;

/** YYYY-MM of a month and year entered as text, or null when they are not one. */
function monthOf(month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const m = Number(month);
  if (m < 1 || m > 12 || Number(year) < 2000) return null;
  return `${year}-${String(m).padStart(2, '0')}`;
}

/** The month `n` months after YYYY-MM (before, when negative). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a YYYY-MM month (29 February in a leap year). */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function partsOf(name: string, month: string): Values {
  const [y, m] = month.split('-');
  return { [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

/** The query string of a period, for links (the CSV's) that ask for the same months. */
export function periodQuery(from: string, to: string): Values {
  return { ...partsOf('from', from.slice(0, 7)), ...partsOf('to', to.slice(0, 7)) };
}

/**
 * The months asked for in a query (the last three, this one to date, when none are), checked:
 * each a real month and not after this one, the last not before the first.
 */
export function monthPeriodOf(query: Record<string, unknown>, today: string): MonthPeriod {
  const thisMonth = today.slice(0, 7);
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string).trim() : '');
  const given = ENDS.some(({ name }) => text(`${name}-month`) || text(`${name}-year`));
  const values: Values = given
    ? Object.fromEntries(
        ENDS.flatMap(({ name }) => [`${name}-month`, `${name}-year`]).map((k) => [k, text(k)] as const),
      )
    : { ...partsOf('from', shiftMonth(thisMonth, -2)), ...partsOf('to', thisMonth) };
  const errors: Errors = {};
  const errorParts: MonthPeriod['errorParts'] = {};
  const months: Record<string, string | null> = {};
  const refuse = (name: string, message: string, parts: ('month' | 'year')[] = ['month', 'year']) => {
    errors[name] = message;
    errorParts[name] = parts;
  };
  for (const end of ENDS) {
    const month = values[`${end.name}-month`] ?? '';
    const year = values[`${end.name}-year`] ?? '';
    months[end.name] = null;
    if (!month && !year) refuse(end.name, end.required);
    else if (!year) refuse(end.name, `${end.label} must include a year`, ['year']);
    else if (!month) refuse(end.name, `${end.label} must include a month`, ['month']);
    else {
      const ym = monthOf(month, year);
      if (!ym) refuse(end.name, `${end.label} must be a real month and year, for example 9 2026`);
      else if (ym > thisMonth) refuse(end.name, `${end.label} must be this month or earlier`);
      else months[end.name] = ym;
    }
  }
  const first = months.from;
  const last = months.to;
  if (first && last && last < first) {
    refuse('to', 'The end of the period must be the same month as its start or later');
  }
  const ok = Object.keys(errors).length === 0 && first && last;
  return {
    values,
    errors,
    errorParts,
    from: ok ? `${first}-01` : null,
    to: ok ? (last === thisMonth ? today : lastDayOf(last)) : null,
  };
}

/** The GOV.UK error summary's list: each error links to its month input. */
export function monthErrorListOf(
  errors: Errors,
  errorParts?: MonthPeriod['errorParts'],
): { text: string; href: string }[] {
  return [
    ...ENDS.filter(({ name }) => errors[name]).map(({ name }) => ({
      text: errors[name]!,
      href: `#${name}-${errorParts?.[name]?.[0] ?? 'month'}`,
    })),
    ...(errors.service ? [{ text: errors.service, href: '#service' }] : []),
  ];
}
