import {provenanceFromMeta} from "../../loaders/aggregates/meta.js";
import {emitJson} from "../../loaders/emit.js";

await emitJson(async (query) => ({provenance: await provenanceFromMeta(query)}));
