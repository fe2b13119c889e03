import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import { INITIATIVE_COLUMNS, type InitiativeModel } from './initiative.model';

/** initiative: the top of the structure, addressed by its slug. */
@Injectable()
export class InitiativesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The initiatives the person belongs to, by name. */
  ofMember(personId: string, db: Queryable = this.dataSource): Promise<InitiativeModel[]> {
    return rows<InitiativeModel>(
      db,
      `SELECT ${INITIATIVE_COLUMNS} FROM initiative
        WHERE id IN (SELECT initiative_id FROM initiative_member WHERE person_id = $1) ORDER BY name, id`,
      [personId],
    );
  }

  bySlug(slug: string, db: Queryable = this.dataSource): Promise<InitiativeModel | null> {
    return one<InitiativeModel>(db, `SELECT ${INITIATIVE_COLUMNS} FROM initiative WHERE slug = $1`, [slug]);
  }

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<InitiativeModel[]> {
    return rows<InitiativeModel>(db, `SELECT ${INITIATIVE_COLUMNS} FROM initiative WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** What registering a person needs of the initiative: its name (for the invitation) and time zone (their default). */
  namedZone(id: string, db: Queryable = this.dataSource): Promise<{ name: string; timeZone: string } | null> {
    return one(db, `SELECT name, time_zone AS "timeZone" FROM initiative WHERE id = $1`, [id]);
  }
}
