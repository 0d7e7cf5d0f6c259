import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import type { VaultKeys } from '../tipline.options';

/** The identity a real-name reporter gives (and an anonymous one's payee account at claim time). */
export interface ReporterIdentity {
  name?: string;
  phone?: string;
  idNumber?: string;
  bankAccount?: string;
  bankName?: string | null;
}

/** AES-256-GCM: `iv.tag.ciphertext` (base64url); the reporter id is bound as additional data. */
export function seal(
  keys: VaultKeys,
  reporterId: string,
  identity: ReporterIdentity,
): { keyId: string; sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
  cipher.setAAD(Buffer.from(reporterId, 'utf8'));
  const ct = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    keyId: keys.current.id,
    sealed: [iv, tag, ct].map((b) => b.toString('base64url')).join('.'),
  };
}

export function unseal(keys: VaultKeys, reporterId: string, keyId: string, sealed: string): ReporterIdentity {
  const key = [keys.current, ...keys.old].find((k) => k.id === keyId)?.key;
  if (!key) throw new Error(`vault key ${keyId} is not configured (TIPLINE_VAULT_OLD_KEYS)`);
  const [iv, tag, ct] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(reporterId, 'utf8'));
  decipher.setAuthTag(tag);
  return JSON.parse(
    Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8'),
  ) as ReporterIdentity;
}

const DEV_KEY = createHash('sha256').update('zhiben-dev-only-tipline-vault-key').digest();

/**
 * Vault keys from configuration. Without TIPLINE_VAULT_KEY a fixed development key is used, and only
 * outside production or where ZHIBEN_ALLOW_TIME_SCALE (tests/demos) is on; production refuses to start.
 */
export function vaultKeysFrom(c: {
  NODE_ENV: string;
  ZHIBEN_ALLOW_TIME_SCALE: boolean;
  TIPLINE_VAULT_KEY?: string;
  TIPLINE_VAULT_KEY_ID: string;
  TIPLINE_VAULT_OLD_KEYS: string;
  TIPLINE_CLAIM_PEPPER?: string;
}): VaultKeys {
  let current: VaultKeys['current'];
  if (c.TIPLINE_VAULT_KEY) {
    current = { id: c.TIPLINE_VAULT_KEY_ID, key: Buffer.from(c.TIPLINE_VAULT_KEY, 'base64') };
  } else if (c.NODE_ENV !== 'production' || c.ZHIBEN_ALLOW_TIME_SCALE) {
    current = { id: 'dev', key: DEV_KEY };
  } else {
    throw new Error('TIPLINE_VAULT_KEY is required in production (base64 of 32 random bytes)');
  }
  if (current.key.length !== 32) throw new Error('TIPLINE_VAULT_KEY must be 32 bytes (base64)');
  const old = c.TIPLINE_VAULT_OLD_KEYS.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [id, b64] = s.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!id || key.length !== 32) throw new Error('TIPLINE_VAULT_OLD_KEYS: expected "id:base64(32 bytes)"');
      return { id, key };
    });
  if (current.id !== 'dev' && !old.some((k) => k.id === 'dev')) old.push({ id: 'dev', key: DEV_KEY });
  const claimPepper = c.TIPLINE_CLAIM_PEPPER
    ? Buffer.from(c.TIPLINE_CLAIM_PEPPER, 'utf8')
    : createHmac('sha256', current.key).update('zhiben:tipline:claim-code').digest();
  return { current, old, claimPepper };
}

/** Keyed hash of a canonical claim code (the lookup key; the code is never stored). */
export function claimCodeHash(pepper: Buffer, code: string): string {
  return createHmac('sha256', pepper).update(code).digest('base64url');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const DUMMY = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

/** Constant-work check: an unknown code is checked against a dummy hash so timing tells nothing. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [, , , , salt, hash] = (stored ?? DUMMY).split('$');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'));
  const expected = Buffer.from(hash, 'base64url');
  return stored !== null && expected.length === key.length && timingSafeEqual(expected, key);
}

/** Pseudonymous reporter id: random for anonymous reporters, keyed on the person for real names. */
export function reporterIdFor(pepper: Buffer, identity: ReporterIdentity | null): string {
  const raw = identity
    ? createHmac('sha256', pepper)
        .update(`reporter:${(identity.idNumber ?? identity.phone ?? '').toUpperCase().replace(/\s/g, '')}`)
        .digest()
    : randomBytes(16);
  return `R-${raw.toString('base64url').replace(/[-_]/g, '').slice(0, 16).toUpperCase()}`;
}
