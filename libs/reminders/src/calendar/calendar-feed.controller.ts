import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CalendarFeedService } from './calendar-feed.service';

/** GET /calendar/<personId>/<secret>.ics: the feed; 404 for an unknown person or a wrong secret. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly service: CalendarFeedService) {}

  @Get(':personId/:file')
  async feed(@Param('personId') personId: string, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : null;
    const body = secret ? await this.service.feed(personId, secret) : null;
    if (body === null) throw new NotFoundException('No such calendar feed');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.type('text/calendar; charset=utf-8').send(body);
  }
}
