/**
 * A client-side check's finding: where (a dotted form path, `findings.0.rectifyBy`) and what (a message
 * key with its arguments). The same list feeds react-admin's form errors and the specs.
 */
export interface FormIssue {
  path: string;
  key: string;
  args?: Record<string, unknown>;
}

/**
 * Issues as the nested error object react-admin's form `validate` returns (arrays for list inputs);
 * the first issue on a path wins. Leaves are react-admin translation objects `{ message, args }`.
 */
export const issuesToErrors = (issues: readonly FormIssue[]): Record<string, unknown> => {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    let node = errors as Record<string | number, unknown>;
    let blocked = false;
    parts.forEach((part, index) => {
      if (blocked) return;
      const key = /^\d+$/.test(part) ? Number(part) : part;
      if (index === parts.length - 1) {
        if (node[key] === undefined) node[key] = { message: issue.key, args: issue.args ?? {} };
        return;
      }
      const next = node[key];
      if (next === undefined) {
        node[key] = /^\d+$/.test(parts[index + 1]) ? [] : {};
      } else if (typeof next !== 'object' || next === null || 'message' in next) {
        // A message already sits on a parent path: it says enough.
        blocked = true;
        return;
      }
      node = node[key] as Record<string | number, unknown>;
    });
  }
  return errors;
};
