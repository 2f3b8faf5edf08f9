import type { Command } from 'commander';
import { createApiKey, type Role } from '../../api/index.ts';
import { withContext } from '../run.ts';

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
}
