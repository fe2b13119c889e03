import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '@app/platform';

/**
 * GraphiQL at /ide, off in production by default. The page is built with the web client
 * (`apps/web/ide.html`, one React version for the whole repository) and works offline: its
 * scripts are the client's own hashed assets.
 */
@Controller('ide')
export class GraphiqlController {
  private readonly page: string;

  constructor(private readonly config: AppConfig) {
    this.page = join(resolve(config.WEB_DIST_DIR), 'ide.html');
  }

  @Get()
  show(@Res() res: Response) {
    if (!this.config.introspectionEnabled || !existsSync(this.page)) throw new NotFoundException();
    res.set('Cache-Control', 'no-cache').sendFile(this.page);
  }
}
