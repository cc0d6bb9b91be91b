import {provenanceFromMeta} from "../../loaders/aggregates/meta.js";
import {emitJson} from "../../loaders/emit.js";

// Provenance only (names, dates, sources): no number about children.
await emitJson(async (query) => ({provenance: await provenanceFromMeta(query)}), {counts: []});
