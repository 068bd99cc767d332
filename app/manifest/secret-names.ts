/**
 * Names of settings whose values are secret: passwords, tokens, keys.
 * Their values are never repeated in findings, plans or comments.
 */
const SECRET_NAME =
  /pass(word|wd)?|secret|token|api_?key|private_?key|credential|auth/i;

/** The text that stands for a hidden value. */
export const HIDDEN = "<hidden>";

/** True when a variable or parameter called `name` holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
