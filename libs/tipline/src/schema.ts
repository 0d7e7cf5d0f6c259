/** The PostgreSQL schema tipline-service owns; raw SQL names its tables through `table()`. */
export const TIPLINE_SCHEMA = 'tipline';
/** The reporter-identity vault: a schema of its own, read only by the vault service. */
export const TIPLINE_VAULT_SCHEMA = 'tipline_vault';

export const table = (name: string) => `"${TIPLINE_SCHEMA}"."${name}"`;
export const vaultTable = (name: string) => `"${TIPLINE_VAULT_SCHEMA}"."${name}"`;
