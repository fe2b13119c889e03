import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { organizationLoader } from '../loaders';
import { OrganizationModel } from '../organizations/organization.model';
import { PersonModel } from './person.model';

@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => OrganizationModel, { nullable: true })
  async organization(@Parent() person: PersonModel, @Context() ctx: RequestContext): Promise<OrganizationModel | null> {
    return person.organizationId ? organizationLoader(ctx.loaders, this.dataSource).load(person.organizationId) : null;
  }
}
