import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { invitationLink, isTimeZone, issueInvitation } from '@app/identity';
import { dataSourceOptions, runMigrationsLocked } from '@app/platform';
import { BootstrapRepository } from './bootstrap.repository';
import type { Command } from './command';

const USAGE =
  'Usage: cli bootstrap --slug u4ssc --name "United for ..." --time-zone Europe/Zurich --email a@b.org --person-name "Ann Example"';

/** Problems with the options, one line each (empty when they are fine). */
export function bootstrapProblems(o: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!o.slug || !/^[a-z0-9-]{2,40}$/.test(o.slug)) problems.push('--slug: 2-40 lower-case letters, digits or -');
  if (!o.name || o.name.trim().length < 1 || o.name.length > 200) problems.push('--name: 1-200 characters');
  if (!isTimeZone(o['time-zone'])) problems.push('--time-zone: an IANA time zone such as Europe/Zurich');
  if (!o.email || o.email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o.email))
    problems.push('--email: a valid e-mail address');
  if (!o['person-name'] || o['person-name'].trim().length < 1 || o['person-name'].length > 200) {
    problems.push('--person-name: 1-200 characters');
  }
  return problems;
}

/**
 * Creates an initiative and its first SECRETARIAT account, and prints a one-time invitation
 * link (valid 7 days) with which that person sets a password. No password on the command line.
 */
export const bootstrapCommand: Command = {
  name: 'bootstrap',
  summary: 'create an initiative and its first secretariat account',
  async run({ config, logger, args }) {
    let values: Record<string, string | undefined>;
    try {
      values = parseArgs({
        args,
        options: {
          slug: { type: 'string' },
          name: { type: 'string' },
          'time-zone': { type: 'string' },
          email: { type: 'string' },
          'person-name': { type: 'string' },
        },
        strict: true,
      }).values as Record<string, string | undefined>;
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    const problems = bootstrapProblems(values);
    if (problems.length) {
      process.stderr.write(`${problems.join('\n')}\n${USAGE}\n`);
      return 2;
    }
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      await runMigrationsLocked(dataSource);
      const outcome = await dataSource.transaction(async (m) => {
        const bootstrap = new BootstrapRepository(m);
        const initiativeId = await bootstrap.insertInitiative(values.slug!, values.name!.trim(), values['time-zone']!);
        if (!initiativeId) return null;
        const person = await bootstrap.person(values['person-name']!.trim(), values.email!, values['time-zone']!);
        await bootstrap.addSecretariat(initiativeId, person.id);
        const token = person.hasPassword ? null : await issueInvitation(m, person.id, initiativeId);
        return { initiativeId, personId: person.id, token };
      });
      if (!outcome) {
        process.stderr.write(`An initiative with slug "${values.slug}" already exists; nothing changed.\n`);
        return 1;
      }
      logger.info({ initiativeId: outcome.initiativeId, personId: outcome.personId }, 'initiative and first secretariat created');
      process.stdout.write(
        outcome.token
          ? `Initiative ${values.slug} created. ${values.email} is its SECRETARIAT.\n` +
              `Invitation link (one-time, valid 7 days):\n${invitationLink(config, outcome.token)}\n`
          : `Initiative ${values.slug} created. ${values.email} already had an account and is now its SECRETARIAT.\n`,
      );
      return 0;
    } finally {
      await dataSource.destroy();
    }
  },
};
