/**
 * Column names that identify a person. A file with such a column is refused (rule `personal-column`) and
 * the column's values are never read into memory or printed. Compared after lower-casing and turning
 * spaces and hyphens into underscores, so `First Name` and `date-of-birth` are caught too.
 */
export const PERSONAL_COLUMN_NAMES: ReadonlySet<string> = new Set([
  "name",
  "full_name",
  "first_name",
  "forename",
  "forenames",
  "given_name",
  "middle_name",
  "last_name",
  "surname",
  "family_name",
  "child_name",
  "upn",
  "uln",
  "unique_pupil_number",
  "nhs_number",
  "nhs_no",
  "ni_number",
  "national_insurance_number",
  "postcode",
  "post_code",
  "dob",
  "date_of_birth",
  "birth_date",
  "birthdate",
  "address",
  "address_line_1",
  "address_line_2",
  "street",
  "email",
  "email_address",
  "phone",
  "phone_number",
  "telephone",
  "mobile",
  "parent_name",
  "carer_name",
  "mosaic_id",
  "lcs_id"
]);

/**
 * True if a header name looks like personal data.
 *
 * @example
 * isPersonalColumnName("Date of Birth"); // true
 * isPersonalColumnName("birth_month"); // false
 */
export function isPersonalColumnName(header: string): boolean {
  const normalised = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return PERSONAL_COLUMN_NAMES.has(normalised);
}
