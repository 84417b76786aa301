import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Something that runs SQL: the database itself or a transaction. Repositories take one of these. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A transaction: work that commits or rolls back as one, with hooks that run just before COMMIT. */
export interface Tx extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Registers work that must happen inside the transaction, after everything else (e.g. sealing audit events). */
  beforeCommit(key: string, hook: (tx: Tx) => Promise<void>): void;
  /** Per-transaction scratch space for kernel modules (e.g. the audit queue). */
  readonly locals: Map<string, unknown>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

class HookedTx implements Tx {
  readonly locals = new Map<string, unknown>();
  private readonly hooks = new Map<string, (tx: Tx) => Promise<void>>();
  constructor(
    private readonly run: Queryable["query"],
    readonly exec: (sql: string) => Promise<void>,
  ) {}
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.run<T>(sql, params);
  }
  beforeCommit(key: string, hook: (tx: Tx) => Promise<void>): void {
    if (!this.hooks.has(key)) this.hooks.set(key, hook);
  }
  async runHooks(): Promise<void> {
    for (const hook of this.hooks.values()) await hook(this);
  }
}

/** Embedded PGlite: in memory, or in `dataDir`; in memory from a data directory's tarball with `loadDataDir`. */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  return {
    kind: "pglite",
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await lite.query<T>(sql, params ? [...params] : undefined);
      return result.rows;
    },
    transaction<T>(work: (tx: Tx) => Promise<T>) {
      return lite.transaction(async (liteTx) => {
        const tx = new HookedTx(async <R>(sql: string, params?: readonly unknown[]) => {
          const result = await liteTx.query<R>(sql, params ? [...params] : undefined);
          return result.rows;
        }, async (sql) => {
          await liteTx.exec(sql);
        });
        const value = await work(tx);
        await tx.runHooks();
        return value;
      });
    },
    async close() {
      await lite.close();
    },
  };
}

export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return {
    kind: "postgres",
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(sql, params ? [...params] : undefined);
      return result.rows as T[];
    },
    async transaction<T>(work: (tx: Tx) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // A connection runs one statement at a time. Statements asked for together (Promise.all) take their turn
        // here, as in PGlite, rather than in node-postgres's own queue, which is deprecated and goes in pg 9.
        let last: Promise<unknown> = Promise.resolve();
        const inTurn = <R>(next: () => Promise<R>): Promise<R> => {
          const turn = last.then(next);
          last = turn.catch(() => undefined);
          return turn;
        };
        const tx = new HookedTx(
          <R>(sql: string, params?: readonly unknown[]) => inTurn(async () => (await client.query(sql, params ? [...params] : undefined)).rows as R[]),
          (sql) => inTurn(async () => void (await client.query(sql))),
        );
        const value = await work(tx);
        await tx.runHooks();
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** The first row, or undefined. */
export async function one<T>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}

/** Runs a statement built with the `sql` tagged template (sql-template-tag), which keeps values as parameters. */
export function run<T = Record<string, unknown>>(q: Queryable, statement: { text: string; values: unknown[] }): Promise<T[]> {
  return q.query<T>(statement.text, statement.values);
}
