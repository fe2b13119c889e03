import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { AccessPolicy } from '../access/access-policy.service';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly policy: AccessPolicy,
  ) {}

  @Mutation(() => OrganizationModel, { description: 'SECRETARIAT of any initiative.' })
  async createOrganization(
    @Args('input') input: CreateOrganizationInput,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationModel> {
    await this.policy.authorizeAnywhere(ctx.caller, 'organization.create');
    return this.organizations.create(input);
  }
}
