import { AcceptanceApplicationEntity, ProgressReportEntity, RectificationPlanEntity } from '../entities';
import { WorkflowCallError } from '@zhiben/temporal-client';
import { httpErrorFor, submitDecision, SubmissionsService } from './submissions.service';

describe('submissions', () => {
  it('completes a step with `submit`, or with the step’s only decision', () => {
    expect(submitDecision(['submit'])).toBe('submit');
    expect(submitDecision(['report'])).toBe('report');
    expect(submitDecision(['apply'])).toBe('apply');
    expect(submitDecision(['a', 'b'])).toBe('submit');
  });

  it('maps workflow refusals to problems: bad input 400, not open 409, no workflow 409, down 503', () => {
    const rejected = (type: string, field?: string) =>
      httpErrorFor(
        new WorkflowCallError('rejected', { type, field, messageZh: '中文', messageEn: 'English' }, 'x'),
      );
    expect(rejected('DecisionNotAllowed', 'decision')).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageZh: '中文',
      options: { errors: [{ path: 'decision', messageZh: '中文', messageEn: 'English' }] },
    });
    expect(rejected('TaskNotOpen')).toMatchObject({ code: 'CONFLICT', messageEn: 'English' });
    expect(rejected('ExtensionPending')).toMatchObject({ code: 'CONFLICT' });
    expect(
      httpErrorFor(
        new WorkflowCallError(
          'rejected',
          { type: 'DeadlineNotLater', field: 'newDeadlineAt', messageZh: '晚', messageEn: 'late' },
          'x',
        ),
        { newDeadlineAt: 'newDeadline' },
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', options: { errors: [{ path: 'newDeadline' }] } });
    expect(httpErrorFor(new WorkflowCallError('not_found', null, 'gone'))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(httpErrorFor(new WorkflowCallError('unavailable', null, 'down'))).toMatchObject({
      code: 'UNAVAILABLE',
      status: 503,
    });
  });
});

// ------------------------------------------------------------------------------------------ the flow

type Row = Record<string, any>;

/** Just enough of DataSource/EntityManager for the submission flow, keeping rows in memory. */
class MemoryDataSource {
  readonly tables = new Map<string, Row[]>();
  private ids = 0;

  rows(entity: { name: string }): Row[] {
    if (!this.tables.has(entity.name)) this.tables.set(entity.name, []);
    return this.tables.get(entity.name)!;
  }

  getRepository(entity: { name: string }) {
    const rows = this.rows(entity);
    return {
      findOne: async () => null,
      find: async () => [],
      findOneBy: async (where: Row) =>
        rows.find((r) => Object.entries(where).every(([k, v]) => r[k] === v)) ?? null,
      save: async (values: Row) => {
        const row = { id: `row-${++this.ids}`, ...values };
        rows.push(row);
        return row;
      },
      update: async (id: string, patch: Row) => {
        Object.assign(
          rows.find((r) => r.id === id)!,
          patch,
        );
      },
    };
  }

  async transaction<T>(fn: (m: unknown) => Promise<T>): Promise<T> {
    return fn({
      getRepository: (entity: { name: string }) => this.getRepository(entity),
      query: async () => [{ next: 3 }],
    });
  }
}

describe('enterprise submissions', () => {
  const principal = {
    sub: 's',
    username: 'enterprise.jiasi',
    name: '李四',
    roles: ['enterprise'],
    orgUnitCode: null,
    enterpriseCreditCode: '91500116MA5U8K1X2Q',
  } as any;
  const hazard = {
    id: 'h1',
    status: 'rectifying',
    grade: 'general',
    workflowId: 'hazard-h1',
    enterpriseCreditCode: principal.enterpriseCreditCode,
  };
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const setup = (openTasks: { step: string; decisions: string[] }[], decide = jest.fn()) => {
    const ds = new MemoryDataSource();
    const gateway = {
      openTasks: jest.fn(async () => openTasks.map((t, i) => ({ taskKey: `k${i}`, taskId: `t${i}`, ...t }))),
      decide,
    };
    const query = { loadReadable: async () => ({ hazard: { ...hazard } }) };
    const service = new SubmissionsService(ds as any, query as any, gateway as any);
    return { ds, gateway, service };
  };

  const plan = {
    targets: '消除隐患',
    measures: '更换设备',
    fundsAndMaterials: '自筹',
    fundsAmountYuan: 12000,
    organisationAndPeople: '安全部',
    responsiblePerson: { name: '王五' },
    deadline: tomorrow,
    safetyMeasures: '停用',
    emergencyPlan: '预案',
    acceptor: { name: '赵六' },
    attachments: [],
  };
  const progress = {
    summary: '已完成一半',
    percentComplete: 50,
    interimControlsEffective: true,
    attachments: [],
  };

  it('stores a plan with the next version and completes the open submitPlan task with it', async () => {
    const { ds, gateway, service } = setup([{ step: 'submitPlan', decisions: ['submit'] }]);
    const dto = await service.submitPlan(principal, 'token', 'h1', plan, 'key-1');
    expect(dto).toMatchObject({ planVersion: 3, status: 'submitted', fundsAmountYuan: 12000 });
    const [row] = ds.rows(RectificationPlanEntity);
    expect(row).toMatchObject({ hazardId: 'h1', requestId: 'key-1', submittedBy: 'enterprise.jiasi' });
    expect(gateway.decide).toHaveBeenCalledWith(
      'h1',
      expect.objectContaining({
        taskKey: 'k0',
        decision: 'submit',
        data: { planVersion: 3, planId: row.id, deadline: tomorrow },
        requestId: `plan:${row.id}`,
      }),
      `plan:${row.id}`,
    );
  });

  it('keeps an unsolicited progress report while rectifying, but refuses it at another stage', async () => {
    const kept = setup([]);
    expect(await kept.service.submitProgress(principal, 'token', 'h1', progress, null)).toMatchObject({
      seq: 3,
      status: 'accepted',
    });
    expect(kept.gateway.decide).not.toHaveBeenCalled();

    const refused = setup([]);
    hazard.status = 'planning';
    try {
      await expect(
        refused.service.submitProgress(principal, 'token', 'h1', progress, 'key-2'),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        messageEn: 'The process is not waiting for a progress report at this stage',
      });
      expect(refused.ds.rows(ProgressReportEntity)[0]).toMatchObject({
        status: 'rejected',
        rejectionReason:
          '当前环节不接受整改进展报告（流程中没有待办理的相应任务） / The process is not waiting for a progress report at this stage',
      });
      // The same request again gets the stored refusal, without asking the workflow.
      await expect(
        refused.service.submitProgress(principal, 'token', 'h1', progress, 'key-2'),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        messageZh: '当前环节不接受整改进展报告（流程中没有待办理的相应任务）',
      });
      expect(refused.gateway.openTasks).toHaveBeenCalledTimes(1);
    } finally {
      hazard.status = 'rectifying';
    }
  });

  it('marks a submission the workflow refuses as rejected, and replays an accepted one', async () => {
    const refusal = new WorkflowCallError(
      'rejected',
      { type: 'TaskNotOpen', messageZh: '任务不在办理中', messageEn: 'Task is not open' },
      'x',
    );
    const refused = setup(
      [{ step: 'applyAcceptance', decisions: ['apply'] }],
      jest.fn().mockRejectedValue(refusal),
    );
    const application = { summary: '整改完成', completedOn: '2026-01-05', attachments: [] };
    await expect(
      refused.service.applyAcceptance(principal, 'token', 'h1', application, null),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageZh: '任务不在办理中' });
    expect(refused.ds.rows(AcceptanceApplicationEntity)[0]).toMatchObject({
      status: 'rejected',
      rejectionReason: '任务不在办理中 / Task is not open',
    });
    expect(refused.gateway.decide.mock.calls[0][1]).toMatchObject({ decision: 'apply' });

    const accepted = setup([{ step: 'progressReport', decisions: ['report'] }]);
    const first = await accepted.service.submitProgress(principal, 'token', 'h1', progress, 'key-3');
    expect(first).toMatchObject({ status: 'accepted' });
    expect(await accepted.service.submitProgress(principal, 'token', 'h1', progress, 'key-3')).toEqual(first);
    expect(accepted.gateway.decide).toHaveBeenCalledTimes(1);
  });
});
