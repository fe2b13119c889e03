import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputError, UnauthenticatedError } from '@app/platform';
import { isTimeZone } from '../time-zones';
import { PERSON_COLUMNS, type PersonModel } from './person.model';

/** What a signed-in person changes in their own profile. */
@Injectable()
export class MyProfileService {
  constructor(private readonly dataSource: DataSource) {}

  /** The zone every time is shown in for this person (their e-mails, the web client). */
  async setTimeZone(personId: string, timeZone: string): Promise<PersonModel> {
    if (!isTimeZone(timeZone)) throw InvalidInputError.field('timeZone', 'must be an IANA time zone such as Europe/Zurich');
    const [rows] = (await this.dataSource.query(`UPDATE person SET time_zone = $2 WHERE id = $1 RETURNING ${PERSON_COLUMNS}`, [
      personId,
      timeZone,
    ])) as [PersonModel[], number];
    if (!rows.length) throw new UnauthenticatedError();
    return rows[0];
  }
}
