import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  CAMPAIGN_EVENT_SIGNAL,
  CAMPAIGN_REPORT_STATE_QUERY,
  CAMPAIGN_RESUBMIT_UPDATE,
  CAMPAIGN_STATE_QUERY,
  CAMPAIGN_WITHDRAW_UPDATE,
  type CampaignEventSignal,
  type CampaignReportStateView,
  type CampaignResubmitInput,
  type CampaignStateView,
  type CampaignWithdrawInput,
} from '@zhiben/contracts/workflow';

/** Message handles of the campaign workflows. The names are in recorded histories: never rename them. */
export const campaignEventSignal = defineSignal<[CampaignEventSignal]>(CAMPAIGN_EVENT_SIGNAL);
export const campaignStateQuery = defineQuery<CampaignStateView>(CAMPAIGN_STATE_QUERY);
export const campaignReportStateQuery = defineQuery<CampaignReportStateView>(CAMPAIGN_REPORT_STATE_QUERY);
export const resubmitCampaignUpdate = defineUpdate<
  { accepted: true; round: number },
  [CampaignResubmitInput]
>(CAMPAIGN_RESUBMIT_UPDATE);
export const withdrawCampaignUpdate = defineUpdate<{ accepted: true }, [CampaignWithdrawInput]>(
  CAMPAIGN_WITHDRAW_UPDATE,
);
