/**
 * Removes credentials from text that Berth writes to its audit trail or
 * shows on the dashboard: passwords in URLs, bearer tokens, and tokens in
 * GitHub's formats. Errors from git or Docker sometimes quote them.
 */
const PATTERNS: [RegExp, string][] = [
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(:[^\s/@]*)?@/gi, "$1[redacted]@"],
  [/\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  [
    /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
    "[redacted]",
  ],
  [
    /\b(password|passwd|secret|token|api[_-]?key)=("[^"]*"|[^\s&"]+)/gi,
    "$1=[redacted]",
  ],
];

/** `text` with every credential Berth recognises replaced. */
export function redactSecrets(text: string): string {
  return PATTERNS.reduce(
    (redacted, [pattern, replacement]) =>
      redacted.replace(pattern, replacement),
    text,
  );
}
