/**
 * Hides secret values in plan output, which reaches terminals, CI logs
 * and pull request comments: the values of environment variables whose
 * names say they are secret, and passwords inside URLs. A change of such
 * a value still shows as a change, without the value.
 */
import { HIDDEN, isSecretName } from "../manifest/secret-names.js";

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi;

export { HIDDEN };

/** `NAME=value` with the value hidden when NAME looks secret. */
export function maskEnvEntry(entry: string): string {
  const at = entry.indexOf("=");
  if (at < 0) return entry;

  const name = entry.slice(0, at);
  const value = entry.slice(at + 1);
  if (isSecretName(name) && value !== "") return `${name}=${HIDDEN}`;
  return `${name}=${maskUrlPasswords(value)}`;
}

/** `text` with the password of every `scheme://user:password@` hidden. */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `$1${HIDDEN}@`);
}
