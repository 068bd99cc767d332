/**
 * The team an environment belongs to, as its live services tell it: the
 * team of its first `org/team` owner. Live objects carry owners but not
 * the manifest's free-form labels, so the owners are the one source.
 */

// TODO: render the manifest's `labels.team` as a Berth label on services,
// so a team without a GitHub team slug among the owners is counted too.

/** `payments` for owners `["alice", "acme/payments"]`; else `none`. */
export function teamOf(owners: readonly string[]): string {
  const team = owners.find((owner) => owner.includes("/"));
  return team ? team.slice(team.indexOf("/") + 1) : "none";
}
