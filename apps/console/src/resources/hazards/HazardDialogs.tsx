import { Box } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  NumberInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { shanghaiDate, shanghaiToday } from '../../fields/shanghaiTime';
import { pruneEmpty } from '../../fields/submission';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { EvidenceUpload } from './EvidenceGallery';
import { HazardActionDialog, type FormValues } from './HazardActionDialog';
import { UploadedList, useUploads } from './HazardSubmission';
import type { HazardDetail } from './types';

interface DialogProps {
  hazard: HazardDetail;
  open: boolean;
  onClose: () => void;
}

/** A civil date that must not lie in the future (things that already happened). */
const notAfterToday = (value: unknown) =>
  typeof value === 'string' && value > shanghaiToday() ? 'zhiben.validation.notInFuture' : undefined;

/** 报送整改进展: summary, percentage, whether the interim controls hold, photos. */
export const ProgressDialog = ({ hazard, open, onClose }: DialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const uploads = useUploads();
  return (
    <HazardActionDialog
      open={open}
      onClose={onClose}
      testId="progress-dialog"
      title={translate('zhiben.hazards.progress.title')}
      help={translate('zhiben.hazards.progress.help')}
      submitLabel={translate('zhiben.hazards.progress.submit')}
      successMessage="zhiben.hazards.progress.done"
      defaultValues={{ interimControlsEffective: true }}
      submit={(values: FormValues, key) =>
        dataProvider.reportProgress(
          hazard.id,
          pruneEmpty({
            summary: String(values.summary ?? ''),
            percentComplete: Number(values.percentComplete),
            interimControlsEffective: values.interimControlsEffective === true,
            attachments: uploads.ids(),
          }),
          key,
        )
      }
    >
      <TextInput
        source="summary"
        label="zhiben.hazards.progress.summary"
        multiline
        minRows={3}
        fullWidth
        validate={[required(), maxLength(4000)]}
      />
      <NumberInput
        source="percentComplete"
        label="zhiben.hazards.progress.percent"
        min={0}
        max={100}
        step={5}
        validate={[required(), minValue(0), maxValue(100)]}
      />
      <BooleanInput source="interimControlsEffective" label="zhiben.hazards.progress.interimControls" />
      <Box sx={{ mt: 1 }}>
        <EvidenceUpload hazardId={hazard.id} defaultKind="progress" onUploaded={uploads.add} />
        <UploadedList files={uploads.files} />
      </Box>
    </HazardActionDialog>
  );
};

/** 申请整改验收 (双报告 #2): what was done, when, the self-check, evidence. */
export const AcceptanceDialog = ({ hazard, open, onClose }: DialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const uploads = useUploads();
  return (
    <HazardActionDialog
      open={open}
      onClose={onClose}
      testId="acceptance-dialog"
      title={translate('zhiben.hazards.acceptance.title')}
      help={translate('zhiben.hazards.acceptance.help')}
      submitLabel={translate('zhiben.hazards.acceptance.submit')}
      successMessage="zhiben.hazards.acceptance.done"
      defaultValues={{ completedOn: shanghaiToday() }}
      submit={(values: FormValues, key) =>
        dataProvider.applyForAcceptance(
          hazard.id,
          pruneEmpty({
            summary: String(values.summary ?? ''),
            completedOn: String(values.completedOn ?? ''),
            selfCheck: typeof values.selfCheck === 'string' ? values.selfCheck : undefined,
            attachments: uploads.ids(),
          }),
          key,
        )
      }
    >
      <TextInput
        source="summary"
        label="zhiben.hazards.acceptance.summary"
        multiline
        minRows={3}
        fullWidth
        validate={[required(), maxLength(4000)]}
      />
      <DateInput
        source="completedOn"
        label="zhiben.hazards.acceptance.completedOn"
        validate={[required(), notAfterToday]}
      />
      <TextInput
        source="selfCheck"
        label="zhiben.hazards.acceptance.selfCheck"
        helperText="zhiben.hazards.acceptance.selfCheckHelp"
        multiline
        minRows={2}
        fullWidth
        validate={maxLength(4000)}
      />
      <Box sx={{ mt: 1 }}>
        <EvidenceUpload hazardId={hazard.id} defaultKind="acceptance" onUploaded={uploads.add} />
        <UploadedList files={uploads.files} />
      </Box>
    </HazardActionDialog>
  );
};

/** 申请延期: a later deadline and the reason; officials decide in their inbox. */
export const ExtensionDialog = ({ hazard, open, onClose }: DialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const current = hazard.rectificationDeadline ? shanghaiDate(hazard.rectificationDeadline) : null;
  const afterCurrent = (value: unknown) =>
    typeof value === 'string' && current !== null && value <= current
      ? { message: 'zhiben.hazards.extension.notLater', args: { date: current } }
      : undefined;
  return (
    <HazardActionDialog
      open={open}
      onClose={onClose}
      testId="extension-dialog"
      title={translate('zhiben.hazards.extension.title')}
      help={translate('zhiben.hazards.extension.help', { date: current ?? '—' })}
      submitLabel={translate('zhiben.hazards.extension.submit')}
      successMessage="zhiben.hazards.extension.done"
      submit={(values: FormValues, key) =>
        dataProvider.requestExtension(
          hazard.id,
          { newDeadline: String(values.newDeadline ?? ''), reason: String(values.reason ?? '').trim() },
          key,
        )
      }
    >
      <DateInput
        source="newDeadline"
        label="zhiben.hazards.extension.newDeadline"
        validate={[required(), afterCurrent]}
      />
      <TextInput
        source="reason"
        label="zhiben.hazards.extension.reason"
        multiline
        minRows={3}
        fullWidth
        validate={[required(), maxLength(2000)]}
      />
    </HazardActionDialog>
  );
};

/** 提请挂牌督办: an official proposes listed supervision before the ladder gets there. */
export const ListingProposalDialog = ({ hazard, open, onClose }: DialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return (
    <HazardActionDialog
      open={open}
      onClose={onClose}
      testId="listing-proposal-dialog"
      title={translate('zhiben.hazards.listingProposal.title')}
      help={translate('zhiben.hazards.listingProposal.help')}
      submitLabel={translate('zhiben.hazards.listingProposal.submit')}
      successMessage="zhiben.hazards.listingProposal.done"
      submit={(values: FormValues, key) =>
        dataProvider.proposeListing(hazard.id, String(values.reason ?? '').trim(), key)
      }
    >
      <TextInput
        source="reason"
        label="zhiben.hazards.listingProposal.reason"
        multiline
        minRows={3}
        fullWidth
        validate={[required(), maxLength(2000)]}
      />
    </HazardActionDialog>
  );
};
