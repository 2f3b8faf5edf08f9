import type { Command } from 'commander';
import type { AppContext } from '../../app/context.ts';
import { deleteOrganization, findOrganizationByName, listOrganizations } from '../../api/index.ts';
import { withContext } from '../run.ts';
import { cliActor } from './keys.ts';

export function registerOrgsCommand(program: Command): void {
  const orgs = program.command('orgs').description('manage organizations');
  orgs
    .command('list')
    .description('every organization with its number of active API keys, one JSON line each')
    .action(async () => {
      for (const line of await withContext(listOrganizationLines)) process.stdout.write(line + '\n');
    });

  orgs
    .command('delete')
    .description(
      'delete an organization and everything it owns (keys, brands, alerts, plans, webhooks, evidence); audited',
    )
    .requiredOption('--org <name>', 'organization name')
    .option('--yes', 'confirm: without it nothing is deleted')
    .action(async (options: { org: string; yes?: boolean }) => {
      const line = await withContext((ctx) => deleteOrganizationLine(ctx, options.org, options.yes === true));
      process.stdout.write(line + '\n');
    });
}

/** `orgs list`: one JSON line per organization. */
export async function listOrganizationLines(ctx: AppContext): Promise<string[]> {
  return (await listOrganizations(ctx.db)).map((org) =>
    JSON.stringify({
      id: org.id,
      name: org.name,
      created_at: org.createdAt.toISOString(),
      active_keys: org.activeKeys,
    }),
  );
}

/** `orgs delete`: refuses without the confirmation, so a slip of the keyboard deletes nothing. */
export async function deleteOrganizationLine(
  ctx: AppContext,
  name: string,
  confirmed: boolean,
): Promise<string> {
  const org = await findOrganizationByName(ctx.db, name);
  if (!confirmed) {
    throw new Error(
      `this deletes organization "${org.name}" (${org.id}) with all its keys, brands, alerts, plans, webhooks and evidence; run again with --yes to do it`,
    );
  }
  const deleted = await deleteOrganization(
    { db: ctx.db, clock: ctx.clock },
    { organizationId: org.id, actor: cliActor() },
  );
  return JSON.stringify({ deleted: true, id: deleted.id, name: deleted.name });
}
