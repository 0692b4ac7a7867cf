// What src/clubs still imports from here until it uses the shared form kit
// (src/http: fieldErrors, FormError, fieldError) itself; the timetable does.
// Not a copy of the kit: the converter is the kit's, the error one of its FormErrors.
import { FormError, type FieldErrors } from "../http";

export { fieldErrors as formErrors } from "../http";

/** A form value that names a missing or unusable record; the route shows it on `field` with 400. */
export class FieldError extends FormError {
  constructor(field: string, key: string) {
    super({ [field]: { key } });
  }
  toErrors(): FieldErrors {
    return this.errors;
  }
}
