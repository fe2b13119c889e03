import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError } from '@app/platform';
import type { CreateOrganizationInput } from './dto/create-organization.input';
import { ORGANIZATION_COLUMNS, type OrganizationModel } from './organization.model';

@Injectable()
export class OrganizationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** CONFLICT when an organisation of that name (case-insensitively) exists. */
  async create(input: CreateOrganizationInput): Promise<OrganizationModel> {
    return this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `INSERT INTO organization (name, acronym, kind, country) VALUES ($1, $2, $3, $4)
         ON CONFLICT ((lower(name))) DO NOTHING RETURNING ${ORGANIZATION_COLUMNS}`,
        [input.name.trim(), input.acronym ?? null, input.kind, input.country ?? null],
      )) as OrganizationModel[];
      if (!rows[0]) throw new ConflictError(`An organisation named "${input.name}" already exists`);
      return rows[0];
    });
  }
}
