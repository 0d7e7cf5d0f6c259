import {
  REWARD_EXCLUSION_LABELS,
  TIP_KIND_LABELS,
  type RewardComputation,
  type TipKind,
} from '@zhiben/contracts/workflow';
import { shanghaiMinute } from '@zhiben/workflows-shared';

/**
 * The readable timeline (Chinese first, English second) `tipVerification` records through
 * `recordTipEvent`, and the notices tipline-service passes on to the reporter. The reporter is always
 * "举报人" / "the reporter": no text here names them.
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
export const at = (ms: number) => shanghaiMinute(ms);
const note = (s: string, comment: string | undefined) => (comment?.trim() ? `${s}：${comment.trim()}` : s);
const noteEn = (s: string, comment: string | undefined) => (comment?.trim() ? `${s}: ${comment.trim()}` : s);

export const texts = {
  received: (kind: TipKind, ref: string, dueMs: number) =>
    t(
      'tip.received',
      `收到${TIP_KIND_LABELS[kind].zh}举报（${ref}），${at(dueMs)}前作出受理决定`,
      `${TIP_KIND_LABELS[kind].en} tip ${ref} received; acceptance decision due ${at(dueMs)}`,
    ),
  acceptanceBreached: (dueMs: number) =>
    t(
      'acceptance.breached',
      `受理决定已超期（${at(dueMs)}到期）`,
      `Acceptance decision overdue (due ${at(dueMs)})`,
    ),
  accepted: (actor: string, dueMs: number) =>
    t(
      'tip.accepted',
      `${actor} 受理举报，${at(dueMs)}前核查完毕`,
      `${actor} accepted the tip; verification due ${at(dueMs)}`,
    ),
  notAccepted: (actor: string, reason: string | undefined) =>
    t(
      'tip.notAccepted',
      note(`${actor} 决定不予受理`, reason),
      noteEn(`${actor} did not accept the tip`, reason),
    ),
  forwarded: (actor: string, to: string, external: boolean, reason: string | undefined) =>
    t(
      'tip.forwarded',
      note(`${actor} 将举报转交${to}${external ? '（系统外）' : ''}办理`, reason),
      noteEn(`${actor} forwarded the tip to ${to}${external ? ' (outside the system)' : ''}`, reason),
    ),
  extensionRequested: (actor: string, reason: string) =>
    t(
      'extension.requested',
      note(`${actor} 申请延长核查期限`, reason),
      noteEn(`${actor} asked to extend the verification`, reason),
    ),
  extensionApproved: (actor: string, dueMs: number) =>
    t(
      'extension.approved',
      `${actor} 批准延长核查期限至${at(dueMs)}`,
      `${actor} extended the verification to ${at(dueMs)}`,
    ),
  extensionRejected: (actor: string, comment: string) =>
    t(
      'extension.rejected',
      note(`${actor} 不同意延期`, comment),
      noteEn(`${actor} rejected the extension`, comment),
    ),
  verificationBreached: (dueMs: number) =>
    t(
      'verification.breached',
      `举报核查已超过期限（${at(dueMs)}到期），已提请上一级督办`,
      `Verification overdue (due ${at(dueMs)}); escalated to the level above`,
    ),
  followedUp: (actor: string, comment: string) =>
    t('breach.followedUp', note(`${actor} 已督办`, comment), noteEn(`${actor} followed up`, comment)),
  substantiated: (actor: string) =>
    t('verification.substantiated', `${actor} 核查认定举报属实`, `${actor} found the tip substantiated`),
  unsubstantiated: (actor: string, summary: string) =>
    t(
      'verification.unsubstantiated',
      note(`${actor} 核查认定举报查无实据`, summary),
      noteEn(`${actor} found the tip unsubstantiated`, summary),
    ),
  hazardCreated: (ref: string) =>
    t(
      'followUp.hazard',
      `已登记隐患（来源：群众举报）${ref}`,
      `Hazard ${ref} registered (source: public report)`,
    ),
  caseCreated: (ref: string) =>
    t('followUp.enforcementCase', `已移交立案查处，案号${ref}`, `Enforcement case ${ref} opened`),
  followUpFailed: (message: string) =>
    t(
      'followUp.failed',
      `后续处置未能自动登记，请人工处理：${message}`,
      `The follow-up could not be registered: ${message}`,
    ),
  feedbackDue: (dueMs: number) =>
    t('feedback.due', `须于${at(dueMs)}前向举报人反馈核查结果`, `Feedback to the reporter due ${at(dueMs)}`),
  feedbackBreached: (dueMs: number) =>
    t(
      'feedback.breached',
      `向举报人反馈已超期（${at(dueMs)}到期），已提请督办`,
      `Feedback to the reporter overdue (due ${at(dueMs)}); escalated`,
    ),
  feedbackSent: (actor: string) =>
    t('feedback.sent', `${actor} 已向举报人反馈核查结果`, `${actor} told the reporter the result`),
  disputed: (reason: string) =>
    t(
      'dispute.received',
      note('举报人对核查结论有异议，申请复查', reason),
      noteEn('The reporter asked for a re-check', reason),
    ),
  recheckUpheld: (actor: string, summary: string) =>
    t(
      'recheck.upheld',
      note(`${actor} 复查维持原核查结论`, summary),
      noteEn(`${actor} upheld the conclusion`, summary),
    ),
  recheckRevised: (actor: string, summary: string) =>
    t(
      'recheck.revised',
      note(`${actor} 复查改变核查结论`, summary),
      noteEn(`${actor} revised the conclusion`, summary),
    ),
  fineRecorded: (actor: string, fineYuan: number) =>
    t('fine.recorded', `${actor} 登记罚款${fineYuan}元`, `${actor} recorded a fine of ${fineYuan} yuan`),
  rewardComputed: (c: RewardComputation) =>
    c.exclusion
      ? t(
          'reward.notEligible',
          `按规则核定：${REWARD_EXCLUSION_LABELS[c.exclusion].zh}`,
          `By rule: ${REWARD_EXCLUSION_LABELS[c.exclusion].en}`,
        )
      : t(
          'reward.computed',
          `按规则核定奖励${c.amountYuan}元（规则第${c.rulesVersion}版）`,
          `Reward computed by rule: ${c.amountYuan} yuan (rules v${c.rulesVersion})`,
        ),
  rewardApproved: (actor: string, amount: number, windowMs: number) =>
    t(
      'reward.approved',
      `${actor} 批准奖励${amount}元，领取期限至${at(windowMs)}`,
      `${actor} approved a reward of ${amount} yuan; claim by ${at(windowMs)}`,
    ),
  rewardRejected: (actor: string, reason: string | undefined) =>
    t(
      'reward.rejected',
      note(`${actor} 不予批准奖励`, reason),
      noteEn(`${actor} rejected the reward`, reason),
    ),
  rewardClaimed: (verifiedBy: string, dueMs: number) =>
    t(
      'reward.claimed',
      `举报人已申领奖励（${verifiedBy === 'claimCode' ? '查询码核验' : '实名核验'}），${at(dueMs)}前兑付`,
      `The reporter claimed the reward (${verifiedBy}); payment due ${at(dueMs)}`,
    ),
  rewardLapsed: (windowMs: number) =>
    t(
      'reward.lapsed',
      `举报人逾期未领取奖励（期限${at(windowMs)}）`,
      `The reward lapsed unclaimed (window ended ${at(windowMs)})`,
    ),
  paymentBreached: (dueMs: number) =>
    t('payment.breached', `奖励兑付已超期（${at(dueMs)}到期）`, `Reward payment overdue (due ${at(dueMs)})`),
  rewardPaid: (actor: string, amount: number) =>
    t('reward.paid', `${actor} 已兑付奖励${amount}元`, `${actor} paid the reward of ${amount} yuan`),
  closed: () => t('tip.closed', '举报办结', 'Tip closed'),
};

/** Notices tipline-service passes on to the reporter (status page; SMS/letter for real names). */
export const notices = {
  accepted: (ref: string) => ({
    messageZh: `您的举报（${ref}）已受理，正在核查。`,
    messageEn: `Your tip ${ref} was accepted and is being verified.`,
  }),
  notAccepted: (ref: string, reason: string) => ({
    messageZh: `您的举报（${ref}）不属于本机关受理范围：${reason}`,
    messageEn: `Your tip ${ref} is outside this office's remit: ${reason}`,
  }),
  forwarded: (ref: string, to: string) => ({
    messageZh: `您的举报（${ref}）已转交${to}办理。`,
    messageEn: `Your tip ${ref} was forwarded to ${to}.`,
  }),
  rewardApproved: (ref: string, amount: number, windowMs: number) => ({
    messageZh: `您的举报（${ref}）经核定奖励${amount}元，请于${at(windowMs)}前凭查询码和密码或实名信息申领。`,
    messageEn: `A reward of ${amount} yuan was approved for tip ${ref}; claim it by ${at(windowMs)} (Beijing time).`,
  }),
  rewardPaid: (ref: string) => ({
    messageZh: `您的举报（${ref}）奖励已发放。`,
    messageEn: `The reward for tip ${ref} was paid.`,
  }),
};
