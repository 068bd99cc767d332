#!/usr/bin/env node
// Entry point of the `berth` command: runs the TypeScript sources through
// tsx so that the package works straight from a clone, without a build step.
import { register } from "tsx/esm/api";

register();
await import("../app/cli/main.ts");
