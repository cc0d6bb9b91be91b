/**
 * A value as plain text for tables, CSV cells and URLs: dates as ISO dates, objects as JSON, never
 * "[object Object]".
 *
 * @example
 * plainText(new Date("2024-05-01T00:00:00Z")); // "2024-05-01"
 * plainText(null); // ""
 */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return value.toString();
  return JSON.stringify(value) ?? "";
}
