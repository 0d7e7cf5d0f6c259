import { useCallback } from 'react';
import { useLocale } from 'react-admin';
import { checkCampaignForm, issuesToFormErrors, type CampaignFormValues } from './campaignForm';

/** The form-level `validate` of the plan form: the contract's plan rules, in the UI language. */
export const useCampaignValidation = (stagesMayOverlap: boolean) => {
  const locale = useLocale();
  return useCallback(
    (values: Record<string, unknown>) =>
      issuesToFormErrors(
        checkCampaignForm(values as unknown as CampaignFormValues, stagesMayOverlap),
        locale,
      ),
    [locale, stagesMayOverlap],
  );
};
