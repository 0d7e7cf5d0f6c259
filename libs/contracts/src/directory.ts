import { z } from 'zod';
import { ENTERPRISE_SIZES, ORG_UNIT_KINDS } from './org';
import { sectorCodeSchema } from './sectors';
import { usccSchema } from './uscc';

/** Request and response shapes of the directory API: one source for validation, OpenAPI and the console. */

const uuid = z.uuid({ message: '必须是合法的 UUID / Must be a UUID' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: '不能为空 / Must not be empty' })
    .max(max, { message: `不能超过 ${max} 个字符 / At most ${max} characters` });

export const orgUnitKindSchema = z.enum(ORG_UNIT_KINDS, {
  message: `机构类型无效，可选：${ORG_UNIT_KINDS.join('、')} / Invalid kind; one of ${ORG_UNIT_KINDS.join(', ')}`,
});
export const enterpriseSizeSchema = z.enum(ENTERPRISE_SIZES, {
  message: '企业规模无效（规上 above_scale / 小微 small_micro） / Invalid size (above_scale or small_micro)',
});

export const orgUnitCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(\.[a-z0-9-]+)*$/, {
    message:
      '机构编码只能由小写字母、数字、点和短横线组成 / Code: lowercase letters, digits, dots and hyphens',
  })
  .max(120);

export const createOrgUnitSchema = z.strictObject({
  code: orgUnitCodeSchema,
  name: text(100),
  nameEn: text(200).optional(),
  kind: orgUnitKindSchema,
  parentId: uuid,
  sectors: z.array(sectorCodeSchema).max(40).default([]),
});
export type CreateOrgUnit = z.infer<typeof createOrgUnitSchema>;

export const updateOrgUnitSchema = z.strictObject({
  name: text(100).optional(),
  nameEn: text(200).nullable().optional(),
  sectors: z.array(sectorCodeSchema).max(40).optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateOrgUnit = z.infer<typeof updateOrgUnitSchema>;

const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(25),
  order: z
    .enum(['ASC', 'DESC', 'asc', 'desc'])
    .default('ASC')
    .transform((v) => v.toUpperCase() as 'ASC' | 'DESC'),
  q: z.string().trim().max(100).optional(),
  ids: z
    .string()
    .max(20000)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(uuid).max(500).optional()),
};

export const listOrgUnitsQuerySchema = z.strictObject({
  ...pageQuery,
  sort: z.enum(['name', 'code', 'kind', 'createdAt', 'updatedAt', 'id']).default('code'),
  kind: orgUnitKindSchema.optional(),
  parentId: uuid.optional(),
});
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuerySchema>;

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, { message: '电话号码格式无效 / Invalid phone number' });

export const createEnterpriseSchema = z.strictObject({
  name: text(200),
  creditCode: usccSchema,
  sector: sectorCodeSchema,
  townId: uuid,
  size: enterpriseSizeSchema,
  principal: text(50),
  principalPhone: phone.optional(),
  address: text(300).optional(),
});
export type CreateEnterprise = z.infer<typeof createEnterpriseSchema>;

export const updateEnterpriseSchema = z.strictObject({
  name: text(200).optional(),
  sector: sectorCodeSchema.optional(),
  townId: uuid.optional(),
  size: enterpriseSizeSchema.optional(),
  principal: text(50).optional(),
  principalPhone: phone.nullable().optional(),
  address: text(300).nullable().optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateEnterprise = z.infer<typeof updateEnterpriseSchema>;

export const listEnterprisesQuerySchema = z.strictObject({
  ...pageQuery,
  sort: z.enum(['name', 'creditCode', 'sector', 'size', 'createdAt', 'updatedAt', 'id']).default('name'),
  sector: sectorCodeSchema.optional(),
  townId: uuid.optional(),
  size: enterpriseSizeSchema.optional(),
});
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesQuerySchema>;

export const calendarOverrideSchema = z.strictObject({
  kind: z.enum(['workday', 'holiday'], {
    message: '类型须为 workday 或 holiday / kind must be workday or holiday',
  }),
  reason: text(200).optional(),
});

export const civilDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式须为 YYYY-MM-DD / Date must be YYYY-MM-DD' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: '日期不存在 / No such date',
    },
  );

export const userAssignmentSchema = z.strictObject({
  orgUnitId: uuid,
  enterpriseId: uuid.nullable().optional(),
});

export interface OrgUnitDto {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: z.infer<typeof orgUnitKindSchema>;
  parentId: string | null;
  parentName: string | null;
  sectors: string[];
  path: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseDto {
  id: string;
  name: string;
  creditCode: string;
  sector: string;
  townId: string;
  townName: string | null;
  size: z.infer<typeof enterpriseSizeSchema>;
  principal: string;
  principalPhone: string | null;
  address: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A reference to an org unit: enough to place a record in the tree without reading the unit itself. */
export interface OrgUnitRefDto {
  id: string;
  code: string;
  name: string;
  kind: z.infer<typeof orgUnitKindSchema>;
  path: string;
}

/**
 * Where an enterprise sits (`GET /enterprises/by-credit-code/:creditCode/context`): its town, the district
 * above it and the district department leading its sector (行业监管部门). Visible to whoever may see the
 * enterprise; the units are returned as references even when the caller cannot read them.
 */
export interface EnterpriseContextDto {
  enterprise: EnterpriseDto;
  town: OrgUnitRefDto;
  district: OrgUnitRefDto | null;
  leadDepartment: OrgUnitRefDto | null;
}

export interface Page<T> {
  data: T[];
  total: number;
}
