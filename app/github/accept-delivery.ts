/**
 * The fast half of every webhook: check the payload, skip a delivery that
 * was processed already, put the work on the queue and return, so GitHub
 * gets its answer in milliseconds. The slow half runs on the queue; when
 * it fails, the delivery is forgotten so that a redelivery runs again.
 */
import type { Probot } from "probot";
import type { z } from "zod";
import type { Logger } from "../log.js";
import type { BerthServices, Job } from "./job.js";
import { createJob } from "./job.js";
import { recordDelivery, setQueueDepth } from "../observe/app-metrics.js";

interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** How one kind of event is checked, keyed and worked on. */
export interface Acceptance<S extends z.ZodType> {
  schema: S;
  /** Queue key: work of one key runs in order. Undefined: ignore. */
  key(payload: z.infer<S>): string | undefined;
  /** Fields that the delivery's logger carries. */
  fields?(payload: z.infer<S>): Record<string, unknown>;
  work(job: Job, payload: z.infer<S>): Promise<void>;
  /** Join the same work of the key when it has not started yet. */
  shared?: boolean;
}

/** Validates and queues `delivery`; returns without waiting for the work. */
export function acceptDelivery<S extends z.ZodType>(
  app: Probot,
  services: BerthServices,
  delivery: Delivery,
  acceptance: Acceptance<S>,
): void {
  const base = (app.log as Logger).child({
    delivery: delivery.id,
    event: delivery.name,
  });
  const parsed = acceptance.schema.safeParse(delivery.payload);
  if (!parsed.success) {
    base.warn(
      { issues: parsed.error.issues.slice(0, 5) },
      "webhook payload lacks fields Berth needs; ignored",
    );
    recordDelivery(delivery.name, "invalid");
    return;
  }
  const payload = parsed.data as z.infer<S>;
  const key = acceptance.key(payload);
  if (key === undefined) {
    recordDelivery(delivery.name, "ignored");
    return;
  }
  if (!services.deliveries.begin(delivery.id)) {
    base.info("delivery seen before; not processed again");
    recordDelivery(delivery.name, "duplicate");
    return;
  }
  const log = base.child(acceptance.fields?.(payload) ?? {});
  const { repository, installation } = payload as {
    repository: { name: string; owner: { login: string } };
    installation: { id: number };
  };
  const job = createJob(services, {
    repo: { owner: repository.owner.login, repo: repository.name },
    installationId: installation.id,
    log,
  });
  const work = () => acceptance.work(job, payload);
  const queued = acceptance.shared
    ? services.queue.shared(key, work)
    : services.queue.run(key, work);
  setQueueDepth(services.queue.size);
  void settle(services, delivery, job, queued);
}

async function settle(
  services: BerthServices,
  delivery: Delivery,
  job: Job,
  queued: Promise<void>,
): Promise<void> {
  try {
    await queued;
    await services.deliveries.succeed(delivery.id);
    recordDelivery(delivery.name, "processed");
  } catch (err) {
    services.deliveries.fail(delivery.id);
    recordDelivery(delivery.name, "failed");
    job.log.error({ err }, "delivery failed; a redelivery will run it again");
  } finally {
    setQueueDepth(services.queue.size);
  }
}
