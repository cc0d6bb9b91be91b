/**
 * Reader-facing names for codes in the data: SEN2 primary types of need (DfE, "Special educational needs in
 * England" guidance) and referral sources (docs/data-dictionary.md).
 */

export const NEED_LABELS: Record<string, string> = {
  ASD: "Autistic spectrum disorder (ASD)",
  SLCN: "Speech, language and communication needs (SLCN)",
  SEMH: "Social, emotional and mental health (SEMH)",
  MLD: "Moderate learning difficulty (MLD)",
  SLD: "Severe learning difficulty (SLD)",
  PMLD: "Profound and multiple learning difficulty (PMLD)",
  SPLD: "Specific learning difficulty (SpLD)",
  PD: "Physical disability (PD)",
  HI: "Hearing impairment (HI)",
  VI: "Visual impairment (VI)",
  MSI: "Multi-sensory impairment (MSI)",
  OTH: "Other difficulty or disability (OTH)",
  NSA: "SEN support but no specialist assessment (NSA)"
};

export const SOURCE_LABELS: Record<string, string> = {
  panel: "Disability Resource Panel",
  online_form: "Online form",
  professional: "Professional referral"
};

/**
 * The reader-facing name of a code, or the code itself when unknown.
 *
 * @example
 * labelOf(NEED_LABELS, "ASD"); // "Autistic spectrum disorder (ASD)"
 */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}
