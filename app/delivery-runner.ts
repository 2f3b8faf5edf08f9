import {
  fanOutWebhooks,
  deliverWebhooks,
  planDigests,
  planEmails,
  sendQueuedEmails,
  smtpMailSender,
} from '../alerts/delivery/index.ts';
import type { MailSender, RetrySchedule } from '../alerts/delivery/index.ts';
import { fireDueReminders, planReminders } from '../alerts/reminders/index.ts';
import type { Config } from '../config/index.ts';
import { SsrfGuard } from '../crawler/http/index.ts';
import type { AppContext } from './context.ts';

export interface DeliveryRunnerOptions {
  /** Base of links in mail, e.g. https://markhound.example.com. */
  baseUrl: string;
  /** Asked at every webhook delivery, not only at registration. */
  guard: SsrfGuard;
  /** Mail is off without it. */
  mail?: { sender: MailSender; from: string } | undefined;
  intervalMs?: number;
  webhookSchedule?: RetrySchedule;
  mailSchedule?: RetrySchedule;
  /** How long a claimed delivery or mail stays with its worker before another may take it over. */
  leaseMs?: number;
  webhookTimeoutMs?: number;
}

/** The runner's options from the config: SSRF opt-ins, SMTP transport, public URL. */
export function deliveryOptionsFromConfig(config: Config): DeliveryRunnerOptions {
  return {
    baseUrl: config.publicBaseUrl ?? `http://${config.host}:${config.port}`,
    guard: new SsrfGuard({
      allowLoopback: config.allowLoopbackFetch,
      allowPrivate: config.allowPrivateFetch,
    }),
    mail: config.smtpUrl ? { sender: smtpMailSender(config.smtpUrl), from: config.mailFrom } : undefined,
  };
}

/**
 * Drives every delivery channel from the event log on a timer: plans and fires reminders, fans events
 * out to webhook deliveries and sends them, queues and sends mail (immediate, reminders, daily
 * digest). All state is in the database, so any number of runners in any number of processes can
 * run at once, and a restarted one continues where the last stopped. Time is `ctx.clock`, so tests
 * call `tick()` with a manual clock instead of waiting.
 */
export class DeliveryRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: DeliveryRunnerOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
    this.ctx.log.info('delivery runner started', {
      intervalMs: this.intervalMs,
      mail: Boolean(this.options.mail),
    });
  }

  /** Stops the timer and waits for a tick in progress, so nothing is half-done when the process exits. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.options.mail?.sender.close();
  }

  /** One pass over every channel. A failing step is logged and the next steps still run. */
  tick(): Promise<void> {
    // A tick already running is joined, never overlapped.
    this.running ??= this.runSteps().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private get intervalMs(): number {
    return this.options.intervalMs ?? 5_000;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule());
    }, this.intervalMs);
  }

  private async runSteps(): Promise<void> {
    const { db, clock, log } = this.ctx;
    const o = this.options;
    const deps = { db, clock, log };
    await this.step('plan reminders', () => planReminders(db, clock.now(), log));
    await this.step('fire reminders', () => fireDueReminders(db, clock.now()));
    await this.step('fan out webhooks', () => fanOutWebhooks(db, clock.now()));
    await this.step('deliver webhooks', () =>
      deliverWebhooks(deps, {
        guard: o.guard,
        ...(o.webhookSchedule ? { schedule: o.webhookSchedule } : {}),
        ...(o.leaseMs ? { leaseMs: o.leaseMs } : {}),
        ...(o.webhookTimeoutMs ? { timeoutMs: o.webhookTimeoutMs } : {}),
      }),
    );
    const mail = o.mail;
    if (!mail) return;
    await this.step('plan emails', () => planEmails(db, clock.now(), { baseUrl: o.baseUrl }));
    await this.step('plan digests', () => planDigests(db, clock.now(), { baseUrl: o.baseUrl, log }));
    await this.step('send emails', () =>
      sendQueuedEmails(deps, {
        sender: mail.sender,
        from: mail.from,
        ...(o.mailSchedule ? { schedule: o.mailSchedule } : {}),
        ...(o.leaseMs ? { leaseMs: o.leaseMs } : {}),
      }),
    );
  }

  private async step(name: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.ctx.log.error('delivery step failed; it is retried on the next tick', { step: name, error });
    }
  }
}
