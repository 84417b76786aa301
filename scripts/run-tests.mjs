// `npm test`: every *.test.ts under src/ and tests/, on node's test runner (through tsx).
// With TEST_DATABASE_URL set, the same tests run against that PostgreSQL server instead of PGlite.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function find(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...find(path));
    else if (entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const weight = (file) => (file.startsWith("tests/browser/") ? 2 : file.startsWith("tests/api/") ? 1 : 0);
const filter = process.argv.slice(2);
const files = [...find("src"), ...find("tests")]
  .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
  // The slowest kinds first (browser, then API), so that the two workers run out of files at about the same time.
  .sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const onServer = Boolean(process.env.TEST_DATABASE_URL);
console.log(`Running ${files.length} test files on ${onServer ? "PostgreSQL" : "PGlite"}`);
const env = { ...process.env, NODE_ENV: "test" };
// On PGlite, every test file starts from one migrated database (tests/support/pglite-template.ts)
// instead of running initdb and the migrations itself.
const scratch = onServer ? null : mkdtempSync(join(tmpdir(), "kz-tests-"));
let status = 1;
try {
  if (scratch) {
    const template = join(scratch, "pglite-template.tar");
    const made = spawnSync(process.execPath, ["--import", "tsx", "tests/support/pglite-template.ts", template], { stdio: "inherit", env });
    if (made.status !== 0) throw new Error("could not make the PGlite template");
    env.KZ_TEST_PGLITE_TEMPLATE = template;
  }
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files],
    { stdio: "inherit", env },
  );
  status = result.status ?? 1;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
