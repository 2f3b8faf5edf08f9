import { Command, CommanderError } from 'commander';
import { VERSION } from '../app/version.ts';
import { registerDeadlinesCommand } from './commands/deadlines.ts';
import { registerEvidenceCommand } from './commands/evidence.ts';
import { registerExtractCommand } from './commands/extract.ts';
import { registerIngestCommand } from './commands/ingest.ts';
import { registerKeysCommand } from './commands/keys.ts';
import { registerLogoMatchCommand } from './commands/logo-match.ts';
import { registerMarketplacesCommand } from './commands/marketplaces.ts';
import { registerMatchCommand } from './commands/match.ts';
import { registerOrgsCommand } from './commands/orgs.ts';
import { registerParseCommand } from './commands/parse.ts';
import { registerSourcesCommands } from './commands/sources.ts';
import { registerServeCommands } from './commands/serve.ts';

const program = new Command('markhound')
  .version(VERSION)
  .description('Markhound: trademark registry and marketplace monitoring')
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerIngestCommand(program);
registerKeysCommand(program);
registerOrgsCommand(program);
registerDeadlinesCommand(program);
registerExtractCommand(program);
registerEvidenceCommand(program);
registerMatchCommand(program);
registerLogoMatchCommand(program);
registerMarketplacesCommand(program);
registerParseCommand(program);
registerSourcesCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`markhound: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
