import type { CampaignEventInput } from '@zhiben/contracts';
import type { EntityManager } from 'typeorm';
import { CampaignEventEntity } from '../entities';

/** Appends a timeline line; false when its event key was already recorded (nothing is written). */
export async function appendCampaignEvent(m: EntityManager, e: CampaignEventInput): Promise<boolean> {
  const res = await m
    .createQueryBuilder()
    .insert()
    .into(CampaignEventEntity)
    .values({
      campaignId: e.campaignId,
      eventKey: e.eventKey,
      type: e.type,
      summaryZh: e.summaryZh,
      summaryEn: e.summaryEn,
      actorUsername: e.actor?.username ?? null,
      actorName: e.actor?.name ?? null,
      reportId: e.reportId ?? null,
      data: (e.data ?? {}) as never,
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  return (res.raw as unknown[]).length > 0;
}
