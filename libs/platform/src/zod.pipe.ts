import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { FieldError } from '@zhiben/contracts';
import { z } from 'zod';
import { DomainException } from './domain.exception';

const zh = z.locales.zhCN();
const en = z.locales.en();

/**
 * Turns zod issues into bilingual field errors. Schemas may carry their own message as
 * "中文 / English"; otherwise zod's zh-CN and English locales phrase it.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: [...base, key].join('.'),
          messageZh: `不允许的字段：${key}`,
          messageEn: `Unknown field: ${key}`,
        });
      }
      continue;
    }
    const generatedEn = en.localeError(issue as never);
    const enText = typeof generatedEn === 'string' ? generatedEn : generatedEn?.message;
    const custom = issue.message && issue.message !== enText ? issue.message : undefined;
    let messageZh: string;
    let messageEn: string;
    if (custom) {
      const [a, b] = custom.split(' / ');
      messageZh = a;
      messageEn = b ?? a;
    } else {
      const generatedZh = zh.localeError(issue as never);
      messageZh = (typeof generatedZh === 'string' ? generatedZh : generatedZh?.message) ?? issue.message;
      messageEn = enText ?? issue.message;
    }
    out.push({ path: base.join('.') || '(body)', messageZh, messageEn });
  }
  return out;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where = 'body'): z.output<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const errors = toFieldErrors(result.error.issues);
    throw new DomainException('VALIDATION_FAILED', {
      detail: `Invalid ${where}: ${errors.map((e) => `${e.path}: ${e.messageEn}`).join('; ')}`,
      errors,
    });
  }
  return result.data;
}

/** `@Body(new ZodPipe(schema))` / `@Query(new ZodPipe(schema))`. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(readonly schema: T) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<T> {
    return parseOrThrow(this.schema, value, metadata.type);
  }
}

/** JSON Schema of a request shape for OpenAPI (input side of transforms). */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}
