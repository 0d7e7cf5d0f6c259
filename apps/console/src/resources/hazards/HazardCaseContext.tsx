import type { ReactNode } from 'react';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  CircularProgress,
  Stack,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { LinkBase, useGetOne, useTranslate } from 'react-admin';
import { EvidenceGallery } from './EvidenceGallery';
import { DualReports, HazardHeader, ListingSection, ProgressSection } from './HazardSections';
import { PlanView } from './PlanView';
import { currentPlanOf } from './useHazardRecords';
import { asDetail, type HazardDetail, type Listing } from './types';

const Section = ({
  title,
  defaultExpanded,
  children,
  testId,
}: {
  title: string;
  defaultExpanded?: boolean;
  children: ReactNode;
  testId?: string;
}) => (
  <Accordion defaultExpanded={defaultExpanded} disableGutters variant="outlined" data-testid={testId}>
    <AccordionSummary expandIcon={<ExpandMoreIcon />}>
      <Typography variant="subtitle2">{title}</Typography>
    </AccordionSummary>
    <AccordionDetails>{children}</AccordionDetails>
  </Accordion>
);

/** Steps whose decision is about the plan: the reviewer must read it in full beside the form. */
const PLAN_STEPS = new Set(['reviewPlan', 'submitPlan']);
const ACCEPTANCE_STEPS = new Set([
  'reviewAcceptance',
  'approveCloseOut',
  'applyAcceptance',
  'verifyGeneral',
  'approveExtension',
]);
const LISTING_STEPS = new Set([
  'approveListing',
  'listingProgress',
  'applyDelisting',
  'delistingReview',
  'approveDelisting',
]);

/**
 * The case a hazard task decides on, beside the decision form: header and deadline, the plan (open for
 * plan reviews), progress and acceptance (open for acceptance and close-out), evidence, 双报告 and the
 * listing — so an official decides without leaving the task.
 */
export const HazardCaseContext = ({ hazardId, step }: { hazardId: string; step: string | null }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<HazardDetail>('hazards', { id: hazardId });
  const hazard = data ? asDetail(data) : undefined;
  if (isPending) return <CircularProgress size={24} />;
  if (error || !hazard) {
    return (
      <Alert severity="warning" data-testid="case-unavailable">
        {translate('zhiben.task.case.unavailable', {
          message: error instanceof Error ? error.message : '',
        })}
      </Alert>
    );
  }
  const plan = currentPlanOf(hazard.plans);
  const key = step ?? '';
  return (
    <Stack spacing={2} data-testid="case-context">
      <HazardHeader
        hazard={hazard}
        actions={
          <Box>
            <Button
              size="small"
              component={LinkBase}
              to={`/hazards/${hazard.id}/show`}
              endIcon={<OpenInNewIcon fontSize="small" />}
              data-testid="case-open-hazard"
            >
              {translate('zhiben.task.case.open')}
            </Button>
          </Box>
        }
      />
      <Box>
        <Section
          title={translate('zhiben.hazards.tabs.plan')}
          defaultExpanded={PLAN_STEPS.has(key)}
          testId="case-plan"
        >
          {plan ? (
            <PlanView plan={plan} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('zhiben.hazards.plan.none')}
            </Typography>
          )}
        </Section>
        <Section
          title={translate('zhiben.hazards.tabs.progress')}
          defaultExpanded={ACCEPTANCE_STEPS.has(key)}
          testId="case-progress"
        >
          <ProgressSection hazard={hazard} />
        </Section>
        <Section
          title={translate('zhiben.hazards.tabs.evidence')}
          defaultExpanded={ACCEPTANCE_STEPS.has(key) && hazard.files.length > 0}
        >
          <EvidenceGallery files={hazard.files} />
        </Section>
        <Section title={translate('zhiben.hazards.tabs.dualReports')}>
          <DualReports hazard={hazard} />
        </Section>
        {hazard.listings.length > 0 || LISTING_STEPS.has(key) ? (
          <Section title={translate('zhiben.hazards.tabs.listing')} defaultExpanded={LISTING_STEPS.has(key)}>
            <ListingSection hazard={hazard} />
          </Section>
        ) : null}
      </Box>
    </Stack>
  );
};

/** A listing task: the listing names its hazard, whose context is then shown. */
export const ListingCaseContext = ({ listingId, step }: { listingId: string; step: string | null }) => {
  const translate = useTranslate();
  const { data: listing, isPending, error } = useGetOne<Listing>('listings', { id: listingId });
  if (isPending) return <CircularProgress size={24} />;
  if (error || !listing) {
    return (
      <Alert severity="warning" data-testid="case-unavailable">
        {translate('zhiben.task.case.unavailable', { message: error instanceof Error ? error.message : '' })}
      </Alert>
    );
  }
  return <HazardCaseContext hazardId={listing.hazardId} step={step} />;
};
