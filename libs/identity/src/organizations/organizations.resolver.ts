import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Mutation(() => OrganizationModel, { description: 'SECRETARIAT of any initiative.' })
  createOrganization(@Args('input') input: CreateOrganizationInput, @Context() ctx: RequestContext): Promise<OrganizationModel> {
    return this.organizations.create(ctx.caller, input);
  }
}
