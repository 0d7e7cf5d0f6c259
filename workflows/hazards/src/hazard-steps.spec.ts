import { HAZARD_STEPS, RUNG_STEPS, decisionCodes, type HazardStep } from './hazard-steps';
import { shanghaiDate, texts, who } from './timeline-texts';

const steps = Object.keys(HAZARD_STEPS) as HazardStep[];

describe('task steps (the contract with the tasks service, hazards service and console)', () => {
  it.each(steps)('%s has bilingual titles and unique decisions with labels', (step) => {
    const def = HAZARD_STEPS[step];
    expect(def.titleZh).toMatch(/\p{Script=Han}/u);
    expect(def.titleEn).toMatch(/^[A-Z]/);
    const codes = decisionCodes(step);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of def.decisions) {
      expect(d.labelZh).toMatch(/\p{Script=Han}/u);
      expect(d.labelEn.length).toBeGreaterThan(0);
    }
  });

  it('requires 审批意见 for every return, rejection and failure', () => {
    for (const step of steps) {
      for (const d of HAZARD_STEPS[step].decisions) {
        if (['return', 'reject', 'fail'].includes(d.code)) expect(d.requiresComment).toBe(true);
      }
    }
  });

  it('offers the decisions the workflows act on', () => {
    expect(decisionCodes('submitPlan')).toEqual(['submit']);
    expect(decisionCodes('reviewPlan')).toEqual(['approve', 'return']);
    expect(decisionCodes('reviewAcceptance')).toEqual(['pass', 'fail']);
    expect(decisionCodes('approveCloseOut')).toEqual(['approve', 'reject']);
    expect(decisionCodes('approveExtension')).toEqual(['approve', 'reject']);
    expect(decisionCodes('fixGeneral')).toEqual(['fixedNow', 'fixByDeadline']);
    expect(decisionCodes('approveListing')).toEqual(['approve', 'reject']);
    expect(decisionCodes('delistingReview')).toEqual(['pass', 'fail']);
    expect(decisionCodes('approveDelisting')).toEqual(['approve', 'reject']);
  });

  it('has a task for every ladder rung but listing, which is a workflow of its own', () => {
    expect(RUNG_STEPS).toEqual({
      letter: 'issueLetter',
      circular: 'circulate',
      summons: 'summon',
      exposure: 'expose',
      listing: null,
    });
    for (const step of Object.values(RUNG_STEPS)) if (step) expect(decisionCodes(step)).toEqual(['done']);
  });
});

describe('timeline texts', () => {
  it('read like an official record, Chinese first', () => {
    const actor = who('贾嗣镇', '张伟');
    expect(texts.planApproved(actor, Date.parse('2026-12-25T15:59:59.999Z')).summaryZh).toBe(
      '贾嗣镇 张伟 审核通过整改方案，整改期限 2026-12-25',
    );
    expect(texts.planReturned(actor, '应急预案缺失').summaryZh).toBe(
      '贾嗣镇 张伟 退回整改方案：应急预案缺失',
    );
    expect(texts.planReturned(actor, '').summaryEn).toBe('贾嗣镇 张伟 returned the plan for revision');
    expect(texts.escalation('summons', '江津区安委办')).toEqual({
      type: 'escalation.summons',
      summaryZh: '逾期隐患升级督办：约谈（江津区安委办）',
      summaryEn: 'Overdue hazard escalated: summons talk (江津区安委办)',
    });
  });

  it('print dates in Asia/Shanghai', () => {
    expect(shanghaiDate(Date.parse('2026-12-25T16:30:00.000Z'))).toBe('2026-12-26');
    expect(who(null, '李四')).toBe('李四');
  });
});
