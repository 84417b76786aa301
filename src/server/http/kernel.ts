import type { Config } from "../config.ts";
import type { AuditTrail } from "../kernel/audit.ts";
import type { FieldCrypto } from "../kernel/crypto.ts";
import type { Database } from "../kernel/db.ts";

/** What every module of the server works with, passed explicitly; there is no container. */
export interface Kernel {
  config: Config;
  db: Database;
  crypto: FieldCrypto;
  audit: AuditTrail;
  /** Injected so tests can move time (session timeouts, lock-outs, TOTP windows). */
  now: () => Date;
}
