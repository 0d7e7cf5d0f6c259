/** What the campaigns context needs from the service's configuration (read once in libs/config). */
export interface CampaignsOptions {
  /** directory-service base URL (org units are read through its API with the caller's token). */
  directoryUrl: string;
  /** Milliseconds per day for new campaign workflows (86 400 000 unless a test/demo override). */
  msPerDay: number;
  /** Test/demo facility: the submitting admin may scale the workflow clock. Off in production. */
  allowTimeScale?: boolean;
  /** CJK font for the PDF export (PDF_FONT); unset: the usual system locations. */
  pdfFont?: string;
}

export const CAMPAIGNS_OPTIONS = Symbol('CAMPAIGNS_OPTIONS');
