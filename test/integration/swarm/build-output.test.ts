import { describe, expect, it } from "vitest";
import { BuildOutput } from "../../../app/swarm/build-output.js";

const message = (value: object) => `${JSON.stringify(value)}\n`;

describe("BuildOutput", () => {
  it("joins messages split across chunks and tracks the step", () => {
    const lines: string[] = [];
    const output = new BuildOutput((line) => lines.push(line));
    const text =
      message({ stream: "Step 1/2 : FROM busybox\n" }) +
      message({ stream: " ---> abc\n" }) +
      message({ stream: "Step 2/2 : RUN make\n" }) +
      message({ stream: "cc -o app\nld: error\n" }) +
      message({ errorDetail: { message: "returned 2" }, error: "returned 2" });

    output.push(text.slice(0, 37));
    output.push(text.slice(37));
    output.end();

    expect(output.step).toBe("Step 2/2 : RUN make");
    expect(output.stepOutput).toEqual(["cc -o app", "ld: error"]);
    expect(output.error).toBe("returned 2");
    expect(lines).toEqual([
      "Step 1/2 : FROM busybox",
      " ---> abc",
      "Step 2/2 : RUN make",
      "cc -o app",
      "ld: error",
      "returned 2",
    ]);
  });

  it("reads the image ID of a finished build", () => {
    const output = new BuildOutput();

    output.push(message({ aux: { ID: "sha256:1234" } }));
    output.push(message({ stream: "Successfully built 1234abcd\n" }));
    output.end();

    expect(output.imageId).toBe("1234abcd");
    expect(output.error).toBeUndefined();
  });
});
