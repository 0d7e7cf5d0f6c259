import { Alert, Box, Chip, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LinkBase, useDataProvider, useGetOne, useLocale, useTranslate } from 'react-admin';
import { DeadlineChip } from '../../fields/DeadlineChip';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { Sector } from '../../types';
import { useSectorLabel } from '../sectors';
import { HazardGradeChip, HazardStatusChip, ListingStatusChip } from './HazardChips';
import { PlanView } from './PlanView';
import { sortPlans } from './useHazardRecords';
import type { HazardDetail, HazardPerson } from './types';

const person = (p: HazardPerson | null | undefined): string =>
  p ? [p.name, p.phone].filter(Boolean).join(' · ') : '—';

/** A label–value row; long text wraps and keeps its line breaks. */
export const Field = ({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '10em 1fr' },
      gap: { xs: 0, sm: 2 },
      py: 0.75,
    }}
  >
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography
      variant="body2"
      component="div"
      sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      data-testid={testId}
    >
      {children ?? '—'}
    </Typography>
  </Box>
);

/** Caption, title, chips and the deadline countdown: what a reader must see first. */
export const HazardHeader = ({ hazard, actions }: { hazard: HazardDetail; actions?: ReactNode }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const { data: sector } = useGetOne<Sector>(
    'sectors',
    { id: hazard.sector },
    { enabled: Boolean(hazard.sector) },
  );
  const sectorLabel = useSectorLabel();
  return (
    <Stack spacing={1.5} data-testid="hazard-header">
      <Typography
        variant="overline"
        color="text.secondary"
        sx={{ fontFamily: 'monospace', letterSpacing: '0.08em' }}
      >
        {translate('zhiben.hazards.ledgerNo', { caseRef: hazard.caseRef })}
      </Typography>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }} data-testid="hazard-show-title">
        {hazard.title}
      </Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap alignItems="center">
        <HazardGradeChip grade={hazard.grade} />
        <HazardStatusChip status={hazard.status} />
        {hazard.rectificationDeadline && hazard.status !== 'closed' ? (
          <DeadlineChip
            dueAt={hazard.rectificationDeadline}
            label={translate('resources.hazards.fields.rectificationDeadline')}
            countdown
            overdue={hazard.overdue || hazard.status === 'overdue'}
            data-testid="hazard-deadline"
          />
        ) : null}
        {hazard.closedAt ? (
          <Chip
            size="small"
            color="success"
            variant="outlined"
            label={translate('zhiben.hazards.closedOn', { date: formatDate(hazard.closedAt) })}
          />
        ) : null}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {[hazard.enterprise.name, hazard.town.name, sector ? sectorLabel(sector) : hazard.sector].join(' · ')}
      </Typography>
      {actions}
    </Stack>
  );
};

/** The 判定标准 the hazard was judged under: catalogue, clause number, and the clause's wording. */
const StandardClause = ({ standard }: { standard: NonNullable<HazardDetail['standard']> }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const options = { staleTime: Infinity, retry: false } as const;
  const { data: catalogues } = useQuery({
    queryKey: ['hazards', 'standards'],
    queryFn: ({ signal }) => dataProvider.getStandards(signal).then((r) => r.data),
    ...options,
  });
  const { data: clauses } = useQuery({
    queryKey: ['hazards', 'standards', standard.catalogueId, 'clauses'],
    queryFn: ({ signal }) => dataProvider.getClauses(standard.catalogueId, signal).then((r) => r.data),
    ...options,
  });
  const catalogue = catalogues?.find((candidate) => candidate.id === standard.catalogueId);
  const clause = clauses?.find((candidate) => candidate.id === standard.clauseId);
  const title = catalogue
    ? locale === 'en'
      ? catalogue.titleEn
      : `《${catalogue.titleZh}》`
    : standard.catalogueId;
  const number = clause
    ? `${clause.article}${clause.item}`
    : translate('zhiben.hazards.clauseRef', { clause: standard.clauseId });
  const text = clause?.textZh ?? standard.titleZh;
  return (
    <span data-testid="hazard-standard">
      {title} {number}
      {text ? `\n${text}` : ''}
    </span>
  );
};

/** 台账信息: the ledger fields (forms-and-reports.md F-06). */
export const LedgerDetails = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const f = (field: string) => translate(`resources.hazards.fields.${field}`);
  return (
    <Box data-testid="hazard-ledger">
      <Field label={f('description')}>{hazard.description}</Field>
      <Field label={f('category')}>{hazard.category}</Field>
      <Field label={f('location')}>{hazard.location}</Field>
      <Field label={f('source')}>
        {translate(`zhiben.hazards.sources.${hazard.source}`, { _: hazard.source })}
      </Field>
      <Field label={f('standard')}>
        {hazard.standard ? <StandardClause standard={hazard.standard} /> : null}
      </Field>
      <Field label={f('foundOn')}>
        {formatDate(hazard.foundOn)} · {hazard.foundBy}
      </Field>
      <Divider sx={{ my: 1 }} />
      <Field label={f('enterprise')}>
        {hazard.enterprise.name}
        <Typography
          component="span"
          variant="caption"
          color="text.secondary"
          sx={{ ml: 1, fontFamily: 'monospace' }}
        >
          {hazard.enterprise.creditCode}
        </Typography>
      </Field>
      <Field label={f('principal')}>{person(hazard.principal)}</Field>
      <Field label={f('actualController')}>{person(hazard.actualController)}</Field>
      <Field label={f('rectificationOwner')}>{person(hazard.rectificationOwner)}</Field>
      <Field label={f('interimMeasures')}>{hazard.interimMeasures}</Field>
      <Divider sx={{ my: 1 }} />
      <Field label={f('town')}>{hazard.town.name}</Field>
      <Field label={f('supervisingDepartment')}>{hazard.supervisingDepartment?.name}</Field>
      <Field label={f('rectificationDeadline')}>{formatDate(hazard.rectificationDeadline, true)}</Field>
      <Field label={f('createdBy')}>
        {hazard.createdBy.name} · {formatDate(hazard.createdAt, true)}
      </Field>
      {hazard.closeout ? (
        <Field label={translate('zhiben.hazards.closeout')}>
          {[
            formatDate(hazard.closeout.closedAt, true),
            hazard.closeout.authority?.name,
            hazard.closeout.approvedBy?.name,
          ]
            .filter(Boolean)
            .join(' · ')}
          {hazard.closeout.comment ? `\n${hazard.closeout.comment}` : ''}
        </Field>
      ) : null}
    </Box>
  );
};

/** 双报告: the discovery report (#1) and the rectification report (#2). */
export const DualReports = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  return (
    <Stack spacing={1.5} data-testid="hazard-dual-reports">
      {(['discovery', 'rectification'] as const).map((kind) => {
        const report = hazard.dualReports.find((candidate) => candidate.kind === kind);
        return (
          <Box key={kind} data-testid={`dual-report-${kind}`} data-reported={report ? 'true' : 'false'}>
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography variant="subtitle2">{translate(`zhiben.hazards.dualReport.${kind}`)}</Typography>
              <Chip
                size="small"
                color={report ? 'success' : 'default'}
                variant="outlined"
                label={translate(
                  report ? 'zhiben.hazards.dualReport.reported' : 'zhiben.hazards.dualReport.pending',
                )}
              />
            </Stack>
            {report ? (
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                {[formatDate(report.reportedAt, true), report.reportedBy?.name, report.recipient?.name]
                  .filter(Boolean)
                  .join(' · ')}
                {report.content ? `\n${report.content}` : ''}
              </Typography>
            ) : null}
          </Box>
        );
      })}
    </Stack>
  );
};

/** 整改方案: the version in force (or under review) in full, earlier versions with their reviews. */
export const PlanSection = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const plans = sortPlans(hazard.plans);
  if (plans.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="plan-none">
        {translate(hazard.grade === 'major' ? 'zhiben.hazards.plan.none' : 'zhiben.hazards.plan.notRequired')}
      </Typography>
    );
  }
  const [latest, ...earlier] = plans;
  return (
    <Stack spacing={2} divider={<Divider flexItem />}>
      <PlanView plan={latest} />
      {earlier.map((plan) => (
        <PlanView key={plan.planVersion} plan={plan} />
      ))}
    </Stack>
  );
};

/** 整改进展、验收申请与延期: what the enterprise reported and what officials decided. */
export const ProgressSection = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const nothing =
    hazard.progressReports.length === 0 &&
    hazard.acceptanceApplications.length === 0 &&
    hazard.extensionRequests.length === 0;
  if (nothing) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.hazards.progress.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2} data-testid="hazard-progress">
      {hazard.progressReports.map((report) => (
        <Box key={report.id} data-testid="progress-report">
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography variant="subtitle2">
              {translate('zhiben.hazards.progress.entry', { percent: report.percentComplete })}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {report.submittedBy.name} · {formatDate(report.submittedAt, true)}
            </Typography>
          </Stack>
          <LinearProgress
            variant="determinate"
            value={report.percentComplete}
            sx={{ my: 0.5, maxWidth: 320 }}
          />
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {report.summary}
          </Typography>
          {!report.interimControlsEffective ? (
            <Alert severity="warning" sx={{ mt: 0.5 }}>
              {translate('zhiben.hazards.progress.controlsIneffective')}
            </Alert>
          ) : null}
        </Box>
      ))}
      {hazard.acceptanceApplications.map((application) => {
        const review = hazard.acceptanceReviews.find(
          (candidate) => candidate.applicationId === application.id,
        );
        return (
          <Box key={application.id} data-testid="acceptance-application">
            <Typography variant="subtitle2">
              {translate('zhiben.hazards.acceptance.entry', { date: formatDate(application.completedOn) })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {application.summary}
            </Typography>
            {review ? (
              <Typography
                variant="body2"
                color={review.decision.startsWith('pass') ? 'success.main' : 'warning.main'}
              >
                {translate(`zhiben.hazards.acceptance.review.${review.decision}`, { _: review.decision })}
                {review.reviewedBy ? ` · ${review.reviewedBy.name}` : ''}
                {review.comment ? ` — ${review.comment}` : ''}
              </Typography>
            ) : null}
          </Box>
        );
      })}
      {hazard.extensionRequests.map((request) => (
        <Box key={request.id} data-testid="extension-request">
          <Typography variant="subtitle2">
            {translate('zhiben.hazards.extension.entry', {
              date: formatDate(request.requestedDeadlineAt),
              status: translate(`zhiben.hazards.extension.statuses.${request.status}`, { _: request.status }),
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
            {request.reason}
            {request.decisionComment ? `\n${request.decidedBy?.name ?? ''} — ${request.decisionComment}` : ''}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

/** 挂牌督办: the listing(s) of this hazard, with the notice and its deadline. */
export const ListingSection = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  if (hazard.listings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zhiben.hazards.listing.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2} divider={<Divider flexItem />} data-testid="hazard-listings">
      {hazard.listings.map((listing) => (
        <Box key={listing.id}>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <ListingStatusChip status={listing.status} />
            {listing.noticeDeadlineAt && listing.status !== 'delisted' ? (
              <DeadlineChip
                dueAt={listing.noticeDeadlineAt}
                label={translate('resources.listings.fields.noticeDeadlineAt')}
                countdown
              />
            ) : null}
            <Typography
              variant="body2"
              component={LinkBase}
              to="/listings"
              sx={{ color: 'primary.main', textDecoration: 'none' }}
            >
              {translate('zhiben.hazards.listing.board')}
            </Typography>
          </Stack>
          <Field label={translate('resources.listings.fields.authority')}>{listing.authority?.name}</Field>
          <Field label={translate('resources.listings.fields.reason')}>{listing.reason}</Field>
          {listing.noticeText ? (
            <Field label={translate('resources.listings.fields.noticeText')}>{listing.noticeText}</Field>
          ) : null}
          {listing.delistedAt ? (
            <Field label={translate('resources.listings.fields.delistedAt')}>
              {formatDate(listing.delistedAt, true)}
            </Field>
          ) : null}
          {listing.publicAnnouncementText ? (
            <Field label={translate('resources.listings.fields.publicAnnouncementText')}>
              {listing.publicAnnouncementText}
            </Field>
          ) : null}
        </Box>
      ))}
    </Stack>
  );
};
