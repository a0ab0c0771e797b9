/** Relative rank of a runbook by its `status`: retired procedures below current ones, drafts slightly below. */
export function statusWeight(status: string | undefined): number {
  switch (status) {
    case 'deprecated':
    case 'archived':
    case 'retired':
    case 'obsolete':
      return 0.45;
    case 'draft':
    case 'wip':
    case 'proposed':
      return 0.85;
    default:
      return 1;
  }
}
