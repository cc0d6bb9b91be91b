import {join} from "node:path";
import {repoRoot} from "../../loaders/paths.js";
import {loadPublished} from "../../loaders/published/index.js";

process.stdout.write(`${JSON.stringify(loadPublished(join(repoRoot, "data", "published")), null, 1)}\n`);
