import { createAppContext, type AppContext } from '../app/context.ts';
import { loadConfig } from '../config/index.ts';

/** Runs a CLI action with a fully wired context and always closes it (database, queue). */
export async function withContext<T>(action: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createAppContext(loadConfig());
  try {
    return await action(ctx);
  } finally {
    await ctx.close();
  }
}
