import { claimCodeHash, hashPassword, seal, unseal, vaultKeysFrom, verifyPassword } from './crypto';

const base = {
  NODE_ENV: 'test',
  ZHIBEN_ALLOW_TIME_SCALE: false,
  TIPLINE_VAULT_KEY_ID: 'k1',
  TIPLINE_VAULT_OLD_KEYS: '',
};

describe('vault crypto', () => {
  it('seals with AES-256-GCM bound to the reporter id and reads old keys after rotation', () => {
    const k0 = Buffer.alloc(32, 7).toString('base64');
    const k1 = Buffer.alloc(32, 9).toString('base64');
    const before = vaultKeysFrom({ ...base, TIPLINE_VAULT_KEY: k0, TIPLINE_VAULT_KEY_ID: 'k0' });
    const s = seal(before, 'R-1', { name: '张三', phone: '13800000000' });
    expect(s.sealed).not.toContain('张三');
    expect(s.keyId).toBe('k0');
    const after = vaultKeysFrom({ ...base, TIPLINE_VAULT_KEY: k1, TIPLINE_VAULT_OLD_KEYS: `k0:${k0}` });
    expect(unseal(after, 'R-1', s.keyId, s.sealed)).toEqual({ name: '张三', phone: '13800000000' });
    expect(() => unseal(after, 'R-2', s.keyId, s.sealed)).toThrow();
    const noOld = vaultKeysFrom({ ...base, TIPLINE_VAULT_KEY: k1 });
    expect(() => unseal(noOld, 'R-1', s.keyId, s.sealed)).toThrow(/k0/);
  });

  it('refuses to run production without a key', () => {
    expect(() => vaultKeysFrom({ ...base, NODE_ENV: 'production' })).toThrow(/TIPLINE_VAULT_KEY/);
    expect(vaultKeysFrom({ ...base }).current.id).toBe('dev');
  });

  it('hashes passwords with scrypt and claim codes with a keyed hash', async () => {
    const h = await hashPassword('Abc12345x');
    expect(h).toMatch(/^scrypt\$/);
    expect(await verifyPassword('Abc12345x', h)).toBe(true);
    expect(await verifyPassword('Abc12345y', h)).toBe(false);
    expect(await verifyPassword('Abc12345x', null)).toBe(false);
    const p = Buffer.from('pepper-pepper-pepper');
    expect(claimCodeHash(p, 'ABC')).toBe(claimCodeHash(p, 'ABC'));
    expect(claimCodeHash(p, 'ABC')).not.toBe(claimCodeHash(Buffer.from('other-pepper-xxxxx'), 'ABC'));
  });
});
