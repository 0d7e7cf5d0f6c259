import { type PipeTransform } from '@nestjs/common';
import { campaignKeySchema, occurrenceKeySchema } from '@zhiben/contracts';
import { DomainException, parseOrThrow } from '@zhiben/platform';
import { z } from 'zod';

/** Path parameters: a malformed one is a 400 with a bilingual field error, never a 500. */
class PathPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly field: string,
    private readonly check: (v: string) => boolean,
    private readonly zh: string,
    private readonly en: string,
  ) {}
  transform(value: unknown): string {
    if (typeof value !== 'string' || !this.check(value))
      throw DomainException.field(this.field, this.zh, this.en);
    return value;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuidPipe = new PathPipe(
  'id',
  (v) => UUID.test(v),
  'ID 须为合法的 UUID',
  'The id must be a UUID',
);
export const keyPipe = new PathPipe(
  'id',
  (v) => campaignKeySchema.safeParse(v).success,
  '标识只能由小写字母、数字和短横线组成',
  'Identifier: lowercase letters, digits and hyphens',
);
/** Report ids are chosen by the workflow: letters, digits and `-_.:`, at most 300 characters. */
export const reportIdPipe = new PathPipe(
  'reportId',
  (v) => /^[A-Za-z0-9._:-]{1,300}$/.test(v),
  '报表 ID 格式无效',
  'Invalid report id',
);

export const versionQuerySchema = z.strictObject({
  version: z.coerce
    .number({ message: '版本须为正整数 / Version must be a positive integer' })
    .int({ message: '版本须为正整数 / Version must be a positive integer' })
    .min(1, { message: '版本须为正整数 / Version must be a positive integer' })
    .optional(),
});

export const dispatchQuerySchema = z.strictObject({
  occurrenceKey: occurrenceKeySchema,
  unit: z.string().trim().min(1).max(200).optional(),
  scheduleId: campaignKeySchema.optional(),
});
export type DispatchQuery = z.infer<typeof dispatchQuerySchema>;

export { parseOrThrow };
