import { Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import type { HazardPerson, RectificationPlan } from './types';

const person = (p: HazardPerson | null | undefined): string =>
  p ? [p.name, p.title, p.phone].filter(Boolean).join(' · ') : '—';

const Item = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '9em 1fr' },
      gap: { xs: 0, sm: 2 },
      py: 0.75,
    }}
  >
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

const PLAN_STATUS_COLORS: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  draft: 'default',
  submitted: 'info',
  approved: 'success',
  returned: 'warning',
  superseded: 'default',
  rejected: 'error',
};

/**
 * One version of the 重大事故隐患治理方案, in the order of 16号令 第十五条: 目标任务, 方法措施, 经费物资,
 * 机构人员, 时间要求, 安全措施和应急预案 — then the 验收人 and the review.
 */
export const PlanView = ({ plan }: { plan: RectificationPlan }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const t = (field: string) => translate(`zhiben.hazards.plan.fields.${field}`);
  const funds =
    plan.fundsAmountYuan !== null && plan.fundsAmountYuan !== undefined && plan.fundsAmountYuan !== ''
      ? `${plan.fundsAndMaterials}\n${translate('zhiben.hazards.plan.amount', { amount: Number(plan.fundsAmountYuan).toLocaleString() })}`
      : plan.fundsAndMaterials;
  return (
    <Box data-testid="plan-view" data-plan-version={plan.planVersion}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="subtitle2">
          {translate('zhiben.hazards.plan.version', { version: plan.planVersion })}
        </Typography>
        <Chip
          size="small"
          color={PLAN_STATUS_COLORS[plan.status] ?? 'default'}
          label={translate(`zhiben.hazards.plan.statuses.${plan.status}`, { _: plan.status })}
          data-testid="plan-status"
        />
        {plan.submittedAt ? (
          <Typography variant="caption" color="text.secondary">
            {translate('zhiben.hazards.plan.submitted', {
              name: plan.submittedBy.name,
              at: formatDate(plan.submittedAt, true),
            })}
          </Typography>
        ) : null}
      </Stack>
      <Item label={t('targets')}>{plan.targets}</Item>
      <Item label={t('measures')}>{plan.measures}</Item>
      <Item label={t('fundsAndMaterials')}>{funds}</Item>
      <Item label={t('organisationAndPeople')}>
        {plan.organisationAndPeople}
        {'\n'}
        {translate('zhiben.hazards.plan.responsible', { person: person(plan.responsiblePerson) })}
        {plan.executor
          ? `\n${translate('zhiben.hazards.plan.executorIs', { person: person(plan.executor) })}`
          : ''}
      </Item>
      <Item label={t('timeRequirements')}>
        {translate('zhiben.hazards.plan.deadlineIs', { date: formatDate(plan.deadline) })}
        {plan.timeRequirements ? `\n${plan.timeRequirements}` : ''}
      </Item>
      <Item label={t('safetyMeasures')}>{plan.safetyMeasures}</Item>
      <Item label={t('emergencyPlan')}>{plan.emergencyPlan}</Item>
      <Item label={t('acceptor')} testId="plan-acceptor">
        {person(plan.acceptor)}
      </Item>
      {plan.acceptanceCriteria ? (
        <Item label={t('acceptanceCriteria')}>{plan.acceptanceCriteria}</Item>
      ) : null}
      {plan.reviewComment || plan.reviewedAt ? (
        <Item label={t('review')}>
          {[plan.reviewedBy?.name, plan.reviewedAt ? formatDate(plan.reviewedAt, true) : null]
            .filter(Boolean)
            .join(' · ')}
          {plan.reviewComment ? `\n${plan.reviewComment}` : ''}
        </Item>
      ) : null}
      {plan.rejectionReason ? <Item label={t('rejection')}>{plan.rejectionReason}</Item> : null}
    </Box>
  );
};
