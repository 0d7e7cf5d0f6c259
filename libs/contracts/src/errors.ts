/**
 * Error codes shared by every service and the console. Each code maps to one HTTP status
 * in the platform's problem filter; messages are bilingual (zh-CN first).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '请求参数校验失败', en: 'Request validation failed' },
  BODY_TOO_LARGE: { status: 400, zh: '请求体过大', en: 'Request body too large' },
  UNAUTHENTICATED: { status: 401, zh: '未登录或登录已失效', en: 'Authentication required or token invalid' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_JURISDICTION: {
    status: 403,
    zh: '该数据不在您的管辖范围内',
    en: 'This record is outside your jurisdiction',
  },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Record not found' },
  CONFLICT: { status: 409, zh: '数据冲突', en: 'Conflict' },
  STALE_VERSION: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and retry',
  },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'Record already exists' },
  UNKNOWN_ORG_UNIT: { status: 400, zh: '组织机构不存在', en: 'Unknown org unit' },
  TOO_MANY_REQUESTS: {
    status: 429,
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  messageZh: string;
  messageEn: string;
}

/** RFC 7807 problem document as served by every Zhiben API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  messageZh: string;
  messageEn: string;
  errors?: FieldError[];
  correlationId?: string;
}
