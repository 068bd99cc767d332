/**
 * What the commands that talk to the cluster share: a Swarm client, a
 * logger for the command, and the plan of a repository snapshot.
 */
import type { Command } from "commander";
import { rootLogger, type Logger } from "../log.js";
import { SwarmClient } from "../swarm/swarm-client.js";
import {
  planRepository,
  type RepositoryPlan,
} from "../engine/plan-repository.js";
import { withSnapshot } from "./snapshot-options.js";
import { commitHistory } from "../repo/commit-history.js";

export function createSwarm(): SwarmClient {
  return new SwarmClient();
}

export function commandLogger(name: string): Logger {
  return rootLogger.child({ command: name });
}

export interface PlanCommandOptions {
  prune?: boolean;
}

/** Plans the snapshot named by `--repo`/`--ref` and passes it on. */
export async function withRepositoryPlan<T>(
  command: Command,
  only: string[],
  options: PlanCommandOptions,
  work: (
    plan: RepositoryPlan,
    swarm: SwarmClient,
    log: Logger,
    commit: string,
  ) => Promise<T>,
): Promise<T> {
  const swarm = createSwarm();
  return withSnapshot(
    command,
    async (snapshot) => {
      const log = commandLogger(command.name()).child({
        commit: snapshot.commit,
      });
      const plan = await planRepository(
        swarm,
        {
          root: snapshot.dir,
          commit: snapshot.commit,
          only,
          prune: options.prune ?? false,
          // The history also tells which environments another repository
          // made; a folder that is not a git repository has none.
          ...((options.prune || snapshot.commit !== "working-tree") && {
            history: await commitHistory(snapshot.repoDir, snapshot.commit),
          }),
        },
        log,
      );
      return work(plan, swarm, log, snapshot.commit);
    },
    { workingTreeByDefault: false },
  );
}
