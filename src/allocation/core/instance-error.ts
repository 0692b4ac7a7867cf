// Bad input is the caller's fault and must say exactly where it is, because
// the admin fixes a file or a form from that message alone; `field` is a path
// like `students[3].choices[1]` and the CLI turns this error into exit code 2.

export class InstanceError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(field ? `${field}: ${problem}` : problem);
    this.name = "InstanceError";
    this.field = field;
  }
}
