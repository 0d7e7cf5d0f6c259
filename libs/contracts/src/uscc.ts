import { z } from 'zod';

/**
 * 统一社会信用代码 (unified social credit code, USCC) per GB 32100-2015.
 *
 * Layout (1-based positions):
 *   1      登记管理部门代码 registration authority
 *   2      机构类别代码 institution category (meaning depends on position 1)
 *   3–8    登记管理机关行政区划码 administrative division code (GB/T 2260, 6 digits)
 *   9–17   主体标识码（组织机构代码） organisation code (GB 11714: 8-char body + check char at position 17)
 *   18     校验码 check character over positions 1–17 (mod 31)
 */

/** The 31 characters a USCC may use: digits and upper-case letters except I, O, Z, S, V. Index = value. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

interface Label {
  readonly zh: string;
  readonly en: string;
}

interface RegistrationAuthority extends Label {
  /** Allowed institution-category codes (position 2) for this authority. */
  readonly categories: Readonly<Record<string, Label>>;
}

const OTHER: Label = { zh: '其他', en: 'Other' };

/**
 * GB 32100-2015 table of registration authorities and their institution categories, including the later
 * additions A (中央军委改革和编制办公室) and N (农业, rural collective economic organisations).
 */
export const USCC_REGISTRATION_AUTHORITIES: Readonly<Record<string, RegistrationAuthority>> = {
  '1': {
    zh: '机构编制',
    en: 'Institutional staffing authority',
    categories: {
      '1': { zh: '机关', en: 'Government organ' },
      '2': { zh: '事业单位', en: 'Public institution' },
      '3': {
        zh: '中央编办直接管理机构编制的群众团体',
        en: 'Mass organisation staffed directly by the central staffing office',
      },
      '9': OTHER,
    },
  },
  '2': {
    zh: '外交',
    en: 'Foreign affairs',
    categories: { '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': OTHER },
  },
  '3': {
    zh: '司法行政',
    en: 'Judicial administration',
    categories: {
      '1': { zh: '律师执业机构', en: 'Law firm' },
      '2': { zh: '公证处', en: 'Notary office' },
      '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'Arbitration commission' },
      '9': OTHER,
    },
  },
  '4': {
    zh: '文化',
    en: 'Culture',
    categories: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre in China' }, '9': OTHER },
  },
  '5': {
    zh: '民政',
    en: 'Civil affairs',
    categories: {
      '1': { zh: '社会团体', en: 'Social organisation' },
      '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
      '3': { zh: '基金会', en: 'Foundation' },
      '9': OTHER,
    },
  },
  '6': {
    zh: '旅游',
    en: 'Tourism',
    categories: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'Representative office of a foreign tourism authority' },
      '2': {
        zh: '港澳台地区旅游部门常驻内地（大陆）代表机构',
        en: 'Representative office of a Hong Kong, Macao or Taiwan tourism authority',
      },
      '9': OTHER,
    },
  },
  '7': {
    zh: '宗教',
    en: 'Religious affairs',
    categories: {
      '1': { zh: '宗教活动场所', en: 'Venue for religious activities' },
      '2': { zh: '宗教院校', en: 'Religious school' },
      '9': OTHER,
    },
  },
  '8': {
    zh: '工会',
    en: 'Trade unions',
    categories: { '1': { zh: '基层工会', en: 'Grassroots trade union' }, '9': OTHER },
  },
  '9': {
    zh: '工商',
    en: 'Industry and commerce (market regulation)',
    categories: {
      '1': { zh: '企业', en: 'Enterprise' },
      '2': { zh: '个体工商户', en: 'Individual business' },
      '3': { zh: '农民专业合作社', en: "Farmers' specialised cooperative" },
    },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'CMC Reform and Organisation Office',
    categories: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': OTHER },
  },
  N: {
    zh: '农业',
    en: 'Agriculture',
    categories: {
      '1': { zh: '组级集体经济组织', en: 'Group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'Village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective economic organisation' },
      '9': OTHER,
    },
  },
  Y: {
    zh: '其他',
    en: 'Other registration authority',
    categories: { '1': { zh: '不再具体划分机构类别', en: 'Not further categorised' } },
  },
};

/**
 * First two digits of a GB/T 2260 division code (provinces, autonomous regions, municipalities, HK, Macao,
 * Taiwan), plus 10 for registrations made at national level (100000).
 */
// prettier-ignore
const DIVISION_PREFIXES = new Set([
  '10',
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type UsccFailureReason =
  | 'length'
  | 'charset'
  | 'registrationAuthority'
  | 'institutionCategory'
  | 'divisionCode'
  | 'organizationCode'
  | 'checksum';

export type UsccValidationResult =
  | { ok: true }
  | {
      ok: false;
      reason: UsccFailureReason;
      messageZh: string;
      messageEn: string;
      /** 1-based position of the offending character, when one character is to blame. */
      position?: number;
    };

export interface ValidateUsccOptions {
  /**
   * Also verify the GB 11714 check character of the embedded organisation code (position 17).
   * Off by default: every real code we checked satisfies it, but synthetic demo codes (including the
   * project's reference codes) do not, and a false rejection blocks a real enterprise from registering.
   */
  checkOrganizationCode?: boolean;
}

export const USCC_CHECKSUM_MESSAGE_ZH = '统一社会信用代码无效（校验位错误）';
export const USCC_CHECKSUM_MESSAGE_EN = 'Invalid unified social credit code (check character mismatch)';

function fail(
  reason: UsccFailureReason,
  messageZh: string,
  messageEn: string,
  position?: number,
): UsccValidationResult {
  return position === undefined
    ? { ok: false, reason, messageZh, messageEn }
    : { ok: false, reason, messageZh, messageEn, position };
}

/**
 * Check character (position 18) for the first 17 characters of a USCC.
 * Throws if `first17` is not 17 characters from {@link USCC_CHARSET}.
 */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`computeUsccCheckChar expects 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`Character '${first17[i]}' at position ${i + 1} is not allowed`);
    sum += value * USCC_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check];
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * GB 11714 check character for the 8-character body of an organisation code: digits count at face value,
 * letters A–Z as 10–35; C = 11 − (Σ value × weight mod 11), with 10 → 'X' and 11 → '0'.
 * Throws if `body8` is not 8 digits or upper-case letters.
 */
export function computeOrganizationCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError(`computeOrganizationCodeCheckChar expects 8 digits or upper-case letters`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += parseInt(body8[i], 36) * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Validates a USCC exactly as given (no trimming or case folding; see {@link normalizeUscc}). */
export function validateUscc(code: string, options: ValidateUsccOptions = {}): UsccValidationResult {
  if (typeof code !== 'string' || code.length !== 18) {
    const length = typeof code === 'string' ? code.length : 0;
    return fail(
      'length',
      `统一社会信用代码应为18位（当前${length}位）`,
      `Unified social credit code must be 18 characters (got ${length})`,
    );
  }

  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code[i])) {
      return fail(
        'charset',
        `统一社会信用代码第${i + 1}位字符“${code[i]}”无效（只允许数字和除I、O、Z、S、V以外的大写字母）`,
        `Invalid character '${code[i]}' at position ${i + 1} (only digits and upper-case letters except I, O, Z, S, V)`,
        i + 1,
      );
    }
  }

  const authority = USCC_REGISTRATION_AUTHORITIES[code[0]];
  if (!authority) {
    return fail(
      'registrationAuthority',
      `登记管理部门代码“${code[0]}”无效`,
      `Unknown registration authority code '${code[0]}'`,
      1,
    );
  }
  if (!authority.categories[code[1]]) {
    return fail(
      'institutionCategory',
      `机构类别代码“${code[1]}”不属于登记管理部门“${authority.zh}”`,
      `Institution category '${code[1]}' is not defined for registration authority '${code[0]}' (${authority.en})`,
      2,
    );
  }

  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !DIVISION_PREFIXES.has(division.slice(0, 2))) {
    return fail(
      'divisionCode',
      `登记管理机关行政区划码“${division}”无效`,
      `Invalid administrative division code '${division}' (positions 3–8)`,
    );
  }

  if (options.checkOrganizationCode && computeOrganizationCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return fail(
      'organizationCode',
      '主体标识码（组织机构代码）校验码错误',
      'Organisation code (positions 9–17) fails its GB 11714 check character',
      17,
    );
  }

  if (computeUsccCheckChar(code.slice(0, 17)) !== code[17]) {
    return fail('checksum', USCC_CHECKSUM_MESSAGE_ZH, USCC_CHECKSUM_MESSAGE_EN, 18);
  }
  return { ok: true };
}

export function isValidUscc(code: string, options?: ValidateUsccOptions): boolean {
  return validateUscc(code, options).ok;
}

/** The canonical form users' input is compared in: surrounding whitespace removed, upper case. */
export function normalizeUscc(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Form/API field for a USCC: trims and upper-cases, then validates. The issue message is bilingual
 * ("中文 / English") and names the failing part; `params.reason` carries the {@link UsccFailureReason}.
 */
export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const result = validateUscc(value);
    if (!result.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `${result.messageZh} / ${result.messageEn}`,
        params: { reason: result.reason },
      });
    }
  });
