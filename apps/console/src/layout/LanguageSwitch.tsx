import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { LOCALES, type ConsoleLocale } from '../providers/i18nProvider';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<ConsoleLocale, string> = { 'zh-CN': '中文', en: 'English' };

export const LanguageSwitch = () => {
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={locale}
      onChange={(_event, next: string | null) => {
        if (next !== null && next !== locale) setLocale(next);
      }}
      aria-label={translate('zhiben.appBar.language')}
      data-testid="language-switch"
      sx={{
        mx: 1,
        '& .MuiToggleButton-root': {
          color: 'inherit',
          borderColor: 'rgba(255, 255, 255, 0.4)',
          px: 1.25,
          py: 0.25,
          lineHeight: 1.6,
          textTransform: 'none',
        },
        '& .MuiToggleButton-root.Mui-selected': {
          color: 'inherit',
          backgroundColor: 'rgba(255, 255, 255, 0.2)',
        },
      }}
    >
      {LOCALES.map((code) => (
        <ToggleButton key={code} value={code} lang={code} data-testid={`language-${code}`}>
          {LANGUAGE_NAMES[code]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
