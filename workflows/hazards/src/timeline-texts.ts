import type { EscalationRung } from '@zhiben/contracts/workflow';
import { shanghaiMinute } from '@zhiben/workflows-shared';
import { RUNG_LABELS } from './hazard-steps';

/**
 * The readable timeline (Chinese first, English second) that every step of the hazard workflows
 * records through `recordHazardEvent`. Pure: the workflows pass in the names they looked up.
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

/** `2026-12-25` (Asia/Shanghai). */
export function shanghaiDate(ms: number): string {
  return shanghaiMinute(ms).slice(0, 10);
}

/** "贾嗣镇 张伟": the acting person with their unit, as officials write it. */
export function who(unitName: string | null | undefined, personName: string): string {
  return unitName ? `${unitName} ${personName}` : personName;
}

const withComment = (zh: string, comment: string) => (comment.trim() ? `${zh}：${comment.trim()}` : zh);
const withCommentEn = (en: string, comment: string) => (comment.trim() ? `${en}: ${comment.trim()}` : en);

export const texts = {
  planRequested: (enterprise: string) =>
    t(
      'plan.requested',
      `已通知${enterprise}制定并提交重大事故隐患整改方案（五落实）`,
      `${enterprise} was asked to submit a rectification plan`,
    ),
  planSubmitted: (actor: string, version: number) =>
    t(
      'plan.submitted',
      `${actor} 提交整改方案（第${version}版）`,
      `${actor} submitted plan version ${version}`,
    ),
  planReturned: (actor: string, comment: string) =>
    t(
      'plan.returned',
      withComment(`${actor} 退回整改方案`, comment),
      withCommentEn(`${actor} returned the plan for revision`, comment),
    ),
  planApproved: (actor: string, deadlineMs: number) =>
    t(
      'plan.approved',
      `${actor} 审核通过整改方案，整改期限 ${shanghaiDate(deadlineMs)}`,
      `${actor} approved the plan; deadline ${shanghaiDate(deadlineMs)}`,
    ),
  progressReported: (actor: string, n: number, comment: string) =>
    t(
      'progress.reported',
      withComment(`${actor} 报送第${n}次整改进展`, comment),
      withCommentEn(`${actor} reported progress (#${n})`, comment),
    ),
  progressMissed: (enterprise: string, n: number) =>
    t(
      'progress.missed',
      `${enterprise} 逾期未报送第${n}次整改进展`,
      `${enterprise} missed progress report #${n}`,
    ),
  extensionRequested: (actor: string, newDeadlineMs: number, reason: string) =>
    t(
      'extension.requested',
      `${actor} 申请将整改期限延至 ${shanghaiDate(newDeadlineMs)}，理由：${reason}`,
      `${actor} asked to extend the deadline to ${shanghaiDate(newDeadlineMs)}: ${reason}`,
    ),
  extensionApproved: (actor: string, newDeadlineMs: number, comment: string) =>
    t(
      'extension.approved',
      withComment(`${actor} 同意延期，整改期限延至 ${shanghaiDate(newDeadlineMs)}`, comment),
      withCommentEn(`${actor} approved the extension to ${shanghaiDate(newDeadlineMs)}`, comment),
    ),
  extensionRejected: (actor: string, comment: string) =>
    t(
      'extension.rejected',
      withComment(`${actor} 不同意延期`, comment),
      withCommentEn(`${actor} rejected the extension`, comment),
    ),
  extensionWithdrawn: () =>
    t(
      'extension.withdrawn',
      '企业已申请验收，延期申请不再审批',
      'Acceptance was applied for; the extension request lapsed',
    ),
  overdue: (deadlineMs: number) =>
    t(
      'rectification.overdue',
      `整改期限 ${shanghaiDate(deadlineMs)} 已过，隐患逾期未完成整改`,
      `The deadline ${shanghaiDate(deadlineMs)} passed; the hazard is overdue`,
    ),
  escalation: (rung: EscalationRung, unitName: string) =>
    t(
      `escalation.${rung}`,
      `逾期隐患升级督办：${RUNG_LABELS[rung].zh}（${unitName}）`,
      `Overdue hazard escalated: ${RUNG_LABELS[rung].en} (${unitName})`,
    ),
  escalationDone: (rung: EscalationRung, actor: string, comment: string) =>
    t(
      `escalation.${rung}.done`,
      withComment(`${actor} 已${RUNG_LABELS[rung].zh}`, comment),
      withCommentEn(`${actor} carried out the ${RUNG_LABELS[rung].en}`, comment),
    ),
  listingProposed: (proposer: string, reason: string) =>
    t(
      'listing.proposed',
      `${proposer} 提请挂牌督办，理由：${reason}`,
      `${proposer} proposed listed supervision: ${reason}`,
    ),
  listingRejected: (actor: string, comment: string) =>
    t(
      'listing.rejected',
      withComment(`${actor} 不予挂牌督办`, comment),
      withCommentEn(`${actor} decided not to list the hazard`, comment),
    ),
  listingNotice: (actor: string, noticeDeadlineMs: number) =>
    t(
      'listing.listed',
      `${actor} 同意挂牌督办，下达督办通知书，限 ${shanghaiDate(noticeDeadlineMs)} 前整改完成`,
      `${actor} listed the hazard and issued the supervision notice; deadline ${shanghaiDate(noticeDeadlineMs)}`,
    ),
  listingProgress: (actor: string, n: number, comment: string) =>
    t(
      'listing.progress',
      withComment(`${actor} 报送第${n}次挂牌督办整改进展`, comment),
      withCommentEn(`${actor} reported listed-supervision progress (#${n})`, comment),
    ),
  listingProgressMissed: (enterprise: string, n: number) =>
    t(
      'listing.progressMissed',
      `${enterprise} 逾期未报送第${n}次挂牌督办整改进展`,
      `${enterprise} missed listed-supervision progress report #${n}`,
    ),
  listingOverdue: (noticeDeadlineMs: number) =>
    t(
      'listing.overdue',
      `督办期限 ${shanghaiDate(noticeDeadlineMs)} 已过，挂牌督办隐患逾期未整改`,
      `The supervision deadline ${shanghaiDate(noticeDeadlineMs)} passed; the listed hazard is overdue`,
    ),
  delistingApplied: (actor: string, evidence: number) =>
    t(
      'listing.delistingApplied',
      `${actor} 申请摘牌销号（附证明材料 ${evidence} 份）`,
      `${actor} applied for delisting (${evidence} evidence file(s))`,
    ),
  delistingReviewPassed: (actor: string, comment: string) =>
    t(
      'listing.reviewPassed',
      withComment(`${actor} 现场核查通过`, comment),
      withCommentEn(`${actor} passed the on-site review`, comment),
    ),
  delistingReviewFailed: (actor: string, comment: string, newDeadlineMs: number) =>
    t(
      'listing.reviewFailed',
      withComment(
        `${actor} 现场核查未通过，继续挂牌督办，限 ${shanghaiDate(newDeadlineMs)} 前整改完成`,
        comment,
      ),
      withCommentEn(
        `${actor} failed the on-site review; listing continues until ${shanghaiDate(newDeadlineMs)}`,
        comment,
      ),
    ),
  delistingRejected: (actor: string, comment: string) =>
    t(
      'listing.delistingRejected',
      withComment(`${actor} 不同意摘牌，继续挂牌督办`, comment),
      withCommentEn(`${actor} refused delisting; listing continues`, comment),
    ),
  delisted: (actor: string) => t('listing.delisted', `${actor} 同意摘牌销号`, `${actor} approved delisting`),
  delistingAnnounced: (title: string, caseRef: string, authority: string) =>
    t(
      'listing.announced',
      `公告：${authority}挂牌督办的重大事故隐患「${title}」（${caseRef}）已整改完成，予以摘牌销号`,
      `Public announcement: the listed major hazard ${caseRef} was rectified and delisted by ${authority}`,
    ),
  listingClosedForHazard: (outcome: 'delisted' | 'rejected') =>
    outcome === 'delisted'
      ? t('listing.closed', '挂牌督办已摘牌销号', 'Listed supervision ended: delisted')
      : t(
          'listing.closed',
          '挂牌督办提请未获批准，继续整改',
          'Listing was not approved; rectification continues',
        ),
  acceptanceApplied: (actor: string, evidence: number) =>
    t(
      'acceptance.applied',
      `${actor} 申请整改验收（附证明材料 ${evidence} 份）`,
      `${actor} applied for acceptance (${evidence} evidence file(s))`,
    ),
  acceptancePassed: (actor: string, comment: string) =>
    t(
      'acceptance.passed',
      withComment(`${actor} 验收通过`, comment),
      withCommentEn(`${actor} passed the acceptance review`, comment),
    ),
  acceptanceFailed: (actor: string, comment: string) =>
    t(
      'acceptance.failed',
      withComment(`${actor} 验收不通过，继续整改`, comment),
      withCommentEn(`${actor} failed the acceptance review; rectification continues`, comment),
    ),
  awaitingDelisting: () =>
    t(
      'closeout.awaitingDelisting',
      '整改已验收通过，待挂牌督办摘牌后审核销号',
      'Accepted; close-out waits for the listing to be delisted',
    ),
  closeOutApproved: (actor: string) =>
    t(
      'closeout.approved',
      `${actor} 同意销号，隐患闭环`,
      `${actor} approved the close-out; the hazard is closed`,
    ),
  closeOutRejected: (actor: string, comment: string) =>
    t(
      'closeout.rejected',
      withComment(`${actor} 不予销号，退回继续整改`, comment),
      withCommentEn(`${actor} rejected the close-out; rectification continues`, comment),
    ),
  generalFixedNow: (actor: string) =>
    t('general.fixedNow', `${actor} 即查即改，已完成整改`, `${actor} fixed the hazard on the spot`),
  generalFixByDeadline: (actor: string, deadlineMs: number) =>
    t(
      'general.fixByDeadline',
      `${actor} 限期整改，整改期限 ${shanghaiDate(deadlineMs)}`,
      `${actor} will fix the hazard by ${shanghaiDate(deadlineMs)}`,
    ),
  generalOverdue: (deadlineMs: number) =>
    t(
      'general.overdue',
      `一般隐患整改期限 ${shanghaiDate(deadlineMs)} 已过，尚未报告整改完成`,
      `The general hazard was due ${shanghaiDate(deadlineMs)} and is not reported fixed`,
    ),
  generalReported: (actor: string) =>
    t('general.reported', `${actor} 报告整改完成`, `${actor} reported the hazard fixed`),
  generalVerified: (actor: string) =>
    t('general.verified', `${actor} 复查通过，隐患闭环`, `${actor} verified the fix; the hazard is closed`),
  generalFailed: (actor: string, comment: string) =>
    t(
      'general.failed',
      withComment(`${actor} 复查不通过，重新整改`, comment),
      withCommentEn(`${actor} found the fix insufficient`, comment),
    ),
};
