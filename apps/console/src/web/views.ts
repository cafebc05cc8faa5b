import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { SessionService } from '../session/session.service.js';
import { isHtmx, type ConsoleRequest } from './http.js';
import { menuFor } from './menu.js';
import { ROLE_LABELS } from './messages.js';
import { SESSIONS } from './tokens.js';

export interface PageModel {
  title: string;
  /** The menu entry to mark as current. */
  active?: string;
  breadcrumbs?: { href?: string; label: string }[];
  [key: string]: unknown;
}

/** Renders pages in the layout (or, for htmx, only the named fragment) with the shell's data. */
@Injectable()
export class Views {
  constructor(@Inject(SESSIONS) private readonly sessions: SessionService) {}

  async page(req: ConsoleRequest, res: Response, view: string, model: PageModel, status = 200, fragment?: string) {
    const session = req.consoleSession;
    if (fragment && isHtmx(req)) {
      res.status(status).render(`partials/${fragment}`, { ...model, csrf: session?.csrf, layout: false });
      return;
    }
    let user: { name: string; username: string; role: string } | undefined;
    if (session?.auth && req.gatewayApi && !session.auth.passwordChangeRequired) {
      const me = await req.gatewayApi.me.getMe({});
      user = { name: me.user.name, username: me.user.username, role: ROLE_LABELS[me.user.role] ?? me.user.role };
    }
    const flash = session ? this.sessions.takeFlash(session) : [];
    if (session && flash.length) await this.sessions.save(session);
    const menu = menuFor(session?.auth && !session.auth.passwordChangeRequired ? session.auth.role : undefined).map((m) => ({ ...m, current: m.key === model.active }));
    res.status(status).render(`pages/${view}`, {
      ...model,
      layout: 'layouts/main',
      csrf: session?.csrf,
      loggedIn: Boolean(session?.auth),
      viewerRole: session?.auth?.role,
      currentUser: user,
      menu,
      flash,
    });
  }
}
