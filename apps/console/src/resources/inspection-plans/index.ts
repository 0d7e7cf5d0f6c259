import EventNoteOutlinedIcon from '@mui/icons-material/EventNoteOutlined';
import type { ResourceProps } from 'react-admin';
import { InspectionPlanCreate } from './InspectionPlanCreate';
import { InspectionPlanList } from './InspectionPlanList';
import { InspectionPlanShow } from './InspectionPlanShow';

export const inspectionPlans = {
  name: 'inspection-plans',
  list: InspectionPlanList,
  show: InspectionPlanShow,
  create: InspectionPlanCreate,
  icon: EventNoteOutlinedIcon,
  recordRepresentation: 'title',
} satisfies ResourceProps;
