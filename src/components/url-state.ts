/**
 * Filter state in the page's URL, so a link opens the same view: each filter reads its initial value from the
 * query string and writes it back when it changes (with `history.replaceState`, so Back leaves the page).
 */
import {plainText} from "./plain-text.js";

/**
 * The value of a query-string parameter, if it is one of the allowed values.
 *
 * @example
 * // at page.html?fy=2024-25
 * urlParam("fy", ["2023-24", "2024-25"]); // "2024-25"
 */
export function urlParam(
  key: string,
  allowed?: readonly string[],
  search = globalThis.location?.search ?? ""
): string | undefined {
  const value = new URLSearchParams(search).get(key) ?? undefined;
  if (value === undefined || (allowed && !allowed.includes(value))) return undefined;
  return value;
}

/**
 * The query string with one parameter set (or removed when `value` is undefined or the default).
 *
 * @example
 * withParam("?a=1", "fy", "2024-25"); // "?a=1&fy=2024-25"
 */
export function withParam(search: string, key: string, value: string | undefined, defaultValue?: string): string {
  const params = new URLSearchParams(search);
  if (value === undefined || value === "" || value === defaultValue) params.delete(key);
  else params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Keeps an Observable Input's value in the URL under `key`. Returns the input, for use in `view(...)`.
 *
 * @example
 * const fy = view(bindToUrl(Inputs.select(years, {label: "Financial year", value: urlParam("fy", years) ?? years.at(-1)}), "fy"));
 */
export function bindToUrl<T extends HTMLElement & {value: unknown}>(
  input: T,
  key: string,
  options: {
    /** Writes the value as text; by default `String(value)`, and nothing for null. */
    serialize?: (value: unknown) => string | undefined;
    /** The same as `serialize`, for callers written before the rename. */
    toString?: (value: unknown) => string | undefined;
    defaultValue?: string;
  } = {}
): T {
  // An option named toString must be read as an own property: every object inherits Object.prototype.toString,
  // which wrote "[object Undefined]" into the URL.
  const serialize =
    options.serialize ??
    (Object.hasOwn(options, "toString") ? options.toString : undefined) ??
    ((value: unknown) => (value == null ? undefined : plainText(value)));
  input.addEventListener("input", () => {
    const search = withParam(location.search, key, serialize(input.value), options.defaultValue);
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  });
  return input;
}
