import { ConfigError, loadConfig } from "./config.ts";
import { buildApp } from "./app.ts";
import { createKernel, loadKeys, openDatabase } from "./boot.ts";
import { DEMO_PASSWORD, demoAccounts } from "./demo/demo-region.ts";
import { DemoModeError, isDemoDatabase, seedDemo } from "./demo/seed.ts";
import { connectDemoBrp } from "./demo/demo-brp.ts";
import { seedDemoModules } from "./demo/demo-modules.ts";
import { scheduleDeadlineSweeps } from "./modules/notifications/deadline-sweep.ts";
import { createMailer } from "./modules/notifications/mailer.ts";

/** `npm start`: configuration, database, migrations, (demo data), HTTP server. */
async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  const kernel = await createKernel(config, db, loadKeys(config));
  if (config.KETENZICHT_DEMO) {
    const outcome = await seedDemo(kernel);
    if (outcome === "seeded") await seedDemoModules(kernel);
    const brp = await connectDemoBrp(kernel);
    process.once("exit", () => void brp.close());
    printDemoAccounts(outcome);
  } else if (await isDemoDatabase(kernel)) {
    throw new DemoModeError("Deze database bevat demogegevens. Start met KETENZICHT_DEMO=true of gebruik een andere database.");
  }
  const app = await buildApp(kernel, { logger: true });
  // Deadline reminders and e-mail run beside the requests, never inside one.
  const sweeps = scheduleDeadlineSweeps(kernel, { mailer: createMailer(config), log: (message, error) => app.log.warn({ err: error }, message) });
  const shutdown = async () => {
    await sweeps.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`\nKetenzicht draait op http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT} (${db.kind})\n`);
}

function printDemoAccounts(outcome: string) {
  console.log(`\nDemomodus (${outcome === "seeded" ? "demoregio geladen" : "demoregio al aanwezig"}). Wachtwoord voor alle demo-accounts: ${DEMO_PASSWORD}`);
  console.log("Tweede factor: zet het TOTP-geheim in een authenticator-app, of vraag de huidige code op met `npm run demo:code -- <e-mail>`.\n");
  for (const account of demoAccounts) {
    console.log(`  ${account.email.padEnd(34)} ${account.roles.join(", ").padEnd(30)} ${account.totpSecret ?? "(geen tweede factor nodig)"}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DemoModeError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
