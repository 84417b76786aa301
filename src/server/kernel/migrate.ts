import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "./db.ts";

const migrationsDir = fileURLToPath(new URL("../../../migrations/", import.meta.url));

/**
 * Applies the SQL files in migrations/ in name order, each once, each in its own transaction.
 * The same files serve PGlite and a PostgreSQL server, so they use SQL that both accept.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`);
  const done = new Set(
    (await db.query<{ name: string }>("select name from schema_migrations")).map((row) => row.name),
  );
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith(".sql")).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = await readFile(migrationsDir + file, "utf8");
    await db.transaction(async (tx) => {
      // A concurrent instance starting at the same moment waits here instead of applying twice.
      await tx.query("select pg_advisory_xact_lock(7513001)");
      const again = await tx.query("select 1 from schema_migrations where name = $1", [file]);
      if (again.length > 0) return;
      await tx.exec(sql);
      await tx.query("insert into schema_migrations (name) values ($1)", [file]);
    });
    applied.push(file);
  }
  return applied;
}

