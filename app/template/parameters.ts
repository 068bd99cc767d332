/**
 * Template parameters: their values for one manifest, and how a value is
 * checked against the parameter's type.
 */
import type { ParameterValue, Template, TemplateParameter } from "./types.js";

/** Variable every Compose file may use: the environment's name. */
export const ENVIRONMENT_VARIABLE = "BERTH_ENVIRONMENT";

/** Why a value does not fit its parameter, or undefined when it does. */
export function parameterTypeProblem(
  parameter: TemplateParameter,
  value: ParameterValue,
): { found: string; expected: string; fix: string } | undefined {
  const found = `${typeof value} ${JSON.stringify(value)}`;
  switch (parameter.type) {
    case "string":
      if (typeof value === "string") return undefined;
      return {
        found,
        expected: "text",
        fix: `quote the value: "${String(value)}"`,
      };
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) {
        return undefined;
      }
      return { found, expected: "a number", fix: "write a number unquoted" };
    case "boolean":
      if (typeof value === "boolean") return undefined;
      return { found, expected: "true or false", fix: "write true or false" };
    case "enum":
      return enumProblem(parameter.values ?? [], value, found);
  }
}

function enumProblem(values: string[], value: ParameterValue, found: string) {
  if (typeof value === "string" && values.includes(value)) return undefined;
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  const quoted = typeof value !== "string" && values.includes(String(value));
  return {
    found,
    expected,
    fix: quoted
      ? `quote the value: "${String(value)}"`
      : "choose one of the listed values",
  };
}

/** The manifest's parameters with the template's defaults filled in. */
export function resolveParameters(
  template: Pick<Template, "parameters">,
  given: Readonly<Record<string, ParameterValue>>,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const [name, parameter] of Object.entries(template.parameters)) {
    const value = given[name] ?? parameter.default;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** Interpolation variables: every parameter as text, plus the env name. */
export function interpolationVariables(
  parameters: Readonly<Record<string, ParameterValue>>,
  environment: string,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters)) {
    variables[name] = String(value);
  }
  variables[ENVIRONMENT_VARIABLE] = environment;
  return variables;
}

/**
 * Values to check a template with before any manifest uses it: the
 * defaults, and a plain value of the right type for required parameters.
 */
export function sampleParameters(
  parameters: Readonly<Record<string, TemplateParameter>>,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const [name, parameter] of Object.entries(parameters)) {
    values[name] = parameter.default ?? sampleValue(parameter);
  }
  return values;
}

function sampleValue(parameter: TemplateParameter): ParameterValue {
  switch (parameter.type) {
    case "string":
      return "sample";
    case "number":
      return 1;
    case "boolean":
      return true;
    case "enum":
      return parameter.values?.[0] ?? "";
  }
}
