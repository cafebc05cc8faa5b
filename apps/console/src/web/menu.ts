import type { SessionAuth } from '../session/session.store.js';

export interface MenuItem {
  key: string;
  href: string;
  label: string;
}

/**
 * The menu offers what a role can use; it is navigation only. Whatever a page shows comes from the
 * gateway, which refuses (and the console then says so) anything outside the person's area.
 */
export function menuFor(role: SessionAuth['role'] | undefined): MenuItem[] {
  if (!role) return [];
  const items: MenuItem[] = [{ key: 'home', href: '/', label: 'Home' }];
  if (role === 'TOP') {
    items.push(
      { key: 'enti', href: '/enti', label: 'Enti e convenzioni' },
      { key: 'utenti', href: '/utenti', label: 'Utenti' },
      { key: 'applicazioni', href: '/applicazioni', label: 'Applicazioni' },
      { key: 'postazioni', href: '/postazioni', label: 'Postazioni' },
      { key: 'comune', href: '/comune', label: 'Comune' },
      { key: 'bacheca', href: '/bacheca', label: 'Bacheca' },
      { key: 'monitoraggio', href: '/monitoraggio', label: 'Monitoraggio' },
    );
  } else if (role === 'ADMIN') {
    items.push(
      { key: 'utenti', href: '/utenti', label: 'Utenti' },
      { key: 'applicazioni', href: '/applicazioni', label: 'Applicazioni' },
      { key: 'postazioni', href: '/postazioni', label: 'Postazioni' },
      { key: 'monitoraggio', href: '/monitoraggio', label: 'Monitoraggio' },
    );
  } else {
    items.push({ key: 'monitoraggio', href: '/monitoraggio', label: 'Le mie richieste' });
  }
  items.push({ key: 'profilo', href: '/profilo', label: 'Profilo' });
  return items;
}
