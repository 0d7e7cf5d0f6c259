import AssignmentOutlinedIcon from '@mui/icons-material/AssignmentOutlined';
import EventRepeatOutlinedIcon from '@mui/icons-material/EventRepeatOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import TrendingUpOutlinedIcon from '@mui/icons-material/TrendingUpOutlined';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { LinkBase, useTranslate } from 'react-admin';
import { useRoles } from '../../providers/roles';
import { RECTIFYING_STATUSES } from './hazardChoices';
import { AcceptanceDialog, ExtensionDialog, ListingProposalDialog, ProgressDialog } from './HazardDialogs';
import type { HazardDetail } from './types';

type Dialog = 'progress' | 'acceptance' | 'extension' | 'listing';

/** A listing that is proposed or in force: no second proposal while it stands. */
const hasActiveListing = (hazard: HazardDetail): boolean =>
  hazard.listings.some((listing) => !['delisted', 'rejected', 'withdrawn'].includes(listing.status));

/**
 * What the user can do with the case now, by role and stage (the API enforces the same): the
 * enterprise submits its plan, reports progress, applies for acceptance or asks for more time; an
 * official may propose 挂牌督办 for a major hazard. Decisions (审核, 验收, 销号, 督办) are made in 我的待办.
 */
export const HazardActions = ({ hazard }: { hazard: HazardDetail }) => {
  const translate = useTranslate();
  const { enterprise, official } = useRoles();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rectifying = RECTIFYING_STATUSES.includes(hazard.status);
  const latestPlan = [...hazard.plans].sort((a, b) => b.planVersion - a.planVersion)[0];
  const mayPlan =
    enterprise &&
    hazard.grade === 'major' &&
    (hazard.status === 'planning' || (hazard.status === 'registered' && !latestPlan));
  const pendingExtension = hazard.extensionRequests.some((request) => request.status === 'pending');
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap data-testid="hazard-actions">
      {mayPlan ? (
        <Button
          variant="contained"
          component={LinkBase}
          to={`/hazards/${hazard.id}/plan`}
          startIcon={<AssignmentOutlinedIcon />}
          data-testid="hazard-submit-plan"
        >
          {translate(
            latestPlan?.status === 'returned'
              ? 'zhiben.hazards.plan.revise'
              : 'zhiben.hazards.plan.submitAction',
          )}
        </Button>
      ) : null}
      {enterprise && rectifying ? (
        <>
          <Button
            variant="outlined"
            startIcon={<TrendingUpOutlinedIcon />}
            onClick={() => setDialog('progress')}
            data-testid="hazard-report-progress"
          >
            {translate('zhiben.hazards.progress.action')}
          </Button>
          <Button
            variant="contained"
            startIcon={<FactCheckOutlinedIcon />}
            onClick={() => setDialog('acceptance')}
            data-testid="hazard-apply-acceptance"
          >
            {translate('zhiben.hazards.acceptance.action')}
          </Button>
          {hazard.rectificationDeadline && !pendingExtension ? (
            <Button
              variant="outlined"
              startIcon={<EventRepeatOutlinedIcon />}
              onClick={() => setDialog('extension')}
              data-testid="hazard-request-extension"
            >
              {translate('zhiben.hazards.extension.action')}
            </Button>
          ) : null}
        </>
      ) : null}
      {official && hazard.grade === 'major' && hazard.status !== 'closed' && !hasActiveListing(hazard) ? (
        <Button
          variant="outlined"
          color="error"
          startIcon={<FlagOutlinedIcon />}
          onClick={() => setDialog('listing')}
          data-testid="hazard-propose-listing"
        >
          {translate('zhiben.hazards.listingProposal.action')}
        </Button>
      ) : null}
      <ProgressDialog hazard={hazard} open={dialog === 'progress'} onClose={() => setDialog(null)} />
      <AcceptanceDialog hazard={hazard} open={dialog === 'acceptance'} onClose={() => setDialog(null)} />
      <ExtensionDialog hazard={hazard} open={dialog === 'extension'} onClose={() => setDialog(null)} />
      <ListingProposalDialog hazard={hazard} open={dialog === 'listing'} onClose={() => setDialog(null)} />
    </Stack>
  );
};
