import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ConsoleRequest } from '../web/http.js';
import { Views } from '../web/views.js';

@Controller()
export class HomeController {
  constructor(private readonly views: Views) {}

  @Get()
  async home(@Req() req: ConsoleRequest, @Res() res: Response) {
    const api = req.gatewayApi!;
    const [bacheca, history, access, usage] = await Promise.all([
      api.bacheca.readBacheca({}),
      api.me.listMyHistory({ pageSize: 5 }),
      api.me.listMyAccessLog({ pageSize: 5 }),
      api.me.getMyUsage({}).catch(() => undefined),
    ]);
    return this.views.page(req, res, 'home', { title: 'Home', active: 'home', bacheca: bacheca.items, history: history.items, access: access.items, usage });
  }

  @Get('profilo')
  async profile(@Req() req: ConsoleRequest, @Res() res: Response) {
    const me = await req.gatewayApi!.me.getMe({});
    return this.views.page(req, res, 'profile', { title: 'Il mio profilo', active: 'profilo', me, breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Profilo' }] });
  }
}
