import {
  ACCIDENT_GRADES,
  HAZARD_GRADES,
  TIP_FEEDBACK_CHANNELS,
  TIP_KINDS,
  civilDateSchema,
  usccSchema,
} from '@zhiben/contracts';
import { z } from 'zod';

/** Request shapes of tipline-service (public intake and status, the handlers' steps, the vault). */
const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });
const text = (max: number) =>
  z
    .string(msg('须为文本', 'Must be a string'))
    .trim()
    .min(1, msg('不能为空', 'Must not be empty'))
    .max(max, msg(`不能超过${max}个字符`, `At most ${max} characters`));
const optText = (max: number) => text(max).optional().nullable();

export const identitySchema = z.strictObject({
  name: text(50),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{5,19}$/, msg('电话号码格式不正确', 'Invalid phone number')),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{17}[0-9Xx]$/, msg('身份证号须为18位', 'An ID number has 18 characters'))
    .optional(),
  bankAccount: z
    .string()
    .trim()
    .regex(/^[0-9 ]{10,30}$/, msg('银行账号格式不正确', 'Invalid bank account'))
    .optional(),
  bankName: optText(60),
});

export const publicTipSchema = z.strictObject({
  kind: z.enum(TIP_KINDS, msg('举报类型无效', 'Invalid kind')),
  description: text(5000),
  location: text(300),
  townCode: z
    .string()
    .trim()
    .regex(/^[a-z0-9.]{1,60}$/, msg('镇街代码无效', 'Invalid town code'))
    .optional(),
  enterprise: z
    .strictObject({ creditCode: usccSchema.optional().nullable(), name: optText(100) })
    .optional()
    .nullable(),
  photos: z
    .array(z.uuid(msg('照片编号无效', 'Invalid photo id')))
    .max(9, msg('最多9张照片', 'At most 9 photos'))
    .default([]),
  anonymous: z.boolean(msg('须选择实名或匿名', 'Choose real-name or anonymous')),
  /** The reporter's password for the claim code (both kinds of reporter follow the tip with it). */
  password: z.string(msg('请设置密码', 'Set a password')).max(128),
  /** Real-name reporters only (kept in the vault, encrypted). */
  identity: identitySchema.optional(),
});
export type PublicTipRequest = z.output<typeof publicTipSchema>;

export const credentialsSchema = z.strictObject({
  claimCode: z.string(msg('请输入查询码', 'Enter the claim code')).max(40),
  password: z.string(msg('请输入密码', 'Enter the password')).max(128),
});
export const claimSchema = credentialsSchema.extend({
  payee: z
    .strictObject({
      name: optText(50),
      bankAccount: z
        .string()
        .trim()
        .regex(/^[0-9 ]{10,30}$/, msg('银行账号格式不正确', 'Invalid bank account')),
      bankName: optText(60),
    })
    .optional(),
});
export const disputeSchema = credentialsSchema.extend({ reason: text(2000) });

// ------------------------------------------------------------------------------------- officials
const forwardTo = z.strictObject({ code: text(60), name: text(100), external: z.boolean() });
export const acceptanceSchema = z.strictObject({
  decision: z.enum(['accept', 'notInScope', 'forward']),
  reason: optText(2000),
  forwardTo: forwardTo.optional(),
});

const hazardDraft = z.strictObject({
  enterpriseCreditCode: usccSchema,
  grade: z.enum(HAZARD_GRADES),
  title: text(200),
  description: text(4000),
  location: text(300),
  standard: z.strictObject({ catalogueId: text(100), clauseId: text(100) }).optional(),
  foundOn: civilDateSchema,
});
const caseDraft = z.strictObject({
  enterpriseCreditCode: usccSchema,
  title: text(200),
  findings: text(4000),
  departmentCode: text(60),
});
const followUp = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hazard'), hazard: hazardDraft }),
  z.strictObject({ kind: z.literal('enforcementCase'), enforcementCase: caseDraft }),
  z.strictObject({ kind: z.literal('none'), reference: optText(200).transform((v) => v ?? undefined) }),
]);
export const verificationSchema = z.strictObject({
  outcome: z.enum(['substantiated', 'unsubstantiated']),
  summary: text(4000),
  hazardGrade: z.enum(HAZARD_GRADES).optional(),
  fineYuan: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  penaltyDecisionNo: optText(100),
  concealedDeaths: z.number().int().min(1).max(1000).optional(),
  accidentGrade: z.enum(ACCIDENT_GRADES).optional(),
  followUp: followUp.optional(),
  firstReporter: z.boolean(),
  duplicateOfTipId: z.uuid().nullable().optional(),
});
export const extensionSchema = z.strictObject({ reason: text(2000) });
export const fineSchema = z.strictObject({
  fineYuan: z.number().int().min(0).max(1_000_000_000),
  penaltyDecisionNo: optText(100),
});
export const feedbackSchema = z.strictObject({
  messageZh: text(2000),
  messageEn: optText(2000),
  channels: z.array(z.enum(TIP_FEEDBACK_CHANNELS)).min(1).default(['statusPage']),
});
export const rewardApprovalSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  amountYuan: z.number().int().min(0).optional(),
  reason: optText(2000),
});
export const recheckSchema = z.strictObject({
  decision: z.enum(['upheld', 'revised']),
  summary: text(4000),
  revised: verificationSchema.optional(),
});
export const decideStepSchema = z.strictObject({
  decision: text(40),
  comment: z.string().max(2000).default(''),
  data: z.record(z.string(), z.unknown()).default({}),
});
export const unmaskRequestSchema = z.strictObject({ reason: text(2000) });
export const unmaskDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(2000).default(''),
});
export const staffTipSchema = publicTipSchema.extend({
  channel: z.enum(['hotline12350', 'letter', 'email', 'visit', 'wechat', 'internal']).default('hotline12350'),
  /** Test/demo only (sys-admin where ZHIBEN_ALLOW_TIME_SCALE is on): a scaled workflow clock. */
  clockMsPerDay: z.number().int().min(100).max(86_400_000).optional(),
});
