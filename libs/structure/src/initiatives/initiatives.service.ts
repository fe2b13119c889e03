import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import { type Caller, NotFoundError } from '@app/platform';
import { INITIATIVE_COLUMNS, type InitiativeModel } from './initiative.model';

@Injectable()
export class InitiativesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  /** The initiatives the caller belongs to, by name. */
  async mine(caller: Caller | null): Promise<InitiativeModel[]> {
    const { personId } = this.policy.requireCaller(caller);
    return (await this.dataSource.query(
      `SELECT ${INITIATIVE_COLUMNS} FROM initiative
        WHERE id IN (SELECT initiative_id FROM initiative_member WHERE person_id = $1) ORDER BY name, id`,
      [personId],
    )) as InitiativeModel[];
  }

  /** NOT_FOUND unless the initiative exists and the caller belongs to it. */
  async bySlug(caller: Caller | null, slug: string): Promise<InitiativeModel> {
    this.policy.requireCaller(caller);
    const [row] = /^[a-z0-9-]{2,40}$/.test(slug)
      ? ((await this.dataSource.query(`SELECT ${INITIATIVE_COLUMNS} FROM initiative WHERE slug = $1`, [
          slug,
        ])) as InitiativeModel[])
      : [];
    if (!row) throw new NotFoundError('Initiative', slug);
    await this.policy.authorize(caller, 'initiative.read', { initiativeId: row.id }, { kind: 'Initiative', id: slug });
    return row;
  }
}
