import { z } from "zod";

/** Environment variables, checked once at start-up. Every wrong or missing value is named in the error. */
const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const keyList = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/,
    "expected a comma-separated list of keyId:base64key (32-byte keys)",
  );
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "expected a base64-encoded 32-byte key");

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
  /** Demo mode loads the demo region and its accounts; it is never on unless asked for. */
  KETENZICHT_DEMO: booleanString.default(false),
  /** Field encryption keys (AES-256-GCM): "keyId:base64,keyId:base64"; the current one is ENCRYPTION_KEY_ID. */
  ENCRYPTION_KEYS: keyList.optional(),
  ENCRYPTION_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  /** HMAC key for the keyed hashes behind exact-match lookups. */
  BLIND_INDEX_KEY: base64Key.optional(),
  /** HMAC key that seals the audit trail's hash chain. */
  AUDIT_CHAIN_KEY: base64Key.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Public base URL, used for OpenID Connect redirects; defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** SMTP server for e-mail notifications (smtp:// or smtps://); without it notifications stay in the app. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default("Ketenzicht <noreply@ketenzicht.invalid>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== "")
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (!config.KETENZICHT_DEMO) {
    // Outside demo mode keys are never generated: a deployment must bring its own.
    for (const key of ["ENCRYPTION_KEYS", "ENCRYPTION_KEY_ID", "BLIND_INDEX_KEY", "AUDIT_CHAIN_KEY"] as const) {
      if (!config[key]) problems.push(`${key}: required outside demo mode (see README, "Configuration")`);
    }
  }
  if (config.ENCRYPTION_KEYS && config.ENCRYPTION_KEY_ID) {
    const ids = config.ENCRYPTION_KEYS.split(",").map((pair) => pair.split(":")[0]);
    if (!ids.includes(config.ENCRYPTION_KEY_ID)) {
      problems.push(`ENCRYPTION_KEY_ID: "${config.ENCRYPTION_KEY_ID}" is not one of the ids in ENCRYPTION_KEYS`);
    }
    for (const pair of config.ENCRYPTION_KEYS.split(",")) {
      const [id, key] = pair.split(":");
      if (Buffer.from(key ?? "", "base64").length !== 32) problems.push(`ENCRYPTION_KEYS: key "${id}" is not 32 bytes`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
