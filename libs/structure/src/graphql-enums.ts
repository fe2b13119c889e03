import { registerEnumType } from '@nestjs/graphql';
import { GroupStatus } from './working-groups/group-status';

/** Registers the structure enums with GraphQL (imported for its side effect by the models). */
registerEnumType(GroupStatus, { name: 'GroupStatus' });
