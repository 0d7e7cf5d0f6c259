import type { Principal } from '@zhiben/auth';
import type { ReferralStepName } from '@zhiben/contracts';
import type { DataSource } from 'typeorm';
import { ReferralEntity } from '../entities';

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * What a referral step recorded, on the referral row (the board and the next step's date checks read
 * it). Idempotent: the same step applied twice writes the same values. The workflow's setReferralStage
 * moves the stage.
 */
export async function projectReferralStep(
  ds: DataSource,
  id: string,
  step: ReferralStepName,
  decision: string,
  comment: string | null,
  data: Record<string, unknown>,
  p: Pick<Principal, 'username' | 'name'>,
): Promise<void> {
  await ds.transaction(async (m) => {
    const row = await m
      .getRepository(ReferralEntity)
      .findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
    const patch = referralPatch(row, step, decision, comment, data, p);
    if (Object.keys(patch).length) await m.getRepository(ReferralEntity).update(id, patch);
  });
}

export function referralPatch(
  row: Pick<ReferralEntity, 'transfer' | 'police' | 'reconsideration' | 'procuratorate'>,
  step: ReferralStepName | string,
  decision: string,
  comment: string | null,
  data: Record<string, unknown>,
  p: Pick<Principal, 'username' | 'name'>,
): Partial<ReferralEntity> {
  const police = row.police ?? {
    decision: null,
    decidedAt: null,
    noticeAt: null,
    copiedToProcuratorate: false,
    reasons: null,
  };
  const reconsideration = row.reconsideration ?? { requestedAt: null, answer: null, answeredAt: null };
  const procuratorate = row.procuratorate ?? { requestedAt: null, outcome: null, at: null };
  switch (step) {
    case 'headDecision':
      return {
        headDecision: {
          decision: decision === 'reject' ? 'reject' : 'approve',
          at: str(data['decidedAt']) ?? new Date().toISOString(),
          by: { username: p.username, name: p.name },
          reasons: comment,
        },
      };
    case 'transfer':
      return {
        transfer: {
          at: str(data['transferredAt']) ?? new Date().toISOString(),
          policeUnit: str(data['policeUnit']) ?? '',
          receivedAt: row.transfer?.receivedAt ?? null,
          receiptNo: row.transfer?.receiptNo ?? null,
        },
      };
    case 'recordReceipt':
      return {
        transfer: {
          at: row.transfer?.at ?? str(data['receivedAt'])!,
          policeUnit: row.transfer?.policeUnit ?? '',
          receivedAt: str(data['receivedAt']),
          receiptNo: str(data['receiptNo']),
        },
      };
    case 'recordPoliceDecision':
      return {
        police: {
          ...police,
          decision: decision === 'declined' ? 'declined' : 'registered',
          decidedAt: str(data['decidedAt']),
          reasons: str(data['reasons']) ?? police.reasons,
        },
      };
    case 'recordPoliceNotice':
      return {
        police: {
          ...police,
          noticeAt: str(data['noticeAt']),
          copiedToProcuratorate: data['copiedToProcuratorate'] === true,
        },
      };
    case 'handover':
      return { handedOverAt: str(data['handedOverAt']) ? new Date(str(data['handedOverAt'])!) : new Date() };
    case 'recordOutcome':
    case 'recordProcuratorateOutcome': {
      const at = str(data['at']) ?? new Date().toISOString();
      const outcome = { result: decision, at, summary: str(data['summary']) };
      return step === 'recordOutcome'
        ? { outcome }
        : {
            procuratorate: {
              ...procuratorate,
              outcome: decision === 'registered' ? 'registered' : 'notRegistered',
              at,
            },
            outcome,
          };
    }
    case 'chooseReconsideration':
      if (decision === 'reconsider')
        return { reconsideration: { ...reconsideration, requestedAt: str(data['requestedAt']) } };
      if (decision === 'procuratorate')
        return { procuratorate: { ...procuratorate, requestedAt: str(data['requestedAt']) } };
      return {};
    case 'recordReconsiderationAnswer':
      return {
        reconsideration: {
          ...reconsideration,
          answer: decision === 'registered' ? 'registered' : 'upheld',
          answeredAt: str(data['answeredAt']),
        },
      };
    case 'requestProcuratorate':
      return { procuratorate: { ...procuratorate, requestedAt: str(data['requestedAt']) } };
    default:
      return {};
  }
}
