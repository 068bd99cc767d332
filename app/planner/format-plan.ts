/**
 * Prints a plan: as text for a terminal, and as Markdown for a pull
 * request comment (one collapsible section per environment).
 */
import { formatFinding } from "../manifest/finding.js";
import { countActions, countPlan, type ChangeCounts } from "./count-changes.js";
import {
  countUnchanged,
  describeChanges,
  type ActionLine,
  type Sign,
} from "./describe-action.js";
import type { EnvironmentPlan, Plan } from "./types.js";

export interface TextFormatOptions {
  /** Colour signs and errors with ANSI escapes. */
  color: boolean;
}

const COLORS: Record<Sign | "error" | "bold", string> = {
  "+": "32",
  "~": "33",
  "-": "31",
  "=": "2",
  error: "31",
  bold: "1",
};

/**
 * Formats a plan for a terminal, e.g. `+ create service env_web`, ending
 * with `Plan: 3 to create, 1 to update, 0 to remove.`
 */
export function formatPlanText(plan: Plan, options: TextFormatOptions): string {
  const paint = (style: keyof typeof COLORS, text: string) =>
    options.color ? `\u001b[${COLORS[style]}m${text}\u001b[0m` : text;

  const sections = plan.environments.map((env) => {
    const header = paint("bold", `Environment ${env.environment}`);
    const lines = environmentLines(env).map((entry) =>
      paint(entry.style, `  ${entry.text}`),
    );
    return [`${header}${headerNote(env)}`, ...lines].join("\n");
  });

  return [...sections, summaryLine(countPlan(plan))].join("\n\n");
}

/** Formats a plan as Markdown, one `<details>` section per environment. */
export function formatPlanMarkdown(plan: Plan): string {
  const sections = plan.environments.map((env) => {
    const counts = countActions(env.actions);
    const open = hasWork(env) ? " open" : "";
    const body = environmentLines(env).map((entry) => entry.text);
    const fence = fenceFor(body);

    return [
      `<details${open}>`,
      `<summary><b>${escapeHtml(env.environment)}</b>` +
        `${escapeHtml(headerNote(env))}: ${countsText(counts)}</summary>`,
      "",
      `${fence}diff`,
      ...body,
      fence,
      "",
      "</details>",
    ].join("\n");
  });

  return [`**${summaryLine(countPlan(plan))}**`, ...sections].join("\n\n");
}

/** `Plan: 3 to create, 1 to update, 0 to remove.` */
export function summaryLine(counts: ChangeCounts): string {
  return `Plan: ${countsText(counts)}.`;
}

interface StyledLine {
  style: Sign | "error";
  text: string;
}

function environmentLines(env: EnvironmentPlan): StyledLine[] {
  const findings = env.findings.map((finding): StyledLine => ({
    style: finding.severity === "error" ? "error" : "~",
    text: `! ${formatFinding(finding)}`,
  }));
  if (isRefused(env)) {
    const note = "  refused: nothing is applied until the errors are fixed";
    return [...findings, { style: "error", text: note }];
  }
  const changes = describeChanges(env).flatMap(actionLines);
  const unchanged = countUnchanged(env);
  const rest: StyledLine[] =
    changes.length === 0
      ? [{ style: "=", text: "  no changes" }]
      : unchanged > 0
        ? [{ style: "=", text: `  ${unchanged} unchanged` }]
        : [];

  return [...findings, ...changes, ...rest];
}

function actionLines(line: ActionLine): StyledLine[] {
  return [
    { style: line.sign, text: `${line.sign} ${line.text}` },
    ...line.details.map((detail): StyledLine => ({
      style: line.sign,
      text: `      ${detail}`,
    })),
  ];
}

function headerNote(env: EnvironmentPlan): string {
  if (isRefused(env)) return " (refused)";
  return env.desired ? "" : " (destroy)";
}

function isRefused(env: EnvironmentPlan): boolean {
  return env.findings.some((finding) => finding.severity === "error");
}

function hasWork(env: EnvironmentPlan): boolean {
  return (
    env.findings.length > 0 ||
    env.actions.some((action) => action.type !== "unchanged")
  );
}

function countsText(counts: ChangeCounts): string {
  return (
    `${counts.create} to create, ${counts.update} to update, ` +
    `${counts.remove} to remove`
  );
}

function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(
    2,
    ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((r) => r.length)),
  );
  return "`".repeat(longest + 1);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
