import { createAppContext, type AppContext } from '../app/context.ts';
import { loadConfig } from '../config/index.ts';
import { FolderLockedError } from '../db/index.ts';

export interface ContextOptions {
  /**
   * The same thing done through the running server's API, for when the server holds the PGlite
   * data folder: a curl command line with `{url}` where the server's base URL goes.
   */
  throughApi?: string;
}

/**
 * Runs a CLI action with a fully wired context and always closes it (database, queue). When another
 * process (the server) owns the PGlite data folder, the action does not run at all: its writes
 * would be lost, so the command fails with what to do instead.
 */
export async function withContext<T>(
  action: (ctx: AppContext) => Promise<T>,
  options: ContextOptions = {},
): Promise<T> {
  let ctx: AppContext;
  try {
    ctx = await createAppContext(loadConfig());
  } catch (error) {
    if (error instanceof FolderLockedError && options.throughApi) {
      const url = error.holder.url ?? 'http://HOST:PORT';
      throw new Error(`${error.message} Through the API: ${options.throughApi.replaceAll('{url}', url)}`, {
        cause: error,
      });
    }
    throw error;
  }
  try {
    return await action(ctx);
  } finally {
    await ctx.close();
  }
}
