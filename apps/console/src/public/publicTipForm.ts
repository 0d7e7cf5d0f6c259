import { DEFAULT_CLAIM_CODE_POLICY, TIP_KINDS, type ClaimCodePolicy, type TipKind } from '@zhiben/contracts';
import { checkFile } from '../fields/files';
import type { FormIssue } from '../resources/enforcement/formIssues';
import type { PublicTipSubmission } from '../resources/tips/types';
import { claimPasswordProblems } from './claimPolicy';

/**
 * The public tip form (举报) as pure rules: what the page checks before sending, so a member of the public
 * hears at once what is missing. The server checks all of it again (and strips markup); nothing here
 * decides anything.
 */
export interface PublicTipValues {
  kind: TipKind | '';
  location: string;
  enterpriseName: string;
  description: string;
  anonymous: boolean;
  name: string;
  phone: string;
  idNumber: string;
  password: string;
  passwordConfirm: string;
}

export const EMPTY_PUBLIC_TIP: PublicTipValues = {
  kind: '',
  location: '',
  enterpriseName: '',
  description: '',
  anonymous: true,
  name: '',
  phone: '',
  idNumber: '',
  password: '',
  passwordConfirm: '',
};

export const PUBLIC_TIP_LIMITS = {
  locationMax: 200,
  enterpriseMax: 200,
  descriptionMin: 10,
  descriptionMax: 5000,
  nameMax: 50,
  photosMax: 9,
  photoMaxBytes: 10 * 1024 * 1024,
} as const;

/** Photos only, as tipline-service takes them (it judges the type again by the file's content). */
export const PUBLIC_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const PREFIX = 'zhiben.tipline.public.validation';

/** Markup or script in a text field: refused with a clear message rather than silently stripped. */
const MARKUP = /<\s*\/?\s*(script|iframe|object|embed|svg|img|a|style|link|meta)\b|javascript:|on\w+\s*=/i;

/** Mainland mobile numbers, or a landline with its area code. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份证号码 (GB 11643): 18 characters, a valid birth date, the ISO 7064 MOD 11-2 check character. */
export const isValidIdNumber = (input: string): boolean => {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day
  ) {
    return false;
  }
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
};

const textIssues = (
  path: string,
  value: string,
  { required, min, max }: { required: boolean; min?: number; max: number },
): FormIssue[] => {
  const text = value.trim();
  if (text === '') return required ? [{ path, key: `${PREFIX}.required` }] : [];
  if (MARKUP.test(text)) return [{ path, key: `${PREFIX}.markup` }];
  if (min !== undefined && [...text].length < min)
    return [{ path, key: `${PREFIX}.tooShort`, args: { min } }];
  if ([...text].length > max) return [{ path, key: `${PREFIX}.tooLong`, args: { max } }];
  return [];
};

/** Everything wrong with the form, in field order (empty when it may be sent). */
export const checkPublicTip = (
  values: PublicTipValues,
  policy: ClaimCodePolicy = DEFAULT_CLAIM_CODE_POLICY,
): FormIssue[] => {
  const issues: FormIssue[] = [];
  if (!(TIP_KINDS as readonly string[]).includes(values.kind)) {
    issues.push({ path: 'kind', key: `${PREFIX}.kind` });
  }
  issues.push(
    ...textIssues('location', values.location, { required: true, max: PUBLIC_TIP_LIMITS.locationMax }),
  );
  issues.push(
    ...textIssues('enterpriseName', values.enterpriseName, {
      required: false,
      max: PUBLIC_TIP_LIMITS.enterpriseMax,
    }),
  );
  issues.push(
    ...textIssues('description', values.description, {
      required: true,
      min: PUBLIC_TIP_LIMITS.descriptionMin,
      max: PUBLIC_TIP_LIMITS.descriptionMax,
    }),
  );
  if (!values.anonymous) {
    issues.push(...textIssues('name', values.name, { required: true, max: PUBLIC_TIP_LIMITS.nameMax }));
    const phone = values.phone.replace(/\s/g, '');
    if (phone === '') issues.push({ path: 'phone', key: `${PREFIX}.required` });
    else if (!PHONE.test(phone)) issues.push({ path: 'phone', key: `${PREFIX}.phone` });
    if (values.idNumber.trim() === '') issues.push({ path: 'idNumber', key: `${PREFIX}.required` });
    else if (!isValidIdNumber(values.idNumber)) issues.push({ path: 'idNumber', key: `${PREFIX}.idNumber` });
  }
  // Every reporter follows the tip with the claim code and this password (anonymous or not).
  const problems = claimPasswordProblems(values.password, { policy });
  if (problems.length > 0) {
    issues.push({
      path: 'password',
      key: `zhiben.tipline.public.problems.${problems[0]}`,
      args: { min: policy.passwordMinLength, max: policy.passwordMaxLength },
    });
  } else if (values.passwordConfirm !== values.password) {
    issues.push({ path: 'passwordConfirm', key: `${PREFIX}.passwordMismatch` });
  }
  return issues;
};

/** Photos the form refuses before upload: wrong type, too large, empty, or one too many. */
export const checkPublicPhotos = (files: readonly File[]): FormIssue[] => {
  const issues: FormIssue[] = [];
  files.forEach((file, index) => {
    const problem = checkFile(file, PUBLIC_PHOTO_TYPES, PUBLIC_TIP_LIMITS.photoMaxBytes);
    if (problem) issues.push({ path: `photos.${index}`, key: problem.key, args: problem.args });
  });
  if (files.length > PUBLIC_TIP_LIMITS.photosMax) {
    issues.push({
      path: 'photos',
      key: `${PREFIX}.tooManyPhotos`,
      args: { max: PUBLIC_TIP_LIMITS.photosMax },
    });
  }
  return issues;
};

/** The request body: trimmed; the uploaded photos by id; identity only for real-name tips. */
export const toPublicSubmission = (
  values: PublicTipValues,
  photoIds: readonly string[] = [],
): PublicTipSubmission => {
  const enterprise = values.enterpriseName.trim();
  return {
    kind: values.kind as TipKind,
    location: values.location.trim(),
    enterprise: enterprise ? { name: enterprise } : null,
    description: values.description.trim(),
    photos: [...photoIds],
    anonymous: values.anonymous,
    password: values.password,
    ...(values.anonymous
      ? {}
      : {
          identity: {
            name: values.name.trim(),
            phone: values.phone.replace(/\s/g, ''),
            idNumber: values.idNumber.trim().toUpperCase(),
          },
        }),
  };
};

/** First message per field, for the inputs' helper texts. */
export const issuesByField = (issues: readonly FormIssue[]): Record<string, FormIssue> => {
  const byField: Record<string, FormIssue> = {};
  for (const issue of issues) byField[issue.path] ??= issue;
  return byField;
};
