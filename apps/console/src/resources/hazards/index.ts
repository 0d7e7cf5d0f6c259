import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import type { ResourceProps } from 'react-admin';
import { HazardCreate } from './HazardCreate';
import { HazardList } from './HazardList';
import { HazardShow } from './HazardShow';

export const hazards = {
  name: 'hazards',
  list: HazardList,
  show: HazardShow,
  create: HazardCreate,
  icon: ReportProblemOutlinedIcon,
  recordRepresentation: 'caseRef',
} satisfies ResourceProps;

export { PlanFormPage } from './PlanFormPage';
