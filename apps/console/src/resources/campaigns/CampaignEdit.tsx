import { Alert } from '@mui/material';
import { Edit, SimpleForm, useEditContext, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { toCampaignPayload, type CampaignFormValues } from './campaignForm';
import { CampaignPlanInputs } from './CampaignFormFields';
import type { Campaign } from './types';
import { useCampaignValidation } from './useCampaignValidation';

const EditForm = () => {
  const translate = useTranslate();
  const { record } = useEditContext<Campaign>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const template = useQuery({
    queryKey: ['campaigns', 'template', record?.templateId, record?.templateVersion],
    queryFn: ({ signal }) => dataProvider.getTemplate(record!.templateId, record!.templateVersion, signal),
    enabled: record !== undefined,
  });
  const validate = useCampaignValidation(template.data?.stagesMayOverlap ?? false);
  if (!record) return null;
  if (record.status !== 'draft') {
    return <Alert severity="info">{translate('zhiben.campaigns.edit.notDraft')}</Alert>;
  }
  return (
    <SimpleForm validate={validate} data-testid="campaign-form">
      <CampaignPlanInputs />
    </SimpleForm>
  );
};

/**
 * 修改方案草稿: PATCH /campaigns/:id with only the changed plan parts and the version the user saw
 * (a concurrent edit is a 409 on the open form). Only drafts are editable.
 */
export const CampaignEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    transform={(data: CampaignFormValues) => toCampaignPayload(data)}
  >
    <EditForm />
  </Edit>
);
