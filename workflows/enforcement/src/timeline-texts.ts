import {
  ENFORCEMENT_ACTION_LABELS,
  REFERRAL_DEADLINE_LABELS,
  SUSPECTED_CRIME_LABELS,
  type EnforcementActionKind,
  type PenaltyParty,
  type ReferralDeadlineKind,
  type SuspectedCrime,
} from '@zhiben/contracts/workflow';
import { shanghaiMinute } from '@zhiben/workflows-shared';

/**
 * The readable timeline (Chinese first, English second) the enforcement workflows record through
 * `recordEnforcementEvent`. Pure: the workflows pass in names and instants.
 */
export interface TimelineText {
  type: string;
  summaryZh: string;
  summaryEn: string;
}

const t = (type: string, summaryZh: string, summaryEn: string): TimelineText => ({
  type,
  summaryZh,
  summaryEn,
});

/** `2026-12-25 18:00` (Asia/Shanghai). */
export const at = (ms: number) => shanghaiMinute(ms);
const note = (zh: string, comment: string) => (comment.trim() ? `${zh}：${comment.trim()}` : zh);
const noteEn = (en: string, comment: string) => (comment.trim() ? `${en}: ${comment.trim()}` : en);

export function totalFine(parties: readonly PenaltyParty[]): number {
  return parties.reduce((sum, p) => sum + (Number.isFinite(p.fineYuan) ? p.fineYuan : 0), 0);
}

const partiesZh = (parties: readonly PenaltyParty[]) =>
  parties.map((p) => `${p.name}${p.fineYuan > 0 ? ` 罚款${p.fineYuan}元` : ''}`).join('；');

export const caseTexts = {
  filingRequested: (caseNo: string, enterprise: string) =>
    t(
      'case.filingRequested',
      `${enterprise}案（${caseNo}）提请立案审批`,
      `Case ${caseNo} against ${enterprise} submitted for filing`,
    ),
  filed: (actor: string) => t('case.filed', `${actor} 批准立案`, `${actor} approved filing the case`),
  notFiled: (actor: string, comment: string) =>
    t(
      'case.notFiled',
      note(`${actor} 决定不予立案`, comment),
      noteEn(`${actor} decided not to file`, comment),
    ),
  investigated: (actor: string, parties: readonly PenaltyParty[]) =>
    t(
      'investigation.submitted',
      `${actor} 提交调查报告，拟处罚当事人${parties.length}个${parties.length ? `（${partiesZh(parties)}）` : ''}`,
      `${actor} submitted the investigation; ${parties.length} proposed penalised part${parties.length === 1 ? 'y' : 'ies'}`,
    ),
  reviewPassed: (actor: string) =>
    t('review.passed', `${actor} 法制审核通过`, `${actor} passed the legal review`),
  reviewReturned: (actor: string, comment: string) =>
    t(
      'review.returned',
      note(`${actor} 法制审核退回补充调查`, comment),
      noteEn(`${actor} returned the case for investigation`, comment),
    ),
  noticeIssued: (dueMs: number) =>
    t(
      'notice.issued',
      `已告知当事人拟处罚内容及陈述、申辩、听证权利，${at(dueMs)}前提出`,
      `Notice of the intended penalty served; statement or hearing request by ${at(dueMs)}`,
    ),
  noticeWaived: (actor: string) =>
    t('notice.waived', `${actor} 放弃陈述申辩`, `${actor} waived the statement`),
  noticeStatement: (actor: string, comment: string) =>
    t(
      'notice.statement',
      note(`${actor} 提出陈述申辩`, comment),
      noteEn(`${actor} made a statement`, comment),
    ),
  hearingRequested: (actor: string) =>
    t('notice.hearingRequested', `${actor} 申请听证`, `${actor} requested a hearing`),
  noticeLapsed: () =>
    t(
      'notice.lapsed',
      '当事人逾期未提出陈述申辩或听证申请，视为放弃',
      'No statement or hearing request in time: waived',
    ),
  hearingHeld: (actor: string, comment: string) =>
    t('hearing.held', note(`${actor} 组织听证`, comment), noteEn(`${actor} held the hearing`, comment)),
  penalized: (actor: string, parties: readonly PenaltyParty[]) =>
    t(
      'decision.penalized',
      `${actor} 作出行政处罚决定，处罚当事人${parties.length}个，罚款合计${totalFine(parties)}元${parties.length ? `（${partiesZh(parties)}）` : ''}`,
      `${actor} imposed the penalty on ${parties.length} part${parties.length === 1 ? 'y' : 'ies'}, fines totalling ${totalFine(parties)} yuan`,
    ),
  noPenalty: (actor: string, comment: string) =>
    t(
      'decision.noPenalty',
      note(`${actor} 决定不予行政处罚`, comment),
      noteEn(`${actor} decided on no penalty`, comment),
    ),
  decisionReturned: (actor: string, comment: string) =>
    t(
      'decision.returned',
      note(`${actor} 退回补充调查`, comment),
      noteEn(`${actor} returned the case for investigation`, comment),
    ),
  served: (actor: string, servedMs: number) =>
    t(
      'service.served',
      `${actor} 送达行政处罚决定书（${at(servedMs)}）`,
      `${actor} served the decision (${at(servedMs)})`,
    ),
  serviceBreached: (dueMs: number) =>
    t(
      'service.breached',
      `行政处罚决定书未在法定期限内送达（应于 ${at(dueMs)} 前送达），已督办`,
      `The decision was not served by ${at(dueMs)}; escalated`,
    ),
  executed: (actor: string, decision: string, comment: string) =>
    decision === 'paid'
      ? t('execution.paid', `${actor} 登记：当事人已缴纳罚款`, `${actor} recorded the fine as paid`)
      : decision === 'enforcedByCourt'
        ? t(
            'execution.enforcedByCourt',
            note(`${actor} 登记：已申请人民法院强制执行`, comment),
            noteEn(`${actor} recorded court enforcement`, comment),
          )
        : t(
            'execution.refused',
            note(`${actor} 登记：当事人拒不履行处罚决定`, comment),
            noteEn(`${actor} recorded a refusal to comply`, comment),
          ),
  rectificationOrdered: (deadlineMs: number) =>
    t(
      'rectification.ordered',
      `责令限期整改，整改期限 ${at(deadlineMs)}`,
      `Ordered to rectify by ${at(deadlineMs)}`,
    ),
  reinspectionApplied: (actor: string, dueMs: number) =>
    t(
      'reinspection.applied',
      `${actor} 申请整改复查，复查应于 ${at(dueMs)} 前完成`,
      `${actor} applied for re-inspection; due by ${at(dueMs)}`,
    ),
  deadlineReached: (deadlineMs: number, dueMs: number) =>
    t(
      'rectification.deadlineReached',
      `整改期限（${at(deadlineMs)}）届满，复查应于 ${at(dueMs)} 前完成`,
      `Rectification deadline ${at(deadlineMs)} reached; re-inspection due by ${at(dueMs)}`,
    ),
  reinspectionPassed: (actor: string, comment: string) =>
    t(
      'reinspection.passed',
      note(`${actor} 整改复查合格（复查意见书已签署）`, comment),
      noteEn(`${actor}: re-inspection passed`, comment),
    ),
  reinspectionFailed: (actor: string, comment: string) =>
    t(
      'reinspection.failed',
      note(`${actor} 整改复查不合格`, comment),
      noteEn(`${actor}: re-inspection failed`, comment),
    ),
  escalated: (actor: string, kind: EnforcementActionKind, comment: string) =>
    t(
      `escalation.${kind}`,
      note(`${actor} 决定：${ENFORCEMENT_ACTION_LABELS[kind].zh}`, comment),
      noteEn(`${actor} decided: ${ENFORCEMENT_ACTION_LABELS[kind].en}`, comment),
    ),
  crimeFlagged: (crime: SuspectedCrime, reasonZh: string, reasonEn: string) =>
    t(
      'crime.flagged',
      `涉嫌${SUSPECTED_CRIME_LABELS[crime].zh}：${reasonZh}`,
      `Suspected crime — ${SUSPECTED_CRIME_LABELS[crime].en}: ${reasonEn}`,
    ),
  referralProposed: (actor: string, referralNo: string) =>
    t(
      'referral.proposed',
      `${actor} 提请移送公安机关，移送编号 ${referralNo}`,
      `${actor} proposed a referral (${referralNo})`,
    ),
  referralDeclined: (actor: string, comment: string) =>
    t(
      'referral.declined',
      note(`${actor} 决定不移送`, comment),
      noteEn(`${actor} decided not to refer`, comment),
    ),
  followedUp: (actor: string, comment: string) =>
    t(
      'deadline.followedUp',
      note(`${actor} 已督办超期事项`, comment),
      noteEn(`${actor} followed up the breach`, comment),
    ),
  closed: () =>
    t(
      'case.closed',
      '整改复查合格、处罚执行完毕，结案',
      'Re-inspection passed and the penalty executed: case closed',
    ),
  dismissed: () => t('case.dismissed', '案件终结（不予立案/不予处罚）', 'Case ended without a penalty'),
};

const deadlineZh = (kind: ReferralDeadlineKind) => REFERRAL_DEADLINE_LABELS[kind].zh;
const deadlineEn = (kind: ReferralDeadlineKind) => REFERRAL_DEADLINE_LABELS[kind].en;

export const referralTexts = {
  opened: (referralNo: string, crime: SuspectedCrime) =>
    t(
      'referral.opened',
      `涉嫌${SUSPECTED_CRIME_LABELS[crime].zh}，成立不少于2人的专案组准备移送材料（${referralNo}）`,
      `Suspected ${SUSPECTED_CRIME_LABELS[crime].en}: preparing referral ${referralNo}`,
    ),
  submitted: (actor: string, officers: number, reportedMs: number) =>
    t(
      'package.submitted',
      `${actor} 提交移送材料（5项齐全，专案组${officers}人，报告日期 ${at(reportedMs)}）`,
      `${actor} submitted the package (5 documents, ${officers} officers, report dated ${at(reportedMs)})`,
    ),
  approved: (actor: string) => t('head.approved', `${actor} 批准移送`, `${actor} approved the referral`),
  notApproved: (actor: string, reasons: string) =>
    t(
      'head.rejected',
      note(`${actor} 不批准移送，理由`, reasons),
      noteEn(`${actor} did not approve; reasons`, reasons),
    ),
  transferred: (actor: string, policeUnit: string, ms: number) =>
    t(
      'transfer.done',
      `${actor} 已将案件移送${policeUnit || '公安机关'}（${at(ms)}）`,
      `${actor} transferred the case to ${policeUnit || 'the police'} (${at(ms)})`,
    ),
  received: (actor: string, receiptNo: string, ms: number) =>
    t(
      'receipt.recorded',
      `${actor} 登记：公安机关已签收${receiptNo ? `（回执 ${receiptNo}）` : ''}（${at(ms)}）`,
      `${actor} recorded the police receipt${receiptNo ? ` ${receiptNo}` : ''} (${at(ms)})`,
    ),
  policeRegistered: (actor: string, ms: number) =>
    t(
      'police.registered',
      `${actor} 登记：公安机关决定立案（${at(ms)}）`,
      `${actor} recorded: the police registered the case (${at(ms)})`,
    ),
  policeDeclined: (actor: string, ms: number, reasons: string) =>
    t(
      'police.declined',
      note(`${actor} 登记：公安机关决定不予立案（${at(ms)}）`, reasons),
      noteEn(`${actor} recorded: the police declined (${at(ms)})`, reasons),
    ),
  noticeReceived: (actor: string, ms: number, copied: boolean) =>
    t(
      'notice.received',
      `${actor} 登记：收到公安机关书面通知（${at(ms)}）${copied ? '，已抄送检察院' : '，未注明抄送检察院'}`,
      `${actor} recorded the written notice (${at(ms)})${copied ? ', copied to the procuratorate' : ''}`,
    ),
  handedOver: (actor: string, ms: number) =>
    t(
      'handover.done',
      `${actor} 已移交涉案物品及案件材料（${at(ms)}）`,
      `${actor} handed over the items and material (${at(ms)})`,
    ),
  outcome: (actor: string, result: string, comment: string) =>
    t(
      `outcome.${result}`,
      note(`${actor} 登记案件结果：${OUTCOME_ZH[result] ?? result}`, comment),
      noteEn(`${actor} recorded the outcome: ${result}`, comment),
    ),
  reconsiderationRequested: (actor: string) =>
    t('reconsideration.requested', `${actor} 提请公安机关复议`, `${actor} asked the police to reconsider`),
  procuratorateRequested: (actor: string) =>
    t(
      'procuratorate.requested',
      `${actor} 提请检察院立案监督`,
      `${actor} asked the procuratorate to supervise`,
    ),
  declineAccepted: (actor: string, comment: string) =>
    t(
      'police.declineAccepted',
      note(`${actor} 接受不予立案决定`, comment),
      noteEn(`${actor} accepted the refusal`, comment),
    ),
  reconsiderationRegistered: (actor: string) =>
    t(
      'reconsideration.registered',
      `${actor} 登记：公安机关复议后决定立案`,
      `${actor} recorded: registered on reconsideration`,
    ),
  reconsiderationUpheld: (actor: string) =>
    t(
      'reconsideration.upheld',
      `${actor} 登记：公安机关复议维持不予立案`,
      `${actor} recorded: refusal upheld on reconsideration`,
    ),
  procuratorateRegistered: (actor: string) =>
    t(
      'procuratorate.registered',
      `${actor} 登记：经检察院立案监督，公安机关已立案`,
      `${actor} recorded: registered under the procuratorate's supervision`,
    ),
  procuratorateNotRegistered: (actor: string, comment: string) =>
    t(
      'procuratorate.notRegistered',
      note(`${actor} 登记：检察院立案监督后仍未立案`, comment),
      noteEn(`${actor} recorded: not registered after supervision`, comment),
    ),
  breached: (kind: ReferralDeadlineKind, dueMs: number) =>
    t(
      'deadline.breached',
      `【超期】${deadlineZh(kind)}：已于 ${at(dueMs)} 到期仍未办结，已提请督办`,
      `Breached: ${deadlineEn(kind)} — due ${at(dueMs)}; escalated`,
    ),
  followedUp: (actor: string, kind: ReferralDeadlineKind, comment: string) =>
    t(
      'deadline.followedUp',
      note(`${actor} 已督办「${deadlineZh(kind)}」超期`, comment),
      noteEn(`${actor} followed up the breach of "${deadlineEn(kind)}"`, comment),
    ),
  closed: () => t('referral.closed', '行刑衔接办结', 'Referral closed'),
};

const OUTCOME_ZH: Record<string, string> = {
  prosecuted: '已提起公诉',
  notProsecuted: '不起诉',
  judged: '已判决',
  withdrawn: '已撤案',
};
