import {defineConfig} from "vitest/config";

export default defineConfig({
  // Components import libraries as Framework does (`npm:@observablehq/plot`); in Node they come from node_modules.
  resolve: {alias: [{find: /^npm:(.+)$/, replacement: "$1"}]},
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
});
