/** Registers the identity enums with GraphQL (imported for its side effect by the models). */
import { registerEnumType } from '@nestjs/graphql';
import { GroupRole, InitiativeRole } from './access/roles';
import { OrganizationKind } from './organizations/organization-kind';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(InitiativeRole, {
  name: 'InitiativeRole',
  description: 'Role of a person in an initiative. SECRETARIAT manages the structure and ballots; MEMBER votes; OBSERVER reads.',
});
registerEnumType(GroupRole, {
  name: 'GroupRole',
  description: "Role of a person in a working group. CHAIR and VICE_CHAIR draft the group's work plan.",
});
