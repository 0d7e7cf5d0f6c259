import AccountTreeOutlinedIcon from '@mui/icons-material/AccountTreeOutlined';
import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import FactoryOutlinedIcon from '@mui/icons-material/FactoryOutlined';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Box, Card, CardActionArea, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { LinkBase, Title, useGetIdentity, useTranslate } from 'react-admin';
import { useRuntimeConfig } from '../config/RuntimeConfigContext';
import type { ConsoleIdentity } from '../providers/authProvider';
import { DashboardStats } from './DashboardStats';

interface QuickLink {
  to: string;
  label: string;
  description: string;
  icon: ReactElement;
  testId: string;
}

const QUICK_LINKS: QuickLink[] = [
  {
    to: '/my-tasks',
    label: 'zhiben.menu.myTasks',
    description: 'zhiben.dashboard.links.myTasks',
    icon: <AssignmentTurnedInOutlinedIcon />,
    testId: 'dashboard-link-my-tasks',
  },
  {
    to: '/hazards',
    label: 'zhiben.menu.hazards',
    description: 'zhiben.dashboard.links.hazards',
    icon: <ReportProblemOutlinedIcon />,
    testId: 'dashboard-link-hazards',
  },
  {
    to: '/listings',
    label: 'zhiben.menu.listings',
    description: 'zhiben.dashboard.links.listings',
    icon: <FlagOutlinedIcon />,
    testId: 'dashboard-link-listings',
  },
  {
    to: '/org-units',
    label: 'zhiben.menu.orgUnits',
    description: 'zhiben.dashboard.links.orgUnits',
    icon: <AccountTreeOutlinedIcon />,
    testId: 'dashboard-link-org-units',
  },
  {
    to: '/enterprises',
    label: 'zhiben.menu.enterprises',
    description: 'zhiben.dashboard.links.enterprises',
    icon: <FactoryOutlinedIcon />,
    testId: 'dashboard-link-enterprises',
  },
];

const Welcome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { fullName, orgUnit, enterprise } = (identity ?? {}) as Partial<ConsoleIdentity>;
  return (
    <Card
      data-testid="dashboard-welcome"
      sx={{
        color: 'common.white',
        background: 'linear-gradient(120deg, #163a6b 0%, #1e4f91 60%, #2c6db8 100%)',
      }}
    >
      <CardContent sx={{ p: { xs: 2.5, sm: 4 } }}>
        <Typography variant="overline" sx={{ opacity: 0.8, letterSpacing: '0.2em' }}>
          {translate('zhiben.dashboard.campaign')}
        </Typography>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 600, my: 1 }}>
          {translate('zhiben.dashboard.heading')}
        </Typography>
        {fullName ? (
          <Typography variant="h6" component="p" sx={{ fontWeight: 400 }}>
            {translate('zhiben.dashboard.welcome', { name: fullName })}
          </Typography>
        ) : null}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap' }} useFlexGap>
          {orgUnit ? (
            <Chip
              icon={<AccountTreeOutlinedIcon />}
              label={translate('zhiben.dashboard.orgUnit', { orgUnit: orgUnit.name })}
              sx={{
                color: 'inherit',
                bgcolor: 'rgba(255,255,255,0.15)',
                '& .MuiChip-icon': { color: 'inherit' },
              }}
            />
          ) : null}
          {enterprise ? (
            <Chip
              icon={<FactoryOutlinedIcon />}
              label={translate('zhiben.dashboard.enterprise', { enterprise: enterprise.name })}
              sx={{
                color: 'inherit',
                bgcolor: 'rgba(255,255,255,0.15)',
                '& .MuiChip-icon': { color: 'inherit' },
              }}
            />
          ) : null}
        </Stack>
        <Typography variant="body2" sx={{ mt: 2, maxWidth: 720, opacity: 0.9 }}>
          {translate('zhiben.dashboard.intro')}
        </Typography>
      </CardContent>
    </Card>
  );
};

const QuickLinkCard = ({ link }: { link: QuickLink }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={LinkBase} to={link.to} data-testid={link.testId} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center">
            <Box sx={{ color: 'primary.main', display: 'flex', '& svg': { fontSize: 36 } }}>{link.icon}</Box>
            <Box>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate(link.label)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate(link.description)}
              </Typography>
            </Box>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** 工作台: a short welcome, the day's numbers and the ways in. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { version } = useRuntimeConfig();
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('zhiben.dashboard.title')} />
      <Welcome />
      <DashboardStats />
      <Grid container spacing={2} sx={{ mt: 0.5 }}>
        {QUICK_LINKS.map((link) => (
          <Grid key={link.to} size={{ xs: 12, sm: 6, md: 4, xl: 2.4 }}>
            <QuickLinkCard link={link} />
          </Grid>
        ))}
      </Grid>
      <Typography variant="caption" color="text.disabled" component="p" sx={{ mt: 3, textAlign: 'right' }}>
        {translate('zhiben.dashboard.version', { version })}
      </Typography>
    </Box>
  );
};
