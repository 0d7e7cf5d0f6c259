/** Activities this context's workflows call, as types only (implemented by directory-service). */
export interface DirectoryPort {
  describeOrgUnit(input: { code: string }): Promise<{ code: string; name: string; kind: string } | null>;
}
