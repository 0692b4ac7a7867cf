// The dispatcher: claims due outbox rows, sends each through its channel,
// marks it sent, or records why not and when to try again (core/backoff).
// At least once: a claim is a lease, so rows of a worker that died are taken
// again when it ends, and a crash after sending but before marking sends once
// more with the same idempotency key. Started by the server (a timer, unref'd,
// woken promptly after notices are written) and by `kehou outbox flush`.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DataSource } from "typeorm";
import {
  type DeliveryChannel,
  afterFailure,
  assertGroupPayload,
  isDeliveryChannel,
  renderEmail,
  renderGroup,
} from "./core";
import { SENDERS, closeEmailTransports, type Senders } from "./channels";
import { claimDue, markFailed, markSent } from "./dispatcher-store";
import type { OutboxDelivery } from "./entities";
import { renderTools, schoolFacts } from "./message";
import { noticeSettings } from "./settings";
import { onOutboxWrite } from "./wake";

export interface DispatcherOptions {
  /** Who claims (host:pid:random by default); kept on the row while claimed. */
  workerId?: string;
  /** How long a claim holds before another worker may take the row (longer than any send's timeout). */
  leaseMs?: number;
  batchSize?: number;
  /** Rows sent at once within a batch. */
  concurrency?: number;
  /** PUBLIC_URL, for absolute links in messages. */
  siteUrl?: string;
  senders?: Partial<Senders>;
  now?: () => Date;
  maxAttempts?: number;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  failed: number;
}

const WAKE_DELAYS_MS = [25, 400];

export const defaultWorkerId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** One pass: claim a batch, send it, mark every row. */
export async function dispatchOnce(ds: DataSource, opts: DispatcherOptions = {}): Promise<DispatchResult> {
  const now = opts.now ?? (() => new Date());
  const workerId = opts.workerId ?? defaultWorkerId();
  const start = now();
  const rows = await claimDue(ds, {
    workerId,
    now: start.toISOString(),
    until: new Date(start.getTime() + (opts.leaseMs ?? 60_000)).toISOString(),
    limit: opts.batchSize ?? 20,
  });
  const result: DispatchResult = { claimed: rows.length, sent: 0, failed: 0 };
  if (!rows.length) return result;
  const [settings, facts] = await Promise.all([noticeSettings(ds), schoolFacts(ds)]);
  const senders = { ...SENDERS, ...opts.senders };
  const siteUrl = opts.siteUrl ?? "http://localhost:3000";

  const sendOne = async (row: OutboxDelivery): Promise<void> => {
    try {
      if (!isDeliveryChannel(row.channel)) throw new Error(`unknown channel ${row.channel}`);
      if (row.recipientKind === "group") assertGroupPayload(row.payload);
      const tools = renderTools(row.locale, facts, siteUrl);
      await senders[row.channel satisfies DeliveryChannel]({
        delivery: { idempotencyKey: row.idempotencyKey, channel: row.channel, address: row.address, kind: row.kind },
        settings,
        email: () => renderEmail(row.kind, row.payload, tools),
        group: () => renderGroup(row.kind, row.payload, tools),
      });
    } catch (err) {
      const outcome = afterFailure(row.attempts + 1, now(), opts.maxAttempts);
      await markFailed(ds, row, workerId, { ...outcome, error: err instanceof Error ? err.message : String(err) });
      result.failed++;
      return;
    }
    await markSent(ds, row, workerId, now().toISOString());
    result.sent++;
  };

  const queue = [...rows];
  const lanes = Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, async () => {
    for (let row = queue.shift(); row; row = queue.shift()) await sendOne(row);
  });
  await Promise.all(lanes);
  return result;
}

/** Passes until nothing is due (or `maxPasses`): the operator's flush, and the tests'. */
export async function dispatchAll(
  ds: DataSource,
  opts: DispatcherOptions = {},
  maxPasses = 1000,
): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, failed: 0 };
  const workerId = opts.workerId ?? defaultWorkerId();
  for (let i = 0; i < maxPasses; i++) {
    const r = await dispatchOnce(ds, { ...opts, workerId });
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.failed += r.failed;
    if (r.claimed < (opts.batchSize ?? 20)) break;
  }
  return total;
}

export interface RunningDispatcher {
  /** Look again soon (a notice was just written). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The background dispatcher: a pass every `intervalMs`, and one shortly after
 * this process writes a notice. A pass that fills its batch is followed at once
 * by another. `stop` waits for the pass under way, then closes SMTP pools.
 */
export function startDispatcher(
  ds: DataSource,
  opts: DispatcherOptions & { intervalMs?: number; onError?: (err: unknown) => void } = {},
): RunningDispatcher {
  const workerId = opts.workerId ?? defaultWorkerId();
  const interval = opts.intervalMs ?? 5_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let soon: NodeJS.Timeout[] = [];

  const pass = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const r = await dispatchOnce(ds, { ...opts, workerId });
          if (r.claimed >= (opts.batchSize ?? 20)) again = true;
        } catch (err) {
          opts.onError?.(err);
        }
      } while (again && !stopped && ds.isInitialized);
    })().finally(() => {
      running = null;
    });
  };

  const timer = setInterval(pass, interval);
  timer.unref();
  const wake = (): void => {
    if (stopped || soon.length) return;
    // The notice is written inside a transaction that commits a moment later:
    // look shortly after, and once more in case that transaction ran long.
    soon = WAKE_DELAYS_MS.map((ms, i) => {
      const t = setTimeout(() => {
        if (i === WAKE_DELAYS_MS.length - 1) soon = [];
        pass();
      }, ms);
      t.unref();
      return t;
    });
  };
  onOutboxWrite(wake);
  pass();

  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      soon.forEach(clearTimeout);
      onOutboxWrite(null);
      await running;
      closeEmailTransports();
    },
  };
}
