import type { CandidateRule } from '@zhiben/contracts';
import type { NotificationKind, NotificationMessage } from '../notifications/notification-channel';

interface NoticeTask {
  id: string;
  titleZh: string;
  titleEn: string | null;
}

const TEXT: Record<
  Exclude<NotificationKind, 'reminder' | 'overdue' | 'escalation'>,
  { zh: (t: string, who: string) => string; en: (t: string, who: string) => string }
> = {
  task: { zh: (t) => `新待办：「${t}」`, en: (t) => `New task: "${t}"` },
  assigned: { zh: (t, w) => `${w} 将「${t}」分派给您`, en: (t, w) => `${w} assigned "${t}" to you` },
  transferred: { zh: (t, w) => `${w} 将「${t}」转办给您`, en: (t, w) => `${w} transferred "${t}" to you` },
  delegated: { zh: (t, w) => `${w} 将「${t}」委派给您`, en: (t, w) => `${w} delegated "${t}" to you` },
  resolved: {
    zh: (t, w) => `${w} 已办完委派的「${t}」，请您确认`,
    en: (t, w) => `${w} resolved the delegated "${t}"; please confirm`,
  },
  closed: { zh: (t) => `「${t}」已关闭`, en: (t) => `"${t}" was closed` },
  commented: { zh: (t, w) => `${w} 评论了「${t}」`, en: (t, w) => `${w} commented on "${t}"` },
};

/** A notice about a task to one user or candidate rule, in both languages. */
export function taskNotice(
  kind: keyof typeof TEXT,
  task: NoticeTask,
  to: { username: string } | CandidateRule,
  idempotencyKey: string,
  who = '',
): NotificationMessage {
  const text = TEXT[kind];
  return {
    idempotencyKey,
    kind,
    taskId: task.id,
    to: 'username' in to ? { username: to.username } : { role: to.role, orgUnitCode: to.orgUnitCode },
    messageZh: text.zh(task.titleZh, who),
    messageEn: text.en(task.titleEn ?? task.titleZh, who),
  };
}

export function recipientKey(to: { username: string } | CandidateRule): string {
  return 'username' in to ? `u:${to.username}` : `g:${to.role}@${to.orgUnitCode}`;
}
