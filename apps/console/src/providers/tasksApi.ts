import type {
  InboxFilters,
  InboxPage,
  InboxView,
  TaskAttachment,
  TaskComment,
  TaskCompletion,
  TaskDetail,
  TaskNotification,
} from '../types';
import type { HttpClient } from './httpClient';

const TASKS = '/api/tasks';
const task = (id: string, action?: string): string =>
  `${TASKS}/tasks/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export interface InboxRequest extends InboxFilters {
  view: InboxView;
  limit: number;
  cursor?: string | null;
  signal?: AbortSignal;
}

/** The tasks service's API (human tasks, 我的待办) as the console calls it. */
export interface TasksApi {
  getInbox(request: InboxRequest): Promise<InboxPage>;
  getTask(id: string, signal?: AbortSignal): Promise<TaskDetail>;
  claimTask(id: string): Promise<unknown>;
  unclaimTask(id: string): Promise<unknown>;
  /** 指派: an official hands an open task to a named user. */
  assignTask(id: string, username: string, comment?: string): Promise<unknown>;
  /** 转办: the holder passes the task on for good. */
  transferTask(id: string, username: string, comment: string): Promise<unknown>;
  /** 委派: the holder asks someone to work on it; it comes back with 完成委派 (resolve). */
  delegateTask(id: string, username: string, comment: string): Promise<unknown>;
  resolveTask(id: string, comment: string): Promise<unknown>;
  /** 办理: the decision; the key makes a retried submission count once. */
  completeTask(id: string, completion: TaskCompletion, idempotencyKey: string): Promise<unknown>;
  addComment(id: string, body: string): Promise<TaskComment>;
  watchTask(id: string, watch: boolean): Promise<unknown>;
  uploadTaskAttachment(id: string, file: File): Promise<TaskAttachment>;
  attachmentBlob(id: string, attachmentId: string, signal?: AbortSignal): Promise<Blob>;
  getNotifications(signal?: AbortSignal): Promise<{ data: TaskNotification[]; unreadCount: number }>;
  markNotificationRead(id: string): Promise<unknown>;
  markAllNotificationsRead(): Promise<unknown>;
}

export const createTasksApi = (http: HttpClient): TasksApi => ({
  getInbox({ signal, overdue, dueBefore, ...query }) {
    return http.request<InboxPage>(`${TASKS}/inbox`, {
      query: {
        ...query,
        overdue: overdue ? true : undefined,
        // "Due before 25 Nov" includes the whole day in Beijing.
        dueBefore: dueBefore ? `${dueBefore}T23:59:59.999+08:00` : undefined,
      },
      signal,
    });
  },
  getTask(id, signal) {
    return http.request<TaskDetail>(task(id), { signal });
  },
  claimTask(id) {
    return http.request(task(id, 'claim'), { method: 'POST', body: {} });
  },
  unclaimTask(id) {
    return http.request(task(id, 'unclaim'), { method: 'POST', body: {} });
  },
  assignTask(id, username, comment) {
    return http.request(task(id, 'assign'), { method: 'POST', body: { username, comment } });
  },
  transferTask(id, username, comment) {
    return http.request(task(id, 'transfer'), { method: 'POST', body: { username, comment } });
  },
  delegateTask(id, username, comment) {
    return http.request(task(id, 'delegate'), { method: 'POST', body: { username, comment } });
  },
  resolveTask(id, comment) {
    return http.request(task(id, 'resolve'), { method: 'POST', body: { comment } });
  },
  completeTask(id, completion, idempotencyKey) {
    return http.request(task(id, 'complete'), {
      method: 'POST',
      body: completion,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },
  addComment(id, body) {
    return http.request<TaskComment>(task(id, 'comments'), { method: 'POST', body: { body } });
  },
  watchTask(id, watch) {
    return http.request(task(id, 'watch'), { method: watch ? 'POST' : 'DELETE' });
  },
  uploadTaskAttachment(id, file) {
    // The raw bytes, typed by Content-Type and named by X-File-Name (URL-encoded for Chinese names).
    return http.request<TaskAttachment>(task(id, 'attachments'), {
      method: 'POST',
      body: file,
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      },
    });
  },
  attachmentBlob(id, attachmentId, signal) {
    return http.requestBlob(`${task(id, 'attachments')}/${encodeURIComponent(attachmentId)}`, signal);
  },
  getNotifications(signal) {
    return http.request(`${TASKS}/notifications`, { query: { limit: 30 }, signal });
  },
  markNotificationRead(id) {
    return http.request(`${TASKS}/notifications/${encodeURIComponent(id)}/read`, {
      method: 'POST',
      body: {},
    });
  },
  markAllNotificationsRead() {
    return http.request(`${TASKS}/notifications/read-all`, { method: 'POST', body: {} });
  },
});
