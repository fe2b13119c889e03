import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy, personLoader } from '@app/identity';
import { AppConfig, ForbiddenError, LoaderRegistry } from '@app/platform';

/** What a person may do on the queue dashboard. */
export type DashboardAccessLevel = 'read' | 'write';

/**
 * Who may use the queue dashboard, read on every request (a role taken away counts at once):
 * platform operators (PLATFORM_OPERATORS, by e-mail) may change queues; a SECRETARIAT of any
 * initiative may look (`queueDashboard.read` in the access table); nobody else.
 */
@Injectable()
export class DashboardAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async levelOf(personId: string): Promise<DashboardAccessLevel | null> {
    const operators = this.config.platformOperators;
    if (operators.length) {
      const person = await personLoader(new LoaderRegistry(), this.dataSource).load(personId);
      if (person && operators.includes(person.email.toLowerCase())) return 'write';
    }
    try {
      await this.policy.authorizeAnywhere({ personId }, 'queueDashboard.read');
      return 'read';
    } catch (error) {
      if (error instanceof ForbiddenError) return null;
      throw error;
    }
  }
}
