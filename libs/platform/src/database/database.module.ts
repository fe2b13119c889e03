import { Global, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DataChanges } from '../cache/data-changes.service';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './run-migrations';
import { SqlStatementCounter } from './sql-statement-counter';

/**
 * PostgreSQL through TypeORM: the pool (DataSource), transactions and migrations. There are no
 * entities; repositories run SQL through the helpers of ./sql.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        logger: SqlStatementCounter.instance,
        logging: ['query'],
        // Boot must not hang forever when PostgreSQL is down; health turns red instead.
        retryAttempts: 10,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [DataChanges],
  exports: [DataChanges],
})
export class DatabaseModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.MIGRATE_ON_BOOT) return;
    const applied = await runMigrationsLocked(this.dataSource);
    if (applied.length) this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  }
}
