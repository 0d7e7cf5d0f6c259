import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies embedded defaults', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('postgres://postgres:zhiben@localhost:5433/zhiben');
    expect(c.directoryUrl).toBe('http://localhost:3101');
    expect(c.keycloakPublicUrl).toBe('http://localhost:8080');
    expect(c.TEMPORAL_TLS).toBe(false);
  });

  it('switches each part to external infrastructure', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@db.example:5432/x',
      TEMPORAL_ADDRESS: 'temporal.example:7233',
      TEMPORAL_TLS: 'true',
      KEYCLOAK_URL: 'https://sso.example',
    });
    expect(c.TEMPORAL_TLS).toBe(true);
    expect(c.keycloakPublicUrl).toBe('https://sso.example');
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ GATEWAY_PORT: 'abc', KEYCLOAK_URL: 'not a url' })).toThrow(ConfigError);
    try {
      loadConfig({ GATEWAY_PORT: 'abc', KEYCLOAK_URL: 'not a url' });
    } catch (e) {
      expect(String(e)).toContain('GATEWAY_PORT');
      expect(String(e)).toContain('KEYCLOAK_URL');
    }
  });
});
