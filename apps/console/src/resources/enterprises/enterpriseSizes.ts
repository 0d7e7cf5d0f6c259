import { ENTERPRISE_SIZES } from '../../types';

export const enterpriseSizeChoices = ENTERPRISE_SIZES.map((size) => ({
  id: size,
  name: `zhiben.enterprises.sizes.${size}`,
}));
