// Writes the OpenAPI document exactly as the running app serves it: boots the app in-process the way
// the tests do (in-memory PGlite, demo keys), GETs /api/v1/openapi.json through inject, writes the file.
// Usage: tsx scripts/write-openapi.ts <output.json>
import { writeFileSync } from "node:fs";
import { startTestApp } from "../tests/support/test-app.ts";

const output = process.argv[2];
if (!output) {
  console.error("usage: tsx scripts/write-openapi.ts <output.json>");
  process.exit(2);
}
// The document does not depend on the database; never create a throw-away database on a server for it.
delete process.env.TEST_DATABASE_URL;
const t = await startTestApp();
try {
  const res = await t.client().get("/api/v1/openapi.json");
  if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}: ${res.body}`);
  writeFileSync(output, JSON.stringify(res.json(), null, 2));
} finally {
  await t.close();
}
