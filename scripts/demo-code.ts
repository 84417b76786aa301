import { demoAccounts } from "../src/server/demo/demo-region.ts";
import { currentTotp } from "../src/server/modules/accounts/second-factor.ts";

/** Prints the current TOTP code of a demo account: `npm run demo:code -- aandacht@zevenaar.demo`. */
const email = process.argv[2];
const account = demoAccounts.find((a) => a.email === email);
if (!account) {
  console.error(`Onbekend demo-account. Kies uit:\n${demoAccounts.map((a) => `  ${a.email}`).join("\n")}`);
  process.exit(2);
}
if (!account.totpSecret) {
  console.log(`${account.email} heeft geen tweede factor nodig.`);
} else {
  console.log(currentTotp(account.totpSecret));
}
