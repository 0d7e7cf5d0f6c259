import { z } from 'zod';
import { civilDateSchema } from './directory';
import {
  ENFORCEMENT_ACTION_KINDS,
  ENFORCEMENT_CASE_STAGES,
  ENFORCEMENT_DECISIONS,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  PENALTY_PARTY_KINDS,
  REFERRAL_DECISIONS,
  REFERRAL_DEADLINE_KINDS,
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_STAGES,
  SUSPECTED_CRIMES,
} from './enforcement';
import { HAZARD_GRADES } from './hazards';
import { usccSchema } from './uscc';

/**
 * Request shapes of the enforcement API (enforcement-service validates with them; the OpenAPI spec and
 * the console's forms follow them). Kept apart from `enforcement.ts`, which holds no zod, so that workflow
 * code importing the enforcement constants does not pull in the schemas.
 */

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });
const text = (max: number) =>
  z
    .string(msg('须为文本', 'Must be a string'))
    .trim()
    .min(1, msg('不能为空', 'Must not be empty'))
    .max(max, msg(`不能超过 ${max} 个字符`, `At most ${max} characters`));
const uuid = z.uuid(msg('必须是合法的 UUID', 'Must be a UUID'));
const instant = z.iso.datetime({
  offset: true,
  ...msg('须为 ISO 8601 时间（含时区）', 'Must be an ISO 8601 instant with a time zone'),
});
const bool = z.boolean(msg('须为 true 或 false', 'Must be true or false'));
const yuan = z
  .number(msg('须为数字', 'Must be a number'))
  .int(msg('金额须为整数（元）', 'Amounts are whole yuan'))
  .min(0, msg('不能为负数', 'Must not be negative'))
  .max(1e10, msg('金额过大', 'Amount too large'));
const oneOf = <T extends readonly [string, ...string[]]>(values: T, zhWhat: string, enWhat: string) =>
  z.enum(
    values,
    msg(`${zhWhat}无效，可选：${values.join('、')}`, `Invalid ${enWhat}; one of ${values.join(', ')}`),
  );

/** Test/demo facility: milliseconds per day for the workflow's timers. Accepted from sys-admin only. */
const clockMsPerDay = z
  .number(msg('须为数字', 'Must be a number'))
  .int(msg('须为整数', 'Must be an integer'))
  .min(100, msg('不能小于 100', 'Must be at least 100'))
  .max(86_400_000, msg('不能大于 86400000', 'Must be at most 86400000'))
  .optional();

export const inspectionKindSchema = oneOf(INSPECTION_KINDS, '检查方式', 'inspection kind');
export const suspectedCrimeSchema = oneOf(SUSPECTED_CRIMES, '涉嫌罪名', 'suspected crime');
export const referralDocumentKindSchema = oneOf(REFERRAL_DOCUMENT_KINDS, '移送材料类型', 'document kind');
export const enforcementActionKindSchema = oneOf(ENFORCEMENT_ACTION_KINDS, '措施类型', 'action kind');

export const enforcementActorSchema = z.strictObject({
  username: z
    .string(msg('须为文本', 'Must be a string'))
    .trim()
    .regex(/^[A-Za-z0-9._@-]{1,100}$/, msg('用户名格式无效', 'Invalid username')),
  name: text(50),
});

/** An inspector of an inspection (执法证号 optional: 调查 needs two officers with certificates). */
export const inspectorSchema = enforcementActorSchema.extend({ certificateNo: text(50).optional() });

const twoOrMore = <T extends z.ZodType>(item: T, zhWhat: string, enWhat: string, max = 20) =>
  z
    .array(item)
    .min(2, msg(`${zhWhat}不得少于 2 人`, `At least two ${enWhat}`))
    .max(max, msg(`${zhWhat}最多 ${max} 人`, `At most ${max} ${enWhat}`))
    .superRefine((list, ctx) => {
      const names = (list as { username: string }[]).map((a) => a.username);
      if (new Set(names).size !== names.length) {
        ctx.addIssue({
          code: 'custom',
          ...msg(`${zhWhat}不能重复`, `The ${enWhat} must be different people`),
        });
      }
    });

// ------------------------------------------------------------------------------------ plans
/** POST /plans — an inspection plan (annual/monthly plan, or a 双随机 draw's frame). */
export const createInspectionPlanSchema = z
  .strictObject({
    title: text(200),
    kind: inspectionKindSchema,
    period: z.strictObject({ from: civilDateSchema, to: civilDateSchema }),
    /** Enterprises planned by name (routine plans); a 双随机 plan draws them instead. */
    enterpriseCreditCodes: z.array(usccSchema).max(500).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.period.to < v.period.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'to'],
        ...msg('计划结束日期不能早于开始日期', 'The period cannot end before it starts'),
      });
    }
  });
export type CreateInspectionPlan = z.infer<typeof createInspectionPlanSchema>;

/** POST /plans/:id/draw — 双随机: draw enterprises of the department's jurisdiction and inspectors. */
export const drawSchema = z.strictObject({
  /** How many enterprises to draw (随机抽取检查对象). */
  enterpriseCount: z.number(msg('须为数字', 'Must be a number')).int().min(1).max(500),
  /** The department's certified inspectors to draw from (执法检查人员名录). */
  inspectorPool: twoOrMore(inspectorSchema, '执法人员名录', 'inspectors in the pool', 200),
  /** Inspectors per drawn enterprise (at least two, 随机选派执法检查人员). */
  inspectorsPerInspection: z.number(msg('须为数字', 'Must be a number')).int().min(2).max(10).default(2),
  /** Only enterprises of this sector (行业领域) — within the department's sectors. */
  sector: z.string().trim().max(40).optional(),
  /** The published seed; a random one is chosen and recorded when omitted. */
  seed: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{4,64}$/,
      msg('随机种子须为 4～64 位字母数字', 'The seed is 4–64 letters or digits'),
    )
    .optional(),
});
export type DrawInput = z.infer<typeof drawSchema>;

// ------------------------------------------------------------------------------------ inspections
/** POST /inspections — an inspection of one enterprise by at least two inspectors. */
export const createInspectionSchema = z.strictObject({
  kind: inspectionKindSchema,
  planId: uuid.optional(),
  enterpriseCreditCode: usccSchema,
  plannedOn: civilDateSchema.optional(),
  inspectors: twoOrMore(inspectorSchema, '执法检查人员', 'inspectors'),
});
export type CreateInspection = z.infer<typeof createInspectionSchema>;

export const checklistLineSchema = z
  .strictObject({
    catalogueId: text(100).optional(),
    clauseId: text(50).optional(),
    item: text(500),
    result: oneOf(['compliant', 'violation', 'notApplicable'] as const, '检查结果', 'result'),
    note: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (!!v.catalogueId !== !!v.clauseId) {
      ctx.addIssue({
        code: 'custom',
        path: ['clauseId'],
        ...msg('判定标准与条款须同时填写', 'Give both the catalogue and the clause, or neither'),
      });
    }
  });

export const findingSchema = z
  .strictObject({
    description: text(4000),
    grade: z.enum(
      HAZARD_GRADES,
      msg('隐患等级须为 general（一般）或 major（重大）', 'Grade must be general or major'),
    ),
    catalogueId: text(100).optional(),
    clauseId: text(50).optional(),
    location: text(300).optional(),
    /** Evidence photos: ids of files uploaded to this inspection. */
    photos: z.array(uuid).max(20, msg('照片最多 20 张', 'At most 20 photos')).default([]),
    /** 责令限期整改: the deadline (YYYY-MM-DD); omitted when removed on the spot. */
    rectifyBy: civilDateSchema.optional(),
    /** 重大事故隐患: stop ordered on site (停产停业/停止施工/停止使用). */
    stopOrdered: bool.default(false),
  })
  .superRefine((v, ctx) => {
    if (v.grade === 'major' && !(v.catalogueId && v.clauseId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['clauseId'],
        ...msg(
          '重大事故隐患须注明判定标准及条款',
          'A major hazard must cite the standard clause it was judged under',
        ),
      });
    }
    if (!!v.catalogueId !== !!v.clauseId) {
      ctx.addIssue({
        code: 'custom',
        path: ['clauseId'],
        ...msg('判定标准与条款须同时填写', 'Give both the catalogue and the clause, or neither'),
      });
    }
  });
export type FindingInput = z.infer<typeof findingSchema>;

/**
 * POST /inspections/:id/record — the inspection record: checklist, findings (each becomes a hazard in the
 * hazards context, source 执法检查) and the 两个必查. Signatures follow (POST /inspections/:id/sign).
 */
export const recordInspectionSchema = z.strictObject({
  inspectedAt: instant,
  checklist: z.array(checklistLineSchema).max(300).default([]),
  findings: z.array(findingSchema).max(100).default([]),
  /** 两个必查: the principal's duty performance and the three-tier responsible persons were checked. */
  principalDutiesChecked: bool,
  responsiblePersonsChecked: bool,
});
export type RecordInspection = z.infer<typeof recordInspectionSchema>;

// ------------------------------------------------------------------------------------ cases
export const penaltyPartySchema = z.strictObject({
  kind: oneOf(PENALTY_PARTY_KINDS, '被处罚人类型', 'party kind'),
  name: text(100),
  fineYuan: yuan,
  measures: z.array(text(100)).max(10).optional(),
});

/** POST /cases — 立案 (from an inspection, or for an enterprise directly); starts `enforcementCase`. */
export const createCaseSchema = z
  .strictObject({
    inspectionId: uuid.optional(),
    /** Required without an inspection (complaint, covert finding, accident). */
    enterpriseCreditCode: usccSchema.optional(),
    title: text(200),
    /** The case officers (调查 needs at least two). */
    officers: twoOrMore(enforcementActorSchema, '承办人员', 'case officers'),
    /** Proposed penalised parties (一案双罚: the unit and its principal or responsible staff). */
    parties: z.array(penaltyPartySchema).max(20).default([]),
    /** The rectification deadline already ordered (default: the inspection's latest 责令整改 date). */
    rectificationDeadlineAt: instant.optional(),
    clockMsPerDay,
  })
  .superRefine((v, ctx) => {
    if (!v.inspectionId && !v.enterpriseCreditCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseCreditCode'],
        ...msg(
          '未关联检查记录时须填写企业统一社会信用代码',
          'Give the enterprise when the case has no inspection',
        ),
      });
    }
  });
export type CreateCase = z.infer<typeof createCaseSchema>;

/** POST /cases/:id/actions — a recorded order or measure. Orders need a deadline. */
export const recordActionSchema = z
  .strictObject({
    kind: enforcementActionKindSchema,
    detail: text(2000),
    /** 整改/停产整顿 deadline (required for orders). */
    deadlineAt: instant.optional(),
    /** 按日连续处罚: the daily amount (required for daily fines). */
    amountYuan: yuan.optional(),
    at: instant.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === 'rectificationOrder' || v.kind === 'suspensionOrder') && !v.deadlineAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['deadlineAt'],
        ...msg('责令整改或停产整顿须规定期限', 'An order without a deadline: give deadlineAt'),
      });
    }
    if (v.kind === 'dailyFine' && v.amountYuan === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountYuan'],
        ...msg('按日连续处罚须注明每日罚款数额', 'A daily fine needs its daily amount'),
      });
    }
  });
export type RecordAction = z.infer<typeof recordActionSchema>;

/** POST /cases/:id/reinspection-application — the enterprise applies for 整改复查. */
export const reinspectionApplicationSchema = z.strictObject({
  note: text(4000),
  /** Evidence files uploaded to the case. */
  evidence: z.array(uuid).max(20, msg('附件最多 20 个', 'At most 20 attachments')).default([]),
});
export type ReinspectionApplication = z.infer<typeof reinspectionApplicationSchema>;

// ------------------------------------------------------------------------------------ referrals
/** POST /referrals — a referral (行刑衔接) created by hand; the case workflow proposes one too. */
export const createReferralSchema = z
  .strictObject({
    caseId: uuid.optional(),
    enterpriseCreditCode: usccSchema.optional(),
    title: text(200),
    suspectedCrime: suspectedCrimeSchema,
    /** Persons suspected (移送司法机关（人）). */
    suspects: z.number(msg('须为数字', 'Must be a number')).int().min(1).max(1000),
    /** The team preparing the package (at least two by submission). */
    officers: z.array(enforcementActorSchema).max(20).default([]),
    clockMsPerDay,
  })
  .superRefine((v, ctx) => {
    if (!v.caseId && !v.enterpriseCreditCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseCreditCode'],
        ...msg(
          '未关联处罚案件时须填写企业统一社会信用代码',
          'Give the enterprise when the referral has no case',
        ),
      });
    }
  });
export type CreateReferral = z.infer<typeof createReferralSchema>;

/**
 * POST /referrals/:id/submit — the team submits the package. Validated by the service (each missing
 * document named, two officers, date order) before SUBMIT_REFERRAL_UPDATE goes to the workflow.
 */
export const submitReferralSchema = z.strictObject({
  reportedAt: instant,
  officers: z.array(enforcementActorSchema).max(20),
});
export type SubmitReferral = z.infer<typeof submitReferralSchema>;

const comment = text(2000).optional();
const stepBody = <D extends readonly [string, ...string[]], S extends z.ZodType>(decisions: D, data: S) =>
  z.strictObject({
    decision: z.enum(
      decisions,
      msg(`决定无效，可选：${decisions.join('、')}`, `Invalid decision; one of ${decisions.join(', ')}`),
    ),
    comment,
    data,
    attachments: z.array(uuid).max(20).default([]),
  });
const none = z.strictObject({}).default({});

/**
 * Step-specific bodies of POST /referrals/:id/steps/:step, matching REFERRAL_DECISIONS and their data.
 * Instants are checked against the dates recorded earlier in the referral (a later step cannot predate
 * an earlier one).
 */
export const REFERRAL_STEP_SCHEMAS = {
  headDecision: stepBody(REFERRAL_DECISIONS.headDecision, z.strictObject({ decidedAt: instant })),
  transfer: stepBody(
    REFERRAL_DECISIONS.transfer,
    z.strictObject({ transferredAt: instant, policeUnit: text(100) }),
  ),
  recordReceipt: stepBody(
    REFERRAL_DECISIONS.recordReceipt,
    z.strictObject({ receivedAt: instant, receiptNo: text(100) }),
  ),
  recordPoliceDecision: stepBody(
    REFERRAL_DECISIONS.recordPoliceDecision,
    z.strictObject({ decidedAt: instant, reasons: text(2000).optional() }),
  ),
  recordPoliceNotice: stepBody(
    REFERRAL_DECISIONS.recordPoliceNotice,
    z.strictObject({
      noticeAt: instant,
      copiedToProcuratorate: z.literal(
        true,
        msg('书面通知须抄送检察院', 'The notice must be copied to the procuratorate'),
      ),
    }),
  ),
  handover: stepBody(
    REFERRAL_DECISIONS.handover,
    z.strictObject({ handedOverAt: instant, items: text(4000) }),
  ),
  recordOutcome: stepBody(
    REFERRAL_DECISIONS.recordOutcome,
    z.strictObject({ at: instant, summary: text(4000) }),
  ),
  chooseReconsideration: stepBody(
    REFERRAL_DECISIONS.chooseReconsideration,
    z.strictObject({ requestedAt: instant.optional() }),
  ),
  recordReconsiderationAnswer: stepBody(
    REFERRAL_DECISIONS.recordReconsiderationAnswer,
    z.strictObject({ answeredAt: instant }),
  ),
  requestProcuratorate: stepBody(
    REFERRAL_DECISIONS.requestProcuratorate,
    z.strictObject({ requestedAt: instant }),
  ),
  recordProcuratorateOutcome: stepBody(
    REFERRAL_DECISIONS.recordProcuratorateOutcome,
    z.strictObject({ at: instant, summary: text(4000) }),
  ),
  breachFollowUp: stepBody(REFERRAL_DECISIONS.breachFollowUp, none),
} as const;
export type ReferralStepName = keyof typeof REFERRAL_STEP_SCHEMAS;
export const REFERRAL_STEP_NAMES = Object.keys(REFERRAL_STEP_SCHEMAS) as ReferralStepName[];
export type ReferralStepBody<S extends ReferralStepName = ReferralStepName> = z.infer<
  (typeof REFERRAL_STEP_SCHEMAS)[S]
>;

const partiesData = z.array(penaltyPartySchema).min(1).max(20);
/** Step-specific bodies of POST /cases/:id/steps/:step (ENFORCEMENT_DECISIONS and their data). */
export const CASE_STEP_SCHEMAS = {
  approveFiling: stepBody(ENFORCEMENT_DECISIONS.approveFiling, none),
  investigate: stepBody(
    ENFORCEMENT_DECISIONS.investigate,
    z.strictObject({ summary: text(4000), parties: partiesData, legalBasis: text(2000) }),
  ),
  legalReview: stepBody(ENFORCEMENT_DECISIONS.legalReview, none),
  respondToNotice: stepBody(
    ENFORCEMENT_DECISIONS.respondToNotice,
    z.strictObject({ statement: text(4000).optional() }).default({}),
  ),
  holdHearing: stepBody(
    ENFORCEMENT_DECISIONS.holdHearing,
    z.strictObject({ heldAt: instant, summary: text(4000) }),
  ),
  decide: stepBody(
    ENFORCEMENT_DECISIONS.decide,
    z
      .strictObject({
        parties: partiesData.optional(),
        decidedAt: instant.optional(),
        rectificationDeadlineAt: instant.nullable().optional(),
      })
      .default({}),
  ),
  serve: stepBody(
    ENFORCEMENT_DECISIONS.serve,
    z.strictObject({
      servedAt: instant,
      method: oneOf(
        ['direct', 'mail', 'electronic', 'publication', 'lodged'] as const,
        '送达方式',
        'service method',
      ),
    }),
  ),
  recordExecution: stepBody(
    ENFORCEMENT_DECISIONS.recordExecution,
    z.strictObject({ at: instant.optional() }).default({}),
  ),
  reinspect: stepBody(
    ENFORCEMENT_DECISIONS.reinspect,
    z.strictObject({
      opinion: text(4000),
      inspectedAt: instant,
      reviewers: z.array(text(50)).min(2, msg('复查人员不得少于 2 人', 'At least two reviewers')).max(10),
      unitSigned: bool,
      /** The enterprise refused to rectify / kept operating under a stop order (危险作业罪 flags). */
      refusedToRectify: bool.optional(),
      continuedDespiteStopOrder: bool.optional(),
    }),
  ),
  escalate: stepBody(
    ENFORCEMENT_DECISIONS.escalate,
    z
      .strictObject({
        dailyAmountYuan: yuan.optional(),
        newDeadlineAt: instant.optional(),
        detail: text(2000).optional(),
      })
      .default({}),
  ),
  proposeReferral: stepBody(
    ENFORCEMENT_DECISIONS.proposeReferral,
    z
      .strictObject({
        suspects: z
          .number(msg('须为数字', 'Must be a number'))
          .int(msg('须为整数', 'Must be an integer'))
          .min(1, msg('至少 1 人', 'At least 1'))
          .max(100, msg('不能超过 100 人', 'At most 100'))
          .optional(),
      })
      .default({}),
  ),
  breachFollowUp: stepBody(ENFORCEMENT_DECISIONS.breachFollowUp, none),
} as const;
export type CaseStepName = keyof typeof CASE_STEP_SCHEMAS;
export const CASE_STEP_NAMES = Object.keys(CASE_STEP_SCHEMAS) as CaseStepName[];
export type CaseStepBody<S extends CaseStepName = CaseStepName> = z.infer<(typeof CASE_STEP_SCHEMAS)[S]>;

// ------------------------------------------------------------------------------------ lists
const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(25),
  /** Keyset cursor (the previous page's `nextCursor`); when given, `page` is ignored. */
  cursor: z.string().max(500).optional(),
  order: z
    .enum(['ASC', 'DESC', 'asc', 'desc'], msg('排序方向须为 ASC 或 DESC', 'Order must be ASC or DESC'))
    .default('DESC')
    .transform((v) => v.toUpperCase() as 'ASC' | 'DESC'),
  q: z.string().trim().max(100).optional(),
  enterpriseCreditCode: z.string().trim().max(18).optional(),
};
const boolQuery = z
  .enum(['true', 'false'], msg('须为 true 或 false', 'Must be true or false'))
  .transform((v) => v === 'true')
  .optional();

export const listPlansQuerySchema = z.strictObject({ ...pageQuery, kind: inspectionKindSchema.optional() });
export type ListPlansQuery = z.infer<typeof listPlansQuerySchema>;

export const listInspectionsQuerySchema = z.strictObject({
  ...pageQuery,
  kind: inspectionKindSchema.optional(),
  status: oneOf(INSPECTION_STATUSES, '状态', 'status').optional(),
  planId: uuid.optional(),
});
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuerySchema>;

export const listCasesQuerySchema = z.strictObject({
  ...pageQuery,
  stage: oneOf(ENFORCEMENT_CASE_STAGES, '阶段', 'stage').optional(),
  open: boolQuery,
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const listReferralsQuerySchema = z.strictObject({
  ...pageQuery,
  stage: oneOf(REFERRAL_STAGES, '阶段', 'stage').optional(),
  open: boolQuery,
  overdue: boolQuery,
});
export type ListReferralsQuery = z.infer<typeof listReferralsQuerySchema>;

// ------------------------------------------------------------------------------------ rules
const durationSpecSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(['workingDays', 'naturalDays', 'hours']),
});

/** PUT /rules — a new version of a jurisdiction's enforcement rules (running workflows keep theirs). */
export const enforcementRulesInputSchema = z.strictObject({
  orgUnitCode: z.string().trim().min(1).max(120),
  note: text(500).optional(),
  rules: z.strictObject({
    filingApproval: durationSpecSchema,
    investigation: durationSpecSchema,
    legalReview: durationSpecSchema,
    statementWindow: durationSpecSchema,
    decision: durationSpecSchema,
    service: durationSpecSchema,
    reinspection: durationSpecSchema,
    escalationDecision: durationSpecSchema,
    referral: z.strictObject(
      Object.fromEntries(REFERRAL_DEADLINE_KINDS.map((k) => [k, durationSpecSchema])) as Record<
        (typeof REFERRAL_DEADLINE_KINDS)[number],
        typeof durationSpecSchema
      >,
    ),
    remindAt: z.array(z.number().gt(0).lt(1)).max(5),
  }),
});
export type EnforcementRulesInput = z.infer<typeof enforcementRulesInputSchema>;
