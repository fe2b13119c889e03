import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { InitiativeModel } from '@app/structure';
import { SetReminderPolicyInput } from './dto/set-reminder-policy.input';
import { ReminderPolicyModel } from './reminder-policy.model';
import { ReminderPolicyService } from './reminder-policy.service';

@Resolver(() => InitiativeModel)
export class ReminderPolicyResolver {
  constructor(private readonly service: ReminderPolicyService) {}

  @ResolveField(() => ReminderPolicyModel)
  reminderPolicy(@Parent() initiative: InitiativeModel, @Context() ctx: RequestContext): Promise<ReminderPolicyModel> {
    return this.service.load(ctx.loaders, initiative.id);
  }

  @Mutation(() => ReminderPolicyModel, { description: 'SECRETARIAT. Reschedules pending reminders of the initiative.' })
  setReminderPolicy(@Args('input') input: SetReminderPolicyInput, @Context() ctx: RequestContext): Promise<ReminderPolicyModel> {
    return this.service.set(ctx.caller, input);
  }
}
