/**
 * Hides secret values in plan output, which reaches terminals, CI logs
 * and pull request comments: the values of environment variables whose
 * names say they are secret, and passwords inside URLs. A change of such
 * a value still shows as a change, without the value.
 */

/** Variable names that hold secrets, in any case and position. */
const SECRET_NAME =
  /pass(word|wd)?|secret|token|api_?key|private_?key|credential|auth/i;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi;

export const HIDDEN = "<hidden>";

/** `NAME=value` with the value hidden when NAME looks secret. */
export function maskEnvEntry(entry: string): string {
  const at = entry.indexOf("=");
  if (at < 0) return entry;

  const name = entry.slice(0, at);
  const value = entry.slice(at + 1);
  if (SECRET_NAME.test(name) && value !== "") return `${name}=${HIDDEN}`;
  return `${name}=${maskUrlPasswords(value)}`;
}

/** `text` with the password of every `scheme://user:password@` hidden. */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `$1${HIDDEN}@`);
}
