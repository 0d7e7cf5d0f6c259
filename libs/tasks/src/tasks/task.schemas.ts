import { ROLES } from '@zhiben/contracts';
import { z } from 'zod';

/** Request shapes of the task API and the activity inputs, validated with bilingual messages. */

export const uuidParam = z.uuid({ message: '编号须为 UUID / id must be a UUID' });

const username = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,100}$/, { message: '用户名格式无效 / Invalid username' });

const comment = z.string().max(4000, { message: '意见不超过 4000 字 / Comment is at most 4000 characters' });
const requiredComment = comment.refine((s) => s.trim().length > 0, {
  message: '请填写意见 / A comment is required',
});

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, {
  message: '幂等键须为 8–128 位字母、数字或 ._:- / Idempotency key must be 8–128 letters, digits or ._:-',
});

export const assignBody = z.strictObject({ username, comment: comment.optional() });
export const transferBody = z.strictObject({ username, comment: requiredComment });
export const delegateBody = z.strictObject({ username, comment: requiredComment });
export const resolveBody = z.strictObject({ comment: requiredComment });
export const returnBody = z.strictObject({
  toStep: z.string().min(1).max(100).optional(),
  comment: requiredComment,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const completeBody = z.strictObject({
  decision: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: '办理结果代码无效 / Invalid decision code' }),
  comment: comment.default(''),
  data: z.record(z.string(), z.unknown()).default({}),
  attachments: z.array(uuidParam).max(20).default([]),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const commentBody = z.strictObject({
  body: z
    .string()
    .refine((s) => s.trim().length > 0, { message: '评论不能为空 / Comment must not be empty' })
    .pipe(z.string().max(4000, { message: '评论不超过 4000 字 / Comment is at most 4000 characters' })),
});

const candidateRule = z.strictObject({ role: z.enum(ROLES), orgUnitCode: z.string().min(1).max(200) });
const durationSpec = z.object({
  amount: z.number().nonnegative(),
  unit: z.enum(['workingDays', 'naturalDays', 'hours']),
  rollForward: z.boolean().optional(),
});
const isoInstant = z.iso.datetime({ offset: true });

/** OpenTaskRequest as the activity receives it (workflows are trusted, but a typo must not open junk). */
export const openTaskRequestSchema = z.object({
  workflowId: z.string().min(1).max(500),
  taskKey: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  titleZh: z.string().min(1).max(500),
  titleEn: z.string().min(1).max(500),
  caseRef: z.string().max(200),
  caseKind: z.string().max(100),
  step: z.string().min(1).max(100),
  candidates: z.array(candidateRule).max(100),
  assignee: username.nullish(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  dueAt: isoInstant.nullable(),
  followUpAt: isoInstant.nullish(),
  decisions: z
    .array(
      z.object({
        code: z.string().min(1).max(64),
        labelZh: z.string().min(1).max(100),
        labelEn: z.string().min(1).max(100),
        requiresComment: z.boolean().optional(),
      }),
    )
    .min(1),
  formSchema: z.record(z.string(), z.unknown()).optional(),
  formData: z.record(z.string(), z.unknown()).optional(),
  orgUnitCode: z.string().min(1).max(200),
  campaignId: z.string().max(100).nullish(),
  sla: z
    .object({
      reaction: durationSpec.optional(),
      completion: durationSpec,
      remindAt: z.array(z.number()).optional(),
      escalateTo: z.array(candidateRule).optional(),
    })
    .optional(),
  reactionDueAt: isoInstant.nullish(),
});
