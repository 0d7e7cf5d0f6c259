import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import { Box, Chip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberInput,
  SelectInput,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useBilingual } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { useRoles } from '../../providers/roles';
import { CAMPAIGN_STATUSES, type Campaign, type CampaignStatus } from './types';

export const CAMPAIGN_STATUS_COLORS: Record<
  CampaignStatus,
  'default' | 'info' | 'primary' | 'success' | 'warning' | 'error'
> = {
  draft: 'default',
  approval: 'info',
  issued: 'primary',
  running: 'success',
  summarizing: 'warning',
  closed: 'default',
  rejected: 'error',
};

export const CampaignStatusChip = ({ status }: { status: CampaignStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={CAMPAIGN_STATUS_COLORS[status] ?? 'default'}
      label={translate(`zhiben.campaigns.statuses.${status}`, { _: status })}
      data-testid="campaign-status"
      data-status={status}
    />
  );
};

const StatusCell = () => {
  const record = useRecordContext<Campaign>();
  return record ? <CampaignStatusChip status={record.status} /> : null;
};

const PeriodCell = () => {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!record) return null;
  const end = record.period.end;
  return (
    <>
      {record.period.start} — {end.kind === 'date' ? end.date : translate('zhiben.campaigns.endKinds.event')}
    </>
  );
};

const StageCell = () => {
  const record = useRecordContext<Campaign>();
  const bilingual = useBilingual();
  const stage = record?.stages.find((s) => s.key === record.currentStageKey);
  return <>{stage ? bilingual(stage.titleZh, stage.titleEn) : '—'}</>;
};

const useFilters = () => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  return [
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={CAMPAIGN_STATUSES.map((id) => ({ id, name: translate(`zhiben.campaigns.statuses.${id}`) }))}
    />,
    <TemplateFilter key="templateId" source="templateId" alwaysOn bilingual={bilingual} />,
    <NumberInput key="year" source="year" alwaysOn min={2000} max={2100} />,
  ];
};

export const useTemplates = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['campaigns', 'templates'],
    queryFn: ({ signal }) => dataProvider.getTemplates(signal),
  });
};

const TemplateFilter = ({
  source,
  bilingual,
}: {
  source: string;
  alwaysOn?: boolean;
  bilingual: (zh: string, en: string) => string;
}) => {
  const { data } = useTemplates();
  return (
    <SelectInput
      source={source}
      label="resources.campaigns.fields.templateId"
      choices={(data?.data ?? []).map((t) => ({ id: t.id, name: bilingual(t.titleZh, t.titleEn) }))}
    />
  );
};

const Actions = () => {
  const { roles } = useRoles();
  return (
    <TopToolbar>
      <FilterButton />
      {roles.includes('admin') ? <CreateButton data-testid="campaign-create" /> : null}
    </TopToolbar>
  );
};

/** No campaign yet: admins get 新建 (the toolbar's button is not shown on an empty list), others a note. */
const CampaignEmpty = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const admin = roles.includes('admin');
  return (
    <Box
      sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary', width: '100%' }}
      data-testid="campaign-empty"
    >
      <CampaignOutlinedIcon sx={{ fontSize: 64, color: 'action.disabled' }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>
        {translate('zhiben.campaigns.empty.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate(admin ? 'zhiben.campaigns.empty.create' : 'zhiben.campaigns.empty.none')}
      </Typography>
      {admin ? <CreateButton variant="contained" data-testid="campaign-create" /> : null}
    </Box>
  );
};

/**
 * 专项行动: the campaigns of the user's jurisdiction. Status is filtered by the API; template and year
 * are filtered by the data provider on the loaded page (campaigns.service `listCampaignsQuerySchema`
 * is strict and takes only page, perPage and status).
 */
export const CampaignList = () => (
  <List
    actions={<Actions />}
    empty={<CampaignEmpty />}
    filters={useFilters()}
    sort={{ field: 'createdAt', order: 'DESC' }}
    data-testid="campaign-list"
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="titleZh" />
      <DataTable.Col source="status" render={() => <StatusCell />} />
      <DataTable.Col source="jurisdiction.name" />
      <DataTable.Col source="period" disableSort render={() => <PeriodCell />} />
      <DataTable.Col source="currentStageKey" disableSort render={() => <StageCell />} />
      <DataTable.Col
        source="templateId"
        render={(r: Campaign) => `${r.templateId} · v${r.templateVersion}`}
      />
    </DataTable>
  </List>
);
