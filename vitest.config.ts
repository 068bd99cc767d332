import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Tests against the one local Swarm share its state; run files serially.
    fileParallelism: false,
    reporters: ["default"],
  },
});
