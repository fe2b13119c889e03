export * from './initiatives/initiative.entity';
export * from './memberships/group-member.entity';
export * from './memberships/initiative-member.entity';
export * from './working-groups/working-group.entity';
