// Bundled by the workflow worker: export workflows, message definitions and types only (every exported
// function becomes a workflow type).
export * from './campaign.messages';
export {
  campaign,
  CAMPAIGN_STEPS,
  CHILD_BATCH,
  type CampaignCarry,
  type CampaignPlan,
  type CampaignResult,
  type CampaignStep,
} from './campaign.workflow';
export {
  campaignReport,
  REPORT_STEPS,
  type CampaignReportResult,
  type ReportStep,
} from './campaign-report.workflow';
