import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import type { CreateOrganizationInput } from './dto/create-organization.input';
import { ORGANIZATION_COLUMNS, type OrganizationModel } from './organization.model';

/** organization: the bodies people belong to; names are unique case-insensitively. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<OrganizationModel[]> {
    return rows<OrganizationModel>(db, `SELECT ${ORGANIZATION_COLUMNS} FROM organization WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async exists(id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM organization WHERE id = $1`, [id])) !== null;
  }

  /** The new organisation, or null when the name is taken. */
  insert(input: CreateOrganizationInput, db: Queryable = this.dataSource): Promise<OrganizationModel | null> {
    return one<OrganizationModel>(
      db,
      `INSERT INTO organization (name, acronym, kind, country) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(name))) DO NOTHING RETURNING ${ORGANIZATION_COLUMNS}`,
      [input.name.trim(), input.acronym ?? null, input.kind, input.country ?? null],
    );
  }
}
