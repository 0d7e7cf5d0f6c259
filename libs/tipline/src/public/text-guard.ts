import type { FieldError } from '@zhiben/contracts';

/** Markup and script vectors refused in free text (the console renders text, never HTML; this is defence in depth). */
const SCRIPTY =
  /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta|form|input|a|body|html|math|base)\b|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html|\bon[a-z]+\s*=|<!--|&#x?[0-9a-f]+;?\s*(script|<)/i;
/** Control characters other than tab and newlines. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/;

/** Field errors (zh/en) for every text field that carries markup, scripts or control characters. */
export function scriptProblems(fields: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (path: string, v: unknown) => {
    if (typeof v === 'string') {
      if (SCRIPTY.test(v)) {
        errors.push({
          path,
          messageZh: '内容不能包含脚本或网页标记（如 <script>、javascript:、onclick=）',
          messageEn: 'Text may not contain scripts or HTML markup (e.g. <script>, javascript:, onclick=)',
        });
      } else if (CONTROL.test(v)) {
        errors.push({
          path,
          messageZh: '内容包含不可见的控制字符',
          messageEn: 'Text contains control characters',
        });
      }
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => visit(`${path}.${i}`, x));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(path ? `${path}.${k}` : k, x);
    }
  };
  visit('', fields);
  return errors;
}
