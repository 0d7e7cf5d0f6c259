import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { normaliseOpenTasks, rejectionOf } from '@zhiben/temporal-client';

describe('hazard workflow gateway helpers', () => {
  it('accepts open tasks with decision objects or plain codes, and ignores junk', () => {
    expect(
      normaliseOpenTasks([
        {
          taskKey: 'plan-1',
          taskId: 't1',
          step: 'submitPlan',
          decisions: [{ code: 'submit', labelZh: '提交', labelEn: 'Submit' }],
        },
        { taskKey: 'p-2', step: 'progressReport', decisions: ['submit'] },
        { nope: true },
      ]),
    ).toEqual([
      { taskKey: 'plan-1', taskId: 't1', step: 'submitPlan', decisions: ['submit'] },
      { taskKey: 'p-2', taskId: null, step: 'progressReport', decisions: ['submit'] },
    ]);
    expect(normaliseOpenTasks(null)).toEqual([]);
  });

  it('reads a structured rejection from the validator’s ApplicationFailure', () => {
    const failure = ApplicationFailure.create({
      type: 'TaskNotOpen',
      message: '任务不在办理中 / Task is not open',
      details: [{ type: 'TaskNotOpen', messageZh: '任务不在办理中', messageEn: 'Task is not open' }],
    });
    expect(rejectionOf(new WorkflowUpdateFailedError('rejected', failure))).toEqual({
      type: 'TaskNotOpen',
      field: undefined,
      messageZh: '任务不在办理中',
      messageEn: 'Task is not open',
    });
    const plain = ApplicationFailure.create({ type: 'TooLate', message: '已销号 / Already closed' });
    expect(rejectionOf(new WorkflowUpdateFailedError('rejected', plain))).toEqual({
      type: 'TooLate',
      messageZh: '已销号',
      messageEn: 'Already closed',
    });
  });
});
