import { ORG_UNIT_KINDS, TOWN_LEVEL_KINDS } from '../../types';

/** Choices for kind inputs and fields; SelectInput/SelectField translate the names. */
export const orgUnitKindChoices = ORG_UNIT_KINDS.map((kind) => ({ id: kind, name: `zhiben.orgUnits.kinds.${kind}` }));

/** Filter for reference inputs that pick a town, street or platform (所属镇街). */
export const townLevelFilter = { kind: [...TOWN_LEVEL_KINDS] };
