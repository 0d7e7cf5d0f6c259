import { Box, Card, CardContent, CardHeader, Grid, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { useRoles } from '../../providers/roles';
import { EvidenceGallery, EvidenceUpload } from './EvidenceGallery';
import { HazardActions } from './HazardActions';
import {
  DualReports,
  HazardHeader,
  LedgerDetails,
  ListingSection,
  PlanSection,
  ProgressSection,
} from './HazardSections';
import { HazardTimeline } from './HazardTimeline';
import { useHazardTimeline } from './useHazardRecords';
import { asDetail, type HazardDetail } from './types';

const TABS = ['ledger', 'plan', 'progress', 'evidence', 'dualReports', 'listing'] as const;
type HazardTab = (typeof TABS)[number];

const HazardShowLayout = () => {
  const record = useRecordContext<HazardDetail>();
  const hazard = record ? asDetail(record) : undefined;
  const translate = useTranslate();
  const { enterprise, official } = useRoles();
  const [tab, setTab] = useState<HazardTab>('ledger');
  const timeline = useHazardTimeline(hazard);
  if (!hazard) return null;
  const canUpload = (enterprise || official) && hazard.status !== 'closed';
  return (
    <Grid container spacing={2} sx={{ mt: { xs: 1, sm: 2 } }} data-testid="hazard-show">
      <Grid size={{ xs: 12 }}>
        <Card>
          <CardContent>
            <HazardHeader hazard={hazard} actions={<HazardActions hazard={hazard} />} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Card>
          <Tabs
            value={tab}
            onChange={(_event, next: HazardTab) => setTab(next)}
            variant="scrollable"
            allowScrollButtonsMobile
            sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
          >
            {TABS.map((candidate) => (
              <Tab
                key={candidate}
                value={candidate}
                label={translate(`zhiben.hazards.tabs.${candidate}`)}
                data-testid={`hazard-tab-${candidate}`}
              />
            ))}
          </Tabs>
          <CardContent>
            {tab === 'ledger' ? <LedgerDetails hazard={hazard} /> : null}
            {tab === 'plan' ? <PlanSection hazard={hazard} /> : null}
            {tab === 'progress' ? <ProgressSection hazard={hazard} /> : null}
            {tab === 'evidence' ? (
              <Box sx={{ display: 'grid', gap: 2 }}>
                <EvidenceGallery files={hazard.files} />
                {canUpload ? <EvidenceUpload hazardId={hazard.id} /> : null}
              </Box>
            ) : null}
            {tab === 'dualReports' ? <DualReports hazard={hazard} /> : null}
            {tab === 'listing' ? <ListingSection hazard={hazard} /> : null}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Card>
          <CardHeader
            title={translate('zhiben.hazards.timeline.title')}
            slotProps={{ title: { variant: 'subtitle1' } }}
          />
          <CardContent sx={{ pt: 0 }}>
            <HazardTimeline query={timeline} />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};

/** 隐患详情: ledger, plan, progress, evidence, 双报告, 挂牌督办 and the timeline of one case. */
export const HazardShow = () => (
  <Show actions={false} component="div" queryOptions={{ refetchInterval: 15_000 }}>
    <HazardShowLayout />
  </Show>
);
