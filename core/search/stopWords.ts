/**
 * English words too common to tell sections apart. They are left out of the index (which keeps it smaller and
 * queries faster) but kept in the stored text, so a quoted phrase containing them is still checked word by word.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'do', 'does', 'for', 'from', 'has', 'have',
  'if', 'in', 'into', 'is', 'it', 'its', 'of', 'or', 'so', 'such', 'than', 'that', 'the', 'their', 'them',
  'then', 'there', 'these', 'they', 'this', 'those', 'to', 'was', 'were', 'which', 'while', 'who', 'will',
  'with', 'you', 'your', 'we', 'our',
]);
