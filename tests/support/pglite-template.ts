import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { openPglite, type Database } from "../../src/server/kernel/db.ts";
import { migrate } from "../../src/server/kernel/migrate.ts";

/**
 * An in-memory PGlite that already holds the migrated schema. `npm test` (scripts/run-tests.mjs) migrates one
 * database before the suite and passes its data directory as a tarball in KZ_TEST_PGLITE_TEMPLATE; each test
 * file then starts from that copy instead of running initdb and every migration again (~3 s of CPU a file).
 * Without the variable (a test file run on its own) the database is made from scratch, as before.
 */
const TEMPLATE_ENV = "KZ_TEST_PGLITE_TEMPLATE";

export async function openTestPglite(): Promise<Database> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return openPglite();
  return openPglite(undefined, { loadDataDir: new Blob([await readFile(template)]) });
}

/** Writes the migrated schema's data directory to `path` (run once per `npm test`). */
export async function writeTemplate(path: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "kz-template-"));
  try {
    const db = await openPglite(dir);
    const applied = await migrate(db);
    await db.close();
    const lite = await PGlite.create(dir);
    const tarball = await lite.dumpDataDir("none");
    await writeFile(path, Buffer.from(await tarball.arrayBuffer()));
    await lite.close();
    return applied;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = process.argv[2];
  if (!path) throw new Error("usage: pglite-template.ts <tarball path>");
  const applied = await writeTemplate(path);
  console.log(`PGlite template with ${applied.length} migrations: ${path}`);
}
