export * from './access/access-policy.service';
export * from './access/actions';
export * from './access/roles';
export * from './organizations/organization.entity';
export * from './people/invitation.entity';
export * from './people/person.entity';
export * from './identity.module';
