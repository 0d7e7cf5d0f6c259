/**
 * For "only …" switches in list filters (仅看逾期): off means "any", not "not …", so the filter is
 * dropped rather than sent as false.
 */
export const onlyWhenOn = (value: boolean): true | undefined => (value ? true : undefined);
