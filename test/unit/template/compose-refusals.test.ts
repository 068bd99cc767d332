import { describe, expect, it } from "vitest";
import { parseCompose } from "../../../app/template/parse-compose.js";
import {
  REFUSED_BUILD_KEYS,
  REFUSED_CONFIG_KEYS,
  REFUSED_DEPLOY_KEYS,
  REFUSED_MOUNT_KEYS,
  REFUSED_SERVICE_KEYS,
  REFUSED_TOP_KEYS,
  REFUSED_VOLUME_KEYS,
} from "../../../app/template/compose-refusals.js";

const FILE = "templates/demo/compose.yaml";

function findingsOf(text: string) {
  return parseCompose(FILE, text, {}).findings;
}

function expectRefused(text: string, key: string, line: number) {
  const findings = findingsOf(text);
  const hit = findings.find((f) => f.message.startsWith(`${key} is not`));
  expect(hit, `${key}: ${JSON.stringify(findings)}`).toBeDefined();
  expect(hit?.line).toBe(line);
  expect(hit?.file).toBe(FILE);
  expect(hit?.message.length).toBeGreaterThan(`${key} is not accepted`.length);
}

describe("refused Compose keys", () => {
  it.each(Object.keys(REFUSED_SERVICE_KEYS))("service key %s", (key) => {
    const text = `services:\n  web:\n    image: x\n    ${key}: whatever\n`;

    expectRefused(text, key, 4);
  });

  it.each(Object.keys(REFUSED_TOP_KEYS))("top-level key %s", (key) => {
    const text = `services:\n  web:\n    image: x\n${key}: {}\n`;

    expectRefused(text, key, 4);
  });

  it.each(Object.keys(REFUSED_DEPLOY_KEYS))("deploy key %s", (key) => {
    const text =
      `services:\n  web:\n    image: x\n    deploy:\n` +
      `      ${key}: global\n`;

    expectRefused(text, key, 5);
  });

  it.each(Object.keys(REFUSED_BUILD_KEYS))("build key %s", (key) => {
    const text =
      `services:\n  web:\n    build:\n      context: .\n` + `      ${key}: x\n`;

    expectRefused(text, key, 5);
  });

  it.each(Object.keys(REFUSED_MOUNT_KEYS))("volume entry key %s", (key) => {
    const text = [
      "services:",
      "  web:",
      "    image: x",
      "    volumes:",
      "      - type: volume",
      "        source: data",
      "        target: /data",
      `        ${key}: {}`,
      "volumes:",
      "  data: {}",
    ].join("\n");

    expectRefused(text, key, 8);
  });

  it.each(Object.keys(REFUSED_VOLUME_KEYS))("volume key %s", (key) => {
    const text =
      `services:\n  web:\n    image: x\nvolumes:\n  data:\n` +
      `    ${key}: x\n`;

    expectRefused(text, key, 6);
  });

  it.each(Object.keys(REFUSED_CONFIG_KEYS))("config key %s", (key) => {
    const text =
      `services:\n  web:\n    image: x\nconfigs:\n  c:\n` +
      `    file: ./c\n    ${key}: x\n`;

    expectRefused(text, key, 7);
  });

  it("says why ports and networks are refused", () => {
    const text =
      "services:\n  web:\n    image: x\n    ports: []\n" + "    networks: []\n";

    const messages = findingsOf(text)
      .map((f) => f.message)
      .join("\n");

    expect(messages).toContain("declare access ports in template.yaml");
    expect(messages).toContain("Berth gives every environment one network");
  });

  it("suggests the nearest key for a typo", () => {
    const text = "services:\n  web:\n    image: x\n    enviroment: {}\n";

    const [finding] = findingsOf(text);

    expect(finding?.line).toBe(4);
    expect(finding?.fix).toBe("did you mean environment?");
  });

  it("accepts x- extension keys at the top", () => {
    const text = "x-common: {a: 1}\nservices:\n  web:\n    image: x\n";

    expect(findingsOf(text)).toEqual([]);
  });
});
