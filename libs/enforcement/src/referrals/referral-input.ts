import {
  criminalReferralWorkflowId,
  type CriminalReferralInput,
  type EnforcementCaseInput,
  type SuspectedCrime,
} from '@zhiben/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ReferralEntity, type PenaltyCaseEntity } from '../entities';
import { formatNumber, nextNumber, shanghaiYear } from '../jurisdiction/places.service';

export interface NewReferral {
  title: string;
  suspectedCrime: SuspectedCrime;
  suspects: number;
  officers: { username: string; name: string }[];
  place: {
    department: { code: string; name: string };
    town: { code: string; name: string; path: string };
    districtCode: string | null;
    sector: string;
    enterprise: { creditCode: string; name: string };
  };
  candidates: Pick<CriminalReferralInput, 'officers' | 'head' | 'liaison' | 'supervisors'>;
  caseId: string | null;
  rules: { orgUnitCode: string; rules: CriminalReferralInput['rules'] };
  msPerDay: number;
  createdBy: { username: string; name: string };
  idempotencyKey?: string | null;
  requestHash?: string | null;
  creationEventKey?: string | null;
}

/** Builds and inserts a referral row with its workflow input (started afterwards by the outbox). */
export async function insertReferral(m: EntityManager, r: NewReferral): Promise<ReferralEntity> {
  const now = new Date();
  const year = shanghaiYear(now);
  const n = await nextNumber(m, `referral:${r.place.department.code}`, year);
  const id = randomUUID();
  const referralNo = formatNumber(r.place.department.name, '移', year, n);
  const input: CriminalReferralInput = {
    referralId: id,
    referralNo,
    titleZh: r.title,
    departmentCode: r.place.department.code,
    townCode: r.place.town.code,
    enterpriseCreditCode: r.place.enterprise.creditCode,
    enterpriseName: r.place.enterprise.name,
    caseId: r.caseId,
    suspectedCrime: r.suspectedCrime,
    suspects: r.suspects,
    ...r.candidates,
    rules: r.rules.rules,
    clock: { msPerDay: r.msPerDay },
  };
  const row = m.getRepository(ReferralEntity).create({
    id,
    referralNo,
    title: r.title,
    stage: 'preparing',
    departmentCode: r.place.department.code,
    departmentName: r.place.department.name,
    townCode: r.place.town.code,
    townName: r.place.town.name,
    orgPath: r.place.town.path,
    districtCode: r.place.districtCode,
    sector: r.place.sector,
    enterpriseCreditCode: r.place.enterprise.creditCode,
    enterpriseName: r.place.enterprise.name,
    caseId: r.caseId,
    suspectedCrime: r.suspectedCrime,
    suspects: r.suspects,
    officers: r.officers,
    reportedAt: null,
    submittedAt: null,
    headDecision: null,
    transfer: null,
    police: null,
    reconsideration: null,
    procuratorate: null,
    handedOverAt: null,
    outcome: null,
    closedAt: null,
    creationEventKey: r.creationEventKey ?? null,
    rulesOrgUnitCode: r.rules.orgUnitCode,
    rulesVersion: r.rules.rules.version,
    msPerDay: r.msPerDay,
    workflowId: criminalReferralWorkflowId(id),
    workflowInput: input,
    workflowStartedAt: null,
    workflowStartAttempts: 0,
    workflowStartError: null,
    createdBy: r.createdBy.username,
    createdByName: r.createdBy.name,
    idempotencyKey: r.idempotencyKey ?? null,
    requestHash: r.requestHash ?? null,
  });
  await m.getRepository(ReferralEntity).insert(row);
  return row;
}

/** A referral proposed by a case inherits its place, candidates, rules and clock from the case. */
export function referralFromCase(
  c: PenaltyCaseEntity,
): Pick<NewReferral, 'place' | 'candidates' | 'rules' | 'msPerDay' | 'officers' | 'caseId'> {
  const input: EnforcementCaseInput = c.workflowInput;
  return {
    place: {
      department: { code: c.departmentCode, name: c.departmentName },
      town: { code: c.townCode, name: c.townName, path: c.orgPath },
      districtCode: c.districtCode,
      sector: c.sector,
      enterprise: { creditCode: c.enterpriseCreditCode, name: c.enterpriseName },
    },
    candidates: {
      officers: input.inspectors,
      head: input.head,
      liaison: input.legalReviewers,
      supervisors: input.supervisors,
    },
    rules: { orgUnitCode: c.rulesOrgUnitCode, rules: input.rules },
    msPerDay: c.msPerDay,
    officers: c.officers,
    caseId: c.id,
  };
}
