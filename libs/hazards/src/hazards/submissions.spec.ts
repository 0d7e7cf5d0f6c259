import { WorkflowCallError } from '../workflow/hazard-workflow.gateway';
import { httpErrorFor, submitDecision } from './submissions.service';

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
