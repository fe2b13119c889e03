import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Caller, ConflictError } from '@app/platform';
import { AccessPolicy } from '../access/access-policy.service';
import type { CreateOrganizationInput } from './dto/create-organization.input';
import type { OrganizationModel } from './organization.model';
import { OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** SECRETARIAT of any initiative; CONFLICT when an organisation of that name (case-insensitively) exists. */
  async create(caller: Caller | null, input: CreateOrganizationInput): Promise<OrganizationModel> {
    await this.policy.authorizeAnywhere(caller, 'organization.create');
    return this.dataSource.transaction(async (m) => {
      const organization = await this.organizations.insert(input, m);
      if (!organization) throw new ConflictError(`An organisation named "${input.name}" already exists`);
      return organization;
    });
  }
}
