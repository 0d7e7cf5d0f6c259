import { z } from 'zod';
import { civilDateSchema } from './directory';
import { HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATUSES, LISTING_STATUSES } from './hazards';
import { sectorCodeSchema } from './sectors';
import { usccSchema } from './uscc';

/**
 * Request shapes of the hazards API (hazards-service validates with them; the OpenAPI spec and the
 * console's forms follow them). Kept apart from `hazards.ts`, which holds no zod, so that code needing
 * only the hazard constants and types (workflows, the console) does not pull in the schemas.
 */

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });
const text = (max: number) =>
  z
    .string(msg('须为文本', 'Must be a string'))
    .trim()
    .min(1, msg('不能为空', 'Must not be empty'))
    .max(max, msg(`不能超过 ${max} 个字符`, `At most ${max} characters`));
const uuid = z.uuid(msg('必须是合法的 UUID', 'Must be a UUID'));
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, msg('电话号码格式无效', 'Invalid phone number'));

export const hazardPersonSchema = z.strictObject({ name: text(50), phone: phone.optional() });
export type HazardPerson = z.infer<typeof hazardPersonSchema>;

export const hazardSourceSchema = z.enum(
  HAZARD_SOURCES,
  msg(
    `隐患来源无效，可选：${HAZARD_SOURCES.join('、')}`,
    `Invalid source; one of ${HAZARD_SOURCES.join(', ')}`,
  ),
);
export const hazardGradeSchema = z.enum(
  HAZARD_GRADES,
  msg('隐患等级须为 general（一般）或 major（重大）', 'Grade must be general or major'),
);
export const hazardStatusSchema = z.enum(
  HAZARD_STATUSES,
  msg(
    `状态无效，可选：${HAZARD_STATUSES.join('、')}`,
    `Invalid status; one of ${HAZARD_STATUSES.join(', ')}`,
  ),
);
export const listingStatusSchema = z.enum(
  LISTING_STATUSES,
  msg(
    `状态无效，可选：${LISTING_STATUSES.join('、')}`,
    `Invalid status; one of ${LISTING_STATUSES.join(', ')}`,
  ),
);

const attachments = z.array(uuid).max(20, msg('附件最多 20 个', 'At most 20 attachments')).default([]);

/** POST /hazards — register a hazard in the ledger (台账) and start its rectification workflow. */
export const registerHazardSchema = z
  .strictObject({
    /** Required for officials; an enterprise registers for itself (may be omitted). */
    enterpriseCreditCode: usccSchema.optional(),
    /** Enterprises register 企业自查 (SelfInspection) only; officials any source. */
    source: hazardSourceSchema.optional(),
    grade: hazardGradeSchema,
    title: text(100),
    /** 隐患类别 (004:171) */
    category: text(50).optional(),
    /** 隐患详述 */
    description: text(4000),
    location: text(300),
    /** The 判定标准 clause the hazard was judged under (required for 重大 hazards). */
    standard: z.strictObject({ catalogueId: text(100), clauseId: text(50) }).optional(),
    foundOn: civilDateSchema,
    /** 发现人; defaults to the caller. */
    foundBy: text(50).optional(),
    /** 主要负责人; defaults to the enterprise's principal in the directory. */
    principal: hazardPersonSchema.optional(),
    /** 实际控制人 */
    actualController: hazardPersonSchema.optional(),
    /** 整改责任人 */
    rectificationOwner: hazardPersonSchema.optional(),
    /** 临时性保护措施 (004:169) */
    interimMeasures: text(2000).optional(),
    /** Test/demo facility: milliseconds per day for the workflow's timers. Accepted from sys-admin only. */
    clockMsPerDay: z
      .number(msg('须为数字', 'Must be a number'))
      .int(msg('须为整数', 'Must be an integer'))
      .min(100, msg('不能小于 100', 'Must be at least 100'))
      .max(86_400_000, msg('不能大于 86400000', 'Must be at most 86400000'))
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.grade === 'major' && !v.standard) {
      ctx.addIssue({
        code: 'custom',
        path: ['standard'],
        ...msg(
          '重大事故隐患须注明判定标准及条款',
          'A major hazard must cite the standard clause it was judged under',
        ),
      });
    }
  });
export type RegisterHazard = z.infer<typeof registerHazardSchema>;

/**
 * POST /hazards/:id/plan — 重大事故隐患治理方案: the six elements of 16号令 第十五条 (regulations.md B1),
 * which also carry the 五落实 (measures, responsibility, funds, deadline, contingency plan; 000:39), plus
 * the named acceptor (五定 定整改验收人, 004:408).
 */
export const submitPlanSchema = z.strictObject({
  /** 目标任务 */
  targets: text(2000),
  /** 方法措施 */
  measures: text(4000),
  /** 经费物资 */
  fundsAndMaterials: text(2000),
  fundsAmountYuan: z
    .number(msg('须为数字', 'Must be a number'))
    .nonnegative(msg('不能为负数', 'Must not be negative'))
    .max(1e12, msg('金额过大', 'Amount too large'))
    .optional(),
  /** 机构人员 */
  organisationAndPeople: text(2000),
  /** 整改责任人 (定整改责任人) */
  responsiblePerson: hazardPersonSchema,
  /** 时间要求: the completion date that becomes the rectification deadline once approved. */
  deadline: civilDateSchema,
  /** 时间要求: milestones in words. */
  timeRequirements: text(2000).optional(),
  /** 安全措施 (incl. interim protective measures while rectifying) */
  safetyMeasures: text(4000),
  /** 应急预案 */
  emergencyPlan: text(4000),
  /** 验收人 */
  acceptor: z.strictObject({ name: text(50), title: text(50).optional(), phone: phone.optional() }),
  /** 整改验收标准 (004:169) */
  acceptanceCriteria: text(2000).optional(),
  /** 定整改完成人 (004:408) */
  executor: hazardPersonSchema.optional(),
  attachments,
});
export type SubmitPlan = z.infer<typeof submitPlanSchema>;

/** POST /hazards/:id/progress — periodic progress report while rectifying. */
export const progressReportSchema = z.strictObject({
  summary: text(4000),
  percentComplete: z
    .number(msg('须为数字', 'Must be a number'))
    .int(msg('须为整数', 'Must be an integer'))
    .min(0, msg('不能小于 0', 'Must be at least 0'))
    .max(100, msg('不能大于 100', 'Must be at most 100')),
  /** Are the interim controls (临时性保护措施) in place and effective? */
  interimControlsEffective: z.boolean(msg('须为 true 或 false', 'Must be true or false')),
  attachments,
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

/** POST /hazards/:id/acceptance-application — rectification done (双报告 #2), asking for 验收. */
export const acceptanceApplicationSchema = z.strictObject({
  /** 整改完成情况 */
  summary: text(4000),
  completedOn: civilDateSchema,
  /** Self-check / evaluation conclusion (expert or 安全评价机构 report, 16号令 第十八条). */
  selfCheck: text(4000).optional(),
  attachments,
});
export type AcceptanceApplication = z.infer<typeof acceptanceApplicationSchema>;

/** POST /hazards/:id/extension-request — 延期申请. */
export const extensionRequestSchema = z.strictObject({
  newDeadline: civilDateSchema,
  reason: text(2000),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

/** POST /hazards/:id/listing-proposal — an official proposes 挂牌督办. */
export const listingProposalSchema = z.strictObject({ reason: text(2000) });
export type ListingProposal = z.infer<typeof listingProposalSchema>;

const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(25),
  order: z
    .enum(['ASC', 'DESC', 'asc', 'desc'], msg('排序方向须为 ASC 或 DESC', 'Order must be ASC or DESC'))
    .default('DESC')
    .transform((v) => v.toUpperCase() as 'ASC' | 'DESC'),
  q: z.string().trim().max(100).optional(),
};
const boolQuery = z
  .enum(['true', 'false'], msg('须为 true 或 false', 'Must be true or false'))
  .transform((v) => v === 'true')
  .optional();

export const listHazardsQuerySchema = z.strictObject({
  ...pageQuery,
  sort: z
    .enum(['createdAt', 'updatedAt', 'foundOn', 'caseRef', 'deadline', 'status', 'grade', 'enterpriseName'])
    .default('createdAt'),
  grade: hazardGradeSchema.optional(),
  status: hazardStatusSchema.optional(),
  sector: sectorCodeSchema.optional(),
  townCode: z.string().trim().max(120).optional(),
  source: hazardSourceSchema.optional(),
  enterpriseCreditCode: z.string().trim().max(18).optional(),
  overdue: boolQuery,
});
export type ListHazardsQuery = z.infer<typeof listHazardsQuerySchema>;

export const listListingsQuerySchema = z.strictObject({
  ...pageQuery,
  sort: z.enum(['createdAt', 'noticeDeadlineAt', 'status', 'caseRef']).default('createdAt'),
  status: listingStatusSchema.optional(),
  overdue: boolQuery,
});
export type ListListingsQuery = z.infer<typeof listListingsQuerySchema>;

const durationSpecSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(['workingDays', 'naturalDays', 'hours']),
});

/** POST /rules — a new version of a jurisdiction's hazard rules (running workflows keep theirs). */
export const hazardRulesInputSchema = z.strictObject({
  orgUnitCode: z.string().trim().min(1).max(120),
  note: text(500).optional(),
  rules: z.strictObject({
    planSubmission: durationSpecSchema,
    planReview: durationSpecSchema,
    acceptanceReview: durationSpecSchema,
    closeOutReview: durationSpecSchema,
    progressReportEvery: durationSpecSchema,
    generalFixDefault: durationSpecSchema,
    escalationLadder: z
      .array(
        z.strictObject({
          rung: z.enum(['letter', 'circular', 'summons', 'exposure', 'listing']),
          after: durationSpecSchema,
        }),
      )
      .max(10),
    delistingReview: durationSpecSchema,
  }),
});
export type HazardRulesInput = z.infer<typeof hazardRulesInputSchema>;
