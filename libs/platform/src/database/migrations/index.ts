import { Foundation1790000000000 } from './1790000000000-foundation';
import { IdentityStructure1790000001000 } from './1790000001000-identity-structure';
import { LoginFailures1790000001500 } from './1790000001500-login-failures';
import { TermsOfReference1790000002000 } from './1790000002000-terms-of-reference';
import { WorkPlans1790000003000 } from './1790000003000-work-plans';
import { Reminders1790000004000 } from './1790000004000-reminders';
import { BenchIndexes1790000009000 } from './1790000009000-bench-indexes';
import { CastVoteFunction1790000009100 } from './1790000009100-cast-vote-function';
import { DataChangedNotify1790000009200 } from './1790000009200-data-changed-notify';
import { SignInLimitsAndRevocations1790000010000 } from './1790000010000-sign-in-limits-and-revocations';
import { VoteIntegrity1790000011000 } from './1790000011000-vote-integrity';
import { NotificationCreatedTx1790000013000 } from './1790000013000-notification-created-tx';
import { SqlFunctions1790000020000 } from './1790000020000-sql-functions';
import { NotificationPreferences1790000025000 } from './1790000025000-notification-preferences';
import { KpiCatalogue1790000030000 } from './1790000030000-kpi-catalogue';
import { Meetings1790000032000 } from './1790000032000-meetings';
import { NotificationKinds1790000034000 } from './1790000034000-notification-kinds';
import { Discussion1790000037000 } from './1790000037000-discussion';

/** Every migration, oldest first. New migrations are appended here (see README, Operations). */
export const MIGRATIONS = [
  Foundation1790000000000,
  IdentityStructure1790000001000,
  LoginFailures1790000001500,
  TermsOfReference1790000002000,
  WorkPlans1790000003000,
  Reminders1790000004000,
  BenchIndexes1790000009000,
  CastVoteFunction1790000009100,
  DataChangedNotify1790000009200,
  SignInLimitsAndRevocations1790000010000,
  VoteIntegrity1790000011000,
  NotificationCreatedTx1790000013000,
  SqlFunctions1790000020000,
  NotificationPreferences1790000025000,
  KpiCatalogue1790000030000,
  Meetings1790000032000,
  NotificationKinds1790000034000,
  Discussion1790000037000,
];
