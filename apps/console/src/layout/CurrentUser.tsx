import AccountTreeOutlinedIcon from '@mui/icons-material/AccountTreeOutlined';
import { Box, Chip, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { ConsoleIdentity } from '../providers/authProvider';

/** The signed-in official and the org unit they act for: every decision in Zhiben is made for a unit. */
export const CurrentUser = () => {
  const { identity, isPending } = useGetIdentity();
  const translate = useTranslate();
  if (isPending || !identity) return null;
  const { fullName, orgUnit, enterprise } = identity as ConsoleIdentity;
  const unitName = orgUnit?.name ?? enterprise?.name ?? translate('zhiben.appBar.noOrgUnit');
  return (
    <Box
      data-testid="app-bar-user"
      role="status"
      aria-label={translate('zhiben.appBar.currentUser')}
      sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center', gap: 1, mx: 1, minWidth: 0 }}
    >
      <Typography variant="body2" noWrap data-testid="app-bar-user-name">
        {fullName}
      </Typography>
      <Chip
        size="small"
        icon={<AccountTreeOutlinedIcon />}
        label={unitName}
        data-testid="app-bar-org-unit"
        sx={{ color: 'inherit', borderColor: 'rgba(255, 255, 255, 0.5)', '& .MuiChip-icon': { color: 'inherit' } }}
        variant="outlined"
      />
    </Box>
  );
};
