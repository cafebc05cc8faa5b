import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Shared validation rules for request DTOs. Every DTO uses these instead of a bare pattern, so that
 * a value that only looks right (a date 2026-13-45, a text with a NUL) is refused at the edge.
 */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD, from year 1000 to 9999. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A real calendar day, YYYY-MM-DD (`2026-02-29` and `2026-13-45` are refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: ({ property }) => `${property} must be a real date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/**
 * True when the string can be stored and hashed as it is: no NUL or other C0 control character
 * except tab, line feed and carriage return, and no lone UTF-16 surrogate (which a database would
 * turn into U+FFFD, so what was hashed would differ from what was stored).
 */
export function isStorableText(value: string): boolean {
  return textFault(value, true) === undefined;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored as it is, or undefined when it can. Tab, line feed and carriage
 * return are allowed only where line breaks make sense (`lineBreaks`: request bodies), never in a
 * header, a query or a path parameter.
 */
export function textFault(value: string, lineBreaks: boolean): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  // eslint-disable-next-line no-control-regex
  const control = (lineBreaks ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).exec(value);
  if (!control) return undefined;
  const code = control[0].charCodeAt(0);
  return code === 0 ? 'contains a NUL character' : `contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A field name fit to be echoed in a problem document: control characters and lone surrogates of
 * an unknown key are written as \uXXXX escapes, so the answer itself is storable text.
 */
export function printableField(name: string): string {
  return name.replace(new RegExp(`[\\u0000-\\u001f\\u007f]|${LONE_SURROGATE.source}`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
