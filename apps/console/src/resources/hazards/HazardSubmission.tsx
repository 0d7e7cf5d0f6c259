import { Alert, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { submissionErrors, useIdempotencyKey } from '../../fields/submission';
import type { HazardFile } from './types';

/**
 * Sends one hazard submission from a react-admin form (整改方案, 进展, 验收申请, 延期申请, 提请挂牌督办):
 * an Idempotency-Key per content, reused when the same content is retried; on refusal the server's
 * field errors go back to the form (what `onSubmit` returns) and the message to `failure`; on success
 * the message is shown, hazards and tasks are refetched, and `done` runs.
 */
export const useHazardSubmission = (successMessage: string) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (
    content: unknown,
    call: (idempotencyKey: string) => Promise<unknown>,
    done: () => void,
  ): Promise<Record<string, unknown> | undefined> => {
    setFailure(null);
    try {
      await call(keyFor(content));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return submissionErrors(error);
    }
    notify(successMessage, { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['hazards'] });
    await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    done();
    return undefined;
  };

  return { failure, clearFailure: () => setFailure(null), send };
};

/** Why the last submission failed, under the form. */
export const SubmissionFailure = ({ failure, testId }: { failure: string | null; testId: string }) =>
  failure ? (
    <Alert severity="error" sx={{ mt: 2 }} data-testid={testId}>
      {failure}
    </Alert>
  ) : null;

/** Files uploaded while filling in a submission, whose ids it cites as `attachments`. */
export const useUploads = () => {
  const [files, setFiles] = useState<HazardFile[]>([]);
  return {
    files,
    add: (file: HazardFile) => setFiles((current) => [...current, file]),
    ids: () => files.map((file) => file.id),
  };
};

export const UploadedList = ({ files }: { files: HazardFile[] }) =>
  files.length > 0 ? (
    <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
      {files.map((file) => file.fileName).join('、')}
    </Typography>
  ) : null;
