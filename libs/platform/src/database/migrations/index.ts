import { Foundation1790000000000 } from './1790000000000-foundation';
import { IdentityStructure1790000001000 } from './1790000001000-identity-structure';

/** Every migration, oldest first. New migrations are appended here (see README, Operations). */
export const MIGRATIONS = [Foundation1790000000000, IdentityStructure1790000001000];
