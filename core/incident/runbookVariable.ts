/** A placeholder a runbook declares in front matter `variables:`, for the incident's values panel. */
export interface RunbookVariable {
  /** As written in the runbook: `cluster` for `{{cluster}}`, `USER_ID` for `<USER_ID>`. */
  name: string;
  description?: string | undefined;
  example?: string | undefined;
}

/** Longer than any real placeholder name; also bounds the scan in `fillPlaceholders`. */
export const MAX_VARIABLE_NAME_LENGTH = 64;

/** Letters, digits, `_`, `-` and `.`, starting with a letter or `_`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function isVariableName(name: string): boolean {
  return name.length <= MAX_VARIABLE_NAME_LENGTH && VARIABLE_NAME.test(name);
}
