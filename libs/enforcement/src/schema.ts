/** The PostgreSQL schema the enforcement service owns; raw SQL names its tables through `table()`. */
export const ENFORCEMENT_SCHEMA = 'enforcement';

export const table = (name: string) => `"${ENFORCEMENT_SCHEMA}"."${name}"`;

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = err?.code ?? err?.driverError?.code;
  const name = err?.constraint ?? err?.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}
