import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '@zhiben/auth';
import { DomainException, openApiSchema, parseOrThrow, ZodPipe } from '@zhiben/platform';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { TaskAttachmentsService } from '../attachments/task-attachments.service';
import { TaskActionsService } from './task-actions.service';
import { TaskQueryService } from './task-query.service';
import {
  assignBody,
  commentBody,
  completeBody,
  delegateBody,
  idempotencyKeySchema,
  resolveBody,
  returnBody,
  transferBody,
  uuidParam,
} from './task.schemas';

const IdPipe = new ZodPipe(uuidParam);

/** The body's key and the Idempotency-Key header name the same request; both may be given, equal. */
function idempotencyKey(fromBody: string | undefined, header: string | undefined): string | undefined {
  const fromHeader = header === undefined ? undefined : parseOrThrow(idempotencyKeySchema, header, 'header');
  if (fromBody && fromHeader && fromBody !== fromHeader) {
    throw DomainException.field(
      'idempotencyKey',
      '请求体中的幂等键与 Idempotency-Key 头不一致',
      'The idempotencyKey in the body differs from the Idempotency-Key header',
    );
  }
  return fromBody ?? fromHeader;
}

/**
 * One task: detail, collaboration and the approval operations (认领/分派/转办/委派/退回/办理). Every
 * handler is open to any signed-in user; what each may see and do is decided per task (candidates,
 * holder, jurisdiction) by the services.
 */
@ApiTags('tasks 任务')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly query: TaskQueryService,
    private readonly actions: TaskActionsService,
    private readonly files: TaskAttachmentsService,
  ) {}

  @Get(':id')
  @Authenticated()
  detail(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.query.detail(user, id);
  }

  @Get(':id/history')
  @Authenticated()
  history(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.query.history(user, id);
  }

  @Get(':id/comments')
  @Authenticated()
  comments(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.query.comments(user, id);
  }

  @Post(':id/comments')
  @Authenticated()
  @ApiBody({ schema: openApiSchema(commentBody) })
  addComment(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(commentBody)) body: z.infer<typeof commentBody>,
  ) {
    return this.actions.comment(user, id, body.body);
  }

  @Post(':id/watch')
  @HttpCode(200)
  @Authenticated()
  watch(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.actions.watch(user, id, true);
  }

  @Delete(':id/watch')
  @Authenticated()
  unwatch(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.actions.watch(user, id, false);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Authenticated()
  claim(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.actions.claim(user, id);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @Authenticated()
  unclaim(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.actions.unclaim(user, id);
  }

  /** 分派: leaders, ops and admins of the task's jurisdiction, or its owner. */
  @Post(':id/assign')
  @HttpCode(200)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(assignBody) })
  assign(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(assignBody)) body: z.infer<typeof assignBody>,
  ) {
    return this.actions.assign(user, id, body);
  }

  /** 转办: the new user becomes assignee and owner. */
  @Post(':id/transfer')
  @HttpCode(200)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(transferBody) })
  transfer(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(transferBody)) body: z.infer<typeof transferBody>,
  ) {
    return this.actions.transfer(user, id, body);
  }

  /** 委派: the delegate works on it and resolves it back to the owner. */
  @Post(':id/delegate')
  @HttpCode(200)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(delegateBody) })
  delegate(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(delegateBody)) body: z.infer<typeof delegateBody>,
  ) {
    return this.actions.delegate(user, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(resolveBody) })
  resolve(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(resolveBody)) body: z.infer<typeof resolveBody>,
  ) {
    return this.actions.resolve(user, id, body);
  }

  /** 退回: the decision `return`, accepted only where the step allows it. */
  @Post(':id/return')
  @HttpCode(200)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(returnBody) })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async returnTask(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(returnBody)) body: z.infer<typeof returnBody>,
    @Headers('idempotency-key') header: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { result, replayed } = await this.actions.complete(user, id, {
      decision: 'return',
      comment: body.comment,
      data: body.toStep ? { toStep: body.toStep } : {},
      attachments: [],
      idempotencyKey: idempotencyKey(body.idempotencyKey, header),
    });
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result;
  }

  /** 办理: the decision goes to the workflow; the task closes only if the workflow accepts it. */
  @Post(':id/complete')
  @HttpCode(200)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(completeBody) })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async complete(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(completeBody)) body: z.infer<typeof completeBody>,
    @Headers('idempotency-key') header: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { result, replayed } = await this.actions.complete(user, id, {
      ...body,
      idempotencyKey: idempotencyKey(body.idempotencyKey, header),
    });
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result;
  }

  @Get(':id/attachments')
  @Authenticated()
  attachments(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string) {
    return this.query.attachments(user, id);
  }

  /** Raw file body; Content-Type is the file's type, X-File-Name its URL-encoded name. */
  @Post(':id/attachments')
  @Authenticated()
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'URL-encoded file name' })
  upload(@CurrentUser() user: Principal, @Param('id', IdPipe) id: string, @Req() req: Request) {
    let name: string | undefined;
    try {
      const raw = req.header('x-file-name');
      name = raw === undefined ? undefined : decodeURIComponent(raw);
    } catch {
      name = undefined;
    }
    return this.files.upload(user, id, {
      name,
      contentType: req.header('content-type'),
      bytes: Buffer.isBuffer(req.body) ? req.body : undefined,
    });
  }

  @Get(':id/attachments/:attachmentId')
  @Authenticated()
  async download(
    @CurrentUser() user: Principal,
    @Param('id', IdPipe) id: string,
    @Param('attachmentId', IdPipe) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.download(user, id, attachmentId);
    res.setHeader('content-type', file.contentType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader(
      'content-disposition',
      `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
    res.send(file.bytes);
  }
}
