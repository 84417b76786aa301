import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../support/test-app.ts";

describe("health and the API's common behaviour", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("answers health with status ok once the database is reachable", async () => {
    const res = await t.client().get("/api/v1/health");
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok" });
    assert.equal(res.headers["api-version"], "1.0.0");
    assert.equal(res.headers["cache-control"], "no-store");
  });

  it("sets the security headers on every response", async () => {
    const res = await t.client().get("/api/v1/health");
    assert.match(String(res.headers["content-security-policy"]), /script-src 'self'/);
    assert.match(String(res.headers["content-security-policy"]), /frame-ancestors 'none'/);
    assert.match(String(res.headers["strict-transport-security"]), /max-age=31536000/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
  });

  it("answers an unknown API path with a problem document", async () => {
    const res = await t.client().get("/api/v1/does-not-exist");
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8");
    assert.equal(res.json().code, "not_found");
  });

  it("refuses anonymous access to protected resources with 401", async () => {
    const res = await t.client().get("/api/v1/users");
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, "unauthenticated");
  });

  it("serves an OpenAPI 3 document with versioned server and problem responses", async () => {
    const res = await t.client().get("/api/v1/openapi.json");
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.match(doc.servers[0].url, /\/api\/v1$/);
    assert.ok(doc.paths["/users"].post.responses["400"].content["application/problem+json"]);
    assert.ok(doc.paths["/health"].get.responses["200"].headers["API-Version"]);
  });
});
