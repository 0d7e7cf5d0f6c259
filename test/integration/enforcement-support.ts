import { api, baseUrl, type ApiResponse } from '@zhiben/testing';
import { token } from './hazard-support';
import { RUN_ID } from './support';

/** Helpers for the enforcement specs (enforcement-*.int-spec.ts): calls through the gateway, uploads, bodies. */

export const ENF = '/api/enforcement';
export const INSPECTOR = 'inspector.yingji';
export const INSPECTOR2 = 'inspector2.yingji';
export const HEAD = 'leader.yingji';
export const LIAISON = 'official.yingji';
/** A 建筑施工 enterprise: outside 区应急管理局's sectors (区住房城乡建委 supervises it). */
export const CONSTRUCTION_CREDIT_CODE = '91500116202240424W';

export const TEAM = [
  { username: INSPECTOR, name: '赵磊', certificateNo: 'YJ-500116-001' },
  { username: INSPECTOR2, name: '孙敏', certificateNo: 'YJ-500116-002' },
];
export const OFFICERS = TEAM.map(({ username, name }) => ({ username, name }));

export async function call<T = any>(
  user: string,
  path: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  return api<T>(`${ENF}${path}`, { ...opts, token: await token(user) });
}

export const postAs = <T = any>(
  user: string,
  path: string,
  body: unknown = {},
  headers?: Record<string, string>,
) => call<T>(user, path, { method: 'POST', body, headers });

/** Uploads raw bytes as the given user (photos, evidence, referral documents). */
export async function upload(
  user: string,
  path: string,
  bytes: Buffer,
  contentType: string,
  fileName: string,
) {
  const res = await fetch(`${baseUrl()}${ENF}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token(user)}`,
      'content-type': contentType,
      'x-file-name': encodeURIComponent(fileName),
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6e3d30000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** An inspection of `creditCode` by the two-inspector team (四不两直 unless told). */
export async function newInspection(creditCode: string, kind = 'unannounced') {
  const res = await postAs(INSPECTOR, '/inspections', {
    kind,
    enterpriseCreditCode: creditCode,
    inspectors: TEAM,
  });
  if (res.status !== 201) throw new Error(`inspection: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A record with a major finding (粉尘防爆, 工贸 11.3) and a general one, and the 两个必查. */
export function recordBody(photos: string[], label = 'record') {
  return {
    inspectedAt: hoursAgo(2),
    checklist: [
      {
        catalogueId: 'gongmao-2023',
        clauseId: '11.3',
        item: '粉尘爆炸危险场所除尘系统防爆措施',
        result: 'violation',
      },
      { item: '安全生产责任制落实情况', result: 'compliant', note: '主要负责人履职记录齐全' },
    ],
    findings: [
      {
        description: `${label} ${RUN_ID} 抛光车间干式除尘器未采取泄爆、惰化、抑爆等爆炸防控措施`,
        grade: 'major',
        catalogueId: 'gongmao-2023',
        clauseId: '11.3',
        location: '二号厂房抛光车间',
        photos,
        rectifyBy: new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10),
        stopOrdered: true,
      },
      {
        description: `${label} ${RUN_ID} 配电箱未上锁，电缆老化破损`,
        grade: 'general',
        location: '一号厂房',
      },
    ],
    principalDutiesChecked: true,
    responsiblePersonsChecked: true,
  };
}

/** A recorded, signed inspection with its findings registered as hazards. */
export async function recordedInspection(creditCode: string, label: string) {
  const inspection = await newInspection(creditCode);
  const photo = await upload(INSPECTOR, `/inspections/${inspection.id}/photos`, PNG, 'image/png', '现场.png');
  if (photo.status !== 201) throw new Error(`photo: ${photo.status} ${JSON.stringify(photo.body)}`);
  const rec = await postAs(
    INSPECTOR,
    `/inspections/${inspection.id}/record`,
    recordBody([photo.body.id], label),
  );
  if (rec.status !== 200) throw new Error(`record: ${rec.status} ${JSON.stringify(rec.body)}`);
  for (const u of [INSPECTOR, INSPECTOR2]) {
    const s = await postAs(u, `/inspections/${inspection.id}/sign`);
    if (s.status !== 200) throw new Error(`sign: ${s.status} ${JSON.stringify(s.body)}`);
  }
  return rec.body;
}

export async function newCase(inspectionId: string, title: string, extra: Record<string, unknown> = {}) {
  const res = await postAs(INSPECTOR, '/cases', {
    inspectionId,
    title,
    officers: OFFICERS,
    parties: [
      { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 30000 },
      { kind: 'principal', name: '张主任', fineYuan: 5000 },
    ],
    ...extra,
  });
  if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
