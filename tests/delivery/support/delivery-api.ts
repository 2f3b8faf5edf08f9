import { SsrfGuard } from '../../../crawler/http/index.ts';
import { testApi, type TestContext } from '../../support/test-context.ts';

/** The real API with the test's SSRF guard (so tests control DNS) and a fast event stream. */
export function deliveryApi(
  ctx: TestContext,
  guard = new SsrfGuard({ allowLoopback: true }),
  streamPollMs = 50,
  streamHeartbeatMs = 10_000,
  streamGapWaitMs = 10_000,
) {
  return testApi(ctx, { guard, streamPollMs, streamHeartbeatMs, streamGapWaitMs });
}
