import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.ts";

describe("transactions (on PGlite, or on the server of TEST_DATABASE_URL)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("statements asked for together in one transaction each get their own answer, one at a time, without driver warnings", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const answers = await t.db.transaction((tx) =>
        Promise.all([1, 2, 3, 4, 5].map((n) => tx.query<{ n: number }>("select $1::int * 10 as n, pg_sleep(0.01)", [n]))),
      );
      assert.deepEqual(answers.map((rows) => rows[0]!.n), [10, 20, 30, 40, 50]);
      // A failing statement fails only its own promise; the transaction still rolls back as a whole.
      await assert.rejects(t.db.transaction(async (tx) => {
        const [ok, bad] = await Promise.allSettled([tx.query("select 1 as one"), tx.query("select 1 / 0")]);
        assert.equal(ok.status, "fulfilled");
        assert.equal(bad.status, "rejected");
        throw new Error("roll back");
      }), /roll back/);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.filter((w) => w.includes("already executing a query")), []);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
