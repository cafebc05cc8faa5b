import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hbs from 'hbs';
import { ACCESS_EVENT_LABELS, OUTCOME_LABELS, RIVESTIZIONE_LABELS, ROLE_LABELS, SECTION_LABELS, VISURA_LABELS } from './messages.js';

const dateTime = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'medium' });
const dateOnly = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'short' });

/** A Handlebars instance of the console's own (not hbs's global one), with its helpers and partials. */
export function createTemplateEngine(viewsDir: string) {
  const instance = hbs.create();
  const h = instance.handlebars;
  const label = (table: Record<string, string>) => (v: unknown) => (typeof v === 'string' ? (table[v] ?? v) : '');
  h.registerHelper({
    eq: (a: unknown, b: unknown) => a === b,
    not: (a: unknown) => !a,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    includes: (list: unknown, v: unknown) => Array.isArray(list) && list.includes(v),
    dateTime: (v: unknown) => (typeof v === 'string' && v ? dateTime.format(new Date(v)) : '—'),
    date: (v: unknown) => (typeof v === 'string' && v ? dateOnly.format(new Date(v.length === 10 ? `${v}T12:00:00Z` : v)) : '—'),
    roleLabel: label(ROLE_LABELS),
    outcomeLabel: label(OUTCOME_LABELS),
    accessLabel: label(ACCESS_EVENT_LABELS),
    sectionLabel: label(SECTION_LABELS),
    visuraLabel: label(VISURA_LABELS),
    rivestizioneLabel: label(RIVESTIZIONE_LABELS),
    join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''),
    outcomeBadge: (v: unknown) => ({ ok: 'bg-success', not_found: 'bg-secondary', denied: 'bg-danger', error: 'bg-warning text-dark', pending: 'bg-info text-dark' } as Record<string, string>)[String(v)] ?? 'bg-secondary',
  });
  const partials = join(viewsDir, 'partials');
  for (const file of readdirSync(partials)) {
    if (file.endsWith('.hbs')) h.registerPartial(file.slice(0, -4), readFileSync(join(partials, file), 'utf8'));
  }
  return instance;
}
