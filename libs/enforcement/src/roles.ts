import type { Role } from '@zhiben/contracts';

/** Who reads enforcement records (each read is scoped further by jurisdiction). */
export const OFFICIAL_READERS: Role[] = [
  'official',
  'inspector',
  'leader',
  'ops',
  'admin',
  'auditor',
  'sys-admin',
];
/** Enterprises read their own inspections and cases (never plans or referrals). */
export const CASE_READERS: Role[] = [...OFFICIAL_READERS, 'enterprise'];
/** Who inspects and records (sys-admin: test/demo runs on scaled clocks). */
export const INSPECTORS: Role[] = ['inspector', 'sys-admin'];
/** Who acts on cases and referrals: the department's inspectors, its head, its legal reviewer/liaison. */
export const CASE_OFFICIALS: Role[] = ['inspector', 'official', 'leader', 'sys-admin'];
