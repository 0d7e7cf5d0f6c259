import { z } from 'zod';

/**
 * The one place that reads the environment (STYLE.md §9). Every variable has a default that
 * matches the embedded single-machine suite started by `npm start`; `.env.example` documents them.
 */
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const port = z.coerce.number().int().min(1).max(65535);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  ZHIBEN_DATA_DIR: z.string().default('.data').describe('Where embedded infrastructure keeps its data'),

  DATABASE_URL: z
    .string()
    .url()
    .default('postgres://postgres:zhiben@localhost:5433/zhiben')
    .describe('PostgreSQL connection string; each service uses its own schema in it'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  TEMPORAL_ADDRESS: z.string().default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TLS: bool,
  TEMPORAL_TLS_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),

  KEYCLOAK_URL: z
    .string()
    .url()
    .default('http://localhost:8080')
    .describe('Keycloak base URL used by services'),
  KEYCLOAK_PUBLIC_URL: z.string().url().optional().describe('Keycloak URL as the browser reaches it'),
  KEYCLOAK_REALM: z.string().default('zhiben'),
  KEYCLOAK_API_CLIENT_ID: z.string().default('zhiben-api'),
  KEYCLOAK_API_CLIENT_SECRET: z.string().default('zhiben-api-dev-secret'),
  KEYCLOAK_CONSOLE_CLIENT_ID: z.string().default('zhiben-console'),

  GATEWAY_PORT: port.default(3000),
  DIRECTORY_PORT: port.default(3101),
  TASKS_PORT: port.default(3102),
  HAZARDS_PORT: port.default(3103),
  CAMPAIGNS_PORT: port.default(3104),
  ENFORCEMENT_PORT: port.default(3105),
  TIPLINE_PORT: port.default(3106),
  WORKER_HEALTH_PORT: port.default(3190),
  DIRECTORY_URL: z.string().url().optional(),
  TASKS_URL: z.string().url().optional(),
  HAZARDS_URL: z.string().url().optional(),
  CAMPAIGNS_URL: z.string().url().optional(),
  ENFORCEMENT_URL: z.string().url().optional(),
  TIPLINE_URL: z.string().url().optional(),
  STORAGE_DIR: z
    .string()
    .optional()
    .describe('Local disk storage for evidence files (default: <ZHIBEN_DATA_DIR>/files)'),
  PDF_FONT: z
    .string()
    .optional()
    .describe(
      'CJK font for PDF exports: a .ttf/.otf, or path#PostScriptName in a .ttc (default: fonts-noto-cjk and other system fonts)',
    ),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  HAZARD_CLOCK_MS_PER_DAY: z.coerce
    .number()
    .int()
    .min(100)
    .default(86_400_000)
    .describe('Length of a day for new hazard workflows; lower it only for demos and tests'),
  CAMPAIGN_CLOCK_MS_PER_DAY: z.coerce
    .number()
    .int()
    .min(100)
    .default(86_400_000)
    .describe('Length of a day for new campaign workflows; lower it only for demos and tests'),
  ENFORCEMENT_CLOCK_MS_PER_DAY: z.coerce
    .number()
    .int()
    .min(100)
    .default(86_400_000)
    .describe(
      'Length of a day for new enforcement case and referral workflows; lower it only for demos and tests',
    ),
  TIPLINE_CLOCK_MS_PER_DAY: z.coerce
    .number()
    .int()
    .min(100)
    .default(86_400_000)
    .describe('Length of a day for new tip workflows; lower it only for demos and tests'),
  TIPLINE_VAULT_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of exactly 32 bytes')
    .optional()
    .describe('AES-256-GCM key of the reporter-identity vault (base64, 32 bytes); required in production'),
  TIPLINE_VAULT_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .default('k1')
    .describe('Id stored with every sealed identity; change it together with the key when rotating'),
  TIPLINE_VAULT_OLD_KEYS: z
    .string()
    .default('')
    .describe('Retired vault keys still readable: "id:base64,id:base64" (see libs/tipline README, rotation)'),
  TIPLINE_CLAIM_PEPPER: z
    .string()
    .min(16)
    .optional()
    .describe(
      'Secret for hashing claim codes (default: derived from TIPLINE_VAULT_KEY; set it before rotating)',
    ),
  TIPLINE_RECEIVING_UNIT: z
    .string()
    .default('jiangjin.anweiban')
    .describe('Org unit that receives web tips (谁受理、谁奖励)'),
  TIPLINE_RECEIVING_UNIT_NAME: z.string().default('江津区安委办'),
  TIPLINE_PARENT_UNIT: z
    .string()
    .default('jiangjin')
    .describe('The level above the receiving unit: its leaders approve rewards, extensions and re-checks'),
  TIPLINE_INTAKE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  TIPLINE_INTAKE_BURST: z.coerce.number().int().min(1).default(10),
  TIPLINE_TRUSTED_PROXIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(5)
    .default(1)
    .describe('Proxies in front of tipline-service that append to X-Forwarded-For (the gateway is one)'),
  ZHIBEN_ALLOW_TIME_SCALE: bool.describe(
    'Let sys-admins register hazards, cases and referrals with a scaled clock (tests and demos only)',
  ),
  CONSOLE_DIST: z.string().default('dist/apps/console'),
  BODY_LIMIT: z.string().default('256kb'),
  DEMO_SEED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1')
    .describe('Load the demo district (江津区) into an empty directory on startup'),
});

export type ZhibenConfig = z.infer<typeof configSchema> & {
  directoryUrl: string;
  tasksUrl: string;
  hazardsUrl: string;
  campaignsUrl: string;
  enforcementUrl: string;
  tiplineUrl: string;
  storageDir: string;
  keycloakPublicUrl: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): ZhibenConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    directoryUrl: c.DIRECTORY_URL ?? `http://localhost:${c.DIRECTORY_PORT}`,
    tasksUrl: c.TASKS_URL ?? `http://localhost:${c.TASKS_PORT}`,
    hazardsUrl: c.HAZARDS_URL ?? `http://localhost:${c.HAZARDS_PORT}`,
    campaignsUrl: c.CAMPAIGNS_URL ?? `http://localhost:${c.CAMPAIGNS_PORT}`,
    enforcementUrl: c.ENFORCEMENT_URL ?? `http://localhost:${c.ENFORCEMENT_PORT}`,
    tiplineUrl: c.TIPLINE_URL ?? `http://localhost:${c.TIPLINE_PORT}`,
    storageDir: c.STORAGE_DIR ?? `${c.ZHIBEN_DATA_DIR}/files`,
    keycloakPublicUrl: c.KEYCLOAK_PUBLIC_URL ?? c.KEYCLOAK_URL,
  };
}

let cached: ZhibenConfig | undefined;

/** Parsed once per process. */
export function getConfig(): ZhibenConfig {
  cached ??= loadConfig();
  return cached;
}
