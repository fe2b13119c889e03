import { registerEnumType } from '@nestjs/graphql';
import { GroupStatus } from './working-groups/working-group.entity';

/** Registers the structure enums with GraphQL (imported for its side effect by the models). */
registerEnumType(GroupStatus, { name: 'GroupStatus' });
