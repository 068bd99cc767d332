/** Who runs a command on this machine, as the audit trail records it. */
import { userInfo } from "node:os";

/** `$USER`, else the operating system's name for the current user. */
export function localUser(): string {
  const fromEnv = process.env.USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return `uid-${process.getuid?.() ?? "unknown"}`;
  }
}
