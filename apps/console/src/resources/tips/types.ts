import type {
  AccidentGrade,
  HazardGrade,
  PublicTipStatusDto,
  RewardDto,
  TipDto,
  TipEventDto,
  TipFeedbackChannel,
  TipKind,
  TipOpenTaskView,
  TipStateView,
  TipStep,
} from '@zhiben/contracts';

/**
 * The tipline context (举报) as tipline-service serves it behind `/api/tipline`: the DTOs of
 * `@zhiben/contracts` (tipline.ts) and the request bodies the console sends (console views until the
 * service's request schemas land in `tipline-api.ts`; `import type` only, so zod stays out of the bundle).
 */
export {
  ACCIDENT_GRADES,
  DEFAULT_CLAIM_CODE_POLICY,
  TIP_DECISIONS,
  TIP_FEEDBACK_CHANNELS,
  TIP_KINDS,
  TIP_STATUSES,
  TIP_STEPS,
} from '@zhiben/contracts';
export type {
  AccidentGrade,
  HazardGrade,
  PublicTipStatusDto,
  RewardDto,
  TipEventDto,
  TipFeedbackChannel,
  TipKind,
  TipOpenTaskView,
  TipStateView,
  TipStep,
};

/** A tip as the handlers' pages read it; `openTasks` when the service passes the workflow's view on. */
export type Tip = TipDto & { openTasks?: TipOpenTaskView[] };

/** Steps the tip page records (the task steps plus the extension request, which opens no task here). */
export type TipFormStep = TipStep | 'requestExtension';

/** POST /tips/:id/steps/:step, the enforcement steps' shape. */
export interface TipStepInput {
  decision: string;
  comment?: string;
  data?: Record<string, unknown>;
}

// ------------------------------------------------------------------------------- public intake
/** Real-name reporters only; kept encrypted in the vault. */
export interface PublicTipIdentity {
  name: string;
  phone: string;
  idNumber?: string;
}

/**
 * POST /public/tips. Every reporter sets the password that opens the claim code (anonymous or not);
 * real-name reporters add `identity`. Photos are uploaded first and referred to by id.
 */
export interface PublicTipSubmission {
  kind: TipKind;
  location: string;
  enterprise: { name: string } | null;
  description: string;
  photos: string[];
  anonymous: boolean;
  password: string;
  identity?: PublicTipIdentity;
}

/** POST /public/photos → the photo's id for the submission. */
export interface PublicPhoto {
  id: string;
  contentType?: string;
  sizeBytes?: number;
}

/** The intake's answer: the tip's number and the claim code, shown this once. */
export interface PublicTipReceipt {
  ref: string;
  claimCode?: string | null;
  anonymous?: boolean;
  receivedAt?: string;
  messageZh?: string;
  messageEn?: string;
}

export interface PublicCredentials {
  claimCode: string;
  password: string;
}

/** The account the reward is paid to (kept in the vault; never shown back). */
export interface PublicClaimInput extends PublicCredentials {
  payee: { name: string; bankName: string; bankAccount: string };
}

export interface PublicDisputeInput extends PublicCredentials {
  reason: string;
}

// ------------------------------------------------------------------------------------ unmasking
export type UnmaskStatus = 'pending' | 'approved' | 'rejected';

export interface UnmaskRequest {
  id: string;
  tipId: string;
  tipRef?: string;
  reporterId?: string;
  reason: string;
  status: UnmaskStatus;
  requestedBy: { username: string; name: string };
  createdAt: string;
  decidedBy?: { username: string; name: string } | null;
  decidedAt?: string | null;
  decisionComment?: string | null;
}

/** The vault's answer after an approved request (every read is audited by the service). */
export interface ReporterIdentity {
  reporterId?: string;
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
}

export type { AccidentGrade as TipAccidentGrade, HazardGrade as TipHazardGrade };
