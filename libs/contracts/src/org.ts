/**
 * Kinds of organisational unit in a district's directory (`shared/domain/roles-and-org.md` §1, §5, §6):
 * the district itself, its territorial units (镇街 and platforms, which carry territorial duties like towns,
 * 002:176), villages and communities under them, district departments (which own sectors) and offices
 * such as the 区安委办.
 *
 * The zod enums over these constants (`orgUnitKindSchema`, `enterpriseSizeSchema`, with bilingual messages)
 * live in `directory.ts`, next to the API shapes that use them.
 */
export const ORG_UNIT_KINDS = [
  'district',
  'town',
  'street',
  'platform',
  'village',
  'community',
  'department',
  'office',
] as const;

export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Readonly<
  Record<OrgUnitKind, { readonly zh: string; readonly en: string }>
> = {
  district: { zh: '区', en: 'District' },
  town: { zh: '镇', en: 'Town' },
  street: { zh: '街道', en: 'Subdistrict' },
  platform: { zh: '平台（园区、管委会）', en: 'Platform (park or administrative committee)' },
  village: { zh: '村', en: 'Village' },
  community: { zh: '社区', en: 'Community' },
  department: { zh: '区级部门', en: 'District department' },
  office: { zh: '办公室（如区安委办）', en: 'Office (e.g. district work-safety committee office)' },
};

/**
 * Kinds that can be an enterprise's territorial jurisdiction (属地): every enterprise belongs to exactly
 * one town, street or platform (roles-and-org §1, "属地属事" 000:44).
 */
export const TERRITORIAL_UNIT_KINDS = [
  'town',
  'street',
  'platform',
] as const satisfies readonly OrgUnitKind[];

export type TerritorialUnitKind = (typeof TERRITORIAL_UNIT_KINDS)[number];

export function isTerritorialUnitKind(kind: OrgUnitKind): kind is TerritorialUnitKind {
  return (TERRITORIAL_UNIT_KINDS as readonly OrgUnitKind[]).includes(kind);
}

/**
 * Enterprise size as supervision splits it: above-scale 工贸 enterprises are supervised by the district,
 * below-scale ones by towns/parks (004:880); small/micro means fewer than 30 employees (000:44).
 */
export const ENTERPRISE_SIZES = ['above_scale', 'small_micro'] as const;

export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const ENTERPRISE_SIZE_LABELS: Readonly<
  Record<EnterpriseSize, { readonly zh: string; readonly en: string }>
> = {
  above_scale: { zh: '规上', en: 'Above designated size' },
  small_micro: { zh: '小微', en: 'Small or micro' },
};
