import { useLocale, useTranslate } from 'react-admin';
import type { ListMeta } from '../../providers/dataProvider';
import { ORG_UNIT_KINDS, TOWN_LEVEL_KINDS, type OrgUnit } from '../../types';

/** Choices for kind inputs and fields; SelectInput/SelectField translate the names. */
export const orgUnitKindChoices = ORG_UNIT_KINDS.map((kind) => ({
  id: kind,
  name: `zhiben.orgUnits.kinds.${kind}`,
}));

/** Query options for pickers of an enterprise's territorial unit (所属镇街: town, street or platform). */
export const townLevelQueryOptions: { meta: ListMeta } = { meta: { anyKind: TOWN_LEVEL_KINDS } };

/** Option text for org-unit pickers: the name with its kind, so that units of the same name are told apart. */
export const useOrgUnitOptionText = (): ((unit: OrgUnit | undefined) => string) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (unit) => {
    if (!unit) return '';
    const kind = translate(`zhiben.orgUnits.kinds.${unit.kind}`);
    return locale === 'en' ? `${unit.name} (${kind})` : `${unit.name}（${kind}）`;
  };
};
