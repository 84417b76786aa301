// `npm run lint:api`: lints the OpenAPI document the app serves against the NLGov REST API Design Rules
// (the project's own copy of Logius' Spectral ruleset in tests/contracts/). Fails on any error;
// warnings are printed but do not fail. `--keep <file>` also keeps the generated document.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ruleset = join(root, "tests", "contracts", "nlgov-api-design-rules.yaml");
const bin = (name) => join(root, "node_modules", ".bin", name);
const keepAt = process.argv.indexOf("--keep");
const keep = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;

const dir = mkdtempSync(join(tmpdir(), "ketenzicht-openapi-"));
const document = join(dir, "openapi.json");
let status = 1;
try {
  const write = spawnSync(bin("tsx"), [join(root, "scripts", "write-openapi.ts"), document], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  });
  if (write.status !== 0) {
    console.error("lint:api: could not generate the OpenAPI document");
  } else {
    if (keep) copyFileSync(document, keep);
    const lint = spawnSync(
      bin("spectral"),
      ["lint", "--ruleset", ruleset, "--fail-severity", "error", "--format", "stylish", document],
      { cwd: root, stdio: "inherit" },
    );
    status = lint.status ?? 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
