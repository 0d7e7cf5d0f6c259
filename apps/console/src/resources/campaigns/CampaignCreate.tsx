import { Alert, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  Create,
  SelectInput,
  SimpleForm,
  useDataProvider,
  useGetIdentity,
  useGetList,
  useTranslate,
} from 'react-admin';
import { useBilingual } from '../../fields/useDateFormat';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { OrgUnit } from '../../types';
import {
  defaultJurisdiction,
  draftFromTemplate,
  isJurisdictionKind,
  toCampaignPayload,
  type CampaignFormValues,
} from './campaignForm';
import { CampaignPlanInputs } from './CampaignFormFields';
import { useTemplates } from './CampaignList';
import { useCampaignValidation } from './useCampaignValidation';

/**
 * 部署专项行动: pick a template and its version, then edit the plan prefilled from it (stages, dates,
 * report schedules) and pick the participating units. POST /campaigns validates the same rules and its
 * 400 field errors land under the inputs (`stages.1.end.date`, `participants.0.orgUnitCode`).
 */
export const CampaignCreate = () => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { identity } = useGetIdentity();
  const ownUnit = (identity as ConsoleIdentity | undefined)?.orgUnit;
  // The same query as the participants tree (react-query shares it).
  const orgUnits = useGetList<OrgUnit>('org-units', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  const territorial = useMemo(
    () => (orgUnits.data ?? []).filter((u) => isJurisdictionKind(u.kind)),
    [orgUnits.data],
  );
  const jurisdiction = defaultJurisdiction(ownUnit, orgUnits.data ?? []);
  const templates = useTemplates();
  const [templateId, setTemplateId] = useState('');
  const [version, setVersion] = useState<number | ''>('');
  const summary = templates.data?.data.find((t) => t.id === templateId);
  const template = useQuery({
    queryKey: ['campaigns', 'template', templateId, version],
    queryFn: ({ signal }) =>
      dataProvider.getTemplate(templateId, version === '' ? undefined : version, signal),
    enabled: templateId !== '',
  });
  const validate = useCampaignValidation(template.data?.stagesMayOverlap ?? false);

  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="campaign-create-page">
      <Card>
        <CardContent>
          <Typography variant="h6" sx={{ mb: 2 }}>
            {translate('zhiben.campaigns.create.pickTemplate')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              size="small"
              sx={{ minWidth: 360 }}
              label={translate('resources.campaigns.fields.templateId')}
              value={templateId}
              onChange={(e) => {
                setTemplateId(e.target.value);
                setVersion('');
              }}
              slotProps={{ htmlInput: { 'data-testid': 'campaign-template' } }}
            >
              {(templates.data?.data ?? []).map((t) => (
                <MenuItem key={t.id} value={t.id}>
                  {bilingual(t.titleZh, t.titleEn)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              sx={{ minWidth: 160 }}
              label={translate('resources.campaigns.fields.templateVersion')}
              value={version === '' ? (summary?.latestVersion ?? '') : version}
              onChange={(e) => setVersion(Number(e.target.value))}
              disabled={!summary}
            >
              {(summary?.versions ?? []).map((v) => (
                <MenuItem key={v.version} value={v.version}>
                  {translate('zhiben.campaigns.create.version', {
                    version: v.version,
                    source: translate(`zhiben.campaigns.create.sources.${v.source}`),
                  })}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {template.data ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {template.data.issuer.nameZh} {template.data.issuer.docNo ?? ''} ·{' '}
              {translate(
                template.data.stagesMayOverlap
                  ? 'zhiben.campaigns.create.overlap'
                  : 'zhiben.campaigns.create.noOverlap',
              )}
            </Typography>
          ) : null}
          {template.error ? <Alert severity="error">{(template.error as Error).message}</Alert> : null}
        </CardContent>
      </Card>
      {template.data && !orgUnits.isPending ? (
        <Create
          key={`${template.data.id}@${template.data.version}`}
          resource="campaigns"
          record={draftFromTemplate(template.data, jurisdiction)}
          transform={(data: CampaignFormValues) => toCampaignPayload(data)}
          redirect="show"
          mutationOptions={{ meta: {} }}
        >
          <SimpleForm validate={validate} data-testid="campaign-form">
            <SelectInput
              source="jurisdiction"
              label="resources.campaigns.fields.jurisdiction.name"
              choices={territorial.map((u) => ({ id: u.code, name: u.name }))}
              sx={{ minWidth: 240 }}
            />
            <CampaignPlanInputs />
          </SimpleForm>
        </Create>
      ) : null}
    </Stack>
  );
};
