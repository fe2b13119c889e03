import type { Command } from './command';
import { migrateCommand } from './migrate.command';
import { seedCommand } from './seed.command';
import { bootstrapCommand } from './bootstrap.command';
import { kpisCommand } from './kpis.command';

export const COMMANDS: Command[] = [migrateCommand, seedCommand, bootstrapCommand, kpisCommand];
