/** Free-text input checks shared by every subgraph's services: trimmed, bounded, BAD_USER_INPUT at the field. */
import { badInput } from './errors.ts';

/** The trimmed text, or null when empty; longer than `max` is refused. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  what: string,
  max: number,
): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw badInput(field, `${what} may be at most ${max} characters.`);
  return text.length > 0 ? text : null;
}

/** The trimmed text; empty or longer than `max` is refused. */
export function requiredText(
  value: string | null | undefined,
  field: string,
  what: string,
  max: number,
): string {
  const text = optionalText(value, field, what, max);
  if (!text) throw badInput(field, `${what} is required.`);
  return text;
}
