import { Controller, Get, HttpException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticator, DomainError, LoaderRegistry, type RequestContext } from '@app/platform';
import { type DispositionFormat, DispositionService } from './disposition.service';

/** HTTP statuses of the domain's error codes. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
};

const CONTENT_TYPE: Record<DispositionFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * GET /terms/<id>/disposition.md and /terms/<id>/disposition.csv with a bearer token: the
 * disposition of comments of a document the caller may read. 401 without a valid token, 404 for
 * a document that does not exist or that the caller may not read.
 */
@Controller('terms')
export class DispositionController {
  constructor(
    private readonly service: DispositionService,
    private readonly authenticator: Authenticator,
  ) {}

  @Get(':id/disposition.md')
  markdown(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(id, 'md', req, res);
  }

  @Get(':id/disposition.csv')
  csv(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(id, 'csv', req, res);
  }

  private async send(id: string, format: DispositionFormat, req: Request, res: Response): Promise<void> {
    const ctx: RequestContext = {
      req,
      res,
      requestId: String((req as { id?: unknown }).id ?? ''),
      caller: await this.authenticator.authenticate(req),
      loaders: new LoaderRegistry(),
    };
    let body: string;
    try {
      body = await this.service.export(ctx, id, format);
    } catch (error) {
      if (error instanceof DomainError)
        throw new HttpException({ code: error.code, message: error.message }, STATUS[error.code] ?? 400);
      throw error;
    }
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', `attachment; filename="disposition-${id}.${format}"`);
    res.type(CONTENT_TYPE[format]).send(body);
  }
}
