import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import type { ResourceProps } from 'react-admin';
import { InspectionCreate } from './InspectionCreate';
import { InspectionList } from './InspectionList';
import { InspectionShow } from './InspectionShow';

export const inspections = {
  name: 'inspections',
  list: InspectionList,
  show: InspectionShow,
  create: InspectionCreate,
  icon: FactCheckOutlinedIcon,
  recordRepresentation: 'ref',
} satisfies ResourceProps;

export { InspectionRecordPage } from './InspectionRecordPage';
