// Builds the web app before `npm start` when dist/web is missing or older than its sources.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = "dist/web/index.html";
// The web app imports src/shared too (the monitor's chart specifications), so both count.
const sources = Math.max(newest("src/web"), existsSync("src/shared") ? newest("src/shared") : 0);
if (!existsSync(built) || sources > statSync(built).mtimeMs) {
  // A production build of React, also when called from a test run (which sets NODE_ENV=test).
  execSync("npx vite build", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
