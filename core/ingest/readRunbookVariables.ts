import { isVariableName, type RunbookVariable } from '../incident/runbookVariable';

/**
 * Reads front matter `variables:`: a map of name → `{description, example}` (or name → a description
 * string), or a list of names. Names that cannot be placeholders are dropped and reported as invalid.
 */
export function readRunbookVariables(value: unknown): { variables: RunbookVariable[]; invalid: boolean } {
  const variables: RunbookVariable[] = [];
  const seen = new Set<string>();
  let invalid = false;
  const add = (rawName: unknown, detail: unknown) => {
    const name =
      typeof rawName === 'string'
        ? rawName
            .trim()
            .replace(/^\{\{\s*|\s*\}\}$/g, '')
            .replace(/^<|>$/g, '')
        : '';
    if (!isVariableName(name)) {
      invalid = true;
      return;
    }
    if (seen.has(name)) return;
    seen.add(name);
    const variable: RunbookVariable = { name };
    if (typeof detail === 'string' && detail.trim() !== '') variable.description = detail.trim();
    else if (typeof detail === 'object' && detail !== null && !Array.isArray(detail)) {
      const { description, example } = detail as Record<string, unknown>;
      const description_ = textOf(description);
      const example_ = textOf(example);
      if (description_ !== undefined) variable.description = description_;
      if (example_ !== undefined) variable.example = example_;
    } else if (detail !== undefined && detail !== null) invalid = true;
    variables.push(variable);
  };

  if (value === undefined || value === null || value === '') return { variables, invalid };
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
        for (const [name, detail] of Object.entries(item)) add(name, detail);
      } else add(item, undefined);
    }
  } else if (typeof value === 'object') {
    for (const [name, detail] of Object.entries(value)) add(name, detail);
  } else invalid = true;
  return { variables, invalid };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
