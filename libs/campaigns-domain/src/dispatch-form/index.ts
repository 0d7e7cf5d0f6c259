import type { FormDefinition } from '@zhiben/contracts';
import { DISPATCH_FORM_2023 } from './major-hazard-2023.form';

export {
  DISPATCH_FORM_2023,
  DISPATCH_FORM_2023_ID,
  OUTSOURCING_CHAOS_CRITERIA,
  type OutsourcingChaosCriterion,
  isOutsourcingChaotic,
} from './major-hazard-2023.form';

/** Every form a report schedule may name in `report.formId`. */
export const FORMS: readonly FormDefinition[] = [DISPATCH_FORM_2023];

export function formById(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}
