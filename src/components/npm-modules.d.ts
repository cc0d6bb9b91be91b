// Pages and components import libraries with Framework's `npm:` protocol, which resolves to the modules vendored
// from node_modules (scripts/vendor-npm.ts). These declarations give those specifiers the packages' own types;
// vitest maps them back to node_modules (vitest.config.ts).
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:d3" {
  export * from "d3";
}
declare module "npm:arquero" {
  export * from "arquero";
}
declare module "npm:apache-arrow" {
  export * from "apache-arrow";
}
declare module "npm:simple-statistics" {
  export * from "simple-statistics";
}
declare module "npm:htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
