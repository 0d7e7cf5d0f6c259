import AttachFileIcon from '@mui/icons-material/AttachFile';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControl,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { checkFile } from '../../fields/files';
import { useBilingual } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { isHttpError } from '../../providers/httpClient';
import type { ProblemErrorBody } from '../../providers/problem';
import {
  ATTACHMENT_CONTENT_TYPES,
  MAX_TASK_ATTACHMENT_BYTES,
  type DecisionOption,
  type TaskAttachment,
  type TaskDetail,
} from '../../types';
import {
  SchemaFields,
  hasSchemaFields,
  initialSchemaValues,
  normaliseSchemaValues,
  validateSchemaValues,
  type FieldProblem,
  type FormValues,
} from './SchemaFields';

/** Decisions that move the case forward look primary; return and reject look like what they are. */
const decisionColor = (option: DecisionOption): 'primary' | 'warning' | 'error' =>
  /reject|deny|refuse/i.test(option.code)
    ? 'error'
    : option.code === 'return' || option.requiresComment
      ? 'warning'
      : 'primary';

export interface DecisionFormProps {
  task: TaskDetail;
  /** The decision was accepted. */
  onCompleted: (decision: DecisionOption) => void;
  /** 409: someone else completed the task, or the workflow moved on; the page reloads the task. */
  onConflict: (message: string) => void;
}

/**
 * 办理: pick one of the decisions the workflow allows, write the 审批意见 (required where the decision
 * says so), fill the step's form and attach files. A submission carries one Idempotency-Key, reused if
 * the user retries after a network or server failure, so a decision that did reach the server is not
 * taken twice; any change to the form makes it a new submission with a new key.
 */
export const DecisionForm = ({ task, onCompleted, onConflict }: DecisionFormProps) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [decision, setDecision] = useState<string>(task.decisions.length === 1 ? task.decisions[0].code : '');
  const [comment, setComment] = useState('');
  const [values, setValues] = useState<FormValues>(() => initialSchemaValues(task.formSchema, task.formData));
  const [attachments, setAttachments] = useState<TaskAttachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const chosen = task.decisions.find((option) => option.code === decision);
  const commentRequired = chosen?.requiresComment === true;

  /** Any edit after a failed attempt is a different submission. */
  const edited = () => {
    idempotencyKey.current = null;
    setFormError(null);
  };

  const problemMessage = (problem: FieldProblem): string => {
    switch (problem.kind) {
      case 'required':
        return translate('ra.validation.required');
      case 'number':
        return translate('ra.validation.number');
      case 'minLength':
        return translate('ra.validation.minLength', { min: problem.limit });
      case 'maxLength':
        return translate('ra.validation.maxLength', { max: problem.limit });
      case 'minimum':
        return translate('ra.validation.minValue', { min: problem.limit });
      case 'maximum':
        return translate('ra.validation.maxValue', { max: problem.limit });
    }
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!chosen) found.decision = translate('zhiben.task.decide.decisionRequired');
    if (commentRequired && comment.trim() === '') {
      found.comment = translate('zhiben.task.decide.commentRequired', {
        decision: chosen ? bilingual(chosen.labelZh, chosen.labelEn) : '',
      });
    }
    // A return or rejection sends the case back: the step's own fields need not be complete for it.
    if (!commentRequired) {
      for (const [name, problem] of Object.entries(validateSchemaValues(task.formSchema, values))) {
        found[name] = problemMessage(problem);
      }
    }
    return found;
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const refused = files.map((file) => checkFile(file, ATTACHMENT_CONTENT_TYPES, MAX_TASK_ATTACHMENT_BYTES));
    const problem = refused.find((message) => message !== null);
    if (problem) {
      setErrors((current) => ({ ...current, attachments: translate(problem.key, problem.args) }));
      return;
    }
    setUploading(true);
    edited();
    try {
      for (const file of files) {
        const uploaded = await dataProvider.uploadTaskAttachment(task.id, file);
        setAttachments((current) => [...current, uploaded]);
      }
      setErrors(({ attachments: _dropped, ...rest }) => rest);
    } catch (error) {
      setErrors((current) => ({
        ...current,
        attachments: error instanceof Error ? error.message : String(error),
      }));
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    idempotencyKey.current ??= crypto.randomUUID();
    setSubmitting(true);
    setFormError(null);
    try {
      await dataProvider.completeTask(
        task.id,
        {
          decision,
          comment: comment.trim(),
          data: normaliseSchemaValues(task.formSchema, values),
          attachments: attachments.map((attachment) => attachment.id),
        },
        idempotencyKey.current,
      );
      onCompleted(chosen!);
    } catch (error) {
      if (isHttpError(error) && error.status === 409) {
        onConflict(error.message);
        return;
      }
      const body = isHttpError(error) ? (error.body as ProblemErrorBody | undefined) : undefined;
      if (isHttpError(error) && error.status >= 400 && error.status < 500) {
        // The server did not take it: whatever the user does next is a new submission.
        idempotencyKey.current = null;
      }
      const fieldErrors: Record<string, string> = {};
      for (const [name, message] of Object.entries(body?.errors ?? {})) {
        if (typeof message === 'string') fieldErrors[name.replace(/^data\./, '')] = message;
      }
      setErrors(fieldErrors);
      // Field errors stand next to their inputs; the alert carries the rest (and the retry hint).
      setFormError(
        isHttpError(error) && (error.status === 0 || error.status >= 500)
          ? translate('zhiben.task.decide.retryHint', { message: error.message })
          : error instanceof Error
            ? error.message
            : String(error),
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="decision-form"
    >
      <Stack spacing={2.5}>
        <FormControl error={errors.decision !== undefined} required>
          <FormLabel sx={{ mb: 1 }}>{translate('zhiben.task.decide.decision')}</FormLabel>
          <ToggleButtonGroup
            exclusive
            value={decision}
            onChange={(_event, next: string | null) => {
              if (next === null) return;
              setDecision(next);
              setErrors(({ decision: _d, comment: _c, ...rest }) => rest);
              edited();
            }}
            sx={{ flexWrap: 'wrap', gap: 1, '& .MuiToggleButton-root': { borderRadius: 1, border: 1 } }}
            aria-label={translate('zhiben.task.decide.decision')}
          >
            {task.decisions.map((option) => (
              <ToggleButton
                key={option.code}
                value={option.code}
                color={decisionColor(option)}
                sx={{ px: 2.5, fontWeight: 600 }}
                data-testid={`decision-${option.code}`}
              >
                {bilingual(option.labelZh, option.labelEn)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {errors.decision ? <FormHelperText>{errors.decision}</FormHelperText> : null}
        </FormControl>

        {hasSchemaFields(task.formSchema) ? (
          <SchemaFields
            schema={task.formSchema}
            values={values}
            onChange={(next) => {
              setValues(next);
              edited();
            }}
            errors={errors}
            disabled={submitting}
          />
        ) : null}

        <TextField
          label={translate('zhiben.task.decide.comment')}
          required={commentRequired}
          multiline
          minRows={3}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setErrors(({ comment: _c, ...rest }) => rest);
            edited();
          }}
          error={errors.comment !== undefined}
          helperText={
            errors.comment ??
            (commentRequired
              ? translate('zhiben.task.decide.commentRequiredHint')
              : translate('zhiben.task.decide.commentHint'))
          }
          slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'decision-comment' } }}
          fullWidth
        />

        <Box>
          <input
            ref={fileInput}
            type="file"
            hidden
            multiple
            accept={ATTACHMENT_CONTENT_TYPES.join(',')}
            onChange={(event) => void upload(event)}
          />
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <Button
              size="small"
              startIcon={uploading ? <CircularProgress size={14} /> : <AttachFileIcon />}
              onClick={() => fileInput.current?.click()}
              disabled={uploading || submitting}
              data-testid="decision-attach"
            >
              {translate('zhiben.task.decide.attach')}
            </Button>
            {attachments.map((attachment) => (
              <Chip
                key={attachment.id}
                size="small"
                label={attachment.name}
                onDelete={() => {
                  setAttachments((current) => current.filter((item) => item.id !== attachment.id));
                  edited();
                }}
              />
            ))}
          </Stack>
          {errors.attachments ? (
            <FormHelperText error data-testid="decision-attach-error">
              {errors.attachments}
            </FormHelperText>
          ) : null}
        </Box>

        {formError ? (
          <Alert severity="error" data-testid="decision-error">
            {formError}
          </Alert>
        ) : null}

        <Box>
          <Button
            type="submit"
            variant="contained"
            color={chosen ? decisionColor(chosen) : 'primary'}
            disabled={submitting || uploading}
            startIcon={submitting ? <CircularProgress size={16} color="inherit" /> : <SendOutlinedIcon />}
            data-testid="decision-submit"
          >
            {formError && idempotencyKey.current
              ? translate('zhiben.task.decide.retry')
              : translate('zhiben.task.decide.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};
