import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";

// The same check as `npm run lint:api`, so that `npm test` enforces the NLGov REST API Design Rules.
describe("the OpenAPI document", () => {
  it("passes the NLGov API Design Rules ruleset (Spectral) without errors", () => {
    const result = spawnSync(process.execPath, ["scripts/lint-openapi.mjs"], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, `Spectral reported errors (or could not run):\n${output}`);
    assert.match(result.stdout, /No results with a severity of 'error'/, output);
  });
});
