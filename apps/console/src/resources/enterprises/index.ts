import FactoryIcon from '@mui/icons-material/Factory';
import type { ResourceProps } from 'react-admin';
import { EnterpriseCreate } from './EnterpriseCreate';
import { EnterpriseEdit } from './EnterpriseEdit';
import { EnterpriseList } from './EnterpriseList';
import { EnterpriseShow } from './EnterpriseShow';

export const enterprises = {
  name: 'enterprises',
  list: EnterpriseList,
  show: EnterpriseShow,
  edit: EnterpriseEdit,
  create: EnterpriseCreate,
  icon: FactoryIcon,
  recordRepresentation: 'name',
} satisfies ResourceProps;
