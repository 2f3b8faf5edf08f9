import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  createApiKey,
  findOrganizationByName,
  listApiKeys,
  revokeApiKey,
  type ApiKeyRow,
  type Role,
} from '../../api/index.ts';
import type { AppContext } from '../../app/context.ts';
import { withContext } from '../run.ts';

/** Who did it, for the audit log: the operating-system user running the command. */
export const cliActor = (): string => `cli:${userInfo().username}`;

const keyJson = (row: ApiKeyRow) =>
  JSON.stringify({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  });

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('manage API keys');
  keys
    .command('create')
    .description(
      'create an API key (and the organization, if new); the key is printed once, only its hash is stored',
    )
    .requiredOption('--org <name>', 'organization name')
    .option('--role <role>', 'admin, editor or viewer', 'admin')
    .option('--name <name>', 'a label to tell keys apart')
    .action(async (options: { org: string; role: string; name?: string }) => {
      if (!['admin', 'editor', 'viewer'].includes(options.role)) {
        throw new Error(`--role ${options.role} is not a role; use admin, editor or viewer`);
      }
      await withContext(async (ctx) => {
        const created = await createApiKey(ctx.db, {
          organizationName: options.org,
          role: options.role as Role,
          actor: cliActor(),
          ...(options.name ? { name: options.name } : {}),
        });
        process.stdout.write(
          JSON.stringify({
            organization: options.org,
            organization_id: created.organizationId,
            role: created.role,
            key: created.key,
          }) + '\n',
        );
      });
    });

  keys
    .command('list')
    .description("an organization's API keys, one JSON line each (never the secrets), revoked ones included")
    .requiredOption('--org <name>', 'organization name')
    .action(async (options: { org: string }) => {
      const lines = await withContext((ctx) => listKeyLines(ctx, options.org));
      for (const line of lines) process.stdout.write(line + '\n');
    });

  keys
    .command('revoke')
    .description(
      'revoke an API key by id (from keys list): refused from now on, its open event streams end within seconds; audited',
    )
    .argument('<id>', 'the key id')
    .action(async (id: string) => {
      assertKeyId(id);
      process.stdout.write((await withContext((ctx) => revokeKeyLine(ctx, id))) + '\n');
    });
}

const assertKeyId = (id: string): void => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new Error(`"${id}" is not a key id; take the id from markhound keys list --org NAME`);
  }
};

/** `keys list`: one JSON line per key of the organization. */
export async function listKeyLines(ctx: AppContext, organizationName: string): Promise<string[]> {
  const org = await findOrganizationByName(ctx.db, organizationName);
  return (await listApiKeys(ctx.db, org.id)).map(keyJson);
}

/** `keys revoke`: the operator may revoke an organization's last admin key (a leaked key must be stoppable). */
export async function revokeKeyLine(ctx: AppContext, id: string): Promise<string> {
  assertKeyId(id);
  const row = await revokeApiKey(
    { db: ctx.db, clock: ctx.clock },
    { keyId: id, organizationId: null, actor: cliActor(), allowLastAdmin: true },
  );
  return keyJson(row);
}
